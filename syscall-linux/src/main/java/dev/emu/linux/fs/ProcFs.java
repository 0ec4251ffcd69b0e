package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.SyscallError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parts of /proc and /dev the emulator must answer itself because they describe the
 * guest, not the host: /proc/self (and /proc/PID) exe, maps, cmdline, environ, fd, cwd,
 * stat, status, comm; /proc/cpuinfo; the memory devices. Other /proc files are the host's.
 */
public final class ProcFs {
    /** A special file-system node. */
    public interface Node {
        /** Status of the node itself (a link's own, as lstat). */
        FileStat stat() throws IOException;

        /** The link target if this is a symbolic link, else null. */
        default String readlink() {
            return null;
        }

        /** Status of what the node names (stat, following a link). */
        default FileStat statFollow() throws IOException {
            return stat();
        }

        OpenFile open(int flags) throws IOException;

        /** Entries if this is a directory, else null. */
        default List<OpenFile.DirEntry> list() {
            return null;
        }
    }

    private final Kernel kernel;
    private final Vfs vfs;

    ProcFs(Kernel kernel, Vfs vfs) {
        this.kernel = kernel;
        this.vfs = vfs;
    }

    Node lookup(LinuxProcess p, String abs) {
        String[] parts = abs.substring(1).split("/");
        if (parts.length == 1) {
            return dir(abs, 1, () -> rootEntries(p));
        }
        String first = parts[1];
        if (first.equals("self") || first.equals("thread-self")) {
            if (parts.length == 2) {
                return link(p, abs, 0x10, () -> String.valueOf(p.pid()));
            }
            return processNode(p, p, abs, parts);
        }
        if (first.chars().allMatch(Character::isDigit)) {
            LinuxProcess target = kernel.process(Integer.parseInt(first));
            if (target == null) {
                throw new SyscallError(Errno.ENOENT);
            }
            return processNode(p, target, abs, parts);
        }
        if (parts.length == 2) {
            switch (first) {
                case "cpuinfo":
                    return file(abs, () -> p.abi().cpuinfo(Runtime.getRuntime().availableProcessors()));
                case "meminfo":
                    return hostOr(abs, MemInfo::text);
                case "version":
                    return file(abs, () -> "Linux version " + UnameInfo.release() + " (emu) " + UnameInfo.version() + "\n");
                case "uptime":
                    return hostOr(abs, () -> String.format("%.2f %.2f\n", kernel.uptimeNanos() / 1e9, 0.0));
                case "loadavg":
                    return hostOr(abs, () -> "0.00 0.00 0.00 1/1 " + p.pid() + "\n");
                default:
                    break;
            }
        }
        return null; // the host's /proc
    }

    private List<OpenFile.DirEntry> rootEntries(LinuxProcess p) {
        List<OpenFile.DirEntry> out = dots();
        for (LinuxProcess q : kernel.processes()) {
            out.add(new OpenFile.DirEntry(0x1000 + q.pid(), OpenFile.DT_DIR, String.valueOf(q.pid())));
        }
        out.add(new OpenFile.DirEntry(0x10, OpenFile.DT_LNK, "self"));
        String[] files = {"cpuinfo", "meminfo", "version", "uptime", "loadavg"};
        for (int i = 0; i < files.length; i++) {
            out.add(new OpenFile.DirEntry(0x20 + i, OpenFile.DT_REG, files[i]));
        }
        return out;
    }

    private Node processNode(LinuxProcess me, LinuxProcess p, String abs, String[] parts) {
        if (parts.length == 2) {
            return dir(abs, 0x1000 + p.pid(), () -> {
                List<OpenFile.DirEntry> out = dots();
                out.add(new OpenFile.DirEntry(0x40, OpenFile.DT_LNK, "exe"));
                out.add(new OpenFile.DirEntry(0x41, OpenFile.DT_LNK, "cwd"));
                out.add(new OpenFile.DirEntry(0x42, OpenFile.DT_DIR, "fd"));
                String[] files = {"maps", "cmdline", "environ", "stat", "status", "comm"};
                for (int i = 0; i < files.length; i++) {
                    out.add(new OpenFile.DirEntry(0x50 + i, OpenFile.DT_REG, files[i]));
                }
                return out;
            });
        }
        String what = parts[2];
        if (parts.length == 3) {
            switch (what) {
                case "exe":
                    return link(me, abs, 0x40, () -> p.exePath);
                case "cwd":
                    return link(me, abs, 0x41, () -> p.cwd());
                case "fd":
                    return dir(abs, 0x42, () -> {
                        List<OpenFile.DirEntry> out = dots();
                        for (int fd : p.fds().openFds()) {
                            out.add(new OpenFile.DirEntry(0x100 + fd, OpenFile.DT_LNK, String.valueOf(fd)));
                        }
                        return out;
                    });
                case "maps":
                    return file(abs, () -> p.memory() == null ? "" : p.memory().procMaps());
                case "cmdline":
                    return file(abs, () -> nulJoined(p.argv));
                case "environ":
                    return file(abs, () -> nulJoined(p.envp));
                case "comm":
                    return file(abs, () -> comm(p) + "\n");
                case "stat":
                    return file(abs, () -> p.pid() + " (" + comm(p) + ") R " + p.ppid() + " " + p.pid() + " "
                            + p.pid() + " 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 " + p.threads().size()
                            + " 0 0 0 0\n");
                case "status":
                    return file(abs, () -> "Name:\t" + comm(p) + "\nState:\tR (running)\nTgid:\t" + p.pid()
                            + "\nPid:\t" + p.pid() + "\nPPid:\t" + p.ppid() + "\nUid:\t" + HostIds.UID + "\t"
                            + HostIds.UID + "\t" + HostIds.UID + "\t" + HostIds.UID + "\nGid:\t" + HostIds.GID
                            + "\t" + HostIds.GID + "\t" + HostIds.GID + "\t" + HostIds.GID + "\nThreads:\t"
                            + p.threads().size() + "\n");
                default:
                    throw new SyscallError(Errno.ENOENT);
            }
        }
        if (parts.length == 4 && what.equals("fd") && parts[3].chars().allMatch(Character::isDigit)) {
            int fd = Integer.parseInt(parts[3]);
            OpenFile f = p.fds().getOrNull(fd);
            if (f == null) {
                throw new SyscallError(Errno.ENOENT);
            }
            return fdLink(me, f, 0x100 + fd);
        }
        throw new SyscallError(Errno.ENOENT);
    }

    /** /dev entries the emulator serves; null for the rest of /dev (the host's). */
    Node device(LinuxProcess p, String abs) {
        DeviceFile.Kind kind = switch (abs) {
            case "/dev/null" -> DeviceFile.Kind.NULL;
            case "/dev/zero" -> DeviceFile.Kind.ZERO;
            case "/dev/urandom" -> DeviceFile.Kind.URANDOM;
            case "/dev/random" -> DeviceFile.Kind.RANDOM;
            default -> null;
        };
        if (kind != null) {
            return new Node() {
                @Override
                public FileStat stat() {
                    return DeviceFile.statOf(kind);
                }

                @Override
                public OpenFile open(int flags) {
                    return new DeviceFile(abs, flags, kind);
                }
            };
        }
        switch (abs) {
            case "/dev/stdin":
                return link(p, abs, 0x60, () -> "/proc/self/fd/0");
            case "/dev/stdout":
                return link(p, abs, 0x61, () -> "/proc/self/fd/1");
            case "/dev/stderr":
                return link(p, abs, 0x62, () -> "/proc/self/fd/2");
            case "/dev/fd":
                return link(p, abs, 0x63, () -> "/proc/self/fd");
            default:
                if (abs.startsWith("/dev/fd/")) {
                    return link(p, abs, 0x64, () -> "/proc/self/fd/" + abs.substring(8));
                }
                return null;
        }
    }

    // ---------------------------------------------------------------- node kinds
    private static List<OpenFile.DirEntry> dots() {
        List<OpenFile.DirEntry> out = new ArrayList<>();
        out.add(new OpenFile.DirEntry(1, OpenFile.DT_DIR, "."));
        out.add(new OpenFile.DirEntry(1, OpenFile.DT_DIR, ".."));
        return out;
    }

    private Node dir(String abs, long ino, Supplier<List<OpenFile.DirEntry>> lister) {
        return new Node() {
            @Override
            public FileStat stat() {
                return FileStat.synthetic(FileStat.S_IFDIR | 0555, ino, 0, 0);
            }

            @Override
            public OpenFile open(int flags) {
                return new DirectoryFile(abs, flags, null, this::stat, lister);
            }

            @Override
            public List<OpenFile.DirEntry> list() {
                return lister.get();
            }
        };
    }

    private Node file(String abs, Supplier<String> content) {
        return new Node() {
            @Override
            public FileStat stat() {
                return FileStat.synthetic(FileStat.S_IFREG | 0444, abs.hashCode() & 0xffffL, 0, 0);
            }

            @Override
            public OpenFile open(int flags) {
                byte[] data = content.get().getBytes(StandardCharsets.UTF_8);
                return new MemoryFile(abs, flags, data, stat());
            }
        };
    }

    /** The host's file when there is one (Linux hosts), else generated text. */
    private Node hostOr(String abs, Supplier<String> fallback) {
        Path host = Path.of(abs);
        return file(abs, () -> {
            try {
                if (Files.isReadable(host)) {
                    return Files.readString(host);
                }
            } catch (IOException ignored) {
                // fall back
            }
            return fallback.get();
        });
    }

    private Node link(LinuxProcess caller, String abs, long ino, Supplier<String> target) {
        return new Node() {
            @Override
            public FileStat stat() {
                String t = target.get();
                return FileStat.synthetic(FileStat.S_IFLNK | 0777, ino, t == null ? 0 : t.length(), 0);
            }

            @Override
            public String readlink() {
                return target.get();
            }

            @Override
            public FileStat statFollow() throws IOException {
                return vfs.statPath(caller, absoluteTarget(abs, target.get()), true);
            }

            @Override
            public OpenFile open(int flags) throws IOException {
                return vfs.open(caller, Vfs.AT_FDCWD, absoluteTarget(abs, target.get()), flags, 0);
            }
        };
    }

    private Node fdLink(LinuxProcess caller, OpenFile f, long ino) {
        return new Node() {
            @Override
            public FileStat stat() {
                return FileStat.synthetic(FileStat.S_IFLNK | 0700, ino, 64, 0);
            }

            @Override
            public String readlink() {
                Path h = f.hostPath();
                if (h != null) {
                    return vfs.guestPathOfHost(h);
                }
                return f.guestPath();
            }

            @Override
            public FileStat statFollow() throws IOException {
                return f.stat();
            }

            @Override
            public OpenFile open(int flags) throws IOException {
                Path h = f.hostPath();
                if (h != null && !(f instanceof DirectoryFile)) {
                    return vfs.open(caller, Vfs.AT_FDCWD, vfs.guestPathOfHost(h), flags, 0);
                }
                return f.retain();
            }
        };
    }

    /** A relative link target names a sibling of the link. */
    private static String absoluteTarget(String linkPath, String target) {
        if (target == null) {
            throw new SyscallError(Errno.ENOENT);
        }
        return target.startsWith("/") ? target : linkPath.substring(0, linkPath.lastIndexOf('/') + 1) + target;
    }

    private static String nulJoined(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            sb.append(s).append('\0');
        }
        return sb.toString();
    }

    private static String comm(LinuxProcess p) {
        String exe = p.exePath == null ? "emu" : p.exePath;
        String name = exe.substring(exe.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }
}

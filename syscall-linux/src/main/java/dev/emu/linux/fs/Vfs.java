package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.SyscallError;

import dev.emu.linux.abi.OpenFlags;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's view of the file system: guest paths resolve against the process's cwd or a
 * directory fd, then under the guest root (-L) when the file exists there (as qemu-user
 * does, so a foreign sysroot overlays the host), else on the host. /proc and a few /dev
 * entries are served by {@link ProcFs} and {@link DeviceFile}.
 */
public final class Vfs {
    public static final int AT_FDCWD = -100;

    private final Kernel kernel;
    private final Path root;
    private final ProcFs proc;

    public Vfs(Kernel kernel, Path root) {
        this.kernel = kernel;
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.proc = new ProcFs(kernel, this);
    }

    public Path root() {
        return root;
    }

    public ProcFs proc() {
        return proc;
    }

    /** Where a path names: an absolute normalised guest path, and either a host path or a special node. */
    public record Resolved(String guestPath, Path host, ProcFs.Node special) {
        public boolean isSpecial() {
            return special != null;
        }
    }

    /** The absolute, lexically normalised guest path for {@code path} relative to {@code dirfd}. */
    public String absolute(LinuxProcess p, int dirfd, String path) {
        if (path.isEmpty()) {
            throw new SyscallError(Errno.ENOENT);
        }
        if (path.startsWith("/")) {
            return normalize(path);
        }
        String base;
        if (dirfd == AT_FDCWD) {
            base = p.cwd();
        } else {
            OpenFile f = p.fds().get(dirfd);
            if (!(f instanceof DirectoryFile)) {
                throw new SyscallError(Errno.ENOTDIR);
            }
            base = f.guestPath();
        }
        return normalize(base + "/" + path);
    }

    public Resolved resolve(LinuxProcess p, int dirfd, String path) {
        String abs = absolute(p, dirfd, path);
        ProcFs.Node special = special(p, abs);
        if (special != null) {
            return new Resolved(abs, null, special);
        }
        return new Resolved(abs, hostPath(abs), null);
    }

    /** A special node for {@code abs}, or null when it is an ordinary host path. */
    ProcFs.Node special(LinuxProcess p, String abs) {
        if (abs.equals("/proc") || abs.startsWith("/proc/")) {
            return proc.lookup(p, abs);
        }
        if (abs.startsWith("/dev/")) {
            return proc.device(p, abs);
        }
        return null;
    }

    /** The host file for an absolute guest path. */
    public Path hostPath(String abs) {
        try {
            if (root != null) {
                Path inRoot = root.resolve(abs.substring(1));
                if (Files.exists(inRoot, LinkOption.NOFOLLOW_LINKS)) {
                    return inRoot;
                }
                Path parent = inRoot.getParent();
                Path hostAbs = Path.of(abs);
                if (parent != null && Files.isDirectory(parent) && !Files.exists(hostAbs, LinkOption.NOFOLLOW_LINKS)) {
                    return inRoot; // a file being created inside the root
                }
                return hostAbs;
            }
            return Path.of(abs);
        } catch (InvalidPathException e) {
            throw new SyscallError(Errno.ENOENT);
        }
    }

    /** The guest path that shows a host path (the inverse of {@link #hostPath} for the cwd). */
    public String guestPathOfHost(Path host) {
        Path abs = host.toAbsolutePath().normalize();
        if (root != null && abs.startsWith(root)) {
            String rel = root.relativize(abs).toString().replace('\\', '/');
            return rel.isEmpty() ? "/" : "/" + rel;
        }
        String s = abs.toString().replace('\\', '/');
        if (!s.startsWith("/")) {
            // a Windows host: C:/x becomes /C:/x
            s = "/" + s;
        }
        return s;
    }

    // ---------------------------------------------------------------- operations on paths
    /** open(2) in canonical flags; the caller installs the result in the fd table. */
    public OpenFile open(LinuxProcess p, int dirfd, String path, int flags, int mode) throws IOException {
        Resolved r = resolve(p, dirfd, path);
        if (r.special() != null) {
            if ((flags & OpenFlags.O_NOFOLLOW) != 0 && r.special().readlink() != null) {
                throw new SyscallError(Errno.ELOOP);
            }
            OpenFile f = r.special().open(flags);
            if ((flags & OpenFlags.O_DIRECTORY) != 0 && !f.isDirectory()) {
                f.release();
                throw new SyscallError(Errno.ENOTDIR);
            }
            return f;
        }
        return openHost(r.guestPath(), r.host(), flags, mode & ~p.umask());
    }

    private OpenFile openHost(String guest, Path h, int flags, int mode) throws IOException {
        boolean follow = (flags & OpenFlags.O_NOFOLLOW) == 0;
        FileStat st = null;
        try {
            st = HostStat.of(h, follow);
        } catch (NoSuchFileException e) {
            // created below, or ENOENT
        }
        int acc = flags & OpenFlags.O_ACCMODE;
        boolean creat = (flags & OpenFlags.O_CREAT) != 0;
        if (st != null) {
            if (creat && (flags & OpenFlags.O_EXCL) != 0) {
                throw new SyscallError(Errno.EEXIST);
            }
            if (st.type() == FileStat.S_IFLNK) {
                throw new SyscallError(Errno.ELOOP); // only reached with O_NOFOLLOW
            }
            if (st.isDirectory()) {
                if (acc != OpenFlags.O_RDONLY || creat) {
                    throw new SyscallError(Errno.EISDIR);
                }
                FileStat dirStat = st;
                return new DirectoryFile(guest, flags, h, () -> HostStat.of(h, true), () -> listHost(h, dirStat));
            }
            if ((flags & OpenFlags.O_DIRECTORY) != 0) {
                throw new SyscallError(Errno.ENOTDIR);
            }
        } else if (!creat) {
            throw new SyscallError(Errno.ENOENT);
        }
        Set<StandardOpenOption> opts = EnumSet.noneOf(StandardOpenOption.class);
        if (acc == OpenFlags.O_RDONLY || acc == OpenFlags.O_RDWR || (flags & OpenFlags.O_PATH) != 0) {
            opts.add(StandardOpenOption.READ);
        }
        if (acc == OpenFlags.O_WRONLY || acc == OpenFlags.O_RDWR) {
            opts.add(StandardOpenOption.WRITE);
            if ((flags & OpenFlags.O_TRUNC) != 0 && (st == null || st.type() == FileStat.S_IFREG)) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        if (creat && st == null) {
            opts.add(StandardOpenOption.WRITE);
            opts.add(StandardOpenOption.CREATE_NEW);
        }
        FileChannel ch;
        try {
            if (creat && st == null) {
                try {
                    ch = FileChannel.open(h, opts, PosixFilePermissions.asFileAttribute(HostStat.permSet(mode)));
                } catch (UnsupportedOperationException e) {
                    ch = FileChannel.open(h, opts);
                }
            } else {
                ch = FileChannel.open(h, opts);
            }
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Is a directory")) {
                throw new SyscallError(Errno.EISDIR);
            }
            throw e;
        }
        boolean regular = st == null || st.type() == FileStat.S_IFREG;
        return new HostFile(guest, flags, h, ch, regular);
    }

    private static List<OpenFile.DirEntry> listHost(Path h, FileStat self) {
        List<OpenFile.DirEntry> out = new ArrayList<>();
        out.add(new OpenFile.DirEntry(self.ino(), OpenFile.DT_DIR, "."));
        long parentIno = self.ino();
        try {
            Path parent = h.toAbsolutePath().getParent();
            if (parent != null) {
                parentIno = HostStat.of(parent, true).ino();
            }
        } catch (IOException ignored) {
            // keep our own
        }
        out.add(new OpenFile.DirEntry(parentIno, OpenFile.DT_DIR, ".."));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(h)) {
            for (Path e : ds) {
                long ino = 0;
                int type = OpenFile.DT_UNKNOWN;
                try {
                    FileStat s = HostStat.of(e, false);
                    ino = s.ino();
                    type = HostStat.dtype(s.mode());
                } catch (IOException ignored) {
                    // vanished meanwhile: DT_UNKNOWN
                }
                out.add(new OpenFile.DirEntry(ino, type, e.getFileName().toString()));
            }
        } catch (IOException ignored) {
            // an unreadable directory lists as empty
        }
        return out;
    }

    /** stat (follow) or lstat. */
    public FileStat statPath(LinuxProcess p, String path, boolean follow) throws IOException {
        return stat(resolve(p, AT_FDCWD, path), follow);
    }

    public FileStat stat(Resolved r, boolean follow) throws IOException {
        if (r.special() != null) {
            return follow ? r.special().statFollow() : r.special().stat();
        }
        return HostStat.of(r.host(), follow);
    }

    /** readlink: the target as the guest should see it. */
    public String readlink(Resolved r) throws IOException {
        if (r.special() != null) {
            String t = r.special().readlink();
            if (t == null) {
                throw new SyscallError(Errno.EINVAL);
            }
            return t;
        }
        try {
            return Files.readSymbolicLink(r.host()).toString();
        } catch (NotLinkException e) {
            throw new SyscallError(Errno.EINVAL);
        }
    }

    /** Collapses "//", "." and ".." lexically; the result starts with "/" and has no trailing "/". */
    public static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(s);
        }
        return "/" + String.join("/", parts);
    }
}

package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallError;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.fs.FileStat;
import dev.emu.linux.fs.HostStat;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.Vfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/** Syscalls on paths: stat, access, links, directories, renames, modes, times, the cwd. */
public final class PathSyscalls {
    public static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EACCESS = 0x200,
            AT_SYMLINK_FOLLOW = 0x400, AT_NO_AUTOMOUNT = 0x800, AT_EMPTY_PATH = 0x1000;
    static final int AT_FDCWD = Vfs.AT_FDCWD;

    private PathSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "newfstatat" -> c -> fstatat(c, c.intArg(0), c.ptrArg(1), c.ptrArg(2), c.intArg(3));
            case "stat" -> c -> fstatat(c, AT_FDCWD, c.ptrArg(0), c.ptrArg(1), 0);
            case "lstat" -> c -> fstatat(c, AT_FDCWD, c.ptrArg(0), c.ptrArg(1), AT_SYMLINK_NOFOLLOW);
            case "statx" -> PathSyscalls::statx;
            case "readlinkat" -> c -> readlink(c, c.intArg(0), c.path(1), c.ptrArg(2), c.ptrArg(3));
            case "readlink" -> c -> readlink(c, AT_FDCWD, c.path(0), c.ptrArg(1), c.ptrArg(2));
            case "faccessat" -> c -> access(c, c.intArg(0), c.path(1), c.intArg(2), 0);
            case "faccessat2" -> c -> access(c, c.intArg(0), c.path(1), c.intArg(2), c.intArg(3));
            case "access" -> c -> access(c, AT_FDCWD, c.path(0), c.intArg(1), 0);
            case "mkdirat" -> c -> mkdir(c, c.intArg(0), c.path(1), c.intArg(2));
            case "mkdir" -> c -> mkdir(c, AT_FDCWD, c.path(0), c.intArg(1));
            case "unlinkat" -> c -> unlink(c, c.intArg(0), c.path(1), c.intArg(2));
            case "unlink" -> c -> unlink(c, AT_FDCWD, c.path(0), 0);
            case "rmdir" -> c -> unlink(c, AT_FDCWD, c.path(0), AT_REMOVEDIR);
            case "renameat" -> c -> rename(c, c.intArg(0), c.path(1), c.intArg(2), c.path(3), 0);
            case "renameat2" -> c -> rename(c, c.intArg(0), c.path(1), c.intArg(2), c.path(3), c.intArg(4));
            case "rename" -> c -> rename(c, AT_FDCWD, c.path(0), AT_FDCWD, c.path(1), 0);
            case "linkat" -> c -> link(c, c.intArg(0), c.path(1), c.intArg(2), c.path(3));
            case "link" -> c -> link(c, AT_FDCWD, c.path(0), AT_FDCWD, c.path(1));
            case "symlinkat" -> c -> symlink(c, c.path(0), c.intArg(1), c.path(2));
            case "symlink" -> c -> symlink(c, c.path(0), AT_FDCWD, c.path(1));
            case "fchmodat" -> c -> chmod(c, host(c, c.intArg(0), c.path(1)), c.intArg(2));
            case "fchmodat2" -> c -> chmod(c, host(c, c.intArg(0), c.path(1)), c.intArg(2));
            case "chmod" -> c -> chmod(c, host(c, AT_FDCWD, c.path(0)), c.intArg(1));
            case "fchmod" -> c -> chmod(c, FileSyscalls.hostOf(FileSyscalls.file(c, 0)), c.intArg(1));
            case "fchownat" -> c -> chown(host(c, c.intArg(0), c.path(1)), c.intArg(2), c.intArg(3),
                    (c.intArg(4) & AT_SYMLINK_NOFOLLOW) == 0);
            case "fchown" -> c -> chown(FileSyscalls.hostOf(FileSyscalls.file(c, 0)), c.intArg(1), c.intArg(2), true);
            case "utimensat" -> PathSyscalls::utimensat;
            case "truncate" -> c -> {
                if (c.arg(1) < 0) {
                    return -Errno.EINVAL;
                }
                Path p = host(c, AT_FDCWD, c.path(0));
                if (Files.isDirectory(p)) {
                    return -Errno.EISDIR;
                }
                try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                    if (c.arg(1) < ch.size()) {
                        ch.truncate(c.arg(1));
                    } else if (c.arg(1) > ch.size()) {
                        ch.write(java.nio.ByteBuffer.wrap(new byte[1]), c.arg(1) - 1);
                    }
                }
                return 0;
            };
            case "getcwd" -> PathSyscalls::getcwd;
            case "chdir" -> c -> chdir(c, c.kernel.vfs().absolute(c.proc, AT_FDCWD, c.path(0)));
            case "fchdir" -> c -> {
                OpenFile f = FileSyscalls.file(c, 0);
                if (!f.isDirectory()) {
                    return -Errno.ENOTDIR;
                }
                c.proc.setCwd(f.guestPath());
                return 0;
            };
            case "chroot" -> c -> -Errno.EPERM;
            case "umask" -> c -> {
                int old = c.proc.umask();
                c.proc.setUmask(c.intArg(0) & 0777);
                return old;
            };
            case "statfs" -> c -> statfs(c, c.kernel.vfs().resolve(c.proc, AT_FDCWD, c.path(0)), c.ptrArg(1));
            case "fstatfs" -> c -> {
                OpenFile f = FileSyscalls.file(c, 0);
                Path h = f.hostPath();
                return statfs(c, new Vfs.Resolved(f.guestPath(), h, null), c.ptrArg(1));
            };
            case "mknodat" -> c -> mknod(c, c.intArg(0), c.path(1), c.intArg(2));
            default -> null;
        };
    }

    static Vfs.Resolved resolve(SyscallContext c, int dirfd, String path) {
        return c.kernel.vfs().resolve(c.proc, dirfd, path);
    }

    /** The host path for a path argument; EPERM-free specials get EACCES (they are read-only). */
    static Path host(SyscallContext c, int dirfd, String path) {
        Vfs.Resolved r = resolve(c, dirfd, path);
        if (r.special() != null) {
            throw new SyscallError(Errno.EACCES);
        }
        return r.host();
    }

    /** stat of dirfd+path, or of dirfd itself for AT_EMPTY_PATH with "". */
    static FileStat statAt(SyscallContext c, int dirfd, long pathPtr, int flags) throws IOException {
        String path = c.cString(pathPtr, 4096);
        if (path.isEmpty()) {
            if ((flags & AT_EMPTY_PATH) == 0) {
                throw new SyscallError(Errno.ENOENT);
            }
            if (dirfd == AT_FDCWD) {
                return c.kernel.vfs().statPath(c.proc, c.proc.cwd(), true);
            }
            return c.proc.fds().get(dirfd).stat();
        }
        return c.kernel.vfs().stat(resolve(c, dirfd, path), (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    static long fstatat(SyscallContext c, int dirfd, long pathPtr, long buf, int flags) throws IOException {
        FileStat s = statAt(c, dirfd, pathPtr, flags);
        c.write(buf, c.structs.stat(s));
        c.outValue = s;
        return 0;
    }

    static long statx(SyscallContext c) throws IOException {
        FileStat s = statAt(c, c.intArg(0), c.ptrArg(1), c.intArg(2));
        // STATX_BASIC_STATS (0x7ff); no birth time
        c.write(c.ptrArg(4), c.structs.statx(s, 0x7ff));
        return 0;
    }

    static long readlink(SyscallContext c, int dirfd, String path, long buf, long size) throws IOException {
        if ((int) size <= 0) {
            return -Errno.EINVAL;
        }
        String target;
        if (path.isEmpty()) {
            return -Errno.ENOENT;
        }
        target = c.kernel.vfs().readlink(resolve(c, dirfd, path));
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, size);
        c.write(buf, b, 0, n);
        if (c.kernel.options().strace) {
            c.outData = java.util.Arrays.copyOf(b, n);
        }
        return n;
    }

    static long access(SyscallContext c, int dirfd, String path, int mode, int flags) throws IOException {
        Vfs.Resolved r = resolve(c, dirfd, path);
        FileStat s = c.kernel.vfs().stat(r, (flags & AT_SYMLINK_NOFOLLOW) == 0);
        if (mode == 0 || r.special() != null) {
            return (mode & 2) != 0 && r.special() != null && !s.isDirectory() && s.type() != FileStat.S_IFCHR
                    ? -Errno.EACCES : 0;
        }
        Path h = r.host();
        if ((mode & 4) != 0 && !Files.isReadable(h)) {
            return -Errno.EACCES;
        }
        if ((mode & 2) != 0 && !Files.isWritable(h)) {
            return -Errno.EACCES;
        }
        if ((mode & 1) != 0 && !Files.isExecutable(h)) {
            return -Errno.EACCES;
        }
        return 0;
    }

    static long mkdir(SyscallContext c, int dirfd, String path, int mode) throws IOException {
        Path p = host(c, dirfd, path);
        int m = mode & ~c.proc.umask() & 07777;
        try {
            Files.createDirectory(p, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(HostStat.permSet(m)));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(p);
        }
        return 0;
    }

    static long unlink(SyscallContext c, int dirfd, String path, int flags) throws IOException {
        Path p = host(c, dirfd, path);
        FileStat s = HostStat.of(p, false);
        if ((flags & AT_REMOVEDIR) != 0) {
            if (!s.isDirectory()) {
                return -Errno.ENOTDIR;
            }
        } else if (s.isDirectory()) {
            return -Errno.EISDIR;
        }
        Files.delete(p);
        return 0;
    }

    static long rename(SyscallContext c, int olddirfd, String oldpath, int newdirfd, String newpath, int flags)
            throws IOException {
        Path from = host(c, olddirfd, oldpath);
        Path to = host(c, newdirfd, newpath);
        if ((flags & ~1) != 0) {
            return -Errno.EINVAL; // RENAME_EXCHANGE and RENAME_WHITEOUT: not on every host file system
        }
        HostStat.of(from, false);
        if ((flags & 1) != 0 && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return -Errno.EEXIST;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }

    static long link(SyscallContext c, int olddirfd, String oldpath, int newdirfd, String newpath) throws IOException {
        Files.createLink(host(c, newdirfd, newpath), host(c, olddirfd, oldpath));
        return 0;
    }

    static long symlink(SyscallContext c, String target, int newdirfd, String linkpath) throws IOException {
        Path link = host(c, newdirfd, linkpath);
        Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
        return 0;
    }

    static long chmod(SyscallContext c, Path p, int mode) throws IOException {
        try {
            Files.setAttribute(p, "unix:mode", mode & 07777);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Files.setPosixFilePermissions(p, HostStat.permSet(mode));
        }
        return 0;
    }

    static long chown(Path p, int uid, int gid, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        FileStat s = HostStat.of(p, follow);
        try {
            if (uid != -1 && uid != s.uid()) {
                Files.setAttribute(p, "unix:uid", uid, opts);
            }
            if (gid != -1 && gid != s.gid()) {
                Files.setAttribute(p, "unix:gid", gid, opts);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return -Errno.EPERM;
        }
        return 0;
    }

    static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    static long utimensat(SyscallContext c) throws IOException {
        int dirfd = c.intArg(0);
        long pathPtr = c.ptrArg(1);
        long timesPtr = c.ptrArg(2);
        int flags = c.intArg(3);
        Path p;
        if (pathPtr == 0) {
            p = FileSyscalls.hostOf(c.proc.fds().get(dirfd));
        } else {
            String path = c.cString(pathPtr, 4096);
            p = path.isEmpty() && (flags & AT_EMPTY_PATH) != 0 ? FileSyscalls.hostOf(c.proc.fds().get(dirfd))
                    : host(c, dirfd, path);
        }
        FileTime now = FileTime.from(java.time.Instant.now());
        FileTime atime = now;
        FileTime mtime = now;
        if (timesPtr != 0) {
            int ts = c.structs.timespecSize();
            byte[] b = c.read(timesPtr, 2 * ts);
            long[] a = c.structs.readTimespec(java.util.Arrays.copyOfRange(b, 0, ts));
            long[] m = c.structs.readTimespec(java.util.Arrays.copyOfRange(b, ts, 2 * ts));
            atime = time(a, now);
            mtime = time(m, now);
        }
        LinkOption[] opts = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS}
                : new LinkOption[0];
        if (!Files.exists(p, opts)) {
            return -Errno.ENOENT;
        }
        Files.getFileAttributeView(p, BasicFileAttributeView.class, opts).setTimes(mtime, atime, null);
        return 0;
    }

    private static FileTime time(long[] ts, FileTime now) {
        if (ts[1] == UTIME_NOW) {
            return now;
        }
        if (ts[1] == UTIME_OMIT) {
            return null;
        }
        if (ts[1] < 0 || ts[1] >= 1_000_000_000L) {
            throw new SyscallError(Errno.EINVAL);
        }
        return FileTime.from(ts[0] * 1_000_000_000L + ts[1], TimeUnit.NANOSECONDS);
    }

    static long getcwd(SyscallContext c) {
        byte[] b = (c.proc.cwd() + "\0").getBytes(StandardCharsets.UTF_8);
        long size = c.ptrArg(1);
        if (size < b.length) {
            return -Errno.ERANGE;
        }
        c.write(c.ptrArg(0), b);
        return b.length;
    }

    static long chdir(SyscallContext c, String abs) throws IOException {
        FileStat s = c.kernel.vfs().statPath(c.proc, abs, true);
        if (!s.isDirectory()) {
            return -Errno.ENOTDIR;
        }
        c.proc.setCwd(abs);
        return 0;
    }

    static long statfs(SyscallContext c, Vfs.Resolved r, long buf) throws IOException {
        long type = 0xEF53;
        long total = 1L << 30;
        long free = 1L << 29;
        long avail = free;
        if (r.special() != null || r.host() == null) {
            type = r.guestPath().startsWith("/proc") ? 0x9fa0 : 0x01021994;
            total = free = avail = 0;
        } else {
            FileStore store = Files.getFileStore(r.host());
            type = switch (store.type()) {
                case "tmpfs" -> 0x01021994L;
                case "overlay" -> 0x794c7630L;
                case "btrfs" -> 0x9123683EL;
                case "xfs" -> 0x58465342L;
                case "proc" -> 0x9fa0L;
                case "nfs", "nfs4" -> 0x6969L;
                default -> 0xEF53L;
            };
            total = store.getTotalSpace();
            free = store.getUnallocatedSpace();
            avail = store.getUsableSpace();
        }
        long bs = 4096;
        c.write(buf, c.structs.statfs(type, bs, total / bs, free / bs, avail / bs, 1 << 20, 1 << 19, 255, 0));
        return 0;
    }

    static long mknod(SyscallContext c, int dirfd, String path, int mode) throws IOException {
        int type = mode & FileStat.S_IFMT;
        if (type == FileStat.S_IFREG || type == 0) {
            Path p = host(c, dirfd, path);
            Files.createFile(p);
            return chmod(c, p, mode & ~c.proc.umask());
        }
        return -Errno.EPERM;
    }
}

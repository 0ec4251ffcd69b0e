package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallError;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.fs.DirectoryFile;
import dev.emu.linux.fs.FdTable;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.StdStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Syscalls on file descriptors: open and close, I/O, seeking, fcntl, ioctl, getdents64. */
public final class FileSyscalls {
    /** Largest single transfer we stage through a Java buffer (Linux caps at 0x7ffff000 too). */
    static final int MAX_IO = 0x7ffff000;
    private static final int CHUNK = 1 << 20;

    private FileSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "openat" -> FileSyscalls::openat;
            case "open" -> c -> open(c, dev.emu.linux.fs.Vfs.AT_FDCWD, c.path(0), c.intArg(1), c.intArg(2));
            case "creat" -> c -> open(c, dev.emu.linux.fs.Vfs.AT_FDCWD, c.path(0),
                    OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, c.intArg(1));
            case "close" -> c -> {
                c.proc.fds().close(c.intArg(0));
                return 0;
            };
            case "close_range" -> FileSyscalls::closeRange;
            case "read" -> FileSyscalls::read;
            case "write" -> FileSyscalls::write;
            case "pread64" -> FileSyscalls::pread;
            case "pwrite64" -> FileSyscalls::pwrite;
            case "readv" -> c -> vectored(c, false, -1);
            case "writev" -> c -> vectored(c, true, -1);
            case "preadv" -> c -> vectored(c, false, c.arg(3));
            case "pwritev" -> c -> vectored(c, true, c.arg(3));
            case "lseek" -> c -> file(c, 0).seek(c.arg(1), c.intArg(2));
            // _llseek(fd, offset_high, offset_low, loff_t *result, whence): 32-bit ABIs and powerpc64
            case "_llseek" -> c -> {
                long offset = (c.arg(1) & 0xffffffffL) << 32 | (c.arg(2) & 0xffffffffL);
                long r = file(c, 0).seek(offset, c.intArg(4));
                if (r < 0) {
                    return r;
                }
                c.writeU64(c.ptrArg(3), r);
                return 0;
            };
            case "fstat" -> c -> {
                var s = file(c, 0).stat();
                c.write(c.ptrArg(1), c.structs.stat(s));
                c.outValue = s;
                return 0;
            };
            case "getdents64" -> FileSyscalls::getdents64;
            case "dup" -> c -> {
                OpenFile f = file(c, 0).retain();
                return c.proc.fds().install(f, 0, false);
            };
            case "dup2" -> c -> dup3(c, c.intArg(0), c.intArg(1), 0, true);
            case "dup3" -> c -> dup3(c, c.intArg(0), c.intArg(1), c.intArg(2), false);
            case "fcntl" -> FileSyscalls::fcntl;
            case "ioctl" -> FileSyscalls::ioctl;
            case "fsync" -> c -> {
                file(c, 0).sync();
                return 0;
            };
            case "fdatasync" -> c -> {
                file(c, 0).sync();
                return 0;
            };
            case "sync" -> c -> 0;
            case "syncfs" -> c -> {
                file(c, 0);
                return 0;
            };
            case "ftruncate" -> c -> {
                if (c.arg(1) < 0) {
                    return -Errno.EINVAL;
                }
                file(c, 0).truncate(c.arg(1));
                return 0;
            };
            case "fadvise64" -> c -> {
                file(c, 0);
                return 0;
            };
            case "flock" -> c -> {
                file(c, 0);
                return 0;
            };
            case "fallocate" -> c -> -Errno.EOPNOTSUPP;
            case "sendfile" -> FileSyscalls::sendfile;
            default -> null;
        };
    }

    static OpenFile file(SyscallContext c, int argIndex) {
        return c.proc.fds().get(c.intArg(argIndex));
    }

    static long openat(SyscallContext c) throws IOException {
        return open(c, c.intArg(0), c.path(1), c.intArg(2), c.intArg(3));
    }

    static long open(SyscallContext c, int dirfd, String path, int guestFlags, int mode) throws IOException {
        int flags = c.abi.openFlagsIn(guestFlags);
        OpenFile f = c.kernel.vfs().open(c.proc, dirfd, path, flags, mode);
        return c.proc.fds().install(f, 0, (flags & OpenFlags.O_CLOEXEC) != 0);
    }

    static long closeRange(SyscallContext c) {
        long first = c.arg(0) & 0xffffffffL;
        long last = c.arg(1) & 0xffffffffL;
        int flags = c.intArg(2);
        FdTable t = c.proc.fds();
        for (int fd : t.openFds()) {
            if (fd >= first && fd <= last) {
                if ((flags & 4) != 0) { // CLOSE_RANGE_CLOEXEC
                    t.setCloseOnExec(fd, true);
                } else {
                    t.close(fd);
                }
            }
        }
        return 0;
    }

    static long read(SyscallContext c) throws IOException {
        OpenFile f = file(c, 0);
        int len = (int) Math.min(c.ptrArg(2), MAX_IO);
        int want = Math.min(len, CHUNK);
        byte[] buf = c.ioBuffer(want);
        int n = f.read(buf, 0, want);
        c.write(c.ptrArg(1), buf, 0, n);
        if (c.kernel.options().strace) {
            c.outData = java.util.Arrays.copyOf(buf, n);
        }
        return n;
    }

    static long write(SyscallContext c) throws IOException {
        OpenFile f = file(c, 0);
        long len = Math.min(c.ptrArg(2), MAX_IO);
        long addr = c.ptrArg(1);
        long done = 0;
        while (done < len) {
            int n = (int) Math.min(CHUNK, len - done);
            byte[] buf;
            try {
                buf = c.readToIoBuffer(addr + done, n);
            } catch (SyscallError e) {
                if (done > 0) {
                    return done;
                }
                throw e;
            }
            int w = f.write(buf, 0, n);
            done += w;
            if (w < n) {
                break;
            }
        }
        return done;
    }

    static long pread(SyscallContext c) throws IOException {
        OpenFile f = file(c, 0);
        if (c.arg(3) < 0) {
            return -Errno.EINVAL;
        }
        int len = (int) Math.min(Math.min(c.ptrArg(2), MAX_IO), CHUNK);
        byte[] buf = c.ioBuffer(len);
        int n = f.pread(c.arg(3), buf, 0, len);
        c.write(c.ptrArg(1), buf, 0, n);
        return n;
    }

    static long pwrite(SyscallContext c) throws IOException {
        OpenFile f = file(c, 0);
        if (c.arg(3) < 0) {
            return -Errno.EINVAL;
        }
        int len = (int) Math.min(c.ptrArg(2), CHUNK);
        byte[] buf = c.readToIoBuffer(c.ptrArg(1), len);
        return f.pwrite(c.arg(3), buf, 0, len);
    }

    /** readv/writev (pos -1) and preadv/pwritev: one iovec at a time, stopping at a short transfer. */
    static long vectored(SyscallContext c, boolean write, long pos) throws IOException {
        OpenFile f = file(c, 0);
        int iovcnt = c.intArg(2);
        if (iovcnt < 0 || iovcnt > 1024) {
            return -Errno.EINVAL;
        }
        int w = c.structs.wordSize();
        byte[] iov = c.read(c.ptrArg(1), iovcnt * 2 * w);
        GuestBuffer g = c.structs.wrap(iov);
        long total = 0;
        for (int i = 0; i < iovcnt; i++) {
            long base = g.getWord(2 * w * i, c.abi.wordBits());
            long len = Math.min(g.getWord(2 * w * i + w, c.abi.wordBits()), CHUNK);
            if (len == 0) {
                continue;
            }
            int n;
            if (write) {
                byte[] buf = c.readToIoBuffer(base, (int) len);
                n = pos < 0 ? f.write(buf, 0, (int) len) : f.pwrite(pos + total, buf, 0, (int) len);
            } else {
                byte[] buf = c.ioBuffer((int) len);
                n = pos < 0 ? f.read(buf, 0, (int) len) : f.pread(pos + total, buf, 0, (int) len);
                c.write(base, buf, 0, n);
            }
            total += n;
            if (n < len) {
                break;
            }
        }
        return total;
    }

    static long getdents64(SyscallContext c) throws IOException {
        OpenFile f = file(c, 0);
        long addr = c.ptrArg(1);
        int count = (int) Math.min(c.ptrArg(2), CHUNK);
        List<OpenFile.DirEntry> batch = f.readDir(Math.max(1, count / 24));
        byte[] out = new byte[count];
        GuestBuffer g = c.structs.wrap(out);
        int pos = 0;
        int used = 0;
        long next = f instanceof DirectoryFile d ? d.position() - batch.size() : 0;
        for (OpenFile.DirEntry e : batch) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + name.length + 1 + 7) & ~7;
            if (pos + reclen > count) {
                break;
            }
            next++;
            g.u64(pos, e.ino()).u64(pos + 8, next).u16(pos + 16, reclen).u8(pos + 18, e.type());
            System.arraycopy(name, 0, out, pos + 19, name.length);
            pos += reclen;
            used++;
        }
        if (used < batch.size()) {
            f.unreadDir(batch.subList(used, batch.size()));
            if (used == 0) {
                return -Errno.EINVAL; // buffer too small for one entry
            }
        }
        c.write(addr, out, 0, pos);
        return pos;
    }

    static long dup3(SyscallContext c, int oldfd, int newfd, int flags, boolean dup2) {
        OpenFile f = c.proc.fds().get(oldfd);
        if (oldfd == newfd) {
            return dup2 ? newfd : -Errno.EINVAL;
        }
        int canonical = c.abi.openFlagsIn(flags);
        if ((canonical & ~OpenFlags.O_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        c.proc.fds().installAt(newfd, f.retain(), (canonical & OpenFlags.O_CLOEXEC) != 0);
        return newfd;
    }

    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6,
            F_SETLKW = 7, F_SETOWN = 8, F_GETOWN = 9, F_SETSIG = 10, F_GETSIG = 11, F_OFD_GETLK = 36,
            F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_SETLEASE = 1024, F_GETLEASE = 1025, F_DUPFD_CLOEXEC = 1030,
            F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;

    static long fcntl(SyscallContext c) {
        int fd = c.intArg(0);
        OpenFile f = c.proc.fds().get(fd);
        int cmd = c.intArg(1);
        switch (cmd) {
            case F_DUPFD:
            case F_DUPFD_CLOEXEC:
                if (c.intArg(2) < 0) {
                    return -Errno.EINVAL;
                }
                return c.proc.fds().install(f.retain(), c.intArg(2), cmd == F_DUPFD_CLOEXEC);
            case F_GETFD:
                return c.proc.fds().closeOnExec(fd) ? 1 : 0;
            case F_SETFD:
                c.proc.fds().setCloseOnExec(fd, (c.intArg(2) & 1) != 0);
                return 0;
            case F_GETFL:
                return c.abi.openFlagsOut(f.statusFlags() | OpenFlags.O_LARGEFILE);
            case F_SETFL:
                f.setStatusFlags(c.abi.openFlagsIn(c.intArg(2)));
                return 0;
            case F_GETLK:
            case F_OFD_GETLK: {
                // nobody else holds locks in our world: l_type = F_UNLCK (2)
                c.read(c.ptrArg(2), 2);
                c.write(c.ptrArg(2), c.structs.buffer(2).u16(0, 2).bytes());
                return 0;
            }
            case F_SETLK:
            case F_SETLKW:
            case F_OFD_SETLK:
            case F_OFD_SETLKW:
            case F_SETOWN:
            case F_SETSIG:
            case F_SETLEASE:
                return 0;
            case F_GETOWN:
            case F_GETSIG:
                return 0;
            case F_GETLEASE:
                return 2;
            case F_GETPIPE_SZ:
            case F_SETPIPE_SZ:
                return 65536;
            case F_GET_SEALS:
            case F_ADD_SEALS:
                return -Errno.EINVAL;
            default:
                return -Errno.EINVAL;
        }
    }

    static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCSCTTY = 0x540e,
            TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541b,
            FIONBIO = 0x5421, FIONCLEX = 0x5450, FIOCLEX = 0x5451, TIOCGSID = 0x5429, TCFLSH = 0x540b,
            TCXONC = 0x540a, TCSBRK = 0x5409;

    /** The generic tty ioctl numbers; ABIs with others (mips, ppc, sparc) will translate the command first. */
    static long ioctl(SyscallContext c) throws IOException {
        int fd = c.intArg(0);
        OpenFile f = c.proc.fds().get(fd);
        int cmd = c.abi.ioctlIn(c.intArg(1));
        long arg = c.ptrArg(2);
        switch (cmd) {
            case FIOCLEX:
                c.proc.fds().setCloseOnExec(fd, true);
                return 0;
            case FIONCLEX:
                c.proc.fds().setCloseOnExec(fd, false);
                return 0;
            case FIONBIO:
                int nb = c.readI32(arg);
                f.setStatusFlags(nb != 0 ? f.statusFlags() | OpenFlags.O_NONBLOCK : f.statusFlags() & ~OpenFlags.O_NONBLOCK);
                return 0;
            case FIONREAD:
                if (f.isDirectory()) {
                    return -Errno.ENOTTY;
                }
                c.writeU32(arg, f.available());
                return 0;
            default:
                break;
        }
        if (!f.isTerminal()) {
            return -Errno.ENOTTY;
        }
        Structs s = c.structs;
        switch (cmd) {
            case TCGETS:
                c.write(arg, s.termios(f instanceof StdStream ss ? ss.termios : Structs.Termios.defaults()));
                return 0;
            case TCSETS:
            case TCSETSW:
            case TCSETSF:
                Structs.Termios t = s.readTermios(c.read(arg, s.termiosSize()));
                if (f instanceof StdStream ss) {
                    ss.termios = t;
                }
                return 0;
            case TIOCGWINSZ:
                c.write(arg, s.winsize(envInt("LINES", 24), envInt("COLUMNS", 80)));
                return 0;
            case TIOCSWINSZ:
            case TIOCSCTTY:
            case TCFLSH:
            case TCXONC:
            case TCSBRK:
                return 0;
            case TIOCSPGRP: {
                // tcsetpgrp: the group host SIGINT, SIGQUIT and SIGWINCH go to
                int pgid = c.readI32(arg);
                if (pgid < 0) {
                    return -Errno.EINVAL;
                }
                if (c.kernel.group(pgid).isEmpty()) {
                    return -Errno.EPERM;
                }
                c.kernel.foregroundGroup = pgid;
                return 0;
            }
            case TIOCGPGRP:
                c.writeU32(arg, c.kernel.foregroundGroup);
                return 0;
            case TIOCGSID:
                c.writeU32(arg, c.proc.sid);
                return 0;
            default:
                return -Errno.ENOTTY;
        }
    }

    private static int envInt(String name, int fallback) {
        try {
            String v = System.getenv(name);
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static long sendfile(SyscallContext c) throws IOException {
        OpenFile out = file(c, 0);
        OpenFile in = file(c, 1);
        long offPtr = c.ptrArg(2);
        long count = Math.min(c.ptrArg(3), MAX_IO);
        long pos = offPtr != 0 ? c.readWord(offPtr) : -1;
        long total = 0;
        byte[] buf = new byte[(int) Math.min(count, 65536)];
        while (total < count) {
            int want = (int) Math.min(buf.length, count - total);
            int n = pos >= 0 ? in.pread(pos + total, buf, 0, want) : in.read(buf, 0, want);
            if (n <= 0) {
                break;
            }
            int w = out.write(buf, 0, n);
            total += w;
            if (w < n) {
                break;
            }
        }
        if (offPtr != 0) {
            c.writeWord(offPtr, pos + total);
        }
        return total;
    }

    static Path hostOf(OpenFile f) {
        Path p = f.hostPath();
        if (p == null || !Files.exists(p)) {
            throw new SyscallError(Errno.EPERM);
        }
        return p;
    }
}

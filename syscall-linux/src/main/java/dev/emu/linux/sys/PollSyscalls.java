package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.Pipe;

import java.util.Map;

/**
 * pipe2, ppoll, pselect6, and the calls that only matter once there are child processes.
 * Readiness is approximated: files and devices are always ready, and so are pipes and
 * terminals for the events asked, so a poll never blocks where the following read would not
 * (the read blocks instead). A poll on nothing sleeps for its timeout.
 */
public final class PollSyscalls {
    static final int POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLERR = 8, POLLHUP = 0x10, POLLNVAL = 0x20;

    private PollSyscalls() {}

    public static void register(Map<String, SyscallHandler> m) {
        m.put("pipe2", c -> {
            int flags = c.abi.openFlagsIn(c.intArg(1));
            if ((flags & ~(OpenFlags.O_CLOEXEC | OpenFlags.O_NONBLOCK | OpenFlags.O_DIRECT)) != 0) {
                return -Errno.EINVAL;
            }
            Pipe p = new Pipe(flags);
            boolean cloexec = (flags & OpenFlags.O_CLOEXEC) != 0;
            int r = c.proc.fds().install(p.readEnd, 0, cloexec);
            int w = c.proc.fds().install(p.writeEnd, 0, cloexec);
            try {
                c.write(c.ptrArg(0), c.structs.buffer(8).u32(0, r).u32(4, w).bytes());
            } catch (RuntimeException e) {
                c.proc.fds().close(r);
                c.proc.fds().close(w);
                throw e;
            }
            return 0;
        });
        m.put("ppoll", PollSyscalls::ppoll);
        m.put("pselect6", PollSyscalls::pselect6);
        // extended attributes: none, as on a file system without them
        for (String n : new String[] {"getxattr", "lgetxattr", "fgetxattr"}) {
            m.put(n, c -> -Errno.ENODATA);
        }
        for (String n : new String[] {"listxattr", "llistxattr", "flistxattr"}) {
            m.put(n, c -> 0);
        }
        for (String n : new String[] {"setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr",
            "fremovexattr"}) {
            m.put(n, c -> -Errno.EOPNOTSUPP);
        }
        m.put("readahead", c -> 0);
    }

    static long ppoll(SyscallContext c) throws Exception {
        return poll(c, c.ptrArg(0), c.intArg(1), timespecMillis(c, c.ptrArg(2)));
    }

    /** poll with a timeout in milliseconds (negative: none); also the legacy poll(2) of x86_64 and arm. */
    public static long poll(SyscallContext c, long fdsPtr, int nfds, long timeoutMs) throws Exception {
        if (nfds < 0 || nfds > 65536) {
            return -Errno.EINVAL;
        }
        byte[] raw = c.read(fdsPtr, nfds * 8);
        GuestBuffer g = c.structs.wrap(raw);
        int ready = 0;
        for (int i = 0; i < nfds; i++) {
            int fd = g.getI32(i * 8);
            int events = g.getU16(i * 8 + 4);
            int revents = 0;
            if (fd >= 0) {
                OpenFile f = c.proc.fds().getOrNull(fd);
                if (f == null) {
                    revents = POLLNVAL;
                } else {
                    revents = events & (POLLIN | POLLOUT | POLLPRI);
                    if ((events & POLLIN) != 0 && !f.readable()) {
                        revents &= ~POLLIN;
                    }
                    if ((events & POLLOUT) != 0 && !f.writable()) {
                        revents &= ~POLLOUT;
                    }
                }
            }
            g.u16(i * 8 + 6, revents);
            if (revents != 0) {
                ready++;
            }
        }
        if (ready == 0) {
            sleepTimeout(c, timeoutMs);
        }
        c.write(fdsPtr, raw);
        return ready;
    }

    static long pselect6(SyscallContext c) throws Exception {
        return select(c, c.intArg(0), c.ptrArg(1), c.ptrArg(2), c.ptrArg(3), timespecMillis(c, c.ptrArg(4)));
    }

    /** select over the three fd_set pointers with a timeout in milliseconds (negative: none). */
    public static long select(SyscallContext c, int nfds, long readSet, long writeSet, long exceptSet,
                              long timeoutMs) throws Exception {
        long[] sets = {readSet, writeSet, exceptSet};
        if (nfds < 0 || nfds > 1024) {
            return -Errno.EINVAL;
        }
        int bytes = ((nfds + 63) / 64) * 8;
        int ready = 0;
        for (int set = 0; set < 3; set++) {
            long ptr = sets[set];
            if (ptr == 0) {
                continue;
            }
            byte[] bits = c.read(ptr, bytes);
            for (int fd = 0; fd < nfds; fd++) {
                if ((bits[fd / 8] & (1 << (fd % 8))) != 0) {
                    OpenFile f = c.proc.fds().getOrNull(fd);
                    if (f == null) {
                        return -Errno.EBADF;
                    }
                    boolean ok = set == 0 ? f.readable() : set == 1 && f.writable();
                    if (ok) {
                        ready++;
                    } else {
                        bits[fd / 8] &= (byte) ~(1 << (fd % 8));
                    }
                }
            }
            c.write(ptr, bits);
        }
        if (ready == 0) {
            sleepTimeout(c, timeoutMs);
        }
        return ready;
    }

    /** A guest timespec's length in milliseconds, -1 for a null pointer (no timeout). */
    private static long timespecMillis(SyscallContext c, long tsPtr) {
        if (tsPtr == 0) {
            return -1;
        }
        long[] ts = c.structs.readTimespec(c.read(tsPtr, c.structs.timespecSize()));
        return ts[0] * 1000 + ts[1] / 1_000_000;
    }

    private static void sleepTimeout(SyscallContext c, long ms) {
        try {
            sleepOrThrow(c, ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.emu.linux.SyscallError(Errno.EINTR);
        }
    }

    private static void sleepOrThrow(SyscallContext c, long ms) throws InterruptedException {
        if (ms < 0) {
            // nothing can become ready in our world and there is no timeout: wait for a signal
            c.kernel.warnOnce("poll-forever", "a poll with nothing to wait for and no timeout; sleeping");
            Thread.sleep(Long.MAX_VALUE);
        }
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}

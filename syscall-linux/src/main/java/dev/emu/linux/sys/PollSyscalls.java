package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.Pipe;
import dev.emu.linux.fs.Readiness;
import dev.emu.linux.SyscallError;


/**
 * pipe2, and waiting for readiness: poll, ppoll, select, pselect6. Files and devices are
 * always ready; pipes are ready as Linux's are (data, room, the other end gone); a terminal
 * is readable when it has input; other host streams (a pipe the emulator was started
 * with) count as readable, so their read blocks instead of the poll. A poll sleeps until an
 * emulator file changes, a signal arrives or the timeout passes.
 */
public final class PollSyscalls {
    private PollSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "pipe2" -> c -> {
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
            };
            case "ppoll" -> PollSyscalls::ppoll;
            case "pselect6" -> PollSyscalls::pselect6;
            case "poll" -> PollSyscalls::legacyPoll;
            case "select" -> PollSyscalls::legacySelect;
            // extended attributes: none, as on a file system without them
            case "getxattr", "lgetxattr", "fgetxattr" -> c -> -Errno.ENODATA;
            case "listxattr", "llistxattr", "flistxattr" -> c -> 0;
            case "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr" ->
                    c -> -Errno.EOPNOTSUPP;
            case "readahead" -> c -> 0;
            default -> null;
        };
    }

    /** ppoll(fds, nfds, timeout timespec, sigmask, sigsetsize). */
    static long ppoll(SyscallContext c) throws Exception {
        long deadline = deadline(c, c.ptrArg(2), false);
        return withMask(c, c.ptrArg(3), c.ptrArg(4), () -> poll(c, c.ptrArg(0), c.intArg(1), deadline, c.ptrArg(2), false));
    }

    /** poll(fds, nfds, timeout in ms; negative: none). */
    static long legacyPoll(SyscallContext c) throws Exception {
        int ms = c.intArg(2);
        long deadline = ms < 0 ? -1 : System.nanoTime() + ms * 1_000_000L;
        return poll(c, c.ptrArg(0), c.intArg(1), deadline, 0, false);
    }

    /** pselect6(nfds, readfds, writefds, exceptfds, timeout timespec, {sigmask, size}). */
    static long pselect6(SyscallContext c) throws Exception {
        long deadline = deadline(c, c.ptrArg(4), false);
        long maskPtr = 0;
        long maskSize = 8;
        if (c.ptrArg(5) != 0) {
            int w = c.structs.wordSize();
            var g = c.structs.wrap(c.read(c.ptrArg(5), 2 * w));
            maskPtr = g.getWord(0, c.abi.wordBits());
            maskSize = g.getWord(w, c.abi.wordBits());
        }
        return withMask(c, maskPtr, maskSize, () -> select(c, deadline, c.ptrArg(4), false));
    }

    /** select(nfds, readfds, writefds, exceptfds, timeout timeval). */
    static long legacySelect(SyscallContext c) throws Exception {
        long deadline = deadline(c, c.ptrArg(4), true);
        return select(c, deadline, c.ptrArg(4), true);
    }

    private interface Wait {
        long run() throws Exception;
    }

    /** Runs a wait with the caller's temporary signal mask; after an interruption the handler still sees it, as sigsuspend's. */
    private static long withMask(SyscallContext c, long maskPtr, long size, Wait w) throws Exception {
        if (maskPtr == 0) {
            return w.run();
        }
        if (size != 8) {
            return -Errno.EINVAL;
        }
        long mask = c.structs.wrap(c.read(maskPtr, 8)).getU64(0);
        long old = c.thread.sigmask;
        c.thread.sigmask = mask & ~SignalSyscalls.UNBLOCKABLE;
        long r;
        try {
            r = w.run();
        } catch (SyscallError e) {
            r = -e.errno;
        }
        if (r == -Errno.EINTR) {
            c.thread.suspendedMask = old;
        } else {
            c.thread.sigmask = old;
        }
        return r;
    }

    /** A timeout argument as a System.nanoTime deadline; -1 for none (a null pointer). */
    private static long deadline(SyscallContext c, long ptr, boolean timeval) {
        if (ptr == 0) {
            return -1;
        }
        // a timeval has a timespec's layout, microseconds in place of nanoseconds
        long[] t = c.structs.readTimespec(c.read(ptr, c.structs.timespecSize()));
        long frac = timeval ? t[1] * 1000 : t[1];
        if (t[0] < 0 || frac < 0 || frac >= 1_000_000_000L) {
            throw new SyscallError(Errno.EINVAL);
        }
        return System.nanoTime() + Math.min(t[0], 1L << 32) * 1_000_000_000L + frac;
    }

    /** Writes the time left back, as Linux does for every poll and select flavour. */
    private static void writeRemaining(SyscallContext c, long ptr, long deadline, boolean timeval) {
        if (ptr == 0 || deadline < 0) {
            return;
        }
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            c.write(ptr, timeval ? c.structs.timeval(left / 1_000_000_000L, left % 1_000_000_000L / 1000)
                    : c.structs.timespec(left / 1_000_000_000L, left % 1_000_000_000L));
        } catch (SyscallError e) {
            // a read-only timeout is left alone
        }
    }

    /**
     * Sleeps until the next look may find something: a change to an emulator file wakes it,
     * and so does a signal; host files are looked at again every few milliseconds.
     * Returns false when the deadline has passed.
     */
    private static boolean sleep(SyscallContext c, long seen, long deadline, boolean host) throws InterruptedException {
        if (c.thread.interrupted()) {
            throw new SyscallError(Errno.EINTR);
        }
        long ms = host ? 10 : 1000;
        if (deadline >= 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            ms = Math.min(ms, Math.max(1, left / 1_000_000));
        }
        Readiness.await(c.thread, seen, ms);
        return true;
    }

    static long poll(SyscallContext c, long fdsPtr, int nfds, long deadline, long timeoutPtr, boolean timeval)
            throws Exception {
        if (nfds < 0 || nfds > c.proc.rlimits[dev.emu.linux.LinuxProcess.RLIMIT_NOFILE][0] && nfds > 1024) {
            return -Errno.EINVAL;
        }
        byte[] raw = c.read(fdsPtr, nfds * 8);
        GuestBuffer g = c.structs.wrap(raw);
        while (true) {
            long seen = Readiness.version();
            int ready = 0;
            boolean host = false;
            for (int i = 0; i < nfds; i++) {
                int fd = g.getI32(i * 8);
                int events = g.getU16(i * 8 + 4);
                int revents = 0;
                if (fd >= 0) {
                    OpenFile f = c.proc.fds().getOrNull(fd);
                    if (f == null) {
                        revents = OpenFile.POLLNVAL;
                    } else {
                        revents = f.pollEvents(events);
                        host |= f.pollsHost();
                    }
                }
                g.u16(i * 8 + 6, revents);
                if (revents != 0) {
                    ready++;
                }
            }
            if (ready > 0 || deadline >= 0 && deadline - System.nanoTime() <= 0 || !sleep(c, seen, deadline, host)) {
                c.write(fdsPtr, raw);
                writeRemaining(c, timeoutPtr, deadline, timeval);
                return ready;
            }
        }
    }

    static long select(SyscallContext c, long deadline, long timeoutPtr, boolean timeval) throws Exception {
        int nfds = c.intArg(0);
        if (nfds < 0 || nfds > 1024) {
            return -Errno.EINVAL;
        }
        int bits = c.abi.wordBits();
        int wordBytes = bits / 8;
        int bytes = (nfds + bits - 1) / bits * wordBytes;
        long[][] want = new long[3][];
        for (int set = 0; set < 3; set++) {
            long ptr = c.ptrArg(1 + set);
            if (ptr != 0) {
                want[set] = readFdSet(c, ptr, nfds, bytes);
                for (int fd = 0; fd < nfds; fd++) {
                    if (isSet(want[set], fd, bits) && c.proc.fds().getOrNull(fd) == null) {
                        return -Errno.EBADF;
                    }
                }
            }
        }
        int[] mask = {OpenFile.POLLIN | OpenFile.POLLRDNORM | OpenFile.POLLHUP | OpenFile.POLLERR,
            OpenFile.POLLOUT | OpenFile.POLLWRNORM | OpenFile.POLLERR, OpenFile.POLLPRI};
        while (true) {
            long seen = Readiness.version();
            long[][] got = new long[3][];
            int ready = 0;
            boolean host = false;
            for (int set = 0; set < 3; set++) {
                if (want[set] == null) {
                    continue;
                }
                got[set] = new long[want[set].length];
                for (int fd = 0; fd < nfds; fd++) {
                    if (isSet(want[set], fd, bits)) {
                        OpenFile f = c.proc.fds().getOrNull(fd);
                        if (f == null) {
                            return -Errno.EBADF;
                        }
                        host |= f.pollsHost();
                        int ev = f.pollEvents(set == 0 ? OpenFile.POLLIN | OpenFile.POLLRDNORM
                                : set == 1 ? OpenFile.POLLOUT | OpenFile.POLLWRNORM : OpenFile.POLLPRI);
                        if ((ev & mask[set]) != 0) {
                            got[set][fd / bits] |= 1L << (fd % bits);
                            ready++;
                        }
                    }
                }
            }
            if (ready > 0 || deadline >= 0 && deadline - System.nanoTime() <= 0 || !sleep(c, seen, deadline, host)) {
                for (int set = 0; set < 3; set++) {
                    if (got[set] != null) {
                        writeFdSet(c, c.ptrArg(1 + set), got[set], bytes);
                    }
                }
                writeRemaining(c, timeoutPtr, deadline, timeval);
                return ready;
            }
        }
    }

    private static boolean isSet(long[] set, int fd, int bits) {
        return (set[fd / bits] >>> (fd % bits) & 1) != 0;
    }

    /** An fd_set: an array of longs (the guest's word), bit fd % word of word fd / word. */
    private static long[] readFdSet(SyscallContext c, long ptr, int nfds, int bytes) {
        int bits = c.abi.wordBits();
        GuestBuffer g = c.structs.wrap(c.read(ptr, bytes));
        long[] words = new long[bytes / (bits / 8)];
        for (int i = 0; i < words.length; i++) {
            words[i] = g.getWord(i * (bits / 8), bits);
        }
        if (nfds % bits != 0) {
            words[words.length - 1] &= (1L << (nfds % bits)) - 1;
        }
        return words;
    }

    private static void writeFdSet(SyscallContext c, long ptr, long[] words, int bytes) {
        int bits = c.abi.wordBits();
        GuestBuffer g = c.structs.buffer(bytes);
        for (int i = 0; i < words.length; i++) {
            g.word(i * (bits / 8), words[i], bits);
        }
        c.write(ptr, g.bytes());
    }
}

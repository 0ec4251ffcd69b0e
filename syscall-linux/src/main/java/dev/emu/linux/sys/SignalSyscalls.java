package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.Signals;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.abi.SigInfo;


/**
 * Signal actions (per process), masks and alternate stacks (per thread), sending (kill to a
 * process, a group or everyone; tkill/tgkill and sigqueue), and waiting for signals
 * (pause, sigsuspend, sigtimedwait). Delivery happens in {@link LinuxThread}.
 */
public final class SignalSyscalls {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTORER = 0x04000000,
            SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000L;
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    static final int SS_ONSTACK = 1, SS_DISABLE = 2;
    public static final long UNBLOCKABLE = (1L << (Signals.SIGKILL - 1)) | (1L << (Signals.SIGSTOP - 1));

    /** SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: their default action stops the process. */
    public static final long STOP_SIGNALS = (1L << (Signals.SIGSTOP - 1)) | (1L << (Signals.SIGTSTP - 1))
            | (1L << (Signals.SIGTTIN - 1)) | (1L << (Signals.SIGTTOU - 1));

    /** Signals whose default action is to do nothing (SIGCONT's continuing happens when it is sent). */
    public static boolean ignoredByDefault(int sig) {
        return sig == Signals.SIGCHLD || sig == Signals.SIGURG || sig == Signals.SIGWINCH || sig == Signals.SIGCONT;
    }

    /** Whether a signal with this action ({@code null}: the default) does nothing when delivered. */
    public static boolean isIgnored(long[] act, int sig) {
        long handler = act == null ? SIG_DFL : act[0];
        return handler == SIG_IGN || handler == SIG_DFL && ignoredByDefault(sig);
    }

    private SignalSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "rt_sigaction" -> SignalSyscalls::rtSigaction;
            case "rt_sigprocmask" -> SignalSyscalls::rtSigprocmask;
            case "sigaltstack" -> SignalSyscalls::sigaltstack;
            case "rt_sigpending" -> c -> {
                if (c.ptrArg(1) > 8) {
                    return -Errno.EINVAL;
                }
                byte[] set = c.structs.buffer(8).u64(0, c.thread.pendingSignals()).bytes();
                c.write(c.ptrArg(0), set, 0, (int) c.ptrArg(1));
                return 0;
            };
            case "kill" -> c -> kill(c, c.intArg(0), c.intArg(1));
            case "tkill" -> c -> sendToThread(c, -1, c.intArg(0), SigInfo.tkill(c.intArg(1), c.proc.pid()));
            case "tgkill" -> c -> sendToThread(c, c.intArg(0), c.intArg(1), SigInfo.tkill(c.intArg(2), c.proc.pid()));
            case "rt_sigqueueinfo" -> c -> {
                SigInfo info = queuedInfo(c, c.intArg(1), c.ptrArg(2));
                LinuxProcess target = c.kernel.process(c.intArg(0));
                if (target == null || target.terminated) {
                    return -Errno.ESRCH;
                }
                return info.signo() == 0 || target.signal(info) ? 0 : -Errno.ESRCH;
            };
            case "rt_tgsigqueueinfo" -> c -> sendToThread(c, c.intArg(0), c.intArg(1),
                    queuedInfo(c, c.intArg(2), c.ptrArg(3)));
            case "rt_sigreturn" -> c -> {
                long[] r = c.abi.signalReturn(c.thread.cpu, c.mem());
                c.thread.sigmask = r[0] & ~UNBLOCKABLE;
                c.thread.skipResult = true;
                return 0;
            };
            case "rt_sigsuspend" -> c -> {
                if (c.ptrArg(1) != 8) {
                    return -Errno.EINVAL;
                }
                long mask = c.structs.wrap(c.read(c.ptrArg(0), 8)).getU64(0);
                long old = c.thread.sigmask;
                c.thread.sigmask = mask & ~UNBLOCKABLE;
                waitForSignal(c, 0);
                c.thread.suspendedMask = old;
                return -Errno.EINTR;
            };
            case "pause" -> c -> {
                waitForSignal(c, 0);
                return -Errno.EINTR;
            };
            case "rt_sigtimedwait" -> SignalSyscalls::rtSigtimedwait;
            default -> null;
        };
    }

    static long rtSigaction(SyscallContext c) {
        int sig = c.intArg(0);
        long act = c.ptrArg(1);
        long oldact = c.ptrArg(2);
        if (sig < 1 || sig > 64 || c.ptrArg(3) != 8) {
            return -Errno.EINVAL;
        }
        LinuxProcess p = c.proc;
        if (act != 0 && (sig == Signals.SIGKILL || sig == Signals.SIGSTOP)) {
            return -Errno.EINVAL;
        }
        long[] old = p.sigactions[sig] == null ? new long[4] : p.sigactions[sig];
        if (act != 0) {
            p.sigactions[sig] = c.structs.readSigaction(c.read(act, c.structs.sigactionSize()));
        }
        if (oldact != 0) {
            c.write(oldact, c.structs.sigaction(old[0], old[1], old[2], old[3]));
        }
        return 0;
    }

    static long rtSigprocmask(SyscallContext c) {
        int how = c.intArg(0);
        long set = c.ptrArg(1);
        long oldset = c.ptrArg(2);
        if (c.ptrArg(3) != 8) {
            return -Errno.EINVAL;
        }
        long old = c.thread.sigmask;
        if (set != 0) {
            long s = c.structs.wrap(c.read(set, 8)).getU64(0);
            switch (how) {
                case SIG_BLOCK -> c.thread.sigmask |= s;
                case SIG_UNBLOCK -> c.thread.sigmask &= ~s;
                case SIG_SETMASK -> c.thread.sigmask = s;
                default -> {
                    return -Errno.EINVAL;
                }
            }
            c.thread.sigmask &= ~UNBLOCKABLE;
        }
        if (oldset != 0) {
            c.writeU64(oldset, old);
        }
        return 0;
    }

    static long sigaltstack(SyscallContext c) {
        long ss = c.ptrArg(0);
        long old = c.ptrArg(1);
        long[] prev = c.thread.altStack.clone();
        long sp = c.abi.stackPointer(c.thread.cpu);
        boolean onStack = (prev[1] & SS_DISABLE) == 0 && sp > prev[0] && sp - prev[0] <= prev[2];
        prev[1] = onStack ? SS_ONSTACK : prev[1] & SS_DISABLE;
        if (ss != 0) {
            if (onStack) {
                return -Errno.EPERM; // not while running on it
            }
            long[] n = c.structs.readStackT(c.read(ss, c.structs.stackTSize()));
            int flags = (int) n[1];
            if ((flags & ~(2 | (1 << 31))) != 0) {
                return -Errno.EINVAL;
            }
            if ((flags & 2) == 0 && n[2] < 2048) {
                return -Errno.ENOMEM;
            }
            c.thread.altStack = n;
        }
        if (old != 0) {
            c.write(old, c.structs.stackT(prev[0], (int) prev[1], prev[2]));
        }
        return 0;
    }

    /** A write to a pipe nobody reads raises SIGPIPE on the writing thread (its default action ends the process quietly). */
    public static void raisePipe(SyscallContext c) {
        c.thread.raise(SigInfo.user(Signals.SIGPIPE, c.proc.pid(), dev.emu.linux.fs.HostIds.UID));
    }

    /** Sleeps until a signal can be delivered to the calling thread, it must stop, or the deadline (System.nanoTime; 0: none). */
    static void waitForSignal(SyscallContext c, long deadline) throws InterruptedException {
        Object monitor = new Object();
        synchronized (monitor) {
            while (!c.thread.interrupted()) {
                long ms = 1000;
                if (deadline != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    ms = Math.min(ms, Math.max(1, left / 1_000_000));
                }
                c.thread.sleepOn(monitor, ms);
            }
        }
    }

    /**
     * rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of the set
     * (which the caller has blocked), waiting up to the timeout; EAGAIN when it passes,
     * EINTR when another signal arrives.
     */
    static long rtSigtimedwait(SyscallContext c) throws InterruptedException {
        if (c.ptrArg(3) != 8) {
            return -Errno.EINVAL;
        }
        long set = c.structs.wrap(c.read(c.ptrArg(0), 8)).getU64(0) & ~UNBLOCKABLE;
        long deadline = 0;
        if (c.ptrArg(2) != 0) {
            long[] ts = c.structs.readTimespec(c.read(c.ptrArg(2), c.structs.timespecSize()));
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                return -Errno.EINVAL;
            }
            deadline = System.nanoTime() + ts[0] * 1_000_000_000L + ts[1] + 1;
        }
        // while waiting the set counts as unblocked for what wakes us, as in Linux
        long saved = c.thread.sigmask;
        c.thread.sigmask &= ~set;
        try {
            while (true) {
                SigInfo info = c.thread.takePending(set);
                if (info != null) {
                    if (c.ptrArg(1) != 0) {
                        c.write(c.ptrArg(1), info.bytes(c.structs));
                    }
                    return info.signo();
                }
                if (c.thread.interrupted()) {
                    return -Errno.EINTR;
                }
                if (deadline != 0 && deadline - System.nanoTime() <= 0) {
                    return -Errno.EAGAIN;
                }
                waitForSignal(c, deadline);
            }
        } finally {
            c.thread.sigmask = saved;
        }
    }

    /** The siginfo a sigqueue caller passes: its si_code must be negative (not a kernel or kill code). */
    static SigInfo queuedInfo(SyscallContext c, int sig, long infoPtr) {
        if (sig < 0 || sig > 64) {
            throw new dev.emu.linux.SyscallError(Errno.EINVAL);
        }
        var g = c.structs.wrap(c.read(infoPtr, 128));
        int code = g.getI32(8);
        if (code >= 0 || code == SigInfo.SI_TKILL) {
            throw new dev.emu.linux.SyscallError(Errno.EPERM);
        }
        int u = c.structs.wordSize() == 8 ? 16 : 12;
        long value = g.getWord(u + 8, c.abi.wordBits());
        return new SigInfo(sig, code, c.proc.pid(), dev.emu.linux.fs.HostIds.UID, 0, value);
    }

    /**
     * kill(pid, sig): to one process (pid > 0), the caller's group (0), group -pid, or every
     * process but the caller (-1). Signal 0 only checks that the target exists.
     */
    static long kill(SyscallContext c, int pid, int sig) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        SigInfo info = SigInfo.user(sig, c.proc.pid(), dev.emu.linux.fs.HostIds.UID);
        if (pid > 0) {
            LinuxProcess target = c.kernel.process(pid);
            if (target == null || target.terminated) {
                return -Errno.ESRCH;
            }
            if (sig != 0) {
                target.signal(info);
            }
            return 0;
        }
        java.util.List<LinuxProcess> targets;
        if (pid == -1) {
            targets = new java.util.ArrayList<>();
            for (LinuxProcess p : c.kernel.processes()) {
                if (p != c.proc && !p.terminated) {
                    targets.add(p);
                }
            }
        } else {
            targets = c.kernel.group(pid == 0 ? c.proc.pgid : -pid);
        }
        if (targets.isEmpty()) {
            return -Errno.ESRCH;
        }
        if (sig != 0) {
            for (LinuxProcess p : targets) {
                p.signal(info);
            }
        }
        return 0;
    }

    /** tkill/tgkill/rt_tgsigqueueinfo: to one thread (tgid -1: any process's thread {@code tid}). */
    static long sendToThread(SyscallContext c, int tgid, int tid, SigInfo info) {
        if (info.signo() < 0 || info.signo() > 64 || tid <= 0 || tgid == 0 || tgid < -1) {
            return -Errno.EINVAL;
        }
        for (LinuxProcess p : c.kernel.processes()) {
            if (p.terminated || tgid != -1 && p.pid() != tgid) {
                continue;
            }
            for (LinuxThread t : p.threads()) {
                if (t.tid() == tid) {
                    if (info.signo() != 0) {
                        t.raise(info);
                    }
                    return 0;
                }
            }
        }
        return -Errno.ESRCH;
    }
}

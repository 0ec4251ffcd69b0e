package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.Signals;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.abi.SigInfo;

import java.util.Map;

/**
 * Signal state, recorded for the part that delivers signals to guest handlers: actions per
 * process, masks and alternate stacks per thread. A signal sent to ourselves whose action is
 * the default terminates the process as Linux would.
 */
public final class SignalSyscalls {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTORER = 0x04000000,
            SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000L;
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    public static final long UNBLOCKABLE = (1L << (Signals.SIGKILL - 1)) | (1L << (Signals.SIGSTOP - 1));

    /** Signals whose default action is to do nothing (the stop signals too, as we have no job control). */
    public static boolean ignoredByDefault(int sig) {
        return sig == Signals.SIGCHLD || sig == Signals.SIGURG || sig == Signals.SIGWINCH || sig == Signals.SIGCONT
                || sig == Signals.SIGSTOP || sig == Signals.SIGTSTP || sig == Signals.SIGTTIN || sig == Signals.SIGTTOU;
    }

    private SignalSyscalls() {}

    public static void register(Map<String, SyscallHandler> m) {
        m.put("rt_sigaction", SignalSyscalls::rtSigaction);
        m.put("rt_sigprocmask", SignalSyscalls::rtSigprocmask);
        m.put("sigaltstack", SignalSyscalls::sigaltstack);
        m.put("rt_sigpending", c -> {
            c.write(c.ptrArg(0), new byte[(int) Math.min(8, c.ptrArg(1))]);
            return 0;
        });
        m.put("kill", c -> send(c, c.intArg(0), 0, c.intArg(1)));
        m.put("tkill", c -> send(c, c.proc.pid(), c.intArg(0), c.intArg(1)));
        m.put("tgkill", c -> send(c, c.intArg(0), c.intArg(1), c.intArg(2)));
        m.put("rt_sigreturn", c -> {
            long[] r = c.abi.signalReturn(c.thread.cpu, c.mem());
            c.thread.sigmask = r[0] & ~UNBLOCKABLE;
            c.thread.skipResult = true;
            return 0;
        });
        m.put("rt_sigsuspend", c -> {
            if (c.ptrArg(1) != 8) {
                return -Errno.EINVAL;
            }
            long mask = c.structs.wrap(c.read(c.ptrArg(0), 8)).getU64(0);
            long old = c.thread.sigmask;
            c.thread.sigmask = mask & ~UNBLOCKABLE;
            waitForSignal(c);
            c.thread.suspendedMask = old;
            return -Errno.EINTR;
        });
        m.put("pause", c -> {
            waitForSignal(c);
            return -Errno.EINTR;
        });
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
        if (ss != 0) {
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

    /**
     * A write to a pipe nobody reads raises SIGPIPE; with the default action that ends the
     * process quietly (shells do not report it), else the write just fails with EPIPE.
     */
    public static void raisePipe(SyscallContext c) {
        long[] act = c.proc.sigactions[Signals.SIGPIPE];
        boolean blocked = (c.thread.sigmask & (1L << (Signals.SIGPIPE - 1))) != 0;
        if ((act == null || act[0] == SIG_DFL) && !blocked) {
            c.proc.killBy(Signals.SIGPIPE);
        }
    }

    /** Sleeps until a signal can be delivered to the calling thread (or it must stop). */
    static void waitForSignal(SyscallContext c) throws InterruptedException {
        while (!c.thread.hasDeliverable() && !c.thread.stopping() && !c.proc.exited()) {
            Thread.sleep(5);
        }
    }

    /**
     * kill/tgkill: a signal with a handler becomes pending on the target thread; a default
     * action that ends the target ends it now; ignored ones vanish.
     */
    static long send(SyscallContext c, int pid, int tid, int sig) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        LinuxProcess target = pid == 0 || pid == -1 ? c.proc : c.kernel.process(pid);
        if (target == null || target.terminated) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        long[] act = target.sigactions[sig];
        if (act != null && act[0] != SIG_DFL && act[0] != SIG_IGN) {
            LinuxThread t = null;
            for (LinuxThread x : target.threads()) {
                if (tid == 0 || x.tid() == tid) {
                    t = x;
                    break;
                }
            }
            if (t == null) {
                return -Errno.ESRCH;
            }
            t.raise(SigInfo.user(sig, c.proc.pid(), dev.emu.linux.fs.HostIds.UID));
            return 0;
        }
        return sendToSelf(c, pid, sig);
    }

    /** Default and ignored actions take effect now. */
    static long sendToSelf(SyscallContext c, int pid, int sig) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        LinuxProcess target = pid == 0 || pid == -1 ? c.proc : c.kernel.process(pid);
        if (target == null || target.terminated) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        long[] act = target.sigactions[sig];
        long handler = act == null ? SIG_DFL : act[0];
        boolean ignoredByDefault = sig == Signals.SIGCHLD || sig == Signals.SIGURG || sig == Signals.SIGWINCH
                || sig == Signals.SIGCONT;
        if (handler == SIG_IGN || (handler == SIG_DFL && ignoredByDefault)) {
            return 0;
        }
        if (handler == SIG_DFL) {
            if (sig == Signals.SIGSTOP || sig == Signals.SIGTSTP || sig == Signals.SIGTTIN || sig == Signals.SIGTTOU) {
                return 0;
            }
            if (target == c.proc) {
                c.kernel.diag("emu: guest killed by " + Signals.name(sig) + " (sent by itself)");
            }
            target.killBy(sig);
            return 0;
        }
        c.kernel.warnOnce("signal-delivery", "delivering " + Signals.name(sig)
                + " to a guest handler is not implemented yet; the signal is dropped");
        return 0;
    }
}

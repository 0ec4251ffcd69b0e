package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.Signals;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.abi.SigInfo;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** ITIMER_REAL (setitimer, getitimer, alarm): SIGALRM to the process on a host timer. */
public final class TimerSyscalls {
    static final int ITIMER_REAL = 0;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emu-itimer");
        t.setDaemon(true);
        return t;
    });

    /** Per-process real timer state, kept on the process through its map of extras. */
    static final class RealTimer {
        ScheduledFuture<?> future;
        long intervalNanos;
        long deadline;
    }

    private static final Map<LinuxProcess, RealTimer> TIMERS = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private TimerSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "setitimer" -> TimerSyscalls::setitimer;
            case "getitimer" -> c -> {
                if (c.intArg(0) != ITIMER_REAL) {
                    c.write(c.ptrArg(1), new byte[4 * c.structs.wordSize()]);
                    return 0;
                }
                c.write(c.ptrArg(1), itimerval(c, current(c.proc)));
                return 0;
            };
            case "alarm" -> c -> {
                long[] old = current(c.proc);
                arm(c.proc, c.arg(0) * 1_000_000_000L, 0);
                return old[2] / 1_000_000_000L + (old[3] > 0 ? 1 : 0);
            };
            default -> null;
        };
    }

    static long setitimer(SyscallContext c) {
        int which = c.intArg(0);
        if (which < 0 || which > 2) {
            return -Errno.EINVAL;
        }
        int w = c.structs.wordSize();
        long[] old = which == ITIMER_REAL ? current(c.proc) : new long[4];
        if (c.ptrArg(1) != 0) {
            byte[] b = c.read(c.ptrArg(1), 4 * w);
            var g = c.structs.wrap(b);
            int bits = c.abi.wordBits();
            long interval = g.getWord(0, bits) * 1_000_000_000L + g.getWord(w, bits) * 1000;
            long value = g.getWord(2 * w, bits) * 1_000_000_000L + g.getWord(3 * w, bits) * 1000;
            if (which == ITIMER_REAL) {
                arm(c.proc, value, interval);
            } else {
                c.kernel.warnOnce("itimer-" + which, "setitimer(" + which + ") (CPU-time timers) is not implemented");
            }
        }
        if (c.ptrArg(2) != 0) {
            c.write(c.ptrArg(2), itimerval(c, old));
        }
        return 0;
    }

    /** {interval sec, interval usec, value sec*1e9 + nsec as ns, remainder flag} as itimerval needs. */
    private static long[] current(LinuxProcess p) {
        RealTimer t = TIMERS.get(p);
        if (t == null || t.future == null || t.future.isDone() && t.intervalNanos == 0) {
            return new long[4];
        }
        long left = Math.max(0, t.deadline - System.nanoTime());
        return new long[] {t.intervalNanos, 0, left, left % 1_000_000_000L};
    }

    private static byte[] itimerval(SyscallContext c, long[] v) {
        int w = c.structs.wordSize();
        int bits = c.abi.wordBits();
        return c.structs.buffer(4 * w).word(0, v[0] / 1_000_000_000L, bits).word(w, v[0] % 1_000_000_000L / 1000, bits)
                .word(2 * w, v[2] / 1_000_000_000L, bits).word(3 * w, v[2] % 1_000_000_000L / 1000, bits).bytes();
    }

    static void arm(LinuxProcess p, long valueNanos, long intervalNanos) {
        RealTimer t = TIMERS.computeIfAbsent(p, k -> new RealTimer());
        synchronized (t) {
            if (t.future != null) {
                t.future.cancel(false);
                t.future = null;
            }
            t.intervalNanos = intervalNanos;
            if (valueNanos <= 0) {
                return;
            }
            t.deadline = System.nanoTime() + valueNanos;
            Runnable fire = () -> fire(p);
            t.future = intervalNanos > 0
                    ? TIMER.scheduleAtFixedRate(fire, valueNanos, intervalNanos, TimeUnit.NANOSECONDS)
                    : TIMER.schedule(fire, valueNanos, TimeUnit.NANOSECONDS);
        }
    }

    private static void fire(LinuxProcess p) {
        RealTimer t = TIMERS.get(p);
        if (t != null) {
            t.deadline = System.nanoTime() + t.intervalNanos;
        }
        if (p.terminated || p.exited()) {
            return;
        }
        p.signal(new SigInfo(Signals.SIGALRM, SigInfo.SI_KERNEL, 0, 0, 0));
    }
}

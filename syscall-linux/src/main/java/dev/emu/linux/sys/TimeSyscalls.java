package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;

import java.time.Instant;

/** Clocks and sleeping. */
public final class TimeSyscalls {
    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9,
            CLOCK_TAI = 11;
    static final int TIMER_ABSTIME = 1;
    /** Monotonic time starts near the host's uptime so it looks like a real boot clock. */
    private static final long MONO_BASE = System.nanoTime();
    private static final long MONO_OFFSET = hostUptimeNanos();

    private TimeSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "clock_gettime" -> c -> {
                long ns = clockNanos(c, c.intArg(0));
                long[] ts = {Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)};
                c.write(c.ptrArg(1), c.structs.timespec(ts[0], ts[1]));
                c.outValue = ts;
                return 0;
            };
            case "clock_getres" -> c -> {
                clockNanos(c, c.intArg(0));
                if (c.ptrArg(1) != 0) {
                    int id = c.intArg(0);
                    long res = id == CLOCK_REALTIME_COARSE || id == CLOCK_MONOTONIC_COARSE ? 4_000_000 : 1;
                    c.write(c.ptrArg(1), c.structs.timespec(0, res));
                }
                return 0;
            };
            case "gettimeofday" -> c -> {
                if (c.ptrArg(0) != 0) {
                    long ns = realtimeNanos();
                    c.write(c.ptrArg(0), c.structs.timeval(ns / 1_000_000_000L, ns % 1_000_000_000L / 1000));
                }
                if (c.ptrArg(1) != 0) {
                    c.write(c.ptrArg(1), new byte[8]); // struct timezone: UTC
                }
                return 0;
            };
            case "time" -> c -> {
                long s = realtimeNanos() / 1_000_000_000L;
                if (c.ptrArg(0) != 0) {
                    c.writeWord(c.ptrArg(0), s);
                }
                return s;
            };
            case "nanosleep" -> c -> sleep(c, CLOCK_MONOTONIC, 0, c.ptrArg(0), c.ptrArg(1));
            case "clock_nanosleep" -> c -> sleep(c, c.intArg(0), c.intArg(1), c.ptrArg(2), c.ptrArg(3));
            case "times" -> c -> {
                long cpu = ThreadCpuClock.THREADS.getCurrentThreadCpuTime();
                long user = ThreadCpuClock.THREADS.getCurrentThreadUserTime();
                long ticks = 100;
                if (c.ptrArg(0) != 0) {
                    c.write(c.ptrArg(0), c.structs.tms(user * ticks / 1_000_000_000L, (cpu - user) * ticks / 1_000_000_000L, 0, 0));
                }
                return (monotonicNanos() / 10_000_000L) & 0x7fffffffL;
            };
            default -> null;
        };
    }

    static long realtimeNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static long monotonicNanos() {
        return System.nanoTime() - MONO_BASE + MONO_OFFSET;
    }

    static long clockNanos(SyscallContext c, int id) {
        switch (id) {
            case CLOCK_REALTIME:
            case CLOCK_REALTIME_COARSE:
            case CLOCK_REALTIME_ALARM:
                return realtimeNanos();
            case CLOCK_TAI:
                return realtimeNanos() + 37_000_000_000L;
            case CLOCK_MONOTONIC:
            case CLOCK_MONOTONIC_RAW:
            case CLOCK_MONOTONIC_COARSE:
            case CLOCK_BOOTTIME:
            case CLOCK_BOOTTIME_ALARM:
                return monotonicNanos();
            case CLOCK_PROCESS_CPUTIME_ID:
                return System.nanoTime() - c.proc.startNanos;
            case CLOCK_THREAD_CPUTIME_ID:
                return ThreadCpuClock.THREADS.getCurrentThreadCpuTime();
            default:
                if (id < 0) {
                    // a CPU clock of some pid/thread (CPUCLOCK encoding): our own is the best answer
                    return ThreadCpuClock.THREADS.getCurrentThreadCpuTime();
                }
                throw new dev.emu.linux.SyscallError(Errno.EINVAL);
        }
    }

    static long sleep(SyscallContext c, int clock, int flags, long reqPtr, long remPtr) {
        long[] ts = c.structs.readTimespec(c.read(reqPtr, c.structs.timespecSize()));
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
            return -Errno.EINVAL;
        }
        long ns = ts[0] * 1_000_000_000L + ts[1];
        if ((flags & TIMER_ABSTIME) != 0) {
            ns -= clockNanos(c, clock);
        }
        long end = System.nanoTime() + Math.max(ns, 0);
        Object monitor = new Object();
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (c.thread.interrupted()) {
                    if (remPtr != 0 && (flags & TIMER_ABSTIME) == 0) {
                        c.write(remPtr, c.structs.timespec(left / 1_000_000_000L, left % 1_000_000_000L));
                    }
                    return -Errno.EINTR;
                }
                if (left < 2_000_000L) {
                    Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L)); // monitor waits are too coarse here
                    continue;
                }
                synchronized (monitor) {
                    c.thread.sleepOn(monitor, left / 1_000_000L);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long left = Math.max(0, end - System.nanoTime());
            if (remPtr != 0 && (flags & TIMER_ABSTIME) == 0) {
                c.write(remPtr, c.structs.timespec(left / 1_000_000_000L, left % 1_000_000_000L));
            }
            return -Errno.EINTR;
        }
        return 0;
    }

    private static long hostUptimeNanos() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).trim().split("\\s+")[0];
            return (long) (Double.parseDouble(s) * 1e9);
        } catch (Exception e) {
            return 0;
        }
    }
}

package dev.emu.linux.sys;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.Errno;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;

import java.nio.ByteOrder;

/** Guest threads (clone with CLONE_THREAD) and futex. */
public final class ThreadSyscalls {
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_FD = 2, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4,
            FUTEX_WAKE_OP = 5, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
    static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

    private ThreadSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "futex" -> ThreadSyscalls::futex;
            default -> null;
        };
    }

    /** A new thread of the calling process, sharing its memory, engine, fds and signal actions. */
    static long newThread(SyscallContext c, long flags, long newsp, long ptid, long tls, long ctid) {
        int tid = c.kernel.allocatePid();
        CpuState cpu = c.thread.cpu.copy(c.proc.memory());
        c.abi.setSyscallResult(cpu, 0);
        if (newsp != 0) {
            c.abi.setStackPointer(cpu, newsp);
        }
        if ((flags & ForkSyscalls.CLONE_SETTLS) != 0) {
            c.abi.setThreadPointer(cpu, tls);
        }
        if ((flags & ForkSyscalls.CLONE_PARENT_SETTID) != 0 && ptid != 0) {
            c.writeU32(ptid, tid);
        }
        if ((flags & ForkSyscalls.CLONE_CHILD_SETTID) != 0 && ctid != 0) {
            c.writeU32(ctid, tid);
        }
        LinuxThread t = new LinuxThread(c.proc, tid, cpu);
        t.sigmask = c.thread.sigmask;
        if ((flags & ForkSyscalls.CLONE_CHILD_CLEARTID) != 0) {
            t.clearChildTid = ctid;
        }
        Thread jt = new Thread(null, t::run, "guest-" + c.proc.pid() + "-" + tid, ForkSyscalls.THREAD_STACK);
        jt.setDaemon(true);
        jt.start();
        return tid;
    }

    static long futex(SyscallContext c) {
        long addr = c.ptrArg(0);
        int op = c.intArg(1);
        int val = c.intArg(2);
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        AddressSpace mem = c.mem();
        boolean be = c.abi.byteOrder() == ByteOrder.BIG_ENDIAN;
        if ((addr & 3) != 0) {
            return -Errno.EINVAL;
        }
        switch (cmd) {
            case FUTEX_WAIT:
            case FUTEX_WAIT_BITSET: {
                int bitset = cmd == FUTEX_WAIT ? -1 : c.intArg(5);
                if (bitset == 0) {
                    return -Errno.EINVAL;
                }
                long deadline = 0;
                long tsPtr = c.ptrArg(3);
                if (tsPtr != 0) {
                    long[] ts = c.structs.readTimespec(c.read(tsPtr, c.structs.timespecSize()));
                    if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                        return -Errno.EINVAL;
                    }
                    long ns = ts[0] * 1_000_000_000L + ts[1];
                    if (cmd == FUTEX_WAIT_BITSET) {
                        // absolute, on CLOCK_MONOTONIC or (with the flag) CLOCK_REALTIME
                        long now = (op & FUTEX_CLOCK_REALTIME) != 0 ? TimeSyscalls.realtimeNanos()
                                : TimeSyscalls.monotonicNanos();
                        ns -= now;
                    }
                    deadline = System.nanoTime() + Math.max(ns, 0) + 1;
                }
                return c.kernel.futexes.await(mem, be, addr, val, bitset, deadline,
                        () -> c.thread.stopping() || c.proc.exited() || c.thread.hasDeliverable());
            }
            case FUTEX_WAKE:
            case FUTEX_WAKE_BITSET: {
                int bitset = cmd == FUTEX_WAKE ? -1 : c.intArg(5);
                if (bitset == 0) {
                    return -Errno.EINVAL;
                }
                return c.kernel.futexes.wake(mem, addr, val, bitset);
            }
            case FUTEX_REQUEUE:
                return c.kernel.futexes.requeue(mem, addr, val, c.ptrArg(4), c.intArg(3));
            case FUTEX_CMP_REQUEUE: {
                int now = be ? mem.ld32be(addr) : mem.ld32le(addr);
                if (now != c.intArg(5)) {
                    return -Errno.EAGAIN;
                }
                return c.kernel.futexes.requeue(mem, addr, val, c.ptrArg(4), c.intArg(3));
            }
            case FUTEX_WAKE_OP:
                return wakeOp(c, mem, be, addr, val);
            default:
                c.kernel.warnOnce("futex-op-" + cmd, "futex operation " + cmd + " is not implemented: ENOSYS");
                return -Errno.ENOSYS;
        }
    }

    /** FUTEX_WAKE_OP: atomically apply the encoded op to *uaddr2, wake on uaddr, and on uaddr2 if the comparison holds. */
    static long wakeOp(SyscallContext c, AddressSpace mem, boolean be, long addr, int val) {
        long addr2 = c.ptrArg(4);
        int val2 = c.intArg(3);
        int enc = c.intArg(5);
        int opKind = (enc >>> 28) & 7;
        boolean shiftArg = (enc >>> 28 & 8) != 0;
        int cmp = (enc >>> 24) & 15;
        int oparg = (enc << 8) >> 20;
        int cmparg = (enc << 20) >> 20;
        if (shiftArg) {
            oparg = 1 << (oparg & 31);
        }
        int old;
        synchronized (c.kernel.futexes) {
            while (true) {
                old = be ? mem.ld32be(addr2) : mem.ld32le(addr2);
                int nv = switch (opKind) {
                    case 0 -> oparg;
                    case 1 -> old + oparg;
                    case 2 -> old | oparg;
                    case 3 -> old & ~oparg;
                    case 4 -> old ^ oparg;
                    default -> old;
                };
                int seen = be ? mem.cas32be(addr2, old, nv) : mem.cas32le(addr2, old, nv);
                if (seen == old) {
                    break;
                }
            }
        }
        boolean hit = switch (cmp) {
            case 0 -> old == cmparg;
            case 1 -> old != cmparg;
            case 2 -> old < cmparg;
            case 3 -> old <= cmparg;
            case 4 -> old > cmparg;
            case 5 -> old >= cmparg;
            default -> false;
        };
        int n = c.kernel.futexes.wake(mem, addr, val, -1);
        if (hit) {
            n += c.kernel.futexes.wake(mem, addr2, val2, -1);
        }
        return n;
    }
}

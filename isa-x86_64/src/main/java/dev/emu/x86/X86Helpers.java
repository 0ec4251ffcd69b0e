package dev.emu.x86;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;

/**
 * Static helpers the x86 lifters call for what IR should not spell out. Shared by the
 * interpreter and generated code (one invokestatic each).
 */
public final class X86Helpers {
    private X86Helpers() {}

    private static final Object SPLIT_LOCK = new Object();

    /**
     * LOCK-prefixed compare-and-swap of {@code size} bytes: returns the old memory value
     * (zero-extended); stores {@code value} only if it equalled {@code expected}. Naturally
     * aligned 4- and 8-byte operands use the address space's CAS; 1- and 2-byte operands
     * inside one aligned 4-byte word CAS that word. Anything else (a split lock, which x86
     * allows and real code avoids) is a load-compare-store under one global lock: atomic
     * against other split locks, not against aligned CASes.
     */
    public static long lockedCas(CpuState s, long addr, long expected, long value, int size) {
        AddressSpace m = s.mem;
        if (size == 8 && (addr & 7) == 0) {
            return m.cas64le(addr, expected, value);
        }
        if (size == 4 && (addr & 3) == 0) {
            return m.cas32le(addr, (int) expected, (int) value) & 0xFFFF_FFFFL;
        }
        long fieldMask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        expected &= fieldMask;
        value &= fieldMask;
        if (size < 4 && (addr & 3) + size <= 4) {
            long word = addr & ~3L;
            int shift = (int) (addr & 3) * 8;
            while (true) {
                int cur = m.ld32le(word);
                long old = (cur >>> shift) & fieldMask;
                if (old != expected) {
                    return old;
                }
                int next = (int) ((cur & ~(fieldMask << shift)) | (value << shift));
                if (m.cas32le(word, cur, next) == cur) {
                    return old;
                }
            }
        }
        synchronized (SPLIT_LOCK) {
            long old = load(m, addr, size);
            if (old == expected) {
                store(m, addr, size, value);
            }
            return old;
        }
    }

    /**
     * CMPXCHG16B m128 (SDM "CMPXCHG8B/CMPXCHG16B"): compares RDX:RAX with the 16 bytes at
     * addr; equal: stores RCX:RBX and returns 1 (ZF); else loads them into RDX:RAX and
     * returns 0. A misaligned operand is #GP: the trap is raised (PRIVILEGED, which Linux
     * reports as SIGSEGV, as it does #GP) and 2 returned, nothing changed. The JVM has no
     * 16-byte CAS: the compare and both stores happen under one global lock, so they are
     * atomic against other CMPXCHG16Bs but not against other writes to the same bytes;
     * CPUID therefore does not claim CX16.
     */
    public static int cmpxchg16b(CpuState s, long addr) {
        if ((addr & 15) != 0) {
            s.trap = TrapKind.PRIVILEGED;
            s.trapDetail = 0;
            return 2;
        }
        AddressSpace m = s.mem;
        long[] r = s.regs;
        synchronized (SPLIT_LOCK) {
            long lo = m.ld64le(addr);
            long hi = m.ld64le(addr + 8);
            if (lo == r[X86Registers.RAX] && hi == r[X86Registers.RDX]) {
                m.st64le(addr, r[X86Registers.RBX]);
                m.st64le(addr + 8, r[X86Registers.RCX]);
                return 1;
            }
            // the locked instruction writes the old value back when the compare fails
            m.st64le(addr, lo);
            r[X86Registers.RAX] = lo;
            r[X86Registers.RDX] = hi;
            return 0;
        }
    }

    private static long load(AddressSpace m, long addr, int size) {
        return switch (size) {
            case 1 -> m.ld8(addr) & 0xFFL;
            case 2 -> m.ld16le(addr) & 0xFFFFL;
            case 4 -> m.ld32le(addr) & 0xFFFF_FFFFL;
            default -> m.ld64le(addr);
        };
    }

    private static void store(AddressSpace m, long addr, int size, long v) {
        switch (size) {
            case 1 -> m.st8(addr, (int) v);
            case 2 -> m.st16le(addr, (int) v);
            case 4 -> m.st32le(addr, (int) v);
            default -> m.st64le(addr, v);
        }
    }

    /**
     * DIV / IDIV (SDM Vol. 2 "DIV", "IDIV") of {@code size} bits: the dividend is AX,
     * DX:AX, EDX:EAX or RDX:RAX. On a zero divisor or a quotient that does not fit, nothing
     * changes, the trap is raised on the CPU and 1 is returned (the block then leaves with
     * the pc of the divide: #DE is a fault). Else quotient and remainder are written and 0
     * returned.
     */
    public static int divide(CpuState s, long divisor, int size, int signed) {
        long[] r = s.regs;
        long rax = r[X86Registers.RAX];
        long rdx = r[X86Registers.RDX];
        if (size == 64) {
            return divide128(s, divisor, signed != 0);
        }
        long mask = (1L << size) - 1;
        long dividend;
        if (size == 8) {
            dividend = rax & 0xFFFF;
            if (signed != 0) {
                dividend = (short) dividend;
            }
        } else {
            long hi = rdx & mask;
            long lo = rax & mask;
            dividend = hi << size | lo;
            if (signed != 0) {
                dividend = dividend << (64 - 2 * size) >> (64 - 2 * size);
            }
        }
        long d = divisor & mask;
        if (signed != 0) {
            d = d << (64 - size) >> (64 - size);
        }
        if (d == 0) {
            return fault(s);
        }
        long q;
        long rem;
        if (signed != 0) {
            q = dividend / d;
            rem = dividend % d;
            long min = -(1L << (size - 1));
            long max = (1L << (size - 1)) - 1;
            if (q < min || q > max) {
                return fault(s);
            }
        } else {
            q = Long.divideUnsigned(dividend, d);
            rem = Long.remainderUnsigned(dividend, d);
            if (Long.compareUnsigned(q, mask) > 0) {
                return fault(s);
            }
        }
        q &= mask;
        rem &= mask;
        switch (size) {
            case 8 -> r[X86Registers.RAX] = rax & ~0xFFFFL | rem << 8 | q;
            case 16 -> {
                r[X86Registers.RAX] = rax & ~0xFFFFL | q;
                r[X86Registers.RDX] = rdx & ~0xFFFFL | rem;
            }
            default -> {
                r[X86Registers.RAX] = q;
                r[X86Registers.RDX] = rem;
            }
        }
        return 0;
    }

    private static int divide128(CpuState s, long divisor, boolean signed) {
        long[] r = s.regs;
        java.math.BigInteger hi = java.math.BigInteger.valueOf(r[X86Registers.RDX]);
        java.math.BigInteger lo = unsigned(r[X86Registers.RAX]);
        java.math.BigInteger dividend = hi.shiftLeft(64).or(lo);
        java.math.BigInteger d;
        if (signed) {
            d = java.math.BigInteger.valueOf(divisor);
        } else {
            dividend = unsigned(r[X86Registers.RDX]).shiftLeft(64).or(lo);
            d = unsigned(divisor);
        }
        if (divisor == 0) {
            return fault(s);
        }
        // fast path: the dividend fits in 64 bits
        java.math.BigInteger[] qr = dividend.divideAndRemainder(d);
        java.math.BigInteger q = qr[0];
        if (signed ? q.bitLength() > 63 : q.signum() < 0 || q.bitLength() > 64) {
            return fault(s);
        }
        r[X86Registers.RAX] = q.longValue();
        r[X86Registers.RDX] = qr[1].longValue();
        return 0;
    }

    private static java.math.BigInteger unsigned(long v) {
        java.math.BigInteger b = java.math.BigInteger.valueOf(v & Long.MAX_VALUE);
        return v < 0 ? b.setBit(63) : b;
    }

    private static int fault(CpuState s) {
        s.trap = TrapKind.DIVIDE_ERROR;
        s.trapDetail = 0;
        return 1;
    }

    // ---------------------------------------------------------------- CPUID, RDTSC

    /**
     * CPUID leaf {@code leaf}, subleaf {@code sub}: register {@code which} (0 EAX, 1 EBX,
     * 2 ECX, 3 EDX). Reports only what the core implements, so ifunc resolvers never pick
     * code it cannot run: FPU (x87), TSC, CX8, CMOV, FXSR (FXSAVE/FXRSTOR), SSE, SSE2 in leaf 1
     * EDX; SSE3, SSSE3, SSE4.1, SSE4.2, POPCNT in leaf 1 ECX; SYSCALL, LM and LAHF/SAHF, LZCNT
     * (ABM) in the extended leaves. No MMX (its instructions are not implemented); leaf 7 reports nothing (BMI1
     * is VEX-encoded, so TZCNT is implemented but not advertised by its own bit).
     */
    public static int cpuid(int leaf, int sub, int which) {
        int[] r = cpuidLeaf(leaf, sub);
        return r[which];
    }

    static int[] cpuidLeaf(int leaf, int sub) {
        // "GenuineIntel" is not claimed: software would apply Intel model quirks.
        // EBX, EDX, ECX spell the vendor: "EmuJavaX86\0\0\0" -> "EmuJ" "avaX" "86  "
        final int vb = le("EmuJ");
        final int vd = le("avaX");
        final int vc = le("86  ");
        return switch (leaf) {
            case 0 -> new int[] {7, vb, vc, vd};
            // family 6, model 0, stepping 0; EBX: CLFLUSH line size 8 (x 8 = 64 bytes), one logical CPU
            case 1 -> new int[] {0x600, 0x0000_0800, 1 | (1 << 9) | (1 << 19) | (1 << 20) | (1 << 23),
                1 | (1 << 4) | (1 << 8) | (1 << 15) | (1 << 24) | (1 << 25) | (1 << 26)};
            case 7 -> new int[] {0, 0, 0, 0};
            case 0x8000_0000 -> new int[] {0x8000_0001, vb, vc, vd};
            case 0x8000_0001 -> new int[] {0, 0, 1 | (1 << 5), (1 << 11) | (1 << 29)};
            default -> new int[] {0, 0, 0, 0};
        };
    }

    private static int le(String s) {
        return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
    }

    /** RDTSC: a 1 GHz counter from the host's monotonic clock. */
    public static long rdtsc() {
        return System.nanoTime();
    }

    // ---------------------------------------------------------------- RCL, RCR

    public static final dev.emu.core.ir.Helper RCL_CARRY = dev.emu.core.ir.Helper.of(X86Helpers.class, "rclCarry");
    public static final dev.emu.core.ir.Helper RCR_CARRY = dev.emu.core.ir.Helper.of(X86Helpers.class, "rcrCarry");

    /** The rotation count of RCL/RCR (SDM "RCL"): count (already masked) mod size + 1 for 8 and 16 bits. */
    private static int rcCount(int count, int size) {
        return size == 8 ? count % 9 : size == 16 ? count % 17 : count;
    }

    /** RCL's result: {size bits of v, cf} rotated left by the count; the value is zero-extended. */
    public static long rcl(long v, int count, int cf, int size) {
        return rotateThroughCarry(v, count, cf, size, true)[0];
    }

    public static long rclCarry(long v, int count, int cf, int size) {
        return rotateThroughCarry(v, count, cf, size, true)[1];
    }

    public static long rcr(long v, int count, int cf, int size) {
        return rotateThroughCarry(v, count, cf, size, false)[0];
    }

    public static long rcrCarry(long v, int count, int cf, int size) {
        return rotateThroughCarry(v, count, cf, size, false)[1];
    }

    private static long[] rotateThroughCarry(long v, int count, int cf, int size, boolean left) {
        long mask = size == 64 ? -1L : (1L << size) - 1;
        v &= mask;
        long c = cf & 1;
        int n = rcCount(count, size);
        for (int k = 0; k < n; k++) {
            if (left) {
                long out = (v >>> (size - 1)) & 1;
                v = ((v << 1) | c) & mask;
                c = out;
            } else {
                long out = v & 1;
                v = (v >>> 1) | (c << (size - 1));
                c = out;
            }
        }
        return new long[] {v, c};
    }
}

package dev.emu.arm64.simd;

import static dev.emu.arm64.Arm64Registers.FPSR;
import static dev.emu.arm64.Arm64Registers.SIMD_RESULT;
import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.cpu.CpuState;

/**
 * Lanes of 128-bit SIMD&FP values for the SIMD helpers, read and written in place in the
 * register slots: a value is two consecutive longs {lo, hi} of a {@code long[]} at a slot
 * offset ({@link #at} for V<r>, {@link #result} for the helper's result). Element sizes are
 * in bits (8, 16, 32, 64); element i of a value is bits [i*e, (i+1)*e).
 *
 * <p>Helpers read their operands straight from the register file, build the result in the
 * {@link dev.emu.arm64.Arm64Registers#SIMD_RESULT} slots and copy it to V<d> at the end
 * ({@link #write}), so that a destination that is also a source is read whole before it
 * changes, and nothing is allocated per instruction: libc's NEON string functions run these
 * helpers millions of times, and copies of registers as fresh arrays used to be a third of
 * the emulator's allocation.
 */
public final class Vec {
    private Vec() {}

    /** FPSR.QC, the cumulative saturation bit. */
    public static final long QC = 1L << 27;

    /** Slot of V<r>'s low half: {@code get(s.regs, at(r), i, e)} is its element i. */
    public static int at(int r) {
        return vlo(r);
    }

    /** The zeroed result slots; the helper sets its lanes and then calls {@link #write}. */
    public static int result(CpuState s) {
        s.regs[SIMD_RESULT] = 0;
        s.regs[SIMD_RESULT + 1] = 0;
        return SIMD_RESULT;
    }

    /** Writes the result to V<d>; a 64-bit result (q = false) clears the upper half. */
    public static void write(CpuState s, int d, boolean q) {
        long[] v = s.regs;
        v[vlo(d)] = v[SIMD_RESULT];
        v[vhi(d)] = q ? v[SIMD_RESULT + 1] : 0;
    }

    /**
     * Writes the low 64 bits of the result as a narrowing instruction does: to the lower half
     * of V<d> with the upper half cleared, or (the "2" forms, q = true) to the upper half with
     * the lower one kept.
     */
    public static void writeNarrow(CpuState s, int d, boolean q) {
        long[] v = s.regs;
        if (q) {
            v[vhi(d)] = v[SIMD_RESULT];
        } else {
            v[vlo(d)] = v[SIMD_RESULT];
            v[vhi(d)] = 0;
        }
    }

    /** Writes (lo, hi) to V<d>. */
    public static void write(CpuState s, int d, long lo, long hi) {
        s.regs[vlo(d)] = lo;
        s.regs[vhi(d)] = hi;
    }

    public static long mask(int esize) {
        return esize == 64 ? -1L : (1L << esize) - 1;
    }

    /** Element i of the value at v[at], v[at + 1], zero-extended. */
    public static long get(long[] v, int at, int i, int esize) {
        int bit = i * esize;
        return (v[at + (bit >>> 6)] >>> (bit & 63)) & mask(esize);
    }

    /** Element i, sign-extended. */
    public static long sget(long[] v, int at, int i, int esize) {
        return sx(get(v, at, i, esize), esize);
    }

    public static void set(long[] v, int at, int i, int esize, long x) {
        int bit = i * esize;
        long m = mask(esize) << (bit & 63);
        int w = at + (bit >>> 6);
        v[w] = (v[w] & ~m) | ((x << (bit & 63)) & m);
    }

    public static long sx(long x, int esize) {
        return esize == 64 ? x : (x << (64 - esize)) >> (64 - esize);
    }

    public static long zx(long x, int esize) {
        return x & mask(esize);
    }

    public static void saturated(CpuState s) {
        s.regs[FPSR] |= QC;
    }

    /** Signed saturation of x to esize bits; sets QC when it clips. */
    public static long satS(CpuState s, long x, int esize) {
        if (esize == 64) {
            return x;
        }
        long max = (1L << (esize - 1)) - 1;
        long min = -max - 1;
        if (x > max) {
            saturated(s);
            return max;
        }
        if (x < min) {
            saturated(s);
            return min;
        }
        return x;
    }

    /** Unsigned saturation of a signed x to esize bits (< 64); sets QC when it clips. */
    public static long satU(CpuState s, long x, int esize) {
        long max = mask(esize);
        if (x < 0) {
            saturated(s);
            return 0;
        }
        if (esize < 64 && x > max) {
            saturated(s);
            return max;
        }
        return x;
    }
}

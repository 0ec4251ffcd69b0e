package dev.emu.arm64.simd;

import static dev.emu.arm64.Arm64Registers.FPSR;
import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.cpu.CpuState;

/**
 * Lanes of a 128-bit SIMD&FP register held as {lo, hi} longs, for the SIMD helpers. Element
 * sizes are in bits (8, 16, 32, 64); element i of a 128-bit value is bits [i*e, (i+1)*e).
 */
public final class Vec {
    private Vec() {}

    /** FPSR.QC, the cumulative saturation bit. */
    public static final long QC = 1L << 27;

    public static long[] read(CpuState s, int r) {
        return new long[] {s.regs[vlo(r)], s.regs[vhi(r)]};
    }

    /** Writes V<r>; a 64-bit result (q = false) clears the upper half. */
    public static void write(CpuState s, int r, long[] v, boolean q) {
        s.regs[vlo(r)] = v[0];
        s.regs[vhi(r)] = q ? v[1] : 0;
    }

    public static long mask(int esize) {
        return esize == 64 ? -1L : (1L << esize) - 1;
    }

    /** Element i, zero-extended. */
    public static long get(long[] v, int i, int esize) {
        int bit = i * esize;
        return (v[bit >>> 6] >>> (bit & 63)) & mask(esize);
    }

    /** Element i, sign-extended. */
    public static long sget(long[] v, int i, int esize) {
        return sx(get(v, i, esize), esize);
    }

    public static void set(long[] v, int i, int esize, long x) {
        int bit = i * esize;
        long m = mask(esize) << (bit & 63);
        int w = bit >>> 6;
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

package dev.emu.arm32.neon;

import static dev.emu.arm32.Arm32Registers.D0;
import static dev.emu.arm32.Arm32Registers.FPSCR;

import dev.emu.core.cpu.CpuState;

/**
 * Elements of Advanced SIMD registers as the Arm ARM's pseudocode reads them: a vector is a
 * long[] of one (D) or two (Q) doublewords, element e of esize bits at bit e * esize. The
 * group helpers read their operands into such arrays first and write results last, so a
 * destination that overlaps a source behaves as the pseudocode says.
 */
final class Lanes {
    private Lanes() {}

    static final long QC = 1L << 27;

    /** The register number D:Vd (bits 22, 15:12), N:Vn (7, 19:16), M:Vm (5, 3:0) of an A32 word. */
    static int vd(int w) {
        return (w >>> 18 & 0x10) | (w >>> 12 & 0xF);
    }

    static int vn(int w) {
        return (w >>> 3 & 0x10) | (w >>> 16 & 0xF);
    }

    static int vm(int w) {
        return (w >>> 1 & 0x10) | (w & 0xF);
    }

    static int bit(int w, int n) {
        return w >>> n & 1;
    }

    /** Q (bit 6): 2 doublewords per operand, else 1. */
    static int regs(int w) {
        return bit(w, 6) + 1;
    }

    /** Registers of a Q operation must be even; true when every one given is. */
    static boolean even(int... regs) {
        for (int r : regs) {
            if ((r & 1) != 0) {
                return false;
            }
        }
        return true;
    }

    static long[] read(CpuState s, int d, int count) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = s.regs[D0 + d + i];
        }
        return v;
    }

    static void write(CpuState s, int d, long[] v) {
        for (int i = 0; i < v.length; i++) {
            s.regs[D0 + d + i] = v[i];
        }
    }

    static long mask(int esize) {
        return esize == 64 ? -1L : (1L << esize) - 1;
    }

    /** Element e, zero-extended ({@code unsigned}) or sign-extended. */
    static long get(long[] v, int e, int esize, boolean unsigned) {
        int per = 64 / esize;
        long x = v[e / per] >>> (e % per * esize);
        int sh = 64 - esize;
        return unsigned ? x << sh >>> sh : x << sh >> sh;
    }

    static void set(long[] v, int e, int esize, long x) {
        int per = 64 / esize;
        int at = e % per * esize;
        long m = mask(esize) << at;
        v[e / per] = v[e / per] & ~m | (x << at & m);
    }

    static long maxSigned(int esize) {
        return esize == 64 ? Long.MAX_VALUE : (1L << (esize - 1)) - 1;
    }

    static long minSigned(int esize) {
        return esize == 64 ? Long.MIN_VALUE : -(1L << (esize - 1));
    }

    static int elements(long[] v, int esize) {
        return v.length * 64 / esize;
    }

    static void setQc(CpuState s) {
        s.regs[FPSCR] |= QC;
    }

    /** x saturated to esize bits, signed or unsigned; QC when it did not fit. */
    static long saturate(CpuState s, long x, int esize, boolean unsigned) {
        long max = unsigned ? mask(esize) : maxSigned(esize);
        long min = unsigned ? 0 : minSigned(esize);
        if (unsigned ? esize < 64 && (x < 0 || x > max) : x > max || x < min) {
            setQc(s);
            return unsigned && x < 0 ? 0 : x < min ? min : max;
        }
        return x;
    }

    /** x, an unsigned 64-bit value, saturated to esize bits unsigned; QC when it did not fit. */
    static long saturateUnsigned(CpuState s, long x, int esize) {
        if (Long.compareUnsigned(x, mask(esize)) > 0) {
            setQc(s);
            return mask(esize);
        }
        return x;
    }

    /** Signed 64-bit a + b (or a - b) saturated, QC on overflow. */
    static long addSat64(CpuState s, long a, long b, boolean sub) {
        long r = sub ? a - b : a + b;
        boolean overflow = sub ? ((a ^ b) & (a ^ r)) < 0 : ((a ^ r) & (b ^ r)) < 0;
        if (overflow) {
            setQc(s);
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** Unsigned 64-bit a + b (or a - b) saturated, QC on overflow. */
    static long addSatU64(CpuState s, long a, long b, boolean sub) {
        long r = sub ? a - b : a + b;
        if (sub ? Long.compareUnsigned(a, b) < 0 : Long.compareUnsigned(r, a) < 0) {
            setQc(s);
            return sub ? 0 : -1L;
        }
        return r;
    }

    /**
     * x (an esize-bit integer, sign- or zero-extended) times 2^shift: a left shift for
     * shift >= 0, else an arithmetic or logical right shift, rounded when {@code round}. Right
     * shifts are exact; a left shift whose result does not fit 64 bits sets {@code overflow[0]}
     * (callers saturate or truncate).
     */
    static long shift(long x, int shift, boolean unsigned, boolean round, boolean[] overflow) {
        if (shift >= 0) {
            if (x == 0) {
                return 0;
            }
            if (shift >= 64) {
                overflow[0] = true;
                return 0;
            }
            long r = x << shift;
            if ((unsigned ? r >>> shift : r >> shift) != x) {
                overflow[0] = true;
            }
            return r;
        }
        int sh = -shift;
        if (sh > 64) {
            return round || unsigned ? 0 : x >> 63;
        }
        long r = sh == 64 ? (unsigned ? 0 : x >> 63) : (unsigned ? x >>> sh : x >> sh);
        if (round) {
            r += (x >>> (sh - 1)) & 1; // + 2^(sh-1) before the shift, without overflowing
        }
        return r;
    }
}

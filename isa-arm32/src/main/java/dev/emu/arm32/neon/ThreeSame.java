package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;
import static dev.emu.arm32.neon.Lanes.get;
import static dev.emu.arm32.neon.Lanes.set;

import dev.emu.arm32.VfpHelpers;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;

/**
 * A7.4.1 Three registers of the same length: 1111 001U 0Dzz nnnn dddd AAAA NQMB mmmm. The
 * opcode is A (bits 11:8), B (bit 4), U (bit 24) and, for the logic and FP rows, zz.
 */
final class ThreeSame {
    private ThreeSame() {}

    private static int a(int w) {
        return w >>> 8 & 0xF;
    }

    static boolean valid(int w) {
        int a = a(w), b = bit(w, 4), u = bit(w, 24), size = w >>> 20 & 3, q = bit(w, 6), hi = bit(w, 21);
        if (q == 1 && !Lanes.even(Lanes.vd(w), Lanes.vn(w), Lanes.vm(w))) {
            return false;
        }
        boolean fpSizeOk = (size & 1) == 0; // sz (bit 20) = 1 is reserved for the binary32 rows
        return switch (a) {
            case 0b0000, 0b0010 -> b == 1 || size != 3;                 // VQADD/VQSUB any size; VHADD/VHSUB not 64
            case 0b0001 -> b == 1 || size != 3;                         // VRHADD; the logic row
            case 0b0011, 0b0110, 0b0111 -> size != 3;                   // VCGT/VCGE, VMAX/VMIN, VABD/VABA
            case 0b0100, 0b0101 -> true;                                // VSHL, VQSHL, VRSHL, VQRSHL
            case 0b1000 -> b == 0 || size != 3;                         // VADD/VSUB; VTST/VCEQ
            case 0b1001 -> size != 3 && (b == 0 || u == 0 || size == 0); // VMLA/VMLS; VMUL (polynomial: 8-bit only)
            case 0b1010 -> size != 3 && q == 0;                         // VPMAX/VPMIN
            case 0b1011 -> b == 0 ? size == 1 || size == 2 : u == 0 && size != 3 && q == 0; // VQ(R)DMULH; VPADD
            case 0b1100 -> b == 1 && u == 0 && fpSizeOk;                // VFMA/VFMS
            case 0b1101 -> fpSizeOk && (b == 0 ? !(u == 1 && hi == 0 && q == 1) : !(u == 1 && hi == 1)); // VADD/VSUB/VPADD/VABD; VMLA/VMLS/VMUL
            case 0b1110 -> fpSizeOk && (b == 0 ? u == 1 || hi == 0 : u == 1); // VCEQ/VCGE/VCGT; VACGE/VACGT
            case 0b1111 -> fpSizeOk && (b == 0 ? u == 0 || q == 0 : u == 0); // VMAX/VMIN, VPMAX/VPMIN; VRECPS/VRSQRTS
            default -> false;
        };
    }

    static void exec(CpuState s, int w) {
        int a = a(w);
        if (a >= 0b1100) {
            floating(s, w);
        } else {
            integer(s, w);
        }
    }

    // ------------------------------------------------------------------ integer rows
    private static void integer(CpuState s, int w) {
        int a = a(w), b = bit(w, 4), size = w >>> 20 & 3, regs = Lanes.regs(w);
        boolean u = bit(w, 24) == 1;
        int d = Lanes.vd(w);
        long[] n = Lanes.read(s, Lanes.vn(w), regs), m = Lanes.read(s, Lanes.vm(w), regs);
        long[] acc = Lanes.read(s, d, regs);
        if (a == 0b0001 && b == 1) {
            Lanes.write(s, d, logic(w, acc, n, m));
            return;
        }
        if (a == 0b1010 || a == 0b1011 && b == 1) {
            Lanes.write(s, d, pairwise(a, b, u, size, n, m));
            return;
        }
        int esize = 8 << size;
        long[] r = new long[regs];
        int count = Lanes.elements(r, esize);
        boolean[] overflow = new boolean[1];
        for (int e = 0; e < count; e++) {
            long x = get(n, e, esize, u), y = get(m, e, esize, u);
            long v;
            switch (a << 1 | b) {
                case 0b0000_0 -> v = halving(x, y, esize, u, false, false);                 // VHADD
                case 0b0000_1 -> v = satAdd(s, x, y, esize, u, false);                      // VQADD
                case 0b0001_0 -> v = halving(x, y, esize, u, false, true);                  // VRHADD
                case 0b0010_0 -> v = halving(x, y, esize, u, true, false);                  // VHSUB
                case 0b0010_1 -> v = satAdd(s, x, y, esize, u, true);                       // VQSUB
                case 0b0011_0 -> v = (u ? Long.compareUnsigned(x, y) > 0 : x > y) ? -1 : 0;  // VCGT
                case 0b0011_1 -> v = (u ? Long.compareUnsigned(x, y) >= 0 : x >= y) ? -1 : 0; // VCGE
                case 0b0100_0, 0b0100_1, 0b0101_0, 0b0101_1 -> {                              // VSHL, VQSHL, VRSHL, VQRSHL: Dm shifted by Dn
                    long value = get(m, e, esize, u);
                    int sh = (byte) get(n, e, esize, true);
                    overflow[0] = false;
                    long shifted = Lanes.shift(value, sh, u, a == 0b0101, overflow);
                    if (b == 1 && overflow[0]) {
                        Lanes.setQc(s);
                        v = u ? -1L : value < 0 ? Lanes.minSigned(esize) : Lanes.maxSigned(esize);
                    } else if (b == 1) {
                        v = u ? Lanes.saturateUnsigned(s, shifted, esize) : Lanes.saturate(s, shifted, esize, false);
                    } else {
                        v = shifted;
                    }
                }
                case 0b0110_0 -> v = (u ? Long.compareUnsigned(x, y) >= 0 : x >= y) ? x : y; // VMAX
                case 0b0110_1 -> v = (u ? Long.compareUnsigned(x, y) <= 0 : x <= y) ? x : y; // VMIN
                case 0b0111_0 -> v = Math.abs(x - y);                                        // VABD
                case 0b0111_1 -> v = get(acc, e, esize, u) + Math.abs(x - y);                // VABA
                case 0b1000_0 -> v = u ? x - y : x + y;                                       // VADD, VSUB
                case 0b1000_1 -> v = u ? (x == y ? -1 : 0) : ((x & y & Lanes.mask(esize)) != 0 ? -1 : 0); // VCEQ, VTST
                case 0b1001_0 -> v = u ? get(acc, e, esize, u) - x * y : get(acc, e, esize, u) + x * y; // VMLA, VMLS
                case 0b1001_1 -> v = u ? polyMul(x, y, esize) : x * y;                        // VMUL (polynomial when U)
                case 0b1011_0 -> v = doublingMulHigh(s, get(n, e, esize, false), get(m, e, esize, false), esize, u); // VQDMULH, VQRDMULH (U: rounding)
                default -> throw new IllegalStateException("three same " + Integer.toHexString(w));
            }
            set(r, e, esize, v);
        }
        Lanes.write(s, d, r);
    }

    private static long[] logic(int w, long[] d, long[] n, long[] m) {
        int op = bit(w, 24) << 2 | (w >>> 20 & 3);
        long[] r = new long[d.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = switch (op) {
                case 0 -> n[i] & m[i];                          // VAND
                case 1 -> n[i] & ~m[i];                         // VBIC
                case 2 -> n[i] | m[i];                          // VORR (VMOV when n = m)
                case 3 -> n[i] | ~m[i];                         // VORN
                case 4 -> n[i] ^ m[i];                          // VEOR
                case 5 -> d[i] & n[i] | ~d[i] & m[i];           // VBSL
                case 6 -> m[i] & n[i] | ~m[i] & d[i];           // VBIT
                default -> ~m[i] & n[i] | m[i] & d[i];          // VBIF
            };
        }
        return r;
    }

    /** VPMAX, VPMIN, VPADD (integer, D registers): pairs of Dn then pairs of Dm. */
    private static long[] pairwise(int a, int b, boolean u, int size, long[] n, long[] m) {
        int esize = 8 << size, count = 64 / esize;
        long[] r = new long[1];
        for (int e = 0; e < count; e++) {
            long[] src = e < count / 2 ? n : m;
            int i = e % (count / 2) * 2;
            long x = get(src, i, esize, u), y = get(src, i + 1, esize, u);
            long v;
            if (a == 0b1011) {
                v = x + y;
            } else {
                boolean max = b == 0;
                boolean xFirst = u ? (max ? Long.compareUnsigned(x, y) >= 0 : Long.compareUnsigned(x, y) <= 0)
                        : (max ? x >= y : x <= y);
                v = xFirst ? x : y;
            }
            set(r, e, esize, v);
        }
        return r;
    }

    private static long halving(long x, long y, int esize, boolean u, boolean sub, boolean round) {
        if (esize < 64) {
            long r = sub ? x - y : x + y + (round ? 1 : 0);
            return r >> 1;
        }
        throw new IllegalStateException("64-bit halving add");
    }

    static long satAdd(CpuState s, long x, long y, int esize, boolean u, boolean sub) {
        if (esize == 64) {
            return u ? Lanes.addSatU64(s, x, y, sub) : Lanes.addSat64(s, x, y, sub);
        }
        return Lanes.saturate(s, sub ? x - y : x + y, esize, u);
    }

    static long polyMul(long x, long y, int esize) {
        x &= Lanes.mask(esize);
        long r = 0;
        for (int i = 0; i < esize; i++) {
            if ((y >>> i & 1) != 0) {
                r ^= x << i;
            }
        }
        return r;
    }

    /** VQDMULH / VQRDMULH: the high half of 2 * x * y (rounded), saturated (only -2^(n-1) squared overflows). */
    static long doublingMulHigh(CpuState s, long x, long y, int esize, boolean round) {
        long p = 2 * x * y + (round ? 1L << (esize - 1) : 0);
        if (esize == 32 && x == Integer.MIN_VALUE && y == Integer.MIN_VALUE) {
            Lanes.setQc(s);
            return Integer.MAX_VALUE;
        }
        return Lanes.saturate(s, p >> esize, esize, false);
    }

    // ------------------------------------------------------------------ binary32 rows
    private static void floating(CpuState s, int w) {
        int a = a(w), b = bit(w, 4), u = bit(w, 24), hi = bit(w, 21), regs = Lanes.regs(w);
        int d = Lanes.vd(w);
        long[] n = Lanes.read(s, Lanes.vn(w), regs), m = Lanes.read(s, Lanes.vm(w), regs), acc = Lanes.read(s, d, regs);
        boolean pairwise = u == 1 && (a == 0b1101 && b == 0 && hi == 0 || a == 0b1111 && b == 0);
        long[] r = new long[regs];
        long saved = NeonFp.enter(s);
        try {
            int count = regs * 2;
            for (int e = 0; e < count; e++) {
                long x, y;
                if (pairwise) {
                    long[] src = e < count / 2 ? n : m;
                    int i = e % (count / 2) * 2;
                    x = get(src, i, 32, true);
                    y = get(src, i + 1, 32, true);
                } else {
                    x = get(n, e, 32, true);
                    y = get(m, e, 32, true);
                }
                long v = switch (a << 3 | b << 2 | u << 1 | hi) {
                    case 0b1100_1_0_0 -> FpFast.mulAdd(s, get(acc, e, 32, true), x, y, Fp.S);              // VFMA
                    case 0b1100_1_0_1 -> FpFast.mulAdd(s, get(acc, e, 32, true), Fp.neg(x, Fp.S), y, Fp.S); // VFMS
                    case 0b1101_0_0_0, 0b1101_0_1_0 -> FpFast.add(s, x, y, Fp.S);                          // VADD, VPADD
                    case 0b1101_0_0_1 -> FpFast.sub(s, x, y, Fp.S);                                        // VSUB
                    case 0b1101_0_1_1 -> Fp.abs(FpFast.sub(s, x, y, Fp.S), Fp.S);                          // VABD
                    case 0b1101_1_0_0 -> VfpHelpers.mulAccumulate(s, VfpHelpers.VMLA, get(acc, e, 32, true), x, y, Fp.S);
                    case 0b1101_1_0_1 -> VfpHelpers.mulAccumulate(s, VfpHelpers.VMLS, get(acc, e, 32, true), x, y, Fp.S);
                    case 0b1101_1_1_0 -> FpFast.mul(s, x, y, Fp.S);                                        // VMUL
                    case 0b1110_0_0_0 -> Fp.compareCond(s, x, y, Fp.S, 0) ? 0xFFFF_FFFFL : 0;              // VCEQ
                    case 0b1110_0_1_0 -> Fp.compareCond(s, x, y, Fp.S, 1) ? 0xFFFF_FFFFL : 0;              // VCGE
                    case 0b1110_0_1_1 -> Fp.compareCond(s, x, y, Fp.S, 2) ? 0xFFFF_FFFFL : 0;              // VCGT
                    case 0b1110_1_1_0 -> Fp.compareCond(s, Fp.abs(x, Fp.S), Fp.abs(y, Fp.S), Fp.S, 1) ? 0xFFFF_FFFFL : 0; // VACGE
                    case 0b1110_1_1_1 -> Fp.compareCond(s, Fp.abs(x, Fp.S), Fp.abs(y, Fp.S), Fp.S, 2) ? 0xFFFF_FFFFL : 0; // VACGT
                    case 0b1111_0_0_0, 0b1111_0_1_0 -> FpFast.minMax(s, x, y, Fp.S, true, false);          // VMAX, VPMAX
                    case 0b1111_0_0_1, 0b1111_0_1_1 -> FpFast.minMax(s, x, y, Fp.S, false, false);         // VMIN, VPMIN
                    case 0b1111_1_0_0 -> NeonFp.recipStep(s, x, y);                                        // VRECPS
                    case 0b1111_1_0_1 -> NeonFp.rsqrtStep(s, x, y);                                        // VRSQRTS
                    default -> throw new IllegalStateException("three same FP " + Integer.toHexString(w));
                };
                set(r, e, 32, v);
            }
        } finally {
            NeonFp.leave(s, saved);
        }
        Lanes.write(s, d, r);
    }
}

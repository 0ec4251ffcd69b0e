package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;
import static dev.emu.arm32.neon.Lanes.get;
import static dev.emu.arm32.neon.Lanes.set;

import dev.emu.arm32.VfpHelpers;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;

/**
 * A7.4.2 Three registers of different lengths (1111 001U 1Dzz nnnn dddd AAAA N0M0 mmmm) and
 * A7.4.3 two registers and a scalar (the same with bit 6 set; the scalar's register and index
 * share the M:Vm field).
 */
final class ThreeDifferent {
    private ThreeDifferent() {}

    static boolean valid(int w) {
        int a = w >>> 8 & 0xF, u = bit(w, 24), size = w >>> 20 & 3;
        int d = Lanes.vd(w), n = Lanes.vn(w), m = Lanes.vm(w);
        return switch (a) {
            case 0b0000, 0b0010, 0b0101, 0b0111, 0b1000, 0b1010, 0b1100 -> Lanes.even(d);  // long: Qd = Dn op Dm
            case 0b0001, 0b0011 -> Lanes.even(d, n);                                        // wide: Qd = Qn op Dm
            case 0b0100, 0b0110 -> Lanes.even(n, m);                                        // narrow: Dd = Qn op Qm
            case 0b1001, 0b1011, 0b1101 -> u == 0 && size != 0 && Lanes.even(d);            // VQDMLAL, VQDMLSL, VQDMULL
            case 0b1110 -> u == 0 && size == 0 && Lanes.even(d);                            // VMULL.P8
            default -> false;
        };
    }

    static void exec(CpuState s, int w) {
        int a = w >>> 8 & 0xF, esize = 8 << (w >>> 20 & 3);
        boolean u = bit(w, 24) == 1;
        int d = Lanes.vd(w);
        boolean wideN = a == 0b0001 || a == 0b0011, narrowOut = a == 0b0100 || a == 0b0110;
        long[] n = Lanes.read(s, Lanes.vn(w), wideN || narrowOut ? 2 : 1);
        long[] m = Lanes.read(s, Lanes.vm(w), narrowOut ? 2 : 1);
        long[] acc = Lanes.read(s, d, narrowOut ? 1 : 2);
        long[] r = new long[narrowOut ? 1 : 2];
        for (int e = 0; e < 64 / esize; e++) {
            if (narrowOut) { // VADDHN, VRADDHN, VSUBHN, VRSUBHN
                long x = get(n, e, 2 * esize, true), y = get(m, e, 2 * esize, true);
                long v = (a == 0b0100 ? x + y : x - y) + (u ? 1L << (esize - 1) : 0);
                set(r, e, esize, v >>> esize);
                continue;
            }
            long x = wideN ? get(n, e, 2 * esize, u) : get(n, e, esize, u);
            long y = get(m, e, esize, u);
            long dv = get(acc, e, 2 * esize, u);
            long v = switch (a) {
                case 0b0000, 0b0001 -> x + y;                         // VADDL, VADDW
                case 0b0010, 0b0011 -> x - y;                         // VSUBL, VSUBW
                case 0b0101 -> dv + Math.abs(x - y);                  // VABAL
                case 0b0111 -> Math.abs(x - y);                       // VABDL
                case 0b1000 -> dv + x * y;                            // VMLAL
                case 0b1010 -> dv - x * y;                            // VMLSL
                case 0b1100 -> x * y;                                 // VMULL
                case 0b1110 -> ThreeSame.polyMul(x, y, esize);        // VMULL.P8
                default -> doublingLong(s, a, dv, x, y, esize);        // VQDMLAL, VQDMLSL, VQDMULL
            };
            set(r, e, 2 * esize, v);
        }
        Lanes.write(s, d, r);
    }

    /** VQDMULL (a = 1101, 1011 in the scalar table), VQDMLAL (1001, 0011), VQDMLSL (1011, 0111): saturating 2 * x * y, then +/- d. */
    private static long doublingLong(CpuState s, int kind, long d, long x, long y, int esize) {
        long p = ThreeSame.satAdd(s, x * y, x * y, 2 * esize, false, false);
        return switch (kind) {
            case 0b1101 -> p;
            case 0b1001 -> ThreeSame.satAdd(s, d, p, 2 * esize, false, false);
            default -> ThreeSame.satAdd(s, d, p, 2 * esize, false, true);
        };
    }

    // ------------------------------------------------------------------ A7.4.3 scalar
    static boolean validScalar(int w) {
        int a = w >>> 8 & 0xF, q = bit(w, 24), size = w >>> 20 & 3;
        int d = Lanes.vd(w), n = Lanes.vn(w);
        if (size == 0) {
            return false;
        }
        boolean same = q == 0 || Lanes.even(d, n);
        return switch (a) {
            case 0b0000, 0b0100, 0b1000, 0b1100, 0b1101 -> same;                 // VMLA, VMLS, VMUL, VQDMULH, VQRDMULH
            case 0b0001, 0b0101, 0b1001 -> size == 2 && same;                    // their binary32 forms
            case 0b0010, 0b0110, 0b1010 -> Lanes.even(d);                        // VMLAL, VMLSL, VMULL
            case 0b0011, 0b0111, 0b1011 -> q == 0 && Lanes.even(d);              // VQDMLAL, VQDMLSL, VQDMULL
            default -> false;
        };
    }

    static void scalar(CpuState s, int w) {
        int a = w >>> 8 & 0xF, size = w >>> 20 & 3, esize = 8 << size;
        boolean u = bit(w, 24) == 1;
        int vm = w & 0xF, mbit = bit(w, 5);
        int dm = esize == 16 ? vm & 7 : vm;
        int index = esize == 16 ? mbit << 1 | vm >>> 3 : mbit;
        int d = Lanes.vd(w);
        boolean isLong = (a & 0b0010) != 0 && a < 0b1100;
        int regs = isLong ? 1 : Lanes.regs(w >>> 18 & 0x40 | w & ~0x40); // Q is bit 24 here
        long[] n = Lanes.read(s, Lanes.vn(w), regs);
        long[] acc = Lanes.read(s, d, isLong ? 2 : regs);
        long[] r = new long[acc.length];
        boolean fp = a == 0b0001 || a == 0b0101 || a == 0b1001;
        long saved = fp ? NeonFp.enter(s) : 0;
        try {
            long y = get(Lanes.read(s, dm, 1), index, esize, u || fp);
            int count = regs * 64 / esize;
            for (int e = 0; e < count; e++) {
                if (fp) {
                    long x = get(n, e, 32, true), dv = get(acc, e, 32, true);
                    long v = switch (a) {
                        case 0b0001 -> VfpHelpers.mulAccumulate(s, VfpHelpers.VMLA, dv, x, y, Fp.S);
                        case 0b0101 -> VfpHelpers.mulAccumulate(s, VfpHelpers.VMLS, dv, x, y, Fp.S);
                        default -> FpFast.mul(s, x, y, Fp.S);
                    };
                    set(r, e, 32, v);
                    continue;
                }
                boolean sign = !u || a == 0b0011 || a == 0b0111 || a == 0b1011 || a >= 0b1100;
                long x = get(n, e, esize, !sign);
                long yy = sign ? get(Lanes.read(s, dm, 1), index, esize, false) : y;
                if (isLong) {
                    long dv = get(acc, e, 2 * esize, !sign);
                    long v = switch (a) {
                        case 0b0010 -> dv + x * yy;                         // VMLAL
                        case 0b0110 -> dv - x * yy;                         // VMLSL
                        case 0b1010 -> x * yy;                              // VMULL
                        case 0b0011 -> doublingLong(s, 0b1001, dv, x, yy, esize); // VQDMLAL
                        case 0b0111 -> doublingLong(s, 0b0111, dv, x, yy, esize); // VQDMLSL
                        default -> doublingLong(s, 0b1101, dv, x, yy, esize);     // VQDMULL
                    };
                    set(r, e, 2 * esize, v);
                } else {
                    long dv = get(acc, e, esize, false);
                    long v = switch (a) {
                        case 0b0000 -> dv + x * yy;                         // VMLA
                        case 0b0100 -> dv - x * yy;                         // VMLS
                        case 0b1000 -> x * yy;                              // VMUL
                        default -> ThreeSame.doublingMulHigh(s, x, yy, esize, a == 0b1101); // VQDMULH, VQRDMULH
                    };
                    set(r, e, esize, v);
                }
            }
        } finally {
            if (fp) {
                NeonFp.leave(s, saved);
            }
        }
        Lanes.write(s, d, r);
    }
}

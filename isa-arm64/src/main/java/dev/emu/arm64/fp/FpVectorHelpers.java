package dev.emu.arm64.fp;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;

import dev.emu.arm64.simd.Vec;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.cpu.CpuState;

/**
 * Advanced SIMD floating point, lane by lane through the scalar {@link Fp} arithmetic (so
 * FPCR and FPSR behave as for scalar instructions): three same (vector and scalar).
 */
public final class FpVectorHelpers {
    private FpVectorHelpers() {}

    /** Key of a three-same FP op: U:a:opcode<2:0>. */
    private static int key(int w) {
        return (w >>> 29 & 1) << 4 | (w >>> 23 & 1) << 3 | (w >>> 11 & 7);
    }

    private static final int FMAXNM = 0b00000, FMLA = 0b00001, FADD = 0b00010, FMULX = 0b00011, FCMEQ = 0b00100,
            FMAX = 0b00110, FRECPS = 0b00111, FMINNM = 0b01000, FMLS = 0b01001, FSUB = 0b01010, FMIN = 0b01110,
            FRSQRTS = 0b01111, FMAXNMP = 0b10000, FADDP = 0b10010, FMUL = 0b10011, FCMGE = 0b10100,
            FACGE = 0b10101, FMAXP = 0b10110, FDIV = 0b10111, FMINNMP = 0b11000, FABD = 0b11010,
            FCMGT = 0b11100, FACGT = 0b11101, FMINP = 0b11110;

    public static boolean validThreeSame(int w) {
        int q = w >>> 30 & 1, sz = w >>> 22 & 1;
        if (sz == 1 && q == 0) {
            return false;
        }
        return switch (key(w)) {
            case FMAXNM, FMLA, FADD, FMULX, FCMEQ, FMAX, FRECPS, FMINNM, FMLS, FSUB, FMIN, FRSQRTS, FMAXNMP, FADDP,
                    FMUL, FCMGE, FACGE, FMAXP, FDIV, FMINNMP, FABD, FCMGT, FACGT, FMINP -> true;
            default -> false;
        };
    }

    public static boolean validThreeSameScalar(int w) {
        return switch (key(w)) {
            case FMULX, FCMEQ, FRECPS, FRSQRTS, FCMGE, FACGE, FABD, FCMGT, FACGT -> true;
            default -> false;
        };
    }

    static long lane(CpuState s, int key, long a, long b, long acc, int fmt) {
        return switch (key) {
            case FMAXNM, FMAXNMP -> FpHelpers.binop(s, FpHelpers.FMAXNM, a, b, fmt);
            case FMINNM, FMINNMP -> FpHelpers.binop(s, FpHelpers.FMINNM, a, b, fmt);
            case FMAX, FMAXP -> FpHelpers.binop(s, FpHelpers.FMAX, a, b, fmt);
            case FMIN, FMINP -> FpHelpers.binop(s, FpHelpers.FMIN, a, b, fmt);
            case FADD, FADDP -> FpFast.add(s, a, b, fmt);
            case FSUB -> FpFast.sub(s, a, b, fmt);
            case FMUL -> FpFast.mul(s, a, b, fmt);
            case FDIV -> FpFast.div(s, a, b, fmt);
            case FMULX -> Fp.mulx(s, a, b, fmt);
            case FABD -> FpHelpers.binop(s, FpHelpers.FABD, a, b, fmt);
            case FRECPS -> FpHelpers.binop(s, FpHelpers.FRECPS, a, b, fmt);
            case FRSQRTS -> FpHelpers.binop(s, FpHelpers.FRSQRTS, a, b, fmt);
            case FMLA -> FpFast.mulAdd(s, acc, a, b, fmt);
            case FMLS -> FpFast.mulAdd(s, acc, Fp.neg(a, fmt), b, fmt);
            case FCMEQ -> Fp.compareCond(s, a, b, fmt, 0) ? -1L : 0;
            case FCMGE -> Fp.compareCond(s, a, b, fmt, 1) ? -1L : 0;
            case FCMGT -> Fp.compareCond(s, a, b, fmt, 2) ? -1L : 0;
            case FACGE -> Fp.compareCond(s, Fp.abs(a, fmt), Fp.abs(b, fmt), fmt, 1) ? -1L : 0;
            case FACGT -> Fp.compareCond(s, Fp.abs(a, fmt), Fp.abs(b, fmt), fmt, 2) ? -1L : 0;
            default -> throw new IllegalStateException("FP three same " + key);
        };
    }

    private static boolean pairwise(int key) {
        return key == FMAXNMP || key == FADDP || key == FMAXP || key == FMINNMP || key == FMINP;
    }

    public static void threeSame(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int sz = w >>> 22 & 1, k = key(w);
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        int e = sz == 1 ? 64 : 32, fmt = sz == 1 ? Fp.D : Fp.S;
        int lanes = (q ? 128 : 64) / e;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), acc = Vec.at(d), r = Vec.result(s);
        if (pairwise(k)) {
            int half = lanes / 2;
            for (int i = 0; i < lanes; i++) {
                int src = i < half ? a : b;
                int j = 2 * (i % half);
                set(v, r, i, e, lane(s, k, get(v, src, j, e), get(v, src, j + 1, e), 0, fmt) & Vec.mask(e));
            }
        } else {
            for (int i = 0; i < lanes; i++) {
                set(v, r, i, e, lane(s, k, get(v, a, i, e), get(v, b, i, e), get(v, acc, i, e), fmt) & Vec.mask(e));
            }
        }
        Vec.write(s, d, q);
    }

    public static void threeSameScalar(CpuState s, int w) {
        int sz = w >>> 22 & 1, k = key(w);
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        int e = sz == 1 ? 64 : 32, fmt = sz == 1 ? Fp.D : Fp.S;
        long[] v = s.regs;
        Vec.write(s, d, lane(s, k, get(v, Vec.at(n), 0, e), get(v, Vec.at(m), 0, e), 0, fmt) & Vec.mask(e), 0);
    }
}

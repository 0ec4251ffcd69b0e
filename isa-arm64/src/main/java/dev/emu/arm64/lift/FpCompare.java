package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.fmt;
import static dev.emu.arm64.lift.SimdLift.scalar;
import static dev.emu.arm64.lift.SimdLift.setScalar;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Value;

/**
 * C4.1 Floating-point compare (FCMP, FCMPE, with zero), conditional compare (FCCMP,
 * FCCMPE) and conditional select (FCSEL).
 */
public final class FpCompare {
    private FpCompare() {}

    private static final Helper COMPARE = SimdLift.helper(FpHelpers.class, "compare");
    private static final Helper COND_COMPARE = SimdLift.helper(FpHelpers.class, "condCompare");

    private static void setFlags(LiftContext c, Value nzcv) {
        c.setNZCV(bit(c, nzcv, 3), bit(c, nzcv, 2), bit(c, nzcv, 1), bit(c, nzcv, 0));
    }

    private static Value bit(LiftContext c, Value v, int i) {
        return c.b.and(c.b.shr(v, c.b.c32(i)), c.b.c32(1));
    }

    /** 0001_1110 ftype 1 Rm 00 1000 Rn opc(5): bit 4 signals on quiet NaNs, bit 3 compares with zero. */
    public static void FCMP(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3);
        if (fmt < 0 || fmt == Fp.H || (w & 7) != 0) {
            c.illegal();
            return;
        }
        int m = w >>> 16 & 31, n = w >>> 5 & 31;
        Value b = (w & 8) != 0 ? c.b.c64(0) : scalar(c, m, fmt);
        setFlags(c, c.b.call(COMPARE, scalar(c, n, fmt), b, c.b.c32(fmt), c.b.c32(w >>> 4 & 1)));
    }

    /** 0001_1110 ftype 1 Rm cond 01 Rn op nzcv. */
    public static void FCCMP(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3);
        if (fmt < 0 || fmt == Fp.H) {
            c.illegal();
            return;
        }
        int m = w >>> 16 & 31, cond = w >>> 12 & 15, n = w >>> 5 & 31;
        Value r = c.b.call(COND_COMPARE, c.condition(cond), scalar(c, n, fmt), scalar(c, m, fmt), c.b.c32(fmt),
                c.b.c32(w >>> 4 & 1), c.b.c32(w & 15));
        setFlags(c, r);
    }

    /** 0001_1110 ftype 1 Rm cond 11 Rn Rd. */
    public static void FCSEL(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3);
        if (fmt < 0 || fmt == Fp.H) {
            c.illegal();
            return;
        }
        int m = w >>> 16 & 31, cond = w >>> 12 & 15, n = w >>> 5 & 31, d = w & 31;
        setScalar(c, d, c.b.select(c.condition(cond), scalar(c, n, fmt), scalar(c, m, fmt)));
    }

    /** 0001_1110 ftype 1 imm8 100 imm5 Rd: FMOV (scalar, immediate); imm5 must be zero. */
    public static void FMOV_imm(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3);
        if (fmt < 0 || fmt == Fp.H || (w >>> 5 & 31) != 0) {
            c.illegal();
            return;
        }
        setScalar(c, w & 31, c.b.c64(expandImm(w >>> 13 & 0xFF, fmt)));
    }

    /** VFPExpandImm: sign, NOT(b):Replicate(b, E-3):cd, efgh:Zeros(F-4) for imm8 = a:b:cd:efgh. */
    static long expandImm(int imm8, int fmt) {
        int e = fmt == Fp.D ? 11 : fmt == Fp.S ? 8 : 5;
        int fb = fmt == Fp.D ? 52 : fmt == Fp.S ? 23 : 10;
        long sign = imm8 >>> 7 & 1;
        int b6 = imm8 >>> 6 & 1;
        long exp = (long) (b6 ^ 1) << (e - 1) | (b6 == 1 ? ((1L << (e - 3)) - 1) << 2 : 0) | (imm8 >>> 4 & 3);
        long frac = (long) (imm8 & 15) << (fb - 4);
        return sign << (e + fb) | exp << fb | frac;
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.fmt;
import static dev.emu.arm64.lift.SimdLift.scalar;
import static dev.emu.arm64.lift.SimdLift.setScalar;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Value;

/**
 * C4.1 Floating-point data-processing (1 source), (2 source) and (3 source): scalar
 * arithmetic, FCVT between precisions, FRINT*. Half precision (ftype 11) only converts
 * (FEAT_FP16 arithmetic is not implemented and traps).
 */
public final class FpDataProcessing {
    private FpDataProcessing() {}

    private static final Helper UNOP = SimdLift.helper(FpHelpers.class, "unop");
    private static final Helper BINOP = SimdLift.helper(FpHelpers.class, "binop");
    private static final Helper FMA = SimdLift.helper(FpHelpers.class, "fma");

    /** 0001_1110 ftype 1 opcode(6) 10000 Rn Rd. */
    public static void oneSource(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3), op = w >>> 15 & 0x3F;
        boolean ok;
        if (fmt < 0) {
            ok = false;
        } else if (op >= 4 && op <= 7) {
            int to = fmt(op & 3);
            ok = op != 6 && to != fmt; // FCVT to another precision (BFCVT, opcode 000110, is not here)
        } else {
            ok = fmt != Fp.H && (op <= 3 || (op >= 8 && op <= 15 && op != 13) || (op >= 16 && op <= 19));
        }
        if (!ok) {
            c.illegal();
            return;
        }
        int n = w >>> 5 & 31, d = w & 31;
        Value r = c.b.call(UNOP, c.b.c32(op), scalar(c, n, fmt), c.b.c32(fmt));
        setScalar(c, d, r);
    }

    /** 0001_1110 ftype 1 Rm opcode(4) 10 Rn Rd. */
    public static void twoSource(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3), op = w >>> 12 & 15;
        if (fmt < 0 || fmt == Fp.H || op > FpHelpers.FNMUL) {
            c.illegal();
            return;
        }
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        Value r = c.b.call(BINOP, c.b.c32(op), scalar(c, n, fmt), scalar(c, m, fmt), c.b.c32(fmt));
        setScalar(c, d, r);
    }

    /** 0001_1111 ftype o1 Rm o0 Ra Rn Rd: FMADD, FMSUB, FNMADD, FNMSUB. */
    public static void threeSource(LiftContext c, Fields f) {
        int w = f.word();
        int fmt = fmt(w >>> 22 & 3);
        if (fmt < 0 || fmt == Fp.H) {
            c.illegal();
            return;
        }
        int op = (w >>> 21 & 1) << 1 | (w >>> 15 & 1);
        int m = w >>> 16 & 31, a = w >>> 10 & 31, n = w >>> 5 & 31, d = w & 31;
        Value r = c.b.call(FMA, c.b.c32(op), scalar(c, a, fmt), scalar(c, n, fmt), scalar(c, m, fmt), c.b.c32(fmt));
        setScalar(c, d, r);
    }
}

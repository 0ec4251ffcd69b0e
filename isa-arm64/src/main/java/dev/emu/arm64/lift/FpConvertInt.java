package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;
import static dev.emu.arm64.lift.SimdLift.fmt;
import static dev.emu.arm64.lift.SimdLift.scalar;
import static dev.emu.arm64.lift.SimdLift.setScalar;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * C4.1 Conversion between floating-point and integer (FCVT[NPMZA][SU], SCVTF, UCVTF,
 * FMOV general) and between floating-point and fixed-point (FCVTZ[SU], [SU]CVTF with fbits).
 */
public final class FpConvertInt {
    private FpConvertInt() {}

    private static final Helper TO_INT = SimdLift.helper(FpHelpers.class, "toInt");
    private static final Helper FROM_INT = SimdLift.helper(FpHelpers.class, "fromInt");

    /** sf 0 0 11110 ftype 1 rmode opcode 000000 Rn Rd. */
    public static void integer(LiftContext c, Fields f) {
        int w = f.word();
        int sf = w >>> 31, ftype = w >>> 22 & 3, rmode = w >>> 19 & 3, opcode = w >>> 16 & 7;
        int n = w >>> 5 & 31, d = w & 31;
        int fmt = fmt(ftype);
        if (sf == 0 && ftype == 1 && rmode == 3 && opcode == 6) {
            FJCVTZS(c, n, d);
            return;
        }
        if (opcode >= 6) {
            fmov(c, sf, ftype, rmode, opcode == 7, n, d);
            return;
        }
        if (fmt < 0 || fmt == Fp.H) {
            c.illegal();
            return;
        }
        int intBits = sf == 1 ? 64 : 32;
        if (opcode <= 1) { // FCVTNS/NU, PS/PU, MS/MU, ZS/ZU by rmode
            int mode = switch (rmode) {
                case 0 -> Fp.RN;
                case 1 -> Fp.RP;
                case 2 -> Fp.RM;
                default -> Fp.RZ;
            };
            toInt(c, d, scalar(c, n, fmt), fmt, 0, opcode, intBits, mode);
        } else if (rmode != 0) {
            c.illegal();
        } else if (opcode <= 3) { // SCVTF, UCVTF
            fromInt(c, d, c.x(n), intBits, opcode & 1, 0, fmt);
        } else { // FCVTAS, FCVTAU
            toInt(c, d, scalar(c, n, fmt), fmt, 0, opcode & 1, intBits, Fp.RA);
        }
    }

    /** sf 0 0 11110 ftype 0 rmode opcode scale Rn Rd. */
    public static void fixed(LiftContext c, Fields f) {
        int w = f.word();
        int sf = w >>> 31, ftype = w >>> 22 & 3, rmode = w >>> 19 & 3, opcode = w >>> 16 & 7, scale = w >>> 10 & 63;
        int n = w >>> 5 & 31, d = w & 31;
        int fmt = fmt(ftype);
        int fbits = 64 - scale;
        if (fmt < 0 || fmt == Fp.H || (sf == 0 && scale < 32)) {
            c.illegal();
            return;
        }
        int intBits = sf == 1 ? 64 : 32;
        if (rmode == 3 && opcode <= 1) {
            toInt(c, d, scalar(c, n, fmt), fmt, fbits, opcode, intBits, Fp.RZ);
        } else if (rmode == 0 && (opcode == 2 || opcode == 3)) {
            fromInt(c, d, c.x(n), intBits, opcode & 1, fbits, fmt);
        } else {
            c.illegal();
        }
    }

    private static final Helper TO_INT32_JS = SimdLift.helper(dev.emu.core.rt.armfp.FpConvert.class, "toInt32JS");

    /** FJCVTZS (FEAT_JSCVT): W<d> and Z from the JavaScript conversion; N, C and V clear. */
    private static void FJCVTZS(LiftContext c, int n, int d) {
        Value r = c.b.call(TO_INT32_JS, scalar(c, n, Fp.D));
        c.setReg(d, c.b.and(r, c.b.c64(0xFFFF_FFFFL)));
        Value z = c.b.trunc32(c.b.shr(r, c.b.c64(32)));
        c.setNZCV(c.b.c32(0), z, c.b.c32(0), c.b.c32(0));
    }

    private static void toInt(LiftContext c, int d, Value v, int fmt, int fbits, int unsigned, int intBits, int mode) {
        Value r = c.b.call(TO_INT, v, c.b.c32(fmt), c.b.c32(fbits), c.b.c32(unsigned), c.b.c32(intBits), c.b.c32(mode));
        c.setReg(d, r);
    }

    private static void fromInt(LiftContext c, int d, Value x, int intBits, int unsigned, int fbits, int fmt) {
        Value r = c.b.call(FROM_INT, x, c.b.c32(intBits), c.b.c32(unsigned), c.b.c32(fbits), c.b.c32(fmt));
        setScalar(c, d, r);
    }

    /** FMOV (general): W<->S, X<->D, X<->V.D[1]; half-precision forms are FEAT_FP16 and trap. */
    private static void fmov(LiftContext c, int sf, int ftype, int rmode, boolean toVector, int n, int d) {
        if (sf == 0 && ftype == 0 && rmode == 0) {
            if (toVector) {
                setScalar(c, d, c.b.zext64(c.reg(0, n)));
            } else {
                c.setReg(d, c.b.and(c.b.getReg64(vlo(n)), c.b.c64(0xFFFF_FFFFL)));
            }
        } else if (sf == 1 && ftype == 1 && rmode == 0) {
            if (toVector) {
                setScalar(c, d, c.x(n));
            } else {
                c.setReg(d, c.b.getReg(Type.I64, vlo(n)));
            }
        } else if (sf == 1 && ftype == 2 && rmode == 1) {
            if (toVector) {
                c.b.setReg(vhi(d), c.x(n)); // the low half is kept
            } else {
                c.setReg(d, c.b.getReg64(vhi(n)));
            }
        } else {
            c.illegal();
        }
    }
}

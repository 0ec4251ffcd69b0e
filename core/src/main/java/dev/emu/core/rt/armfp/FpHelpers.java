package dev.emu.core.rt.armfp;

import dev.emu.core.cpu.CpuState;

/**
 * The helpers the scalar FP lifters call: operands and results are bit patterns of format
 * {@code fmt} ({@link Fp#H}, {@link Fp#S}, {@link Fp#D}), zero-extended in a long. Each
 * takes the CpuState for FPCR and FPSR.
 */
public final class FpHelpers {
    private FpHelpers() {}

    // binop codes: the FP data-processing (2 source) opcodes, then the SIMD-only ones
    public static final int FMUL = 0, FDIV = 1, FADD = 2, FSUB = 3, FMAX = 4, FMIN = 5, FMAXNM = 6, FMINNM = 7,
            FNMUL = 8, FMULX = 9, FABD = 10, FRECPS = 11, FRSQRTS = 12;

    public static long binop(CpuState s, int op, long a, long b, int fmt) {
        return switch (op) {
            case FMUL -> FpFast.mul(s, a, b, fmt);
            case FDIV -> FpFast.div(s, a, b, fmt);
            case FADD -> FpFast.add(s, a, b, fmt);
            case FSUB -> FpFast.sub(s, a, b, fmt);
            case FMAX -> FpFast.minMax(s, a, b, fmt, true, false);
            case FMIN -> FpFast.minMax(s, a, b, fmt, false, false);
            case FMAXNM -> FpFast.minMax(s, a, b, fmt, true, true);
            case FMINNM -> FpFast.minMax(s, a, b, fmt, false, true);
            case FNMUL -> Fp.neg(FpFast.mul(s, a, b, fmt), fmt);
            case FMULX -> Fp.mulx(s, a, b, fmt);
            case FABD -> Fp.abs(FpFast.sub(s, a, b, fmt), fmt);
            case FRECPS -> stepFused(s, a, b, fmt, false);
            case FRSQRTS -> stepFused(s, a, b, fmt, true);
            default -> throw new IllegalArgumentException("FP binop " + op);
        };
    }

    /** FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2). */
    private static long stepFused(CpuState s, long a, long b, int fmt, boolean rsqrt) {
        Fp.U x = Fp.unpack(s, a, fmt), y = Fp.unpack(s, b, fmt);
        if (!x.nan() && !y.nan() && ((x.inf() && y.zero()) || (x.zero() && y.inf()))) {
            return rsqrt ? constant(fmt, 0x3FF8_0000_0000_0000L) : constant(fmt, 0x4000_0000_0000_0000L);
        }
        long na = Fp.neg(a, fmt);
        if (!rsqrt) {
            return Fp.mulAdd(s, constant(fmt, 0x4000_0000_0000_0000L), na, b, fmt);
        }
        return Fp.mulAddScaled(s, constant(fmt, 0x4008_0000_0000_0000L), na, b, fmt, -1); // fused multiply-add and halve
    }

    /** A double constant (exactly representable) in format fmt. */
    static long constant(int fmt, long doubleBits) {
        double v = Double.longBitsToDouble(doubleBits);
        return switch (fmt) {
            case Fp.D -> doubleBits;
            case Fp.S -> Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
            default -> (doubleBits >>> 48 & 0x8000) | ((doubleBits >>> 52 & 0x7FF) - 1023 + 15) << 10
                    | (doubleBits >>> 42 & 0x3FF); // normal, exactly representable constants only
        };
    }

    // fused multiply-add family: op = o1:o0 of FP data-processing (3 source)
    public static long fma(CpuState s, int op, long a, long n, long m, int fmt) {
        return switch (op) {
            case 0 -> FpFast.mulAdd(s, a, n, m, fmt);                            // FMADD
            case 1 -> FpFast.mulAdd(s, a, Fp.neg(n, fmt), m, fmt);               // FMSUB
            case 2 -> FpFast.mulAdd(s, Fp.neg(a, fmt), Fp.neg(n, fmt), m, fmt);  // FNMADD
            default -> FpFast.mulAdd(s, Fp.neg(a, fmt), n, m, fmt);              // FNMSUB
        };
    }

    // unop codes: the FP data-processing (1 source) opcodes
    public static final int FMOV = 0, FABS = 1, FNEG = 2, FSQRT = 3, FCVT_S = 4, FCVT_D = 5, FCVT_H = 7,
            FRINTN = 8, FRINTP = 9, FRINTM = 10, FRINTZ = 11, FRINTA = 12, FRINTX = 14, FRINTI = 15,
            FRINT32Z = 16, FRINT32X = 17, FRINT64Z = 18, FRINT64X = 19;

    public static long unop(CpuState s, int op, long a, int fmt) {
        return switch (op) {
            case FMOV -> a;
            case FABS -> Fp.abs(a, fmt);
            case FNEG -> Fp.neg(a, fmt);
            case FSQRT -> FpFast.sqrt(s, a, fmt);
            case FCVT_S -> FpFast.convert(s, a, fmt, Fp.S);
            case FCVT_D -> FpFast.convert(s, a, fmt, Fp.D);
            case FCVT_H -> FpFast.convert(s, a, fmt, Fp.H);
            case FRINTN -> FpFast.roundInt(s, a, fmt, Fp.RN, false);
            case FRINTP -> FpFast.roundInt(s, a, fmt, Fp.RP, false);
            case FRINTM -> FpFast.roundInt(s, a, fmt, Fp.RM, false);
            case FRINTZ -> FpFast.roundInt(s, a, fmt, Fp.RZ, false);
            case FRINTA -> FpFast.roundInt(s, a, fmt, Fp.RA, false);
            case FRINTX -> FpFast.roundInt(s, a, fmt, Fp.rmode(s), true);
            case FRINTI -> FpFast.roundInt(s, a, fmt, Fp.rmode(s), false);
            case FRINT32Z -> FpConvert.roundIntN(s, a, fmt, Fp.RZ, 32);
            case FRINT32X -> FpConvert.roundIntN(s, a, fmt, Fp.rmode(s), 32);
            case FRINT64Z -> FpConvert.roundIntN(s, a, fmt, Fp.RZ, 64);
            case FRINT64X -> FpConvert.roundIntN(s, a, fmt, Fp.rmode(s), 64);
            default -> throw new IllegalArgumentException("FP unop " + op);
        };
    }

    /** FCMP/FCMPE: the NZCV nibble. */
    public static int compare(CpuState s, long a, long b, int fmt, int signalAll) {
        return FpFast.compare(s, a, b, fmt, signalAll != 0);
    }

    /** FCCMP/FCCMPE: compares only when the condition held, otherwise the immediate flags. */
    public static int condCompare(CpuState s, int condHolds, long a, long b, int fmt, int signalAll, int nzcv) {
        return condHolds != 0 ? FpFast.compare(s, a, b, fmt, signalAll != 0) : nzcv;
    }

    /**
     * FPToFixed: mode is {@link Fp#RN}..{@link Fp#RA}; the result is zero-extended to 64
     * bits for a 32-bit integer.
     */
    public static long toInt(CpuState s, long a, int fmt, int fbits, int unsigned, int intBits, int mode) {
        return FpFast.toFixed(s, a, fmt, fbits, unsigned != 0, intBits, mode);
    }

    /** FixedToFP in FPCR's rounding mode. */
    public static long fromInt(CpuState s, long v, int intBits, int unsigned, int fbits, int fmt) {
        return FpFast.fromInt(s, v, intBits, unsigned != 0, fbits, fmt);
    }
}

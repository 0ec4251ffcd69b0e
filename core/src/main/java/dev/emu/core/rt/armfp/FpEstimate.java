package dev.emu.core.rt.armfp;

import static dev.emu.core.rt.armfp.Fp.D;

import dev.emu.core.cpu.CpuState;

/**
 * The estimate instructions after the Arm ARM pseudocode: RecipEstimate and
 * RecipSqrtEstimate (8-bit tables computed, not stored), FPRecipEstimate (FRECPE),
 * FPRSqrtEstimate (FRSQRTE), FPRecpX (FRECPX), UnsignedRecipEstimate (URECPE) and
 * UnsignedRSqrtEstimate (URSQRTE), plus FCVTXN's round-to-odd narrowing.
 */
public final class FpEstimate {
    private FpEstimate() {}

    /** RecipEstimate: a in [256, 512) -> [256, 512). */
    static int recipEstimate(int a) {
        a = a * 2 + 1;
        int b = (1 << 19) / a;
        return (b + 1) / 2;
    }

    /** RecipSqrtEstimate: a in [128, 512) -> [256, 512). */
    static int recipSqrtEstimate(int a) {
        if (a < 256) {
            a = a * 2 + 1;
        } else {
            a = (a >> 1) << 1;
            a = (a + 1) * 2;
        }
        long b = 512;
        while ((long) a * (b + 1) * (b + 1) < (1L << 28)) {
            b++;
        }
        return (int) ((b + 1) / 2);
    }

    public static long unsignedRecipEstimate(long x) {
        if ((x >>> 31 & 1) == 0) {
            return 0xFFFF_FFFFL;
        }
        return (long) (recipEstimate((int) (x >>> 23 & 0x1FF)) & 0x1FF) << 23;
    }

    public static long unsignedRSqrtEstimate(long x) {
        if ((x >>> 30 & 3) == 0) {
            return 0xFFFF_FFFFL;
        }
        return (long) (recipSqrtEstimate((int) (x >>> 23 & 0x1FF)) & 0x1FF) << 23;
    }

    /** The operand's fraction as 52 bits and its biased exponent. */
    private static long fraction52(long bits, int fmt) {
        return fmt == D ? bits & ((1L << 52) - 1) : (bits & 0x7F_FFFFL) << 29;
    }

    private static int biasedExp(long bits, int fmt) {
        return fmt == D ? (int) (bits >>> 52 & 0x7FF) : (int) (bits >>> 23 & 0xFF);
    }

    public static long recipEstimateFp(CpuState s, long bits, int fmt) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        if (u.nan()) {
            return Fp.processNaN(s, u, fmt);
        }
        if (u.inf()) {
            return Fp.zero(u.sign, fmt);
        }
        if (u.zero()) {
            Fp.raise(s, Fp.DZC);
            return Fp.inf(u.sign, fmt);
        }
        int log2 = u.exp + 63 - Long.numberOfLeadingZeros(u.mant); // floor(log2 |value|)
        if ((fmt == D && log2 < -1024) || (fmt != D && log2 < -128)) {
            int mode = Fp.rmode(s);
            boolean toInf = mode == Fp.RN || (mode == Fp.RP && !u.sign) || (mode == Fp.RM && u.sign);
            Fp.raise(s, Fp.OFC | Fp.IXC);
            return toInf ? Fp.inf(u.sign, fmt) : Fp.maxNormal(u.sign, fmt);
        }
        if ((Fp.fpcr(s) & Fp.FPCR_FZ) != 0 && ((fmt == D && log2 >= 1022) || (fmt != D && log2 >= 126))) {
            Fp.raise(s, Fp.UFC);
            return Fp.zero(u.sign, fmt);
        }
        long fraction = fraction52(bits, fmt);
        int exp = biasedExp(bits, fmt);
        if (exp == 0) {
            if ((fraction >>> 51 & 1) == 0) {
                exp = -1;
                fraction = (fraction << 2) & ((1L << 52) - 1);
            } else {
                fraction = (fraction << 1) & ((1L << 52) - 1);
            }
        }
        int scaled = (int) (256 | (fraction >>> 44 & 0xFF));
        int resultExp = (fmt == D ? 2045 : 253) - exp;
        int estimate = recipEstimate(scaled);
        fraction = (long) (estimate & 0xFF) << 44;
        if (resultExp == 0) {
            fraction = 1L << 51 | fraction >>> 1;
        } else if (resultExp == -1) {
            fraction = 1L << 50 | fraction >>> 2;
            resultExp = 0;
        }
        return pack(u.sign, resultExp, fraction, fmt);
    }

    public static long rsqrtEstimateFp(CpuState s, long bits, int fmt) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        if (u.nan()) {
            return Fp.processNaN(s, u, fmt);
        }
        if (u.zero()) {
            Fp.raise(s, Fp.DZC);
            return Fp.inf(u.sign, fmt);
        }
        if (u.sign) {
            return Fp.invalid(s, fmt);
        }
        if (u.inf()) {
            return Fp.zero(false, fmt);
        }
        long fraction = fraction52(bits, fmt);
        int exp = biasedExp(bits, fmt);
        if (exp == 0) {
            while ((fraction >>> 51 & 1) == 0) {
                fraction = (fraction << 1) & ((1L << 52) - 1);
                exp--;
            }
            fraction = (fraction << 1) & ((1L << 52) - 1);
        }
        int scaled = (exp & 1) == 0 ? (int) (256 | (fraction >>> 44 & 0xFF)) : (int) (128 | (fraction >>> 45 & 0x7F));
        int resultExp = Math.floorDiv((fmt == D ? 3068 : 380) - exp, 2);
        int estimate = recipSqrtEstimate(scaled);
        return pack(false, resultExp, (long) (estimate & 0xFF) << 44, fmt);
    }

    /** FRECPX: the reciprocal exponent. */
    public static long recpX(CpuState s, long bits, int fmt) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        if (u.nan()) {
            return Fp.processNaN(s, u, fmt);
        }
        int eb = Fp.EBITS[fmt], fb = Fp.FBITS[fmt];
        long expMask = (1L << eb) - 1;
        long exp = bits >>> fb & expMask;
        long r = exp == 0 ? expMask - 1 : ~exp & expMask;
        return Fp.signBit(u.sign, fmt) | r << fb;
    }

    private static long pack(boolean sign, int exp, long fraction52, int fmt) {
        if (fmt == D) {
            return Fp.signBit(sign, D) | ((long) exp & 0x7FF) << 52 | fraction52;
        }
        return Fp.signBit(sign, fmt) | ((long) exp & 0xFF) << 23 | fraction52 >>> 29;
    }

    /** FCVTXN: binary64 to binary32 rounding to odd (the inexact result's last bit is set). */
    public static long convertRoundOdd(CpuState s, long bits) {
        Fp.U u = Fp.unpack(s, bits, D);
        if (u.type != Fp.NORMAL) {
            return FpConvert.convert(s, bits, D, Fp.S);
        }
        double v = Double.longBitsToDouble(bits);
        boolean flushed = (Fp.fpcr(s) & Fp.FPCR_FZ) != 0 && Math.abs(v) < Float.MIN_NORMAL;
        long r = Fp.round(s, u.sign, java.math.BigInteger.valueOf(u.mant), u.exp, false, Fp.S, Fp.RZ, true);
        if (!flushed && Float.intBitsToFloat((int) r) != v) {
            r |= 1;
        }
        return r;
    }
}

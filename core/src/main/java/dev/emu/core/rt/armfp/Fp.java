package dev.emu.core.rt.armfp;


import dev.emu.core.cpu.CpuState;

import java.math.BigInteger;

/**
 * IEEE 754 arithmetic the way the Arm ARM's pseudocode does it (FPUnpack, FPProcessNaNs,
 * FPRound, FPAdd, FPMul, FPDiv, FPSqrt, FPMulAdd, FPCompare...): every rounding mode of
 * FPCR.RMode, FPCR.FZ (flush denormal inputs and tiny results to zero), FPCR.DN (default
 * NaN), Arm's NaN propagation, and FPSR's cumulative flags. Values travel as bit patterns
 * in a long with a format: {@link #H} binary16, {@link #S} binary32, {@link #D} binary64.
 *
 * <p>The exact path computes the unrounded result as an integer times a power of two
 * (BigInteger, plus a sticky bit for quotients and roots) and rounds it once in
 * {@link #round}. {@link FpFast} short-cuts the common case (round to nearest even, no FZ,
 * normal results) with Java arithmetic and exact error terms.
 *
 * <p>Shared by the AArch64 and AArch32 cores: the control bits are read from the slot the
 * ISA's register file names {@link dev.emu.core.cpu.RegisterFile#fpControlSlot} and the
 * flags accumulate in {@link dev.emu.core.cpu.RegisterFile#fpStatusSlot}. AArch64's FPCR and
 * FPSR and AArch32's FPSCR (both in one register) put every bit used here at the same
 * position, so "FPCR" below also means FPSCR's control half.
 */
public final class Fp {
    private Fp() {}

    public static final int H = 0, S = 1, D = 2;
    static final int[] EBITS = {5, 8, 11};
    static final int[] FBITS = {10, 23, 52};

    // FPCR
    public static final int FPCR_DN = 1 << 25, FPCR_FZ = 1 << 24, FPCR_FZ16 = 1 << 19;
    public static final int RMODE_SHIFT = 22;
    // rounding modes as in FPCR.RMode, plus ties-away for FCVTA*, FRINTA
    public static final int RN = 0, RP = 1, RM = 2, RZ = 3, RA = 4;
    // FPSR cumulative exception bits
    public static final int IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;

    // unpacked types
    static final int ZERO = 0, NORMAL = 1, INF = 2, QNAN = 3, SNAN = 4;

    static int fpcr(CpuState s) {
        return (int) s.regs[s.registerFile.fpControlSlot];
    }

    public static int rmode(CpuState s) {
        return fpcr(s) >>> RMODE_SHIFT & 3;
    }

    public static void raise(CpuState s, int flags) {
        if (flags != 0) {
            s.regs[s.registerFile.fpStatusSlot] |= flags;
        }
    }

    /** An unpacked operand: value = (-1)^sign * mant * 2^exp when NORMAL. */
    static final class U {
        int type;
        boolean sign;
        long mant;
        int exp;
        long bits;

        boolean nan() {
            return type >= QNAN;
        }

        boolean inf() {
            return type == INF;
        }

        boolean zero() {
            return type == ZERO;
        }
    }

    static int width(int fmt) {
        return 1 + EBITS[fmt] + FBITS[fmt];
    }

    /** FPUnpack: classifies bits; a denormal with FPCR.FZ (FZ16 for half) reads as zero and raises IDC. */
    static U unpack(CpuState s, long bits, int fmt) {
        return unpack(s, bits, fmt, true);
    }

    static U unpack(CpuState s, long bits, int fmt, boolean flush) {
        int eb = EBITS[fmt], fb = FBITS[fmt];
        U u = new U();
        u.bits = bits;
        u.sign = (bits >>> (eb + fb) & 1) != 0;
        int e = (int) (bits >>> fb) & ((1 << eb) - 1);
        long f = bits & ((1L << fb) - 1);
        if (e == 0) {
            boolean fz = fmt == H ? (fpcr(s) & FPCR_FZ16) != 0 : (fpcr(s) & FPCR_FZ) != 0;
            if (f == 0 || (flush && fz)) {
                u.type = ZERO;
                if (f != 0 && fmt != H) {
                    raise(s, IDC);
                }
            } else {
                u.type = NORMAL;
                u.mant = f;
                u.exp = 2 - (1 << (eb - 1)) - fb;
            }
        } else if (e == (1 << eb) - 1) {
            u.type = f == 0 ? INF : (f >>> (fb - 1) & 1) != 0 ? QNAN : SNAN;
        } else {
            u.type = NORMAL;
            u.mant = f | 1L << fb;
            u.exp = e - ((1 << (eb - 1)) - 1) - fb;
        }
        return u;
    }

    // ------------------------------------------------------------------ constants
    public static long defaultNaN(int fmt) {
        int eb = EBITS[fmt], fb = FBITS[fmt];
        return ((1L << eb) - 1) << fb | 1L << (fb - 1);
    }

    static long inf(boolean sign, int fmt) {
        int eb = EBITS[fmt], fb = FBITS[fmt];
        return signBit(sign, fmt) | ((1L << eb) - 1) << fb;
    }

    static long zero(boolean sign, int fmt) {
        return signBit(sign, fmt);
    }

    static long maxNormal(boolean sign, int fmt) {
        int eb = EBITS[fmt], fb = FBITS[fmt];
        return signBit(sign, fmt) | ((1L << eb) - 2) << fb | ((1L << fb) - 1);
    }

    static long signBit(boolean sign, int fmt) {
        return sign ? 1L << (width(fmt) - 1) : 0;
    }

    public static long neg(long bits, int fmt) {
        return bits ^ 1L << (width(fmt) - 1);
    }

    public static long abs(long bits, int fmt) {
        return bits & ~(1L << (width(fmt) - 1));
    }

    // ------------------------------------------------------------------ NaNs
    /** FPProcessNaN: quietens a signalling NaN (raising IOC); the default NaN under FPCR.DN. */
    static long processNaN(CpuState s, U u, int fmt) {
        long r = u.bits;
        if (u.type == SNAN) {
            raise(s, IOC);
            r |= 1L << (FBITS[fmt] - 1);
        }
        return (fpcr(s) & FPCR_DN) != 0 ? defaultNaN(fmt) : r;
    }

    /**
     * What {@link #processNaNs} returns when no operand is a NaN: the bits of -0.0 in binary64,
     * never a NaN of any format (a NaN may have every bit set, so -1 cannot serve).
     */
    static final long NO_NAN = Long.MIN_VALUE;

    /** FPProcessNaNs: the first signalling NaN, else the first quiet NaN; {@link #NO_NAN} when neither is a NaN. */
    static long processNaNs(CpuState s, U a, U b, int fmt) {
        if (a.type == SNAN) {
            return processNaN(s, a, fmt);
        }
        if (b.type == SNAN) {
            return processNaN(s, b, fmt);
        }
        if (a.type == QNAN) {
            return processNaN(s, a, fmt);
        }
        if (b.type == QNAN) {
            return processNaN(s, b, fmt);
        }
        return NO_NAN;
    }

    static long processNaNs3(CpuState s, U a, U b, U c, int fmt) {
        for (U u : new U[] {a, b, c}) {
            if (u.type == SNAN) {
                return processNaN(s, u, fmt);
            }
        }
        for (U u : new U[] {a, b, c}) {
            if (u.type == QNAN) {
                return processNaN(s, u, fmt);
            }
        }
        return NO_NAN;
    }

    static long invalid(CpuState s, int fmt) {
        raise(s, IOC);
        return defaultNaN(fmt);
    }

    // ------------------------------------------------------------------ rounding
    static BigInteger big(long m) {
        return BigInteger.valueOf(m);
    }

    /** FPRound of (-1)^sign * mag * 2^exp (+ a sticky fraction below mag's last bit) in FPCR's mode. */
    static long round(CpuState s, boolean sign, BigInteger mag, int exp, boolean sticky, int fmt) {
        return round(s, sign, mag, exp, sticky, fmt, rmode(s), true);
    }

    /**
     * FPRound in mode {@code mode}. {@code mag} must be nonzero; with {@code sticky}, mag
     * must carry at least FBITS + 3 significant bits. {@code flushTiny} applies FPCR.FZ to
     * tiny results (not to binary16, whose conversions ignore FZ16).
     */
    static long round(CpuState s, boolean sign, BigInteger mag, int exp, boolean sticky, int fmt, int mode,
            boolean flushTiny) {
        int eb = EBITS[fmt], fb = FBITS[fmt];
        int minExp = 2 - (1 << (eb - 1));
        int exponent = exp + mag.bitLength() - 1;
        if (flushTiny && fmt != H && (fpcr(s) & FPCR_FZ) != 0 && exponent < minExp) {
            raise(s, UFC);
            return zero(sign, fmt);
        }
        int biased = Math.max(exponent - minExp + 1, 0);
        int q = (biased > 0 ? exponent : minExp) - fb;
        BigInteger intMant;
        boolean inexact, gtHalf, eqHalf;
        int sh = q - exp;
        if (sh <= 0) {
            intMant = mag.shiftLeft(-sh);
            inexact = sticky;
            gtHalf = false;
            eqHalf = false;
        } else {
            intMant = mag.shiftRight(sh);
            BigInteger rem = mag.subtract(intMant.shiftLeft(sh));
            int c = rem.compareTo(BigInteger.ONE.shiftLeft(sh - 1));
            inexact = rem.signum() != 0 || sticky;
            gtHalf = c > 0 || (c == 0 && sticky);
            eqHalf = c == 0 && !sticky;
        }
        int flags = 0;
        if (biased == 0 && inexact) {
            flags |= UFC;
        }
        boolean up = switch (mode) {
            case RN -> gtHalf || (eqHalf && intMant.testBit(0));
            case RA -> gtHalf || eqHalf;
            case RP -> inexact && !sign;
            case RM -> inexact && sign;
            default -> false;
        };
        long m = intMant.longValue();
        if (up) {
            m++;
            if (biased == 0 && m == 1L << fb) {
                biased = 1;
            }
            if (m == 1L << (fb + 1)) {
                biased++;
                m >>>= 1;
            }
        }
        long r;
        if (biased >= (1 << eb) - 1) {
            flags |= OFC | IXC;
            boolean toInf = mode == RN || mode == RA || (mode == RP && !sign) || (mode == RM && sign);
            r = toInf ? inf(sign, fmt) : maxNormal(sign, fmt);
        } else {
            r = signBit(sign, fmt) | (long) biased << fb | (m & ((1L << fb) - 1));
            if (inexact) {
                flags |= IXC;
            }
        }
        raise(s, flags);
        return r;
    }

    /** Rounds the exact (-1)^sign * mag * 2^exp, or the zero of an exact cancellation. */
    static long roundSum(CpuState s, BigInteger signedMag, int exp, int fmt) {
        if (signedMag.signum() == 0) {
            return zero(rmode(s) == RM, fmt);
        }
        return round(s, signedMag.signum() < 0, signedMag.abs(), exp, false, fmt);
    }

    // ------------------------------------------------------------------ arithmetic
    static BigInteger signed(U u) {
        BigInteger m = big(u.mant);
        return u.sign ? m.negate() : m;
    }

    /** Exact a + b of two finite operands as a signed integer scaled by 2^min(exp). */
    static long addFinite(CpuState s, U a, U b, int fmt) {
        if (a.zero() && b.zero()) {
            return a.sign == b.sign ? zero(a.sign, fmt) : zero(rmode(s) == RM, fmt);
        }
        if (a.zero()) {
            return round(s, b.sign, big(b.mant), b.exp, false, fmt);
        }
        if (b.zero()) {
            return round(s, a.sign, big(a.mant), a.exp, false, fmt);
        }
        int e = Math.min(a.exp, b.exp);
        BigInteger sum = signed(a).shiftLeft(a.exp - e).add(signed(b).shiftLeft(b.exp - e));
        return roundSum(s, sum, e, fmt);
    }

    public static long add(CpuState s, long x, long y, int fmt) {
        return addOrSub(s, x, y, false, fmt);
    }

    public static long sub(CpuState s, long x, long y, int fmt) {
        return addOrSub(s, x, y, true, fmt);
    }

    /** x + y, or x - y: y's sign flips after NaN processing, which sees the operands as given. */
    private static long addOrSub(CpuState s, long x, long y, boolean subtract, int fmt) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        long nan = processNaNs(s, a, b, fmt);
        if (nan != NO_NAN) {
            return nan;
        }
        if (subtract) {
            b.sign = !b.sign;
        }
        if (a.inf() && b.inf() && a.sign != b.sign) {
            return invalid(s, fmt);
        }
        if (a.inf() || b.inf()) {
            return inf(a.inf() ? a.sign : b.sign, fmt);
        }
        return addFinite(s, a, b, fmt);
    }

    public static long mul(CpuState s, long x, long y, int fmt) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        long nan = processNaNs(s, a, b, fmt);
        if (nan != NO_NAN) {
            return nan;
        }
        boolean sign = a.sign ^ b.sign;
        if ((a.inf() && b.zero()) || (a.zero() && b.inf())) {
            return invalid(s, fmt);
        }
        if (a.inf() || b.inf()) {
            return inf(sign, fmt);
        }
        if (a.zero() || b.zero()) {
            return zero(sign, fmt);
        }
        return round(s, sign, big(a.mant).multiply(big(b.mant)), a.exp + b.exp, false, fmt);
    }

    /** FMULX: as FMUL, but infinity times zero is 2.0 with the product's sign. */
    public static long mulx(CpuState s, long x, long y, int fmt) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        if (!a.nan() && !b.nan() && ((a.inf() && b.zero()) || (a.zero() && b.inf()))) {
            return signBit(a.sign ^ b.sign, fmt) | (1L << (EBITS[fmt] - 1)) << FBITS[fmt];
        }
        return mul(s, x, y, fmt);
    }

    public static long div(CpuState s, long x, long y, int fmt) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        long nan = processNaNs(s, a, b, fmt);
        if (nan != NO_NAN) {
            return nan;
        }
        boolean sign = a.sign ^ b.sign;
        if ((a.inf() && b.inf()) || (a.zero() && b.zero())) {
            return invalid(s, fmt);
        }
        if (a.inf() || b.zero()) {
            if (!a.inf()) {
                raise(s, DZC);
            }
            return inf(sign, fmt);
        }
        if (a.zero() || b.inf()) {
            return zero(sign, fmt);
        }
        // quotient with at least FBITS + 3 bits: scale the dividend
        int k = FBITS[fmt] + 3 + 64 - Long.numberOfLeadingZeros(b.mant);
        BigInteger[] qr = big(a.mant).shiftLeft(k).divideAndRemainder(big(b.mant));
        return round(s, sign, qr[0], a.exp - b.exp - k, qr[1].signum() != 0, fmt);
    }

    public static long sqrt(CpuState s, long x, int fmt) {
        U a = unpack(s, x, fmt);
        if (a.nan()) {
            return processNaN(s, a, fmt);
        }
        if (a.zero()) {
            return zero(a.sign, fmt);
        }
        if (a.sign) {
            return invalid(s, fmt);
        }
        if (a.inf()) {
            return inf(false, fmt);
        }
        // sqrt(m * 2^e) = sqrt(m * 2^(e - k)) * 2^((k)/2)... with e - k even and many bits
        int k = 2 * (FBITS[fmt] + 4);
        int e = a.exp - k;
        BigInteger m = big(a.mant).shiftLeft(k);
        if ((e & 1) != 0) {
            m = m.shiftLeft(1);
            e -= 1;
        }
        BigInteger root = m.sqrt();
        boolean sticky = !root.multiply(root).equals(m);
        return round(s, false, root, e / 2, sticky, fmt);
    }

    /** FPMulAdd: addend + x * y with one rounding (FMADD, FMLA; negations are the caller's). */
    public static long mulAdd(CpuState s, long addend, long x, long y, int fmt) {
        return mulAddScaled(s, addend, x, y, fmt, 0);
    }

    /**
     * (addend + x * y) * 2^scale with one rounding: scale -1 is FPRSqrtStepFused's fused
     * multiply-add and halve.
     */
    static long mulAddScaled(CpuState s, long addend, long x, long y, int fmt, int scale) {
        U c = unpack(s, addend, fmt), a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        boolean infZero = (a.inf() && b.zero()) || (a.zero() && b.inf());
        long nan = processNaNs3(s, c, a, b, fmt);
        if (c.type == QNAN && infZero) {
            return invalid(s, fmt);
        }
        if (nan != NO_NAN) {
            return nan;
        }
        boolean signP = a.sign ^ b.sign;
        boolean infP = a.inf() || b.inf();
        boolean zeroP = a.zero() || b.zero();
        if (infZero || (c.inf() && infP && c.sign != signP)) {
            return invalid(s, fmt);
        }
        if ((c.inf() && !c.sign) || (infP && !signP)) {
            return inf(false, fmt);
        }
        if ((c.inf() && c.sign) || (infP && signP)) {
            return inf(true, fmt);
        }
        if (c.zero() && zeroP) {
            return c.sign == signP ? zero(c.sign, fmt) : zero(rmode(s) == RM, fmt);
        }
        if (zeroP) {
            return round(s, c.sign, big(c.mant), c.exp + scale, false, fmt);
        }
        BigInteger p = big(a.mant).multiply(big(b.mant));
        if (signP) {
            p = p.negate();
        }
        int pe = a.exp + b.exp;
        if (c.zero()) {
            return roundSum(s, p, pe + scale, fmt);
        }
        int e = Math.min(pe, c.exp);
        BigInteger sum = p.shiftLeft(pe - e).add(signed(c).shiftLeft(c.exp - e));
        return roundSum(s, sum, e + scale, fmt);
    }

    // ------------------------------------------------------------------ min / max / compare
    /** FPMax (max = true) or FPMin; with {@code numeric}, FPMaxNum/FPMinNum (a lone quiet NaN loses). */
    public static long minMax(CpuState s, long x, long y, int fmt, boolean max, boolean numeric) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        if (numeric) {
            if (a.type == QNAN && b.type != QNAN) {
                a = unpack(s, inf(max, fmt), fmt);
            } else if (a.type != QNAN && b.type == QNAN) {
                b = unpack(s, inf(max, fmt), fmt);
            }
        }
        long nan = processNaNs(s, a, b, fmt);
        if (nan != NO_NAN) {
            return nan;
        }
        if (a.zero() && b.zero()) {
            return zero(max ? a.sign && b.sign : a.sign || b.sign, fmt);
        }
        int c = compareFinite(a, b);
        U r = (c > 0) == max ? a : b;
        if (c == 0) {
            r = a;
        }
        if (r.zero()) {
            return zero(r.sign, fmt);
        }
        return r.bits;
    }

    /** Compares two non-NaN unpacked values: -1, 0, 1. */
    static int compareFinite(U a, U b) {
        int ka = kind(a), kb = kind(b);
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        if (a.inf() || a.zero()) {
            return 0;
        }
        int mag = compareMag(a, b);
        return a.sign ? -mag : mag;
    }

    private static int kind(U u) {
        // -inf < negative < zero < positive < +inf
        if (u.zero()) {
            return 0;
        }
        int k = u.inf() ? 2 : 1;
        return u.sign ? -k : k;
    }

    private static int compareMag(U a, U b) {
        int la = 64 - Long.numberOfLeadingZeros(a.mant) + a.exp;
        int lb = 64 - Long.numberOfLeadingZeros(b.mant) + b.exp;
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        int e = Math.min(a.exp, b.exp);
        return big(a.mant).shiftLeft(a.exp - e).compareTo(big(b.mant).shiftLeft(b.exp - e));
    }

    /**
     * FPCompare: NZCV as 4 bits (N at bit 3): 0110 equal, 1000 less, 0010 greater, 0011
     * unordered. IOC for a signalling NaN, or any NaN when {@code signalAll} (FCMPE).
     */
    public static int compare(CpuState s, long x, long y, int fmt, boolean signalAll) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        if (a.nan() || b.nan()) {
            if (signalAll || a.type == SNAN || b.type == SNAN) {
                raise(s, IOC);
            }
            return 0b0011;
        }
        int c = compareFinite(a, b);
        return c == 0 ? 0b0110 : c < 0 ? 0b1000 : 0b0010;
    }

    /**
     * FPCompareEQ/GE/GT for the SIMD compares: cond 0 EQ, 1 GE, 2 GT; true when it holds.
     * GE and GT raise IOC for any NaN, EQ only for a signalling one.
     */
    public static boolean compareCond(CpuState s, long x, long y, int fmt, int cond) {
        U a = unpack(s, x, fmt), b = unpack(s, y, fmt);
        if (a.nan() || b.nan()) {
            if (cond != 0 || a.type == SNAN || b.type == SNAN) {
                raise(s, IOC);
            }
            return false;
        }
        int c = compareFinite(a, b);
        return cond == 0 ? c == 0 : cond == 1 ? c >= 0 : c > 0;
    }
}

package dev.emu.ppc64le.fp;

import static dev.emu.ppc64le.fp.Fpscr.OX;
import static dev.emu.ppc64le.fp.Fpscr.UX;
import static dev.emu.ppc64le.fp.Fpscr.VXIDI;
import static dev.emu.ppc64le.fp.Fpscr.VXIMZ;
import static dev.emu.ppc64le.fp.Fpscr.VXISI;
import static dev.emu.ppc64le.fp.Fpscr.VXSNAN;
import static dev.emu.ppc64le.fp.Fpscr.VXSQRT;
import static dev.emu.ppc64le.fp.Fpscr.VXZDZ;
import static dev.emu.ppc64le.fp.Fpscr.XX;
import static dev.emu.ppc64le.fp.Fpscr.ZX;

import java.math.BigInteger;

/**
 * IEEE 754 binary floating point with the Power ISA's rules (2.07B 4.3-4.4): operands are
 * binary64 bit patterns (an FPR always holds a double; single-precision instructions round
 * their exact result to binary32 and return it widened), the rounding mode is FPSCR.RN's
 * (0 nearest even, 1 toward zero, 2 toward +inf, 3 toward -inf), a NaN result is the first NaN
 * operand in the order FRA, FRB, FRC made quiet, an invalid operation gives the default QNaN
 * 0x7FF8000000000000, and tininess is detected before rounding (UX when tiny and inexact, the
 * exception being disabled).
 *
 * <p>Every operation computes the exact result as an integer times a power of two and rounds
 * it once ({@link #round}); a {@link Status} collects the exception bits, FI (inexact) and FR
 * (the fraction was incremented). Common cases (round to nearest, normal binary64 operands and
 * results) take a Java-arithmetic fast path whose FI/FR come from exact error terms.
 */
public final class PpcFp {
    private PpcFp() {}

    /** Result formats. */
    public static final int DOUBLE = 0, SINGLE = 1;
    /** FPSCR.RN values. */
    public static final int NEAREST = 0, ZERO = 1, UP = 2, DOWN = 3;

    public static final long DEFAULT_NAN = 0x7FF8_0000_0000_0000L;
    private static final long QUIET = 1L << 51;

    /** What one operation raised. */
    public static final class Status {
        public final int mode;
        public int exc;
        public boolean inexact, incremented;

        public Status(int mode) {
            this.mode = mode;
        }
    }

    // unpacked classes
    static final int CZERO = 0, CFINITE = 1, CINF = 2, CQNAN = 3, CSNAN = 4;

    /** A binary64 operand: value = (-1)^sign * mant * 2^exp when finite. */
    static final class U {
        final long bits;
        final int cls;
        final boolean sign;
        final long mant;
        final int exp;

        U(long bits) {
            this.bits = bits;
            sign = bits < 0;
            int e = (int) (bits >>> 52) & 0x7FF;
            long f = bits & ((1L << 52) - 1);
            if (e == 0x7FF) {
                cls = f == 0 ? CINF : (f & QUIET) != 0 ? CQNAN : CSNAN;
                mant = 0;
                exp = 0;
            } else if (e == 0) {
                cls = f == 0 ? CZERO : CFINITE;
                mant = f;
                exp = -1074;
            } else {
                cls = CFINITE;
                mant = f | 1L << 52;
                exp = e - 1075;
            }
        }

        boolean nan() {
            return cls >= CQNAN;
        }

        boolean inf() {
            return cls == CINF;
        }

        boolean zero() {
            return cls == CZERO;
        }

        BigInteger signedMant() {
            BigInteger m = BigInteger.valueOf(mant);
            return sign ? m.negate() : m;
        }
    }

    // ------------------------------------------------------------------ formats
    /** The binary64 form of a binary32 pattern (exact; a NaN keeps its payload and quietness). */
    public static long singleToDouble(int f) {
        int e = f >>> 23 & 0xFF;
        if (e == 0xFF) {
            return (long) (f >>> 31) << 63 | 0x7FFL << 52 | (long) (f & 0x7F_FFFF) << 29;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat(f));
    }

    /**
     * The binary32 pattern of a binary64 value that single precision holds exactly (the result of
     * a single-precision operation); a NaN keeps the top of its payload.
     */
    public static int doubleToSingleExact(long d) {
        int e = (int) (d >>> 52) & 0x7FF;
        if (e == 0x7FF) {
            return (int) (d >>> 63) << 31 | 0x7F80_0000 | (int) (d >>> 29 & 0x7F_FFFF);
        }
        return Float.floatToRawIntBits((float) Double.longBitsToDouble(d));
    }

    static long propagate(Status st, U first, U... rest) {
        boolean snan = first.cls == CSNAN;
        U pick = first.nan() ? first : null;
        for (U u : rest) {
            snan |= u.cls == CSNAN;
            if (pick == null && u.nan()) {
                pick = u;
            }
        }
        if (snan) {
            st.exc |= VXSNAN;
        }
        return pick == null ? 0 : pick.bits | QUIET;
    }

    static long invalid(Status st, int bits) {
        st.exc |= bits;
        return DEFAULT_NAN;
    }

    static long inf(boolean sign) {
        return (sign ? 1L << 63 : 0) | 0x7FFL << 52;
    }

    static long zero(boolean sign) {
        return sign ? 1L << 63 : 0;
    }

    // ------------------------------------------------------------------ rounding
    /**
     * Rounds (-1)^sign * (mag + sticky fraction) * 2^exp to {@code fmt} in {@code st}'s mode and
     * returns it as binary64 bits. {@code mag} is nonzero; with {@code sticky} it carries at
     * least 56 significant bits.
     */
    static long round(Status st, boolean sign, BigInteger mag, int exp, boolean sticky, int fmt) {
        int eb = fmt == DOUBLE ? 11 : 8, fb = fmt == DOUBLE ? 52 : 23;
        int bias = (1 << (eb - 1)) - 1, minExp = 1 - bias;
        int exponent = exp + mag.bitLength() - 1;
        boolean tiny = exponent < minExp;
        int q = (tiny ? minExp : exponent) - fb; // weight of the result's last bit
        int sh = q - exp;
        BigInteger kept;
        boolean inexact, above, half;
        if (sh <= 0) {
            kept = mag.shiftLeft(-sh);
            inexact = sticky; // by the contract above, only when nothing was dropped and no sticky
            above = false;
            half = false;
        } else {
            kept = mag.shiftRight(sh);
            BigInteger rest = mag.subtract(kept.shiftLeft(sh));
            int c = rest.compareTo(BigInteger.ONE.shiftLeft(sh - 1));
            inexact = rest.signum() != 0 || sticky;
            above = c > 0 || (c == 0 && sticky);
            half = c == 0 && !sticky;
        }
        boolean up = switch (st.mode) {
            case NEAREST -> above || half && kept.testBit(0);
            case UP -> inexact && !sign;
            case DOWN -> inexact && sign;
            default -> false;
        };
        long m = kept.longValue() + (up ? 1 : 0);
        int biased = tiny ? 0 : exponent + bias;
        if (m >= 1L << (fb + 1)) {
            m >>>= 1;
            biased++;
        } else if (tiny && m >= 1L << fb) {
            biased = 1;
        }
        if (biased >= (1 << eb) - 1) {
            st.exc |= OX | XX;
            st.inexact = true;
            boolean toInf = st.mode == NEAREST || st.mode == UP && !sign || st.mode == DOWN && sign;
            st.incremented = toInf;
            return toInf ? inf(sign) : widen(maxFinite(sign, eb, fb), fmt);
        }
        if (inexact) {
            st.exc |= XX | (tiny ? UX : 0);
            st.inexact = true;
            st.incremented = up;
        }
        long r = (sign ? 1L << (eb + fb) : 0) | (long) biased << fb | (m & ((1L << fb) - 1));
        return widen(r, fmt);
    }

    private static long maxFinite(boolean sign, int eb, int fb) {
        return (sign ? 1L << (eb + fb) : 0) | ((1L << eb) - 2) << fb | ((1L << fb) - 1);
    }

    private static long widen(long r, int fmt) {
        return fmt == DOUBLE ? r : singleToDouble((int) r);
    }

    /** The exact signed sum as a result: +0 for an exact zero (-0 rounding down). */
    static long roundSigned(Status st, BigInteger v, int exp, int fmt) {
        if (v.signum() == 0) {
            return zero(st.mode == DOWN);
        }
        return round(st, v.signum() < 0, v.abs(), exp, false, fmt);
    }

    /** A finite binary64 value re-rounded to {@code fmt} (exact when it fits). */
    static long roundValue(Status st, U u, int fmt) {
        if (u.zero()) {
            return u.bits;
        }
        return round(st, u.sign, BigInteger.valueOf(u.mant), u.exp, false, fmt);
    }

    // ------------------------------------------------------------------ arithmetic
    public static long add(Status st, long x, long y, int fmt) {
        return addSub(st, x, y, false, fmt);
    }

    public static long sub(Status st, long x, long y, int fmt) {
        return addSub(st, x, y, true, fmt);
    }

    private static long addSub(Status st, long x, long y, boolean negate, int fmt) {
        if (fmt == DOUBLE && st.mode == NEAREST) {
            double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(negate ? y ^ 1L << 63 : y);
            double r = a + b;
            if (normalRange(a) && normalRange(b) && normalRange(r)) {
                double bv = r - a, err = (a - (r - bv)) + (b - bv); // two-sum: exact error
                return fast(st, r, err);
            }
        }
        U a = new U(x), b = new U(y);
        if (a.nan() || b.nan()) {
            return narrowNaN(propagate(st, a, b), fmt);
        }
        boolean bs = b.sign ^ negate;
        if (a.inf() && b.inf()) {
            return a.sign != bs ? invalid(st, VXISI) : a.bits;
        }
        if (a.inf()) {
            return a.bits;
        }
        if (b.inf()) {
            return inf(bs);
        }
        if (a.zero() && b.zero()) {
            return a.sign == bs ? zero(bs) : zero(st.mode == DOWN);
        }
        BigInteger mb = BigInteger.valueOf(b.mant);
        if (bs) {
            mb = mb.negate();
        }
        if (a.zero()) {
            return roundSigned(st, mb, b.exp, fmt);
        }
        if (b.zero()) {
            return roundSigned(st, a.signedMant(), a.exp, fmt);
        }
        int e = Math.min(a.exp, b.exp);
        return roundSigned(st, a.signedMant().shiftLeft(a.exp - e).add(mb.shiftLeft(b.exp - e)), e, fmt);
    }

    /** Whether a double is a normal number far from both overflow and the denormal range. */
    private static boolean normalRange(double d) {
        int e = Math.getExponent(d);
        return e > -960 && e < 1000;
    }

    /** The fast path's result: FI from a nonzero exact error, FR when rounding went away from zero. */
    private static long fast(Status st, double r, double err) {
        if (err != 0) {
            st.exc |= XX;
            st.inexact = true;
            st.incremented = (err < 0) != (r < 0);
        }
        return Double.doubleToRawLongBits(r);
    }

    /** A propagated NaN (quiet already) cut to single precision's payload when the result is single. */
    private static long narrowNaN(long nan, int fmt) {
        return fmt == SINGLE ? nan & ~((1L << 29) - 1) : nan;
    }

    /** FRA * FRC (Power's operand order for fmul). */
    public static long mul(Status st, long x, long y, int fmt) {
        if (fmt == DOUBLE && st.mode == NEAREST) {
            double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(y), r = a * b;
            if (normalRange(a) && normalRange(b) && normalRange(r)) {
                return fast(st, r, Math.fma(a, b, -r));
            }
        }
        U a = new U(x), b = new U(y);
        if (a.nan() || b.nan()) {
            return narrowNaN(propagate(st, a, b), fmt);
        }
        boolean sign = a.sign ^ b.sign;
        if (a.inf() && b.zero() || a.zero() && b.inf()) {
            return invalid(st, VXIMZ);
        }
        if (a.inf() || b.inf()) {
            return inf(sign);
        }
        if (a.zero() || b.zero()) {
            return zero(sign);
        }
        return round(st, sign, BigInteger.valueOf(a.mant).multiply(BigInteger.valueOf(b.mant)), a.exp + b.exp, false, fmt);
    }

    public static long div(Status st, long x, long y, int fmt) {
        if (fmt == DOUBLE && st.mode == NEAREST) {
            double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(y), r = a / b;
            if (normalRange(a) && normalRange(b) && normalRange(r)) {
                double rem = Math.fma(-r, b, a); // a - r*b exactly; the error's sign is rem's times b's
                return fast(st, r, (rem < 0) != (b < 0) ? -Math.abs(rem) : Math.abs(rem));
            }
        }
        U a = new U(x), b = new U(y);
        if (a.nan() || b.nan()) {
            return narrowNaN(propagate(st, a, b), fmt);
        }
        boolean sign = a.sign ^ b.sign;
        if (a.inf() && b.inf()) {
            return invalid(st, VXIDI);
        }
        if (a.zero() && b.zero()) {
            return invalid(st, VXZDZ);
        }
        if (a.inf()) {
            return inf(sign);
        }
        if (b.zero()) {
            st.exc |= ZX;
            return inf(sign);
        }
        if (a.zero() || b.inf()) {
            return zero(sign);
        }
        int k = 60 + 64 - Long.numberOfLeadingZeros(b.mant);
        BigInteger[] qr = BigInteger.valueOf(a.mant).shiftLeft(k).divideAndRemainder(BigInteger.valueOf(b.mant));
        return round(st, sign, qr[0], a.exp - b.exp - k, qr[1].signum() != 0, fmt);
    }

    public static long sqrt(Status st, long x, int fmt) {
        U a = new U(x);
        if (a.nan()) {
            return narrowNaN(propagate(st, a), fmt);
        }
        if (a.zero()) {
            return a.bits;
        }
        if (a.sign) {
            return invalid(st, VXSQRT);
        }
        if (a.inf()) {
            return a.bits;
        }
        int k = 120;
        int e = a.exp - k;
        BigInteger m = BigInteger.valueOf(a.mant).shiftLeft(k);
        if ((e & 1) != 0) {
            m = m.shiftLeft(1);
            e--;
        }
        BigInteger root = m.sqrt();
        return round(st, false, root, e / 2, !root.multiply(root).equals(m), fmt);
    }

    /**
     * Fused multiply-add FRA * FRC + FRB with one rounding: {@code negateAddend} for the msub
     * forms, {@code negateResult} for the nmadd/nmsub forms (a NaN result keeps its sign).
     */
    public static long fma(Status st, long fa, long fc, long fb, boolean negateAddend, boolean negateResult, int fmt) {
        U a = new U(fa), c = new U(fc), b = new U(fb);
        boolean infZero = a.inf() && c.zero() || a.zero() && c.inf();
        if (a.nan() || b.nan() || c.nan()) {
            long r = propagate(st, a, b, c);
            if (infZero) {
                st.exc |= VXIMZ;
            }
            return narrowNaN(r, fmt);
        }
        long r = fmaNumbers(st, a, c, b, negateAddend, fmt, infZero);
        boolean isNaN = (r & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L;
        return negateResult && !isNaN ? r ^ 1L << 63 : r;
    }

    private static long fmaNumbers(Status st, U a, U c, U b, boolean negateAddend, int fmt, boolean infZero) {
        if (infZero) {
            return invalid(st, VXIMZ);
        }
        boolean ps = a.sign ^ c.sign, bs = b.sign ^ negateAddend;
        boolean pInf = a.inf() || c.inf(), pZero = a.zero() || c.zero();
        if (pInf && b.inf() && ps != bs) {
            return invalid(st, VXISI);
        }
        if (pInf) {
            return inf(ps);
        }
        if (b.inf()) {
            return inf(bs);
        }
        BigInteger mb = BigInteger.valueOf(b.mant);
        if (bs) {
            mb = mb.negate();
        }
        if (pZero) {
            if (b.zero()) {
                return ps == bs ? zero(ps) : zero(st.mode == DOWN);
            }
            return roundSigned(st, mb, b.exp, fmt);
        }
        BigInteger p = BigInteger.valueOf(a.mant).multiply(BigInteger.valueOf(c.mant));
        if (ps) {
            p = p.negate();
        }
        int pe = a.exp + c.exp;
        if (b.zero()) {
            return roundSigned(st, p, pe, fmt);
        }
        int e = Math.min(pe, b.exp);
        return roundSigned(st, p.shiftLeft(pe - e).add(mb.shiftLeft(b.exp - e)), e, fmt);
    }

    /** frsp / xsrsp: a double rounded to single precision. */
    public static long roundToSingle(Status st, long x) {
        U a = new U(x);
        if (a.nan()) {
            return narrowNaN(propagate(st, a), SINGLE);
        }
        if (a.inf() || a.zero()) {
            return a.bits;
        }
        return roundValue(st, a, SINGLE);
    }

    // ------------------------------------------------------------------ estimates
    /** fre(s): the reciprocal, computed exactly rounded (the ISA asks only 1/256 accuracy, or 1/16384 for VSX). */
    public static long reciprocal(Status st, long x, int fmt) {
        return div(st, 0x3FF0_0000_0000_0000L, x, fmt);
    }

    /** frsqrte(s): 1 / sqrt(x), as the double square root then the division (how QEMU estimates it). */
    public static long reciprocalSqrt(Status st, long x, int fmt) {
        U a = new U(x);
        if (a.zero()) {
            st.exc |= ZX;
            return inf(a.sign);
        }
        Status inner = new Status(NEAREST);
        long r = sqrt(inner, x, DOUBLE);
        st.exc |= inner.exc & ~(XX | UX | OX);
        if ((inner.exc & (VXSQRT | VXSNAN)) != 0 || a.nan()) {
            return narrowNaN(r, fmt);
        }
        return div(st, 0x3FF0_0000_0000_0000L, r, fmt);
    }

    // ------------------------------------------------------------------ comparisons
    /** FL FG FE FU (8, 4, 2, 1) of FRA against FRB; 1 when unordered. */
    public static int compare(long x, long y) {
        double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(y);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return 1;
        }
        return a < b ? 8 : a > b ? 4 : 2;
    }

    public static boolean isNaN(long x) {
        return (x & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L;
    }

    public static boolean isSignalling(long x) {
        return isNaN(x) && (x & QUIET) == 0;
    }
}

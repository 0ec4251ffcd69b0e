package dev.emu.x86.sse;

import java.math.BigInteger;

/**
 * IEEE 754 single and double arithmetic as SSE does it (SDM Vol. 1 4.8, 4.9, 10.2.3, 11.5):
 * the MXCSR rounding control, DAZ (denormal inputs read as zero, no DE), FTZ (tiny results
 * become zero with UE and PE, when underflow is masked), the six sticky flags, and the x86
 * NaN rules: a NaN result is the first NaN operand quietened (destination before source),
 * an invalid operation gives the negative default QNaN (0xFFC00000, 0xFFF8000000000000).
 * Tininess is detected after rounding, as x86 does (SoftFloat's 8086 setting).
 *
 * <p>Values travel as raw bit patterns in a long (single in the low 32 bits). Every result
 * is computed exactly (BigInteger significands, a sticky bit for quotients and roots) and
 * rounded once by {@link #round}; the common case, round-to-nearest on normal numbers
 * without FTZ/DAZ, takes Java's own arithmetic in {@link SseFast} when it can prove the
 * result and flags equal.
 */
public final class SseFloat {
    private SseFloat() {}

    public static final int IE = 1;
    public static final int DE = 2;
    public static final int ZE = 4;
    public static final int OE = 8;
    public static final int UE = 0x10;
    public static final int PE = 0x20;
    public static final int DAZ = 0x40;
    public static final int FTZ = 0x8000;

    /** A binary interchange format. */
    public static final class Fmt {
        final int fracBits;
        final int bias;
        final long signBit;
        final long expMask;
        final long fracMask;
        final long quietBit;
        final long defaultNaN;
        final int totalBits;

        Fmt(int expBits, int fracBits) {
            this.fracBits = fracBits;
            this.bias = (1 << (expBits - 1)) - 1;
            this.totalBits = 1 + expBits + fracBits;
            this.signBit = 1L << (totalBits - 1);
            this.fracMask = (1L << fracBits) - 1;
            this.expMask = ((1L << expBits) - 1) << fracBits;
            this.quietBit = 1L << (fracBits - 1);
            this.defaultNaN = signBit | expMask | quietBit;
        }

        long bits(long v) {
            return totalBits == 64 ? v : v & 0xFFFF_FFFFL;
        }

        boolean isNaN(long v) {
            return (v & expMask) == expMask && (v & fracMask) != 0;
        }

        boolean isSNaN(long v) {
            return isNaN(v) && (v & quietBit) == 0;
        }

        boolean isInf(long v) {
            return (v & ~signBit) == expMask;
        }

        boolean isZero(long v) {
            return (v & ~signBit) == 0;
        }

        boolean isDenormal(long v) {
            return (v & expMask) == 0 && (v & fracMask) != 0;
        }

        boolean neg(long v) {
            return (v & signBit) != 0;
        }

        long inf(boolean neg) {
            return (neg ? signBit : 0) | expMask;
        }

        long zero(boolean neg) {
            return neg ? signBit : 0;
        }

        long maxFinite(boolean neg) {
            return (neg ? signBit : 0) | (expMask - (1L << fracBits)) | fracMask;
        }

        /** The significand of a finite value (implicit bit included). */
        long mag(long v) {
            long e = v & expMask;
            return e == 0 ? v & fracMask : (v & fracMask) | (1L << fracBits);
        }

        /** The exponent of the significand's unit bit: value = mag * 2^exp. */
        int exp(long v) {
            int e = (int) ((v & expMask) >>> fracBits);
            return (e == 0 ? 1 : e) - bias - fracBits;
        }
    }

    public static final Fmt SINGLE = new Fmt(8, 23);
    public static final Fmt DOUBLE = new Fmt(11, 52);

    /** The MXCSR an operation runs under, and the flags it raises. */
    public static final class Env {
        public int mxcsr;
        public int flags;
        /** The destination's two halves while a helper builds its result ({@link #forThread} only). */
        final long[] out = new long[2];

        public Env(int mxcsr) {
            this.mxcsr = mxcsr;
        }

        private static final ThreadLocal<Env> PER_THREAD = ThreadLocal.withInitial(() -> new Env(0));

        /**
         * The calling thread's Env, reset to {@code mxcsr} and no flags. The helpers run one
         * instruction at a time per guest thread and keep no Env past it, so one per thread
         * does; a new one per instruction was most of what busybox awk allocated on amd64.
         */
        static Env forThread(int mxcsr) {
            Env e = PER_THREAD.get();
            e.mxcsr = mxcsr;
            e.flags = 0;
            return e;
        }

        /** {@link #out}, holding (lo, hi). */
        long[] out(long lo, long hi) {
            out[0] = lo;
            out[1] = hi;
            return out;
        }

        int rc() {
            return (mxcsr >> 13) & 3;
        }

        boolean ftz() {
            return (mxcsr & FTZ) != 0;
        }

        boolean underflowMasked() {
            return (mxcsr & (UE << 7)) != 0;
        }

        /** Exceptions raised whose mask bit is clear (they make the instruction fault). */
        public int unmasked() {
            return flags & ~(mxcsr >> 7) & 0x3F;
        }
    }

    static final int RN = 0;
    static final int RD = 1;
    static final int RU = 2;
    static final int RZ = 3;

    // ---------------------------------------------------------------- operands

    /** DAZ: a denormal input reads as a zero of its sign. */
    static long daz(Fmt f, long v, Env e) {
        v = f.bits(v);
        return (e.mxcsr & DAZ) != 0 && f.isDenormal(v) ? v & f.signBit : v;
    }

    /** Raises DE for a denormal operand (after DAZ, so DAZ hides it). */
    static void denormal(Fmt f, long v, Env e) {
        if (f.isDenormal(v)) {
            e.flags |= DE;
        }
    }

    /** The NaN result of a two-operand operation with a NaN input: the first NaN, quietened; IE for any SNaN. */
    static long propagate(Fmt f, long a, long b, Env e) {
        if (f.isSNaN(a) || f.isSNaN(b)) {
            e.flags |= IE;
        }
        return (f.isNaN(a) ? a : b) | f.quietBit;
    }

    /**
     * A two-operand operation: DAZ on both, the propagated NaN if either is one, else DE for
     * a denormal operand and {@code body} on the (flushed) operands.
     */
    private static long binary(Fmt f, long a, long b, Env e, java.util.function.LongBinaryOperator body) {
        a = daz(f, a, e);
        b = daz(f, b, e);
        if (f.isNaN(a) || f.isNaN(b)) {
            return propagate(f, a, b, e);
        }
        denormal(f, a, e);
        denormal(f, b, e);
        return body.applyAsLong(a, b);
    }

    static long invalid(Fmt f, Env e) {
        e.flags |= IE;
        return f.defaultNaN;
    }

    // ---------------------------------------------------------------- rounding

    /**
     * Rounds (-1)^neg * (mag + sticky fraction) * 2^exp to the format under the environment's
     * rounding mode, raising OE, UE, PE. {@code sticky} says bits below mag's last are non-zero.
     */
    static long round(Fmt f, boolean neg, BigInteger mag, int exp, boolean sticky, Env e) {
        if (mag.signum() == 0 && !sticky) {
            return f.zero(neg);
        }
        if (mag.signum() == 0) {
            // only a sticky bit: make it a real bit far below the result
            mag = BigInteger.ONE;
            exp -= 2 * (f.fracBits + 2);
            sticky = false;
        }
        int p = f.fracBits + 1;
        int emin = 1 - f.bias;
        int msb = exp + mag.bitLength() - 1;
        // tininess after rounding: round to p bits with an unbounded exponent range
        int lsbFree = msb - (p - 1);
        BigInteger qFree = roundAt(mag, exp, sticky, lsbFree, neg, e.rc(), null);
        int msbFree = lsbFree + qFree.bitLength() - 1;
        boolean tiny = msbFree < emin;
        int lsb = Math.max(lsbFree, emin - f.fracBits);
        boolean[] inexact = new boolean[1];
        BigInteger q = roundAt(mag, exp, sticky, lsb, neg, e.rc(), inexact);
        if (q.bitLength() > p) {
            q = q.shiftRight(1);
            lsb++;
        }
        int msbOut = q.signum() == 0 ? emin - 1 : lsb + q.bitLength() - 1;
        if (msbOut > f.bias) {
            e.flags |= OE | PE;
            int rc = e.rc();
            boolean toInf = rc == RN || rc == RU && !neg || rc == RD && neg;
            return toInf ? f.inf(neg) : f.maxFinite(neg);
        }
        if (tiny) {
            if (e.ftz() && e.underflowMasked()) {
                e.flags |= UE | PE;
                return f.zero(neg);
            }
            if (inexact[0] || !e.underflowMasked()) {
                e.flags |= UE;
            }
        }
        if (inexact[0]) {
            e.flags |= PE;
        }
        long qv = q.longValue();
        long bits;
        if (q.bitLength() == p) {
            bits = ((long) (msbOut + f.bias) << f.fracBits) | (qv & f.fracMask);
        } else {
            bits = qv; // subnormal (or zero): exponent field 0
        }
        return (neg ? f.signBit : 0) | bits;
    }

    /** mag * 2^exp (+ sticky) rounded to a multiple of 2^lsb, as a multiple of 2^lsb. */
    private static BigInteger roundAt(BigInteger mag, int exp, boolean sticky, int lsb, boolean neg, int rc,
            boolean[] inexact) {
        if (lsb <= exp) {
            if (inexact != null) {
                inexact[0] = sticky;
            }
            // sticky bits lie below 2^exp, hence below 2^lsb, and at most half of it only when
            // lsb == exp... callers keep enough bits that this path is exact (sticky false)
            BigInteger q = mag.shiftLeft(exp - lsb);
            return sticky ? increment(q, false, true, neg, rc) : q;
        }
        int drop = lsb - exp;
        BigInteger q = mag.shiftRight(drop);
        boolean half = mag.testBit(drop - 1);
        boolean rest = sticky || mag.getLowestSetBit() < drop - 1 && mag.signum() != 0;
        if (inexact != null) {
            inexact[0] = half || rest;
        }
        return increment(q, half, rest, neg, rc);
    }

    private static BigInteger increment(BigInteger q, boolean half, boolean rest, boolean neg, int rc) {
        boolean up = switch (rc) {
            case RN -> half && (rest || q.testBit(0));
            case RD -> neg && (half || rest);
            case RU -> !neg && (half || rest);
            default -> false;
        };
        return up ? q.add(BigInteger.ONE) : q;
    }

    static BigInteger big(long mag) {
        return BigInteger.valueOf(mag);
    }

    // ---------------------------------------------------------------- arithmetic

    /** a + b (sub: a - b). */
    public static long add(Fmt f, long a, long b, boolean sub, Env e) {
        return binary(f, a, b, e, (x, y) -> sum(f, x, sub ? y ^ f.signBit : y, e));
    }

    private static long sum(Fmt f, long a, long b, Env e) {
        boolean na = f.neg(a);
        boolean nb = f.neg(b);
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isInf(a) && f.isInf(b) && na != nb) {
                return invalid(f, e);
            }
            return f.isInf(a) ? a : b;
        }
        if (f.isZero(a) && f.isZero(b)) {
            return na == nb ? a : f.zero(e.rc() == RD);
        }
        // a normal x plus a zero is x itself in every rounding mode: exact, not tiny, no flag
        if (f.isZero(b) && (a & f.expMask) != 0) {
            return a;
        }
        if (f.isZero(a) && (b & f.expMask) != 0) {
            return b;
        }
        long fast = SseFast.add(f, a, b, e);
        if (fast != SseFast.NONE) {
            return fast;
        }
        int ea = f.exp(a);
        int eb = f.exp(b);
        int lo = Math.min(ea, eb);
        BigInteger ma = big(f.mag(a)).shiftLeft(ea - lo);
        BigInteger mb = big(f.mag(b)).shiftLeft(eb - lo);
        BigInteger s = (na ? ma.negate() : ma).add(nb ? mb.negate() : mb);
        if (s.signum() == 0) {
            return f.zero(e.rc() == RD);
        }
        return round(f, s.signum() < 0, s.abs(), lo, false, e);
    }

    public static long mul(Fmt f, long a, long b, Env e) {
        return binary(f, a, b, e, (x, y) -> product(f, x, y, e));
    }

    private static long product(Fmt f, long a, long b, Env e) {
        boolean neg = f.neg(a) != f.neg(b);
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isZero(a) || f.isZero(b)) {
                return invalid(f, e);
            }
            return f.inf(neg);
        }
        if (f.isZero(a) || f.isZero(b)) {
            return f.zero(neg);
        }
        long fast = SseFast.mul(f, a, b, e);
        if (fast != SseFast.NONE) {
            return fast;
        }
        return round(f, neg, big(f.mag(a)).multiply(big(f.mag(b))), f.exp(a) + f.exp(b), false, e);
    }

    public static long div(Fmt f, long a, long b, Env e) {
        return binary(f, a, b, e, (x, y) -> quotient(f, x, y, e));
    }

    private static long quotient(Fmt f, long a, long b, Env e) {
        boolean neg = f.neg(a) != f.neg(b);
        if (f.isInf(a)) {
            return f.isInf(b) ? invalid(f, e) : f.inf(neg);
        }
        if (f.isInf(b)) {
            return f.zero(neg);
        }
        if (f.isZero(b)) {
            if (f.isZero(a)) {
                return invalid(f, e);
            }
            e.flags |= ZE;
            return f.inf(neg);
        }
        if (f.isZero(a)) {
            return f.zero(neg);
        }
        long fast = SseFast.div(f, a, b, e);
        if (fast != SseFast.NONE) {
            return fast;
        }
        BigInteger ma = big(f.mag(a));
        BigInteger mb = big(f.mag(b));
        int k = Math.max(0, f.fracBits + 4 + mb.bitLength() - ma.bitLength());
        BigInteger[] qr = ma.shiftLeft(k).divideAndRemainder(mb);
        return round(f, neg, qr[0], f.exp(a) - f.exp(b) - k, qr[1].signum() != 0, e);
    }

    public static long sqrt(Fmt f, long a, Env e) {
        a = daz(f, a, e);
        if (f.isNaN(a)) {
            return propagate(f, a, a, e);
        }
        if (f.isZero(a)) {
            return a;
        }
        if (f.neg(a)) {
            return invalid(f, e);
        }
        denormal(f, a, e);
        if (f.isInf(a)) {
            return a;
        }
        long fast = SseFast.sqrt(f, a, e);
        if (fast != SseFast.NONE) {
            return fast;
        }
        BigInteger m = big(f.mag(a));
        int exp = f.exp(a);
        int k = Math.max(0, 2 * (f.fracBits + 4) - m.bitLength());
        if (((exp - k) & 1) != 0) {
            k++;
        }
        m = m.shiftLeft(k);
        BigInteger r = m.sqrt();
        return round(f, false, r, (exp - k) / 2, !r.multiply(r).equals(m), e);
    }

    /**
     * MINPS/MAXPS and the scalar forms: a &lt; b ? a : b (max: a &gt; b); when either is a NaN
     * (IE, even for a QNaN) or both are zeros, the source b. The value returned is the operand
     * after DAZ (a denormal read as zero comes out as zero, as the hardware does).
     */
    public static long minMax(Fmt f, long a, long b, boolean max, Env e) {
        a = daz(f, a, e);
        b = daz(f, b, e);
        if (f.isNaN(a) || f.isNaN(b)) {
            e.flags |= IE;
            return b;
        }
        denormal(f, a, e);
        denormal(f, b, e);
        int c = compare(f, a, b);
        return (max ? c > 0 : c < 0) ? a : b;
    }

    /** Compares two non-NaN values: -1, 0, 1 (zeros equal). */
    static int compare(Fmt f, long a, long b) {
        if (f.isZero(a) && f.isZero(b)) {
            return 0;
        }
        if (f == SINGLE) {
            return Float.compare(Float.intBitsToFloat((int) a), Float.intBitsToFloat((int) b));
        }
        return Double.compare(Double.longBitsToDouble(a), Double.longBitsToDouble(b));
    }

    /**
     * CMPPS predicate imm (0 EQ, 1 LT, 2 LE, 3 UNORD, 4 NEQ, 5 NLT, 6 NLE, 7 ORD): LT, LE and
     * their negations signal IE on any NaN, the others on SNaNs only. Returns all ones or 0.
     */
    public static long cmp(Fmt f, long a, long b, int pred, Env e) {
        a = daz(f, a, e);
        b = daz(f, b, e);
        boolean unordered = f.isNaN(a) || f.isNaN(b);
        boolean signaling = (pred & 3) == 1 || (pred & 3) == 2;
        if (unordered) {
            if (signaling || f.isSNaN(a) || f.isSNaN(b)) {
                e.flags |= IE;
            }
        } else {
            denormal(f, a, e);
            denormal(f, b, e);
        }
        int c = unordered ? 2 : compare(f, a, b);
        boolean r = switch (pred & 3) {
            case 0 -> c == 0;
            case 1 -> c == -1;
            case 2 -> c == -1 || c == 0;
            default -> unordered;
        };
        if (pred >= 4) {
            r = !r;
        }
        return r ? f.bits(-1L) : 0;
    }

    /**
     * COMISS/UCOMISS: ZF PF CF as 111 unordered, 000 greater, 001 less, 100 equal (bit 0 CF,
     * bit 1 PF, bit 2 ZF of the result). COMIS* signal IE on QNaNs too.
     */
    public static int comi(Fmt f, long a, long b, boolean signaling, Env e) {
        a = daz(f, a, e);
        b = daz(f, b, e);
        if (f.isNaN(a) || f.isNaN(b)) {
            if (signaling || f.isSNaN(a) || f.isSNaN(b)) {
                e.flags |= IE;
            }
            return 7;
        }
        denormal(f, a, e);
        denormal(f, b, e);
        int c = compare(f, a, b);
        return c == 0 ? 4 : c < 0 ? 1 : 0;
    }

    // ---------------------------------------------------------------- conversions

    /** A signed integer of 32 or 64 bits to the format (CVTSI2SS/SD, CVTDQ2PS/PD). */
    public static long fromInt(Fmt f, long v, Env e) {
        if (v == 0) {
            return 0;
        }
        long exactLimit = 1L << (f.fracBits + 1); // every integer up to this magnitude is a value of f
        if (v >= -exactLimit && v <= exactLimit) {
            return f == DOUBLE ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
        }
        BigInteger m = BigInteger.valueOf(v);
        return round(f, v < 0, m.abs(), 0, false, e);
    }

    /**
     * To a signed integer of {@code bits} (32 or 64), rounded by MXCSR or truncated; NaN,
     * infinity and out-of-range values give the integer indefinite (the minimum) with IE.
     */
    public static long toInt(Fmt f, long v, int bits, boolean truncate, Env e) {
        v = daz(f, v, e);
        long indefinite = bits == 64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        if (f.isNaN(v) || f.isInf(v)) {
            e.flags |= IE;
            return indefinite;
        }
        if (f.isZero(v)) {
            return 0;
        }
        boolean neg = f.neg(v);
        BigInteger m = big(f.mag(v));
        int exp = f.exp(v);
        BigInteger q;
        boolean inexact;
        if (exp >= 0) {
            q = m.shiftLeft(Math.min(exp, 80));
            inexact = false;
        } else {
            boolean[] ix = new boolean[1];
            q = roundAt(m, exp, false, 0, neg, truncate ? RZ : e.rc(), ix);
            inexact = ix[0];
        }
        if (neg) {
            q = q.negate();
        }
        if (q.bitLength() > bits - 1) {
            e.flags |= IE;
            return indefinite;
        }
        if (inexact) {
            e.flags |= PE;
        }
        return q.longValue();
    }

    /** Single to double (CVTSS2SD, CVTPS2PD): exact; SNaN quietened with IE, DE for a denormal. */
    public static long widen(long v, Env e) {
        Fmt s = SINGLE;
        v = daz(s, v, e);
        boolean neg = s.neg(v);
        if (s.isNaN(v)) {
            if (s.isSNaN(v)) {
                e.flags |= IE;
            }
            return (neg ? DOUBLE.signBit : 0) | DOUBLE.expMask | DOUBLE.quietBit | ((v & s.fracMask) << 29);
        }
        if (s.isInf(v)) {
            return DOUBLE.inf(neg);
        }
        if (s.isZero(v)) {
            return DOUBLE.zero(neg);
        }
        denormal(s, v, e);
        return round(DOUBLE, neg, big(s.mag(v)), s.exp(v), false, e);
    }

    /** Double to single (CVTSD2SS, CVTPD2PS): rounded by MXCSR. */
    public static long narrow(long v, Env e) {
        Fmt d = DOUBLE;
        v = daz(d, v, e);
        boolean neg = d.neg(v);
        if (d.isNaN(v)) {
            if (d.isSNaN(v)) {
                e.flags |= IE;
            }
            return (neg ? SINGLE.signBit : 0) | SINGLE.expMask | SINGLE.quietBit | ((v & d.fracMask) >>> 29);
        }
        if (d.isInf(v)) {
            return SINGLE.inf(neg);
        }
        if (d.isZero(v)) {
            return SINGLE.zero(neg);
        }
        denormal(d, v, e);
        return round(SINGLE, neg, big(d.mag(v)), d.exp(v), false, e);
    }

    /**
     * ROUNDPS/PD/SS/SD (SSE4.1): to an integral value by {@code imm} (bits 1:0 the mode,
     * bit 2 MXCSR.RC instead, bit 3 no PE). IE only for an SNaN (quietened); no DE.
     */
    public static long roundToIntegral(Fmt f, long v, int imm, Env e) {
        v = daz(f, v, e);
        if (f.isNaN(v)) {
            return propagate(f, v, v, e);
        }
        if (f.isInf(v) || f.isZero(v) || f.exp(v) >= 0) {
            return v;
        }
        int rc = (imm & 4) != 0 ? e.rc() : imm & 3;
        boolean neg = f.neg(v);
        boolean[] inexact = new boolean[1];
        BigInteger q = roundAt(big(f.mag(v)), f.exp(v), false, 0, neg, rc, inexact);
        if (inexact[0] && (imm & 8) == 0) {
            e.flags |= PE;
        }
        return round(f, neg, q, 0, false, new Env(e.mxcsr));
    }

    // ---------------------------------------------------------------- estimates

    /**
     * RCPPS/RCPSS and RSQRTPS/RSQRTSS. The SDM promises only a relative error of at most
     * 1.5 * 2^-12 and no MXCSR flags; the hardware's tables differ between vendors (and
     * from each other's rounding of special inputs). This core computes, as qemu does,
     * 1 / b and 1 / sqrt(b) correctly rounded under MXCSR (its rounding mode, DAZ, FTZ),
     * and discards the flags: deterministic and within the promised error.
     */
    public static long estimate(long b, boolean rsqrt, int mxcsr) {
        Env scratch = new Env(mxcsr);
        long one = 0x3F80_0000L;
        long d = rsqrt ? sqrt(SINGLE, b, scratch) : b;
        return div(SINGLE, one, d, scratch);
    }
}

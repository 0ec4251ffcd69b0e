package dev.emu.x86.x87;

import java.math.BigInteger;

/**
 * 80-bit extended-precision arithmetic as the x87 does it (SDM Vol. 1 chapter 4.2 and 8):
 * values are a 16-bit sign-and-exponent word {@code se} and a 64-bit significand {@code m}
 * with an explicit integer bit. Finite results are computed exactly (BigInteger) and rounded
 * once to the precision and rounding mode asked for, so they are correctly rounded; the
 * exception flags (FSW bits 0..5) and C1 (rounded up) go to the {@link Env} of the operation.
 *
 * <p>A result is returned as a long pair in an {@code long[2]} {se, m} only where two
 * values are needed; most methods return through {@link Env#se} and {@link Env#m}.
 */
public final class F80 {
    private F80() {}

    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 16, PE = 32;
    public static final int RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3;
    static final int BIAS = 16383;
    static final int EXP_MAX = 0x7FFF;
    /** The unbiased exponent of the smallest normal extended value. */
    static final int EMIN = 1 - BIAS;
    static final int EMAX = BIAS;
    /** The real indefinite: the default NaN an invalid operation delivers. */
    public static final int INDEFINITE_SE = 0xFFFF;
    public static final long INDEFINITE_M = 0xC000_0000_0000_0000L;
    static final long QUIET_BIT = 1L << 62;

    /** One operation's environment: rounding control, precision in bits, and what it raised. */
    public static final class Env {
        public int rc;
        public int precision = 64;
        public int flags;
        /** C1 after a rounded result: 1 when the magnitude was rounded up. */
        public boolean roundedUp;
        /** The result. */
        public int se;
        public long m;

        public Env(int rc, int precision) {
            this.rc = rc;
            this.precision = precision;
        }

        Env result(int se, long m) {
            this.se = se & 0xFFFF;
            this.m = m;
            return this;
        }

        /** An invalid operation: IE (which outranks a denormal operand: DE is withdrawn) and the real indefinite. */
        Env indefinite() {
            flags = flags & ~DE | IE;
            return result(INDEFINITE_SE, INDEFINITE_M);
        }
    }

    // ---------------------------------------------------------------- classification

    public static boolean sign(int se) {
        return (se & 0x8000) != 0;
    }

    public static int exp(int se) {
        return se & EXP_MAX;
    }

    public static boolean isNaN(int se, long m) {
        return exp(se) == EXP_MAX && (m << 1) != 0 && m < 0;
    }

    public static boolean isSNaN(int se, long m) {
        return isNaN(se, m) && (m & QUIET_BIT) == 0;
    }

    public static boolean isInf(int se, long m) {
        return exp(se) == EXP_MAX && m == 0x8000_0000_0000_0000L;
    }

    public static boolean isZero(int se, long m) {
        return exp(se) == 0 && m == 0;
    }

    /** Denormal or pseudo-denormal: exponent 0, significand not zero. */
    public static boolean isDenormal(int se, long m) {
        return exp(se) == 0 && m != 0;
    }

    /**
     * The encodings the 387 and later reject as operands (SDM 8.2.2): pseudo-NaN,
     * pseudo-infinity and unnormal (integer bit clear with a non-zero exponent).
     */
    public static boolean isUnsupported(int se, long m) {
        return exp(se) != 0 && m >= 0;
    }

    /** A finite value's exact magnitude: {@code mag * 2^scale}. */
    static int scale(int se) {
        return Math.max(exp(se), 1) - BIAS - 63;
    }

    static BigInteger mag(long m) {
        BigInteger b = BigInteger.valueOf(m & Long.MAX_VALUE);
        return m < 0 ? b.setBit(63) : b;
    }

    // ---------------------------------------------------------------- rounding

    /**
     * Rounds {@code (neg ? -1 : 1) * mag * 2^e} to {@code p} significant bits with normal
     * exponents in emin..emax (values below 2^emin keep the denormal spacing 2^(emin-p+1)).
     * Returns {q, lsb} with value q * 2^lsb (q has at most p bits), or null on overflow after
     * storing the overflow flags; sets PE, UE (tiny before rounding and inexact) and
     * {@code env.roundedUp}.
     */
    static long[] round(boolean neg, BigInteger mag, long e, int p, int emin, int emax, Env env) {
        if (mag.signum() == 0) {
            return new long[] {0, 0};
        }
        long msb = e + mag.bitLength() - 1;
        boolean tiny = msb < emin;
        long lsb = Math.max(msb - (p - 1), emin - (p - 1));
        long shift = lsb - e;
        BigInteger q;
        boolean inexact;
        boolean up = false;
        if (shift <= 0) {
            q = mag.shiftLeft((int) -shift);
            inexact = false;
        } else {
            if (shift > mag.bitLength() + 2) {
                q = BigInteger.ZERO;
                inexact = true;
                // everything below half an ulp
                up = switch (env.rc) {
                    case RC_DOWN -> neg;
                    case RC_UP -> !neg;
                    default -> false;
                };
            } else {
                q = mag.shiftRight((int) shift);
                BigInteger rem = mag.subtract(q.shiftLeft((int) shift));
                inexact = rem.signum() != 0;
                if (inexact) {
                    up = switch (env.rc) {
                        case RC_NEAREST -> {
                            int c = rem.compareTo(BigInteger.ONE.shiftLeft((int) shift - 1));
                            yield c > 0 || c == 0 && q.testBit(0);
                        }
                        case RC_DOWN -> neg;
                        case RC_UP -> !neg;
                        default -> false;
                    };
                }
            }
        }
        if (up) {
            q = q.add(BigInteger.ONE);
            if (q.bitLength() > p) {
                q = q.shiftRight(1);
                lsb++;
            }
        }
        if (q.signum() != 0 && lsb + q.bitLength() - 1 > emax) {
            env.flags |= OE | PE;
            return null;
        }
        if (inexact) {
            env.flags |= PE;
            env.roundedUp = up;
            if (tiny) {
                env.flags |= UE;
            }
        } else {
            env.roundedUp = false;
        }
        return new long[] {q.longValue(), lsb};
    }

    /** The overflow result of the rounding mode: infinity, or the largest finite value (false). */
    static boolean overflowToInfinity(boolean neg, int rc) {
        return switch (rc) {
            case RC_NEAREST -> true;
            case RC_DOWN -> neg;
            case RC_UP -> !neg;
            default -> false;
        };
    }

    /** Rounds an exact value to extended range with {@code p} bits and stores it in env. */
    static Env finish(boolean neg, BigInteger mag, long e, int p, Env env) {
        int s = neg ? 0x8000 : 0;
        long[] r = round(neg, mag, e, p, EMIN, EMAX, env);
        if (r == null) {
            if (overflowToInfinity(neg, env.rc)) {
                env.roundedUp = true;
                return env.result(s | EXP_MAX, 0x8000_0000_0000_0000L);
            }
            env.roundedUp = false;
            long maxM = p == 64 ? -1L : -1L << (64 - p);
            return env.result(s | (EXP_MAX - 1), maxM);
        }
        return pack(s, r[0], r[1], env);
    }

    private static Env pack(int s, long q, long lsb, Env env) {
        if (q == 0) {
            return env.result(s, 0);
        }
        int bits = 64 - Long.numberOfLeadingZeros(q);
        long msb = lsb + bits - 1;
        if (msb >= EMIN) {
            return env.result(s | (int) (msb + BIAS), q << (64 - bits));
        }
        return env.result(s, q << (lsb - (EMIN - 63)));
    }

    // ---------------------------------------------------------------- NaN operands

    static long quiet(long m) {
        return m | QUIET_BIT;
    }

    /**
     * The NaN result of an operation with NaN operands (SDM Vol. 1 Table 4-7, x87 column):
     * an SNaN raises IE; two NaNs give the one with the larger significand, quieted.
     */
    static Env propagate(int se1, long m1, int se2, long m2, Env env) {
        boolean n1 = isNaN(se1, m1);
        boolean n2 = isNaN(se2, m2);
        if (isSNaN(se1, m1) || isSNaN(se2, m2)) {
            env.flags = env.flags & ~DE | IE; // IE outranks a denormal (memory) operand
        }
        if (n1 && n2 && isSNaN(se1, m1) != isSNaN(se2, m2)) {
            // one signaling, one quiet: the quiet one (Table 4-7, x87 column)
            return isSNaN(se1, m1) ? env.result(se2, m2) : env.result(se1, m1);
        }
        if (n1 && n2) {
            long q1 = quiet(m1) & Long.MAX_VALUE;
            long q2 = quiet(m2) & Long.MAX_VALUE;
            if (q1 > q2 || q1 == q2 && !sign(se1)) {
                return env.result(se1, quiet(m1));
            }
            return env.result(se2, quiet(m2));
        }
        return n1 ? env.result(se1, quiet(m1)) : env.result(se2, quiet(m2));
    }

    static Env propagate1(int se, long m, Env env) {
        if (isSNaN(se, m)) {
            env.flags |= IE;
        }
        return env.result(se, quiet(m));
    }

    /** Common checks of a two-operand arithmetic op: unsupported and NaN operands, denormals. Returns true when done. */
    static boolean specials2(int se1, long m1, int se2, long m2, Env env) {
        if (isUnsupported(se1, m1) || isUnsupported(se2, m2)) {
            env.indefinite();
            return true;
        }
        if (isNaN(se1, m1) || isNaN(se2, m2)) {
            propagate(se1, m1, se2, m2, env);
            return true;
        }
        if (isDenormal(se1, m1) || isDenormal(se2, m2)) {
            env.flags |= DE;
        }
        return false;
    }

    // ---------------------------------------------------------------- arithmetic

    /** a + b (negate b first for a - b). */
    public static Env add(int se1, long m1, int se2, long m2, Env env) {
        if (specials2(se1, m1, se2, m2, env)) {
            return env;
        }
        boolean i1 = isInf(se1, m1);
        boolean i2 = isInf(se2, m2);
        if (i1 || i2) {
            if (i1 && i2 && sign(se1) != sign(se2)) {
                return env.indefinite();
            }
            return i1 ? env.result(se1, m1) : env.result(se2, m2);
        }
        boolean z1 = isZero(se1, m1);
        boolean z2 = isZero(se2, m2);
        if (z1 && z2) {
            boolean neg = sign(se1) && sign(se2) || sign(se1) != sign(se2) && env.rc == RC_DOWN;
            return env.result(neg ? 0x8000 : 0, 0);
        }
        long e1 = scale(se1);
        long e2 = scale(se2);
        long e = Math.min(e1, e2);
        BigInteger a = mag(m1).shiftLeft((int) (e1 - e));
        BigInteger b = mag(m2).shiftLeft((int) (e2 - e));
        if (sign(se1)) {
            a = a.negate();
        }
        if (sign(se2)) {
            b = b.negate();
        }
        BigInteger sum = a.add(b);
        if (sum.signum() == 0) {
            return env.result(env.rc == RC_DOWN ? 0x8000 : 0, 0);
        }
        return finish(sum.signum() < 0, sum.abs(), e, env.precision, env);
    }

    /** a - b: NaN operands keep their signs (the negation applies to numbers only). */
    public static Env sub(int se1, long m1, int se2, long m2, Env env) {
        if (specials2(se1, m1, se2, m2, env)) {
            return env;
        }
        return add(se1, m1, se2 ^ 0x8000, m2, env);
    }

    public static Env mul(int se1, long m1, int se2, long m2, Env env) {
        if (specials2(se1, m1, se2, m2, env)) {
            return env;
        }
        int s = (se1 ^ se2) & 0x8000;
        boolean i1 = isInf(se1, m1);
        boolean i2 = isInf(se2, m2);
        boolean z1 = isZero(se1, m1);
        boolean z2 = isZero(se2, m2);
        if (i1 || i2) {
            if (z1 || z2) {
                return env.indefinite();
            }
            return env.result(s | EXP_MAX, 0x8000_0000_0000_0000L);
        }
        if (z1 || z2) {
            return env.result(s, 0);
        }
        return finish(s != 0, mag(m1).multiply(mag(m2)), (long) scale(se1) + scale(se2), env.precision, env);
    }

    /** a / b. */
    public static Env div(int se1, long m1, int se2, long m2, Env env) {
        if (specials2(se1, m1, se2, m2, env)) {
            return env;
        }
        int s = (se1 ^ se2) & 0x8000;
        boolean i1 = isInf(se1, m1);
        boolean i2 = isInf(se2, m2);
        boolean z1 = isZero(se1, m1);
        boolean z2 = isZero(se2, m2);
        if (i1 && i2 || z1 && z2) {
            return env.indefinite();
        }
        if (i1) {
            return env.result(s | EXP_MAX, 0x8000_0000_0000_0000L);
        }
        if (i2) {
            return env.result(s, 0);
        }
        if (z2) {
            env.flags = env.flags & ~DE | ZE; // zero-divide outranks the denormal-operand exception
            return env.result(s | EXP_MAX, 0x8000_0000_0000_0000L);
        }
        if (z1) {
            return env.result(s, 0);
        }
        // enough quotient bits for any precision plus guard, and a sticky bit for the rest
        int k = 64 + 66;
        BigInteger[] qr = mag(m1).shiftLeft(k).divideAndRemainder(mag(m2));
        BigInteger q = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            q = q.setBit(0);
        }
        return finish(s != 0, q, (long) scale(se1) - scale(se2) - k - 1, env.precision, env);
    }

    public static Env sqrt(int se, long m, Env env) {
        if (isUnsupported(se, m)) {
            return env.indefinite();
        }
        if (isNaN(se, m)) {
            return propagate1(se, m, env);
        }
        if (isZero(se, m)) {
            return env.result(se, m);
        }
        if (sign(se)) {
            return env.indefinite();
        }
        if (isInf(se, m)) {
            return env.result(se, m);
        }
        if (isDenormal(se, m)) {
            env.flags |= DE;
        }
        long e = scale(se);
        BigInteger a = mag(m).shiftLeft(140);
        e -= 140;
        if ((e & 1) != 0) {
            a = a.shiftLeft(1);
            e--;
        }
        BigInteger r = a.sqrt();
        BigInteger q = r.shiftLeft(1);
        if (r.multiply(r).compareTo(a) != 0) {
            q = q.setBit(0);
        }
        return finish(false, q, e / 2 - 1, env.precision, env);
    }

    /** Rounds to an integer value in the current rounding mode (FRNDINT); {@code rc} overrides env's. */
    public static Env roundToInt(int se, long m, int rc, Env env) {
        if (isUnsupported(se, m)) {
            return env.indefinite();
        }
        if (isNaN(se, m)) {
            return propagate1(se, m, env);
        }
        if (isInf(se, m) || isZero(se, m)) {
            return env.result(se, m);
        }
        if (isDenormal(se, m)) {
            env.flags |= DE;
        }
        int e = scale(se);
        if (e >= 0) {
            return env.result(se, m);
        }
        int saved = env.rc;
        env.rc = rc;
        long[] r = round(sign(se), mag(m), e, 64, 63, EMAX, env); // the ulp is 1: "normal" from 2^63
        env.rc = saved;
        env.flags &= ~UE;
        return pack(se & 0x8000, r[0], r[1], env);
    }

    /**
     * The value of a finite operand rounded to an integer with {@code rc}, or null when it
     * is not finite; the caller checks the range of its format.
     */
    static BigInteger toInteger(int se, long m, int rc, Env env) {
        if (isNaN(se, m) || isInf(se, m) || isUnsupported(se, m)) {
            return null;
        }
        if (isZero(se, m)) {
            return BigInteger.ZERO;
        }
        int e = scale(se);
        BigInteger v;
        if (e >= 0) {
            if (e > 64) {
                return null;
            }
            v = mag(m).shiftLeft(e);
            env.roundedUp = false;
        } else {
            Env tmp = new Env(rc, 64);
            long[] r = round(sign(se), mag(m), e, 64, 63, EMAX, tmp);
            v = mag(r[0]).shiftLeft((int) r[1]);
            env.flags |= tmp.flags & PE;
            env.roundedUp = tmp.roundedUp;
        }
        return sign(se) ? v.negate() : v;
    }

    /**
     * FIST/FISTP/FISTTP: the integer of {@code bits} (16, 32, 64) for ST0, or the integer
     * indefinite (only the sign bit set) with IE when it does not fit or is NaN/infinite.
     */
    public static long toInt(int se, long m, int bits, int rc, Env env) {
        Env tmp = new Env(rc, 64);
        BigInteger v = toInteger(se, m, rc, tmp);
        long min = -1L << (bits - 1);
        if (v == null || v.bitLength() > bits - 1 && !v.equals(BigInteger.valueOf(min))) {
            env.flags |= IE;
            env.roundedUp = false;
            return bits == 64 ? min : min & ((1L << bits) - 1);
        }
        env.flags |= tmp.flags;
        env.roundedUp = tmp.roundedUp;
        long r = v.longValue();
        return bits == 64 ? r : r & ((1L << bits) - 1);
    }

    private static final long BCD_LIMIT = 1_000_000_000_000_000_000L;

    /**
     * FBLD's integer: 18 packed decimal digits in the low 9 bytes (two per byte, low digit
     * first), the sign in bit 7 of byte 9. Digits above 9 are weighted as they stand (the SDM
     * leaves such operands undefined).
     */
    static long fromBcd(long lo, long hi) {
        long v = 0;
        for (int k = 8; k >= 0; k--) {
            int b = (int) ((k == 8 ? hi : lo >>> (8 * k)) & 0xFF);
            v = v * 100 + (b >>> 4) * 10 + (b & 0xF);
        }
        return (hi & 0x8000) != 0 ? -v : v;
    }

    /**
     * FBSTP: ST0 rounded with RC to 18 packed decimal digits, {low 8 bytes, top 2 bytes}; out
     * of range, NaN or infinite is IE and the packed BCD indefinite (FFFF C000...).
     */
    static long[] toBcd(int se, long m, int rc, Env env) {
        Env tmp = new Env(rc, 64);
        BigInteger v = toInteger(se, m, rc, tmp);
        if (v == null || v.abs().compareTo(BigInteger.valueOf(BCD_LIMIT)) >= 0) {
            env.flags |= IE;
            env.roundedUp = false;
            return new long[] {0xC000_0000_0000_0000L, 0xFFFF};
        }
        env.flags |= tmp.flags;
        env.roundedUp = tmp.roundedUp;
        long a = v.abs().longValue();
        long lo = 0;
        long hi = sign(se) ? 0x8000 : 0;
        for (int k = 0; k < 9; k++) {
            long pair = a % 10 | (a / 10 % 10) << 4;
            a /= 100;
            if (k == 8) {
                hi |= pair;
            } else {
                lo |= pair << (8 * k);
            }
        }
        return new long[] {lo, hi};
    }

    /** FILD: a signed integer, exact. */
    public static Env fromInt(long v, Env env) {
        if (v == 0) {
            return env.result(0, 0);
        }
        boolean neg = v < 0;
        long mag = neg ? -v : v; // Long.MIN_VALUE stays 2^63 as an unsigned magnitude
        int lz = Long.numberOfLeadingZeros(mag);
        return env.result((neg ? 0x8000 : 0) | (BIAS + 63 - lz), mag << lz);
    }

    // ---------------------------------------------------------------- IEEE single and double

    /** FLD m32/m64: exact widening; an SNaN raises IE and is quieted, a denormal raises DE. */
    public static Env fromIeee(long bits, int fracBits, int expBits, Env env) {
        long fracMask = (1L << fracBits) - 1;
        int expMask = (1 << expBits) - 1;
        int bias = expMask >> 1;
        boolean neg = (bits >>> (fracBits + expBits) & 1) != 0;
        int s = neg ? 0x8000 : 0;
        int e = (int) (bits >>> fracBits) & expMask;
        long f = bits & fracMask;
        if (e == expMask) {
            long m = 0x8000_0000_0000_0000L | f << (63 - fracBits);
            if (f != 0 && (f >>> (fracBits - 1)) == 0) {
                env.flags |= IE;
                m |= QUIET_BIT;
            }
            return env.result(s | EXP_MAX, m);
        }
        if (e == 0) {
            if (f == 0) {
                return env.result(s, 0);
            }
            env.flags |= DE;
            int lz = Long.numberOfLeadingZeros(f);
            // value = f * 2^(1 - bias - fracBits)
            long msb = (63 - lz) + 1 - bias - fracBits;
            return env.result(s | (int) (msb + BIAS), f << lz);
        }
        return env.result(s | (e - bias + BIAS), 0x8000_0000_0000_0000L | f << (63 - fracBits));
    }

    /** FST m32/m64: rounds with RC to the format's precision and range. */
    public static long toIeee(int se, long m, int fracBits, int expBits, int rc, Env env) {
        int expMask = (1 << expBits) - 1;
        int bias = expMask >> 1;
        long signBit = sign(se) ? 1L << (fracBits + expBits) : 0;
        long infBits = signBit | (long) expMask << fracBits;
        if (isUnsupported(se, m)) {
            env.flags |= IE;
            return (1L << (fracBits + expBits)) | (long) expMask << fracBits | 1L << (fracBits - 1);
        }
        if (isNaN(se, m)) {
            if (isSNaN(se, m)) {
                env.flags |= IE;
            }
            return infBits | (quiet(m) << 1 >>> (64 - fracBits));
        }
        if (isInf(se, m)) {
            return infBits;
        }
        if (isZero(se, m)) {
            return signBit;
        }
        int p = fracBits + 1;
        int emin = 1 - bias;
        Env tmp = new Env(rc, p);
        long[] r = round(sign(se), mag(m), scale(se), p, emin, bias, tmp);
        env.flags |= tmp.flags;
        env.roundedUp = tmp.roundedUp;
        if (r == null) {
            if (overflowToInfinity(sign(se), rc)) {
                env.roundedUp = true;
                return infBits;
            }
            env.roundedUp = false;
            return signBit | ((long) (expMask - 1) << fracBits) | ((1L << fracBits) - 1);
        }
        long q = r[0];
        if (q == 0) {
            return signBit;
        }
        int bitsQ = 64 - Long.numberOfLeadingZeros(q);
        long msb = r[1] + bitsQ - 1;
        if (msb >= emin) {
            return signBit | (msb + bias) << fracBits | (q << (p - bitsQ)) & ((1L << fracBits) - 1);
        }
        return signBit | q << (r[1] - (emin - fracBits));
    }

    // ---------------------------------------------------------------- comparison

    /** -1, 0, 1, or 2 for unordered; NaN and unsupported operands are unordered. Sets DE for denormals. */
    public static int compare(int se1, long m1, int se2, long m2, Env env) {
        if (isNaN(se1, m1) || isNaN(se2, m2) || isUnsupported(se1, m1) || isUnsupported(se2, m2)) {
            return 2;
        }
        if (isDenormal(se1, m1) || isDenormal(se2, m2)) {
            env.flags |= DE;
        }
        boolean z1 = isZero(se1, m1);
        boolean z2 = isZero(se2, m2);
        if (z1 && z2) {
            return 0;
        }
        boolean n1 = sign(se1);
        boolean n2 = sign(se2);
        if (n1 != n2) {
            return z1 ? (n2 ? 1 : -1) : z2 ? (n1 ? -1 : 1) : n1 ? -1 : 1;
        }
        int c;
        if (isInf(se1, m1) || isInf(se2, m2)) {
            c = isInf(se1, m1) && isInf(se2, m2) ? 0 : isInf(se1, m1) ? 1 : -1;
        } else {
            int e1 = scale(se1) + 63 - Long.numberOfLeadingZeros(m1);
            int e2 = scale(se2) + 63 - Long.numberOfLeadingZeros(m2);
            if (z1 || z2) {
                c = z1 ? -1 : 1;
            } else if (e1 != e2) {
                c = e1 < e2 ? -1 : 1;
            } else {
                c = mag(m1).shiftLeft(scale(se1) - Math.min(scale(se1), scale(se2)))
                        .compareTo(mag(m2).shiftLeft(scale(se2) - Math.min(scale(se1), scale(se2))));
            }
        }
        return n1 ? -c : c;
    }

    // ---------------------------------------------------------------- scale, extract, remainder

    /** FSCALE: ST0 * 2^trunc(ST1). */
    public static Env scaleBy(int se0, long m0, int se1, long m1, Env env) {
        if (specials2(se0, m0, se1, m1, env)) {
            return env;
        }
        boolean inf0 = isInf(se0, m0);
        boolean z0 = isZero(se0, m0);
        if (isInf(se1, m1)) {
            if (!sign(se1)) {
                return z0 ? env.indefinite() : env.result((se0 & 0x8000) | EXP_MAX, 0x8000_0000_0000_0000L);
            }
            return inf0 ? env.indefinite() : env.result(se0 & 0x8000, 0);
        }
        if (inf0 || z0) {
            return env.result(se0, m0);
        }
        // beyond 2^20 every scale over- or underflows the extended range alike
        long k;
        if (exp(se1) - BIAS >= 20) {
            k = sign(se1) ? -(1L << 20) : 1L << 20;
        } else {
            k = toInteger(se1, m1, RC_ZERO, new Env(RC_ZERO, 64)).longValue();
        }
        return finish(sign(se0), mag(m0), scale(se0) + k, 64, env);
    }

    /** FXTRACT: {exponent se, exponent m, significand se, significand m} of ST0. */
    public static long[] extract(int se, long m, Env env) {
        if (isUnsupported(se, m)) {
            env.indefinite();
            return new long[] {INDEFINITE_SE, INDEFINITE_M, INDEFINITE_SE, INDEFINITE_M};
        }
        if (isNaN(se, m)) {
            propagate1(se, m, env);
            return new long[] {env.se, env.m, env.se, env.m};
        }
        if (isInf(se, m)) {
            return new long[] {EXP_MAX, 0x8000_0000_0000_0000L, se, m};
        }
        if (isZero(se, m)) {
            env.flags |= ZE;
            return new long[] {0x8000 | EXP_MAX, 0x8000_0000_0000_0000L, se, m};
        }
        if (isDenormal(se, m)) {
            env.flags |= DE;
        }
        int lz = Long.numberOfLeadingZeros(m);
        long unbiased = scale(se) + 63 - lz;
        fromInt(unbiased, env);
        return new long[] {env.se, env.m, (se & 0x8000) | BIAS, m << lz};
    }

    /**
     * FPREM (truncating quotient) and FPREM1 (nearest): returns {se, m, status bits} where
     * the status bits are C2 (bit 10, partial remainder) and the low three quotient bits in
     * C0 (bit 8: q2), C3 (bit 14: q1), C1 (bit 9: q0). A partial step reduces the exponent
     * difference by a multiple of 32 minus one per step... see {@code partial}.
     */
    public static long[] remainder(int se0, long m0, int se1, long m1, boolean nearest, Env env) {
        if (specials2(se0, m0, se1, m1, env)) {
            return new long[] {env.se, env.m, 0};
        }
        if (isInf(se0, m0) || isZero(se1, m1)) {
            env.indefinite();
            return new long[] {env.se, env.m, 0};
        }
        if (isInf(se1, m1) || isZero(se0, m0)) {
            return new long[] {se0, m0, 0};
        }
        int e0 = scale(se0) + 63 - Long.numberOfLeadingZeros(m0);
        int e1 = scale(se1) + 63 - Long.numberOfLeadingZeros(m1);
        int d = e0 - e1;
        long base = Math.min(scale(se0), scale(se1));
        BigInteger a = mag(m0).shiftLeft((int) (scale(se0) - base));
        BigInteger b = mag(m1).shiftLeft((int) (scale(se1) - base));
        boolean neg = sign(se0);
        if (d >= 64) {
            // partial remainder: reduce by b * 2^(d - n) with n = 32 + (d - 64) mod 32, as the
            // hardware reduces by a power that leaves an exponent difference of 32..63
            int n = 32 + (d - 64) % 32;
            BigInteger bb = b.shiftLeft(d - n);
            BigInteger r = a.mod(bb);
            finish(neg, r, base, 64, env);
            env.flags &= ~(PE | UE);
            return new long[] {env.se, env.m, 1 << 10};
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        boolean rneg = neg;
        if (nearest) {
            int c = r.shiftLeft(1).compareTo(b);
            if (c > 0 || c == 0 && q.testBit(0)) {
                q = q.add(BigInteger.ONE);
                r = b.subtract(r);
                rneg = !neg;
            }
        }
        Env tmp = new Env(RC_NEAREST, 64);
        if (r.signum() == 0) {
            tmp.result(se0 & 0x8000, 0);
        } else {
            finish(rneg, r, base, 64, tmp);
        }
        env.flags |= tmp.flags & UE;
        long qb = q.longValue() & 7;
        long status = (qb >> 2 & 1) << 8 | (qb >> 1 & 1) << 14 | (qb & 1) << 9;
        return new long[] {tmp.se, tmp.m, status};
    }
}

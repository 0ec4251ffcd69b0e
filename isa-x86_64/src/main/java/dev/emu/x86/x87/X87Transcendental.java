package dev.emu.x86.x87;

import static dev.emu.x86.X86Registers.FSW;

import dev.emu.core.cpu.CpuState;
import dev.emu.x86.x87.F80.Env;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The x87 transcendental instructions glibc's libm still uses: F2XM1, FYL2X, FYL2XP1, FPTAN,
 * FPATAN, FSIN, FCOS, FSINCOS (SDM Vol. 2). Each is evaluated in decimal arithmetic with
 * about 200 bits (the series below), then rounded once to the 64-bit significand with the
 * rounding control, so results are correctly rounded (to within the working precision's
 * 2^-190, far below half an ulp for all but astronomically rare near-ties). Hardware is not
 * correctly rounded here (its FSIN/FCOS reduce with a 66-bit pi): results may differ from a
 * real CPU's in the last bit, and by more for FSIN/FCOS/FPTAN near multiples of pi/2, where
 * this reduction is exact and the CPU's is not.
 */
public final class X87Transcendental {
    private X87Transcendental() {}

    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    /** For the reduction modulo pi/2 of arguments up to 2^63. */
    private static final MathContext WIDE = new MathContext(110, RoundingMode.HALF_EVEN);
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal PI_WIDE = computePi();
    static final BigDecimal PI = PI_WIDE.round(MC);
    static final BigDecimal LN2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC)).multiply(TWO, MC);
    private static final BigDecimal TWO_63 = new BigDecimal(BigInteger.ONE.shiftLeft(63));

    private static final int C2 = 1 << 10;

    /** The instruction is given by its D9 second byte (F0..FF). */
    public static void exec(CpuState s, int modrm) {
        long[] r = s.regs;
        switch (modrm) {
            case 0xF0 -> unary(r, X87Transcendental::f2xm1);
            case 0xF1 -> intoSt1AndPop(r, (sx, mx, sy, my, e) -> log(sx, mx, sy, my, false, e)); // FYL2X
            case 0xF9 -> intoSt1AndPop(r, (sx, mx, sy, my, e) -> log(sx, mx, sy, my, true, e)); // FYL2XP1
            case 0xF3 -> intoSt1AndPop(r, (sx, mx, sy, my, e) -> atan2(sy, my, sx, mx, e)); // FPATAN
            case 0xFE -> trig(r, 0);
            case 0xFF -> trig(r, 1);
            case 0xF2 -> trig(r, 2);
            case 0xFB -> trig(r, 3);
            default -> throw new IllegalArgumentException("x87 D9 " + Integer.toHexString(modrm));
        }
    }

    interface Fn {
        void apply(int se, long m, Env e);
    }

    private static void unary(long[] r, Fn f) {
        if (X87Ops.empty(r, 0)) {
            if (X87Ops.stackFault(r, false)) {
                X87Ops.set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            return;
        }
        Env e = X87Ops.env(r);
        f.apply(X87Ops.se(r, 0), X87Ops.m(r, 0), e);
        if (X87Ops.raise(r, e)) {
            X87Ops.set(r, 0, e.se, e.m);
        }
    }

    // ---------------------------------------------------------------- conversions

    /** A finite operand as a decimal: exact for moderate exponents, else to the working precision. */
    static BigDecimal decimal(int se, long m) {
        BigDecimal mag = new BigDecimal(F80.mag(m));
        int sc = F80.scale(se);
        BigDecimal v;
        if (sc >= 0) {
            v = sc <= 256 ? mag.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(sc)))
                    : mag.multiply(TWO.pow(sc, MC), MC);
        } else {
            v = sc >= -256 ? mag.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-sc)))
                    : mag.divide(TWO.pow(-sc, MC), MC);
        }
        return F80.sign(se) ? v.negate() : v;
    }

    /** Rounds a (60-digit accurate) value to extended with the rounding control; PE always (these results are inexact). */
    static Env round(BigDecimal v, Env e) {
        if (v.signum() == 0) {
            return e.result(0, 0);
        }
        boolean neg = v.signum() < 0;
        BigDecimal a = v.abs();
        // a = mag * 2^k with mag holding 150 bits, the rest a sticky bit
        int k = (int) Math.floor((a.precision() - a.scale() - 1) * 3.3219280948873626) - 150;
        BigDecimal scaled = k >= 0 ? a.divide(TWO.pow(k, MC), MC) : a.multiply(TWO.pow(-k, MC), MC);
        BigInteger mag = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        mag = mag.shiftLeft(1).setBit(0); // never exact: a sticky bit below
        F80.finish(neg, mag, (long) k - 1, 64, e);
        return e;
    }

    static Env one(Env e, boolean neg) {
        return e.result((neg ? 0x8000 : 0) | F80.BIAS, 0x8000_0000_0000_0000L);
    }

    // ---------------------------------------------------------------- series

    private static BigDecimal computePi() {
        // Machin: pi = 16 atan(1/5) - 4 atan(1/239)
        BigDecimal a = atanSmall(BigDecimal.ONE.divide(BigDecimal.valueOf(5), WIDE), WIDE);
        BigDecimal b = atanSmall(BigDecimal.ONE.divide(BigDecimal.valueOf(239), WIDE), WIDE);
        return a.multiply(BigDecimal.valueOf(16)).subtract(b.multiply(BigDecimal.valueOf(4)), WIDE);
    }

    /** atan(x) = x - x^3/3 + x^5/5 ... for |x| well below 1. */
    private static BigDecimal atanSmall(BigDecimal x, MathContext mc) {
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0 && n < 2000; n++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), mc), mc);
        }
        return sum;
    }

    /** atanh(z) = z + z^3/3 + z^5/5 ... (|z| < 1/2 here). */
    static BigDecimal atanhSeries(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(70).multiply(z.abs());
        for (int n = 1; term.abs().compareTo(eps) > 0 && n < 4000; n++) {
            term = term.multiply(z2, MC);
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), MC), MC);
        }
        return sum;
    }

    /** ln(x) for x > 0: x = m * 2^k with m in [1, 2), ln m = 2 atanh((m - 1) / (m + 1)). */
    static BigDecimal ln(BigDecimal x) {
        int k = 0;
        BigDecimal m = x;
        int approx = (int) Math.floor((x.precision() - x.scale() - 1) * 3.3219280948873626);
        if (approx > 2 || approx < -2) {
            k = approx;
            m = k >= 0 ? x.divide(TWO.pow(k, MC), MC) : x.multiply(TWO.pow(-k, MC), MC);
        }
        while (m.compareTo(TWO) >= 0) {
            m = m.divide(TWO, MC);
            k++;
        }
        while (m.compareTo(BigDecimal.ONE) < 0) {
            m = m.multiply(TWO, MC);
            k--;
        }
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        return atanhSeries(z).multiply(TWO, MC).add(LN2.multiply(BigDecimal.valueOf(k), MC), MC);
    }

    /** e^y - 1 by its series, so small y keep their relative precision. */
    static BigDecimal expm1(BigDecimal y) {
        // reduce: e^y = (e^(y / 2^n))^2^n with |y / 2^n| < 1/16
        int n = 0;
        BigDecimal t = y;
        while (t.abs().compareTo(BigDecimal.valueOf(0.0625)) > 0) {
            t = t.divide(TWO, MC);
            n++;
        }
        BigDecimal term = t;
        BigDecimal sum = t;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(70).multiply(t.abs());
        for (int k = 2; term.abs().compareTo(eps) > 0 && k < 200; k++) {
            term = term.multiply(t, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        // expm1(2a) = expm1(a) * (expm1(a) + 2)
        for (int i = 0; i < n; i++) {
            sum = sum.multiply(sum.add(TWO), MC);
        }
        return sum;
    }

    /** atan(x) for any x. */
    static BigDecimal atan(BigDecimal x) {
        boolean neg = x.signum() < 0;
        BigDecimal t = x.abs();
        boolean inverted = t.compareTo(BigDecimal.ONE) > 0;
        if (inverted) {
            t = BigDecimal.ONE.divide(t, MC);
        }
        // atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))), twice: |t| <= tan(pi/16)
        for (int i = 0; i < 2; i++) {
            t = t.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(t.multiply(t, MC)).sqrt(MC)), MC);
        }
        BigDecimal a = atanSmall(t, MC).multiply(BigDecimal.valueOf(4), MC);
        if (inverted) {
            a = PI.divide(TWO, MC).subtract(a, MC);
        }
        return neg ? a.negate() : a;
    }

    /** sin(x) and cos(x) for |x| <= pi/4 by their series. */
    private static BigDecimal[] sinCosSmall(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal sin = x;
        BigDecimal cos = BigDecimal.ONE;
        BigDecimal ts = x;
        BigDecimal tc = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(75);
        for (int k = 1; k < 200 && (ts.abs().compareTo(eps) > 0 || tc.abs().compareTo(eps) > 0); k++) {
            ts = ts.multiply(x2, MC).divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), MC).negate();
            tc = tc.multiply(x2, MC).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC).negate();
            sin = sin.add(ts, MC);
            cos = cos.add(tc, MC);
        }
        return new BigDecimal[] {sin, cos};
    }

    /** {sin x, cos x}: x reduced modulo pi/2 with 110 digits of pi, exact enough for |x| < 2^63. */
    static BigDecimal[] sinCos(BigDecimal x) {
        BigDecimal halfPi = PI_WIDE.divide(TWO, WIDE);
        BigDecimal q = x.divide(halfPi, WIDE).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal rdc = x.subtract(q.multiply(halfPi, WIDE), WIDE).round(MC);
        BigDecimal[] sc = sinCosSmall(rdc);
        int quadrant = q.toBigInteger().mod(BigInteger.valueOf(4)).intValue();
        return switch (quadrant) {
            case 0 -> sc;
            case 1 -> new BigDecimal[] {sc[1], sc[0].negate()};
            case 2 -> new BigDecimal[] {sc[0].negate(), sc[1].negate()};
            default -> new BigDecimal[] {sc[1].negate(), sc[0]};
        };
    }

    // ---------------------------------------------------------------- the instructions

    /** F2XM1: 2^x - 1 (the SDM defines it for -1 <= x <= 1; it is computed for any finite x). */
    static void f2xm1(int se, long m, Env e) {
        if (F80.isUnsupported(se, m)) {
            e.indefinite();
        } else if (F80.isNaN(se, m)) {
            F80.propagate1(se, m, e);
        } else if (F80.isInf(se, m)) {
            if (F80.sign(se)) {
                one(e, true);
            } else {
                e.result(se, m);
            }
        } else if (F80.isZero(se, m)) {
            e.result(se, m);
        } else {
            if (F80.isDenormal(se, m)) {
                e.flags |= F80.DE;
            }
            // the SDM defines F2XM1 for |x| <= 1; beyond it the result is 2^x - 1 while that
            // stays cheap to evaluate, then -1 or an overflow (the hardware's is undefined)
            int unbiased = F80.exp(se) - F80.BIAS;
            if (unbiased >= 14) {
                if (F80.sign(se)) {
                    round(BigDecimal.ONE.negate().add(TWO.pow(-80, MC), MC), e);
                } else {
                    F80.finish(false, BigInteger.ONE, 1L << 20, 64, e);
                }
            } else {
                round(expm1(decimal(se, m).multiply(LN2, MC)), e);
            }
        }
    }

    /** An operation of ST0 (x) and ST1 (y) whose result replaces ST1, then a pop. */
    interface Fn2 {
        void apply(int sx, long mx, int sy, long my, Env e);
    }

    /** FYL2X, FYL2XP1, FPATAN: ST1 = f(ST0, ST1), pop. */
    private static void intoSt1AndPop(long[] r, Fn2 f) {
        if (X87Ops.empty(r, 0) || X87Ops.empty(r, 1)) {
            if (X87Ops.stackFault(r, false)) {
                X87Ops.set(r, 1, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                X87Ops.pop(r);
            }
            return;
        }
        Env e = X87Ops.env(r);
        f.apply(X87Ops.se(r, 0), X87Ops.m(r, 0), X87Ops.se(r, 1), X87Ops.m(r, 1), e);
        if (X87Ops.raise(r, e)) {
            X87Ops.set(r, 1, e.se, e.m);
            X87Ops.pop(r);
        }
    }

    private static final long INF_M = 0x8000_0000_0000_0000L;

    /** y * log2(x) (FYL2X) or y * log2(x + 1) (FYL2XP1), with the SDM's special cases. */
    static void log(int sx, long mx, int sy, long my, boolean plusOne, Env e) {
        if (F80.specials2(sx, mx, sy, my, e)) {
            return;
        }
        BigDecimal x = F80.isInf(sx, mx) ? null : decimal(sx, mx);
        // the sign and kind of log2(x [+ 1]): -1 negative, 0 zero, 1 positive, with infinities
        BigDecimal arg = x == null ? null : plusOne ? x.add(BigDecimal.ONE) : x;
        boolean yInf = F80.isInf(sy, my);
        boolean yZero = F80.isZero(sy, my);
        boolean ySign = F80.sign(sy);
        if (x == null) {
            if (F80.sign(sx) || yZero) {
                e.indefinite();
            } else {
                e.result((ySign ? 0x8000 : 0) | F80.EXP_MAX, INF_M);
            }
            return;
        }
        int c = arg.signum();
        if (c < 0 || plusOne && arg.signum() == 0) {
            e.indefinite();
            return;
        }
        if (c == 0) { // log2(0) = -inf
            if (yZero) {
                e.indefinite();
            } else {
                e.flags |= F80.ZE;
                e.result((ySign ? 0 : 0x8000) | F80.EXP_MAX, INF_M);
            }
            return;
        }
        int lc = plusOne ? x.signum() : arg.compareTo(BigDecimal.ONE);
        if (lc == 0) { // log2 is zero (an exact +0, or -0 for FYL2XP1 of -0)
            if (yInf) {
                e.indefinite();
            } else {
                boolean zeroNeg = plusOne ? F80.sign(sx) : false;
                e.result((ySign != zeroNeg ? 0x8000 : 0), 0);
            }
            return;
        }
        if (yInf) {
            e.result(((ySign != (lc < 0)) ? 0x8000 : 0) | F80.EXP_MAX, INF_M);
            return;
        }
        if (yZero) {
            e.result((ySign != (lc < 0)) ? 0x8000 : 0, 0);
            return;
        }
        BigDecimal l = plusOne ? atanhSeries(x.divide(TWO.add(x), MC)).multiply(TWO, MC) : ln(arg);
        round(l.divide(LN2, MC).multiply(decimal(sy, my), MC), e);
    }

    /** atan2(y, x) (FPATAN, ST1 = y), with the SDM's special cases for zeros and infinities. */
    static void atan2(int sy, long my, int sx, long mx, Env e) {
        if (F80.specials2(sx, mx, sy, my, e)) {
            return;
        }
        boolean yNeg = F80.sign(sy);
        boolean xNeg = F80.sign(sx);
        BigDecimal a;
        if (F80.isZero(sy, my)) {
            if (!xNeg) {
                e.result(yNeg ? 0x8000 : 0, 0);
                return;
            }
            a = PI;
        } else if (F80.isInf(sy, my)) {
            a = F80.isInf(sx, mx) ? PI.multiply(BigDecimal.valueOf(xNeg ? 0.75 : 0.25), MC) : PI.divide(TWO, MC);
        } else if (F80.isInf(sx, mx)) {
            if (!xNeg) {
                e.result(yNeg ? 0x8000 : 0, 0);
                return;
            }
            a = PI;
        } else if (F80.isZero(sx, mx)) {
            a = PI.divide(TWO, MC);
        } else {
            BigDecimal y = decimal(sy, my).abs();
            BigDecimal x = decimal(sx, mx);
            a = atan(y.divide(x.abs(), MC));
            if (xNeg) {
                a = PI.subtract(a, MC);
            }
        }
        round(yNeg ? a.negate() : a, e);
    }

    /** FSIN (0), FCOS (1), FPTAN (2: tan, then push 1.0), FSINCOS (3: sin in ST0's place, then push cos). */
    private static void trig(long[] r, int kind) {
        if (X87Ops.empty(r, 0)) {
            if (X87Ops.stackFault(r, false)) {
                X87Ops.set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                if (kind >= 2) {
                    X87Ops.push(r, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                }
            }
            return;
        }
        if (kind >= 2 && !X87Ops.empty(r, 7)) {
            if (X87Ops.stackFault(r, true)) {
                X87Ops.set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                X87Ops.push(r, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            return;
        }
        int se = X87Ops.se(r, 0);
        long m = X87Ops.m(r, 0);
        Env e = X87Ops.env(r);
        Env e2 = X87Ops.env(r);
        if (F80.isUnsupported(se, m) || F80.isInf(se, m)) {
            e.indefinite();
            e2.result(F80.INDEFINITE_SE, F80.INDEFINITE_M);
        } else if (F80.isNaN(se, m)) {
            F80.propagate1(se, m, e);
            e2.result(e.se, e.m);
        } else {
            BigDecimal x = decimal(se, m);
            if (x.abs().compareTo(TWO_63) >= 0) {
                r[FSW] |= C2; // out of range: the operand stays, nothing is pushed
                return;
            }
            if (F80.isDenormal(se, m)) {
                e.flags |= F80.DE;
            }
            if (F80.isZero(se, m)) {
                if (kind == 1) {
                    one(e, false);
                } else {
                    e.result(se, m);
                }
                one(e2, false); // FPTAN pushes 1.0, FSINCOS cos 0 = 1.0
            } else {
                BigDecimal[] sc = sinCos(x);
                switch (kind) {
                    case 0 -> round(sc[0], e);
                    case 1 -> round(sc[1], e);
                    case 2 -> {
                        round(sc[0].divide(sc[1], MC), e);
                        one(e2, false);
                    }
                    default -> {
                        round(sc[0], e);
                        round(sc[1], e2);
                    }
                }
            }
        }
        if (kind == 3) {
            // the cosine is pushed last: its rounding decides C1; both flag sets count
            e2.flags |= e.flags;
            if (!X87Ops.raise(r, e2)) {
                return;
            }
        } else if (!X87Ops.raise(r, e)) {
            return;
        }
        r[FSW] &= ~C2;
        X87Ops.set(r, 0, e.se, e.m);
        if (kind >= 2) {
            X87Ops.push(r, e2.se, e2.m);
        }
    }
}

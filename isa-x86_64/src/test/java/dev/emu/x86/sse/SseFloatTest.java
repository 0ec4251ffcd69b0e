package dev.emu.x86.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.sse.SseFloat.Env;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The FP engine on its own, against Java's arithmetic and exact BigDecimal values: both the
 * fast path and the exact path (directed rounding always takes the exact one), so the two
 * agree where a host oracle is missing.
 */
class SseFloatTest {
    static final int MXCSR_RN = 0x1F80;

    static double randomDouble(Random r) {
        return Double.longBitsToDouble((r.nextLong() & 0x800F_FFFF_FFFF_FFFFL) | (long) (1023 - 40 + r.nextInt(80)) << 52);
    }

    static BigDecimal exact(char op, double a, double b) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        return switch (op) {
            case '+' -> x.add(y);
            case '*' -> x.multiply(y);
            default -> x.divide(y, new MathContext(400));
        };
    }

    static long run(char op, double a, double b, int mxcsr, Env e) {
        long x = Double.doubleToRawLongBits(a);
        long y = Double.doubleToRawLongBits(b);
        return switch (op) {
            case '+' -> SseFloat.add(SseFloat.DOUBLE, x, y, false, e);
            case '*' -> SseFloat.mul(SseFloat.DOUBLE, x, y, e);
            default -> SseFloat.div(SseFloat.DOUBLE, x, y, e);
        };
    }

    @Test
    void roundToNearestMatchesJavaAndPrecisionIsExact() {
        Random r = new Random(6);
        for (int k = 0; k < 20000; k++) {
            double a = randomDouble(r);
            double b = randomDouble(r);
            char op = "+*/".charAt(k % 3);
            Env e = new Env(MXCSR_RN);
            double got = Double.longBitsToDouble(run(op, a, b, MXCSR_RN, e));
            double want = op == '+' ? a + b : op == '*' ? a * b : a / b;
            assertThat(got).as("%s %s %s", a, op, b).isEqualTo(want);
            boolean inexact = exact(op, a, b).compareTo(new BigDecimal(want)) != 0;
            assertThat(e.flags).as("%s %s %s", a, op, b).isEqualTo(inexact ? SseFloat.PE : 0);
        }
    }

    @Test
    void directedModesBracketTheExactValue() {
        Random r = new Random(7);
        for (int k = 0; k < 5000; k++) {
            double a = randomDouble(r);
            double b = randomDouble(r);
            char op = "+*/".charAt(k % 3);
            int down = MXCSR_RN | 1 << 13;
            int up = MXCSR_RN | 2 << 13;
            int zero = MXCSR_RN | 3 << 13;
            double lo = Double.longBitsToDouble(run(op, a, b, down, new Env(down)));
            double hi = Double.longBitsToDouble(run(op, a, b, up, new Env(up)));
            double tz = Double.longBitsToDouble(run(op, a, b, zero, new Env(zero)));
            BigDecimal x = exact(op, a, b);
            assertThat(new BigDecimal(lo).compareTo(x)).isLessThanOrEqualTo(0);
            assertThat(new BigDecimal(hi).compareTo(x)).isGreaterThanOrEqualTo(0);
            assertThat(hi == lo || Math.nextUp(lo) == hi).as("%s %s %s: %s %s", a, op, b, lo, hi).isTrue();
            assertThat(tz).isEqualTo(x.signum() < 0 ? hi : lo);
        }
    }

    @Test
    void underflowFlushAndOverflow() {
        long tiny = Double.doubleToRawLongBits(0x1p-1000);
        long big = Double.doubleToRawLongBits(0x1p1000);
        // 2^-1000 * 2^-60 is a denormal, exact: no UE when masked; with FTZ a zero with UE and PE
        Env e = new Env(MXCSR_RN);
        long half = Double.doubleToRawLongBits(0x1p-60);
        assertThat(SseFloat.mul(SseFloat.DOUBLE, tiny, half, e)).isEqualTo(Double.doubleToRawLongBits(0x1p-1060));
        assertThat(e.flags).isZero();
        e = new Env(MXCSR_RN | SseFloat.FTZ);
        assertThat(SseFloat.mul(SseFloat.DOUBLE, tiny, half, e)).isZero();
        assertThat(e.flags).isEqualTo(SseFloat.UE | SseFloat.PE);
        // overflow: infinity to nearest, the largest finite toward zero
        e = new Env(MXCSR_RN);
        assertThat(Double.longBitsToDouble(SseFloat.mul(SseFloat.DOUBLE, big, big, e))).isInfinite();
        assertThat(e.flags).isEqualTo(SseFloat.OE | SseFloat.PE);
        e = new Env(MXCSR_RN | 3 << 13);
        assertThat(Double.longBitsToDouble(SseFloat.mul(SseFloat.DOUBLE, big, big, e))).isEqualTo(Double.MAX_VALUE);
        // DAZ: a denormal operand reads as zero without DE; without DAZ it raises DE
        long denormal = 1;
        e = new Env(MXCSR_RN);
        SseFloat.add(SseFloat.DOUBLE, denormal, Double.doubleToRawLongBits(1.0), false, e);
        assertThat(e.flags & SseFloat.DE).isEqualTo(SseFloat.DE);
        e = new Env(MXCSR_RN | SseFloat.DAZ);
        assertThat(SseFloat.add(SseFloat.DOUBLE, denormal, Double.doubleToRawLongBits(1.0), false, e))
                .isEqualTo(Double.doubleToRawLongBits(1.0));
        assertThat(e.flags).isZero();
    }

    /** The exact path's answer for the value mag * 2^exp with the given sign (what the shortcuts skip). */
    private static long exactRound(SseFloat.Fmt f, boolean neg, java.math.BigInteger mag, int exp, int mxcsr, Env e) {
        return SseFloat.round(f, neg, mag, exp, false, e);
    }

    @Test
    void integerConversionShortcutMatchesTheExactPath() {
        Random r = new Random(8);
        for (SseFloat.Fmt f : new SseFloat.Fmt[] {SseFloat.SINGLE, SseFloat.DOUBLE}) {
            long limit = 1L << (f == SseFloat.SINGLE ? 24 : 53);
            long[] edges = {1, -1, limit - 1, limit, limit + 1, -limit, -limit - 1, Long.MIN_VALUE, Long.MAX_VALUE,
                Integer.MIN_VALUE, Integer.MAX_VALUE};
            for (int k = 0; k < 4000 + edges.length; k++) {
                long v = k < edges.length ? edges[k] : k % 2 == 0 ? r.nextInt() : r.nextLong() >> r.nextInt(64);
                if (v == 0) {
                    continue;
                }
                for (int rc = 0; rc < 4; rc++) {
                    int mxcsr = MXCSR_RN | rc << 13;
                    Env fast = new Env(mxcsr);
                    Env exact = new Env(mxcsr);
                    long want = exactRound(f, v < 0, java.math.BigInteger.valueOf(v).abs(), 0, mxcsr, exact);
                    assertThat(SseFloat.fromInt(f, v, fast)).as("%d rc %d", v, rc).isEqualTo(want);
                    assertThat(fast.flags).as("%d rc %d", v, rc).isEqualTo(exact.flags);
                }
            }
        }
    }

    @Test
    void addingZeroShortcutMatchesTheExactPath() {
        Random r = new Random(9);
        for (SseFloat.Fmt f : new SseFloat.Fmt[] {SseFloat.SINGLE, SseFloat.DOUBLE}) {
            for (int k = 0; k < 4000; k++) {
                // normals, denormals (which the shortcut leaves to the exact path) and the extremes
                long x = f.bits(r.nextLong());
                if (k % 4 == 0) {
                    x &= ~f.expMask;
                }
                if (f.isNaN(x) || f.isInf(x) || f.isZero(x)) {
                    continue;
                }
                long zero = r.nextBoolean() ? 0 : f.signBit;
                for (int rc = 0; rc < 4; rc++) {
                    for (int ftz : new int[] {0, SseFloat.FTZ}) {
                        int mxcsr = MXCSR_RN | rc << 13 | ftz;
                        Env exact = new Env(mxcsr);
                        SseFloat.denormal(f, x, exact);
                        long want = exactRound(f, f.neg(x), java.math.BigInteger.valueOf(f.mag(x)), f.exp(x), mxcsr, exact);
                        Env e1 = new Env(mxcsr);
                        assertThat(SseFloat.add(f, x, zero, false, e1)).as("%x + 0, mxcsr %x", x, mxcsr).isEqualTo(want);
                        assertThat(e1.flags).isEqualTo(exact.flags);
                        Env e2 = new Env(mxcsr);
                        assertThat(SseFloat.add(f, zero, x, false, e2)).as("0 + %x, mxcsr %x", x, mxcsr).isEqualTo(want);
                        assertThat(e2.flags).isEqualTo(exact.flags);
                    }
                }
            }
        }
    }
}

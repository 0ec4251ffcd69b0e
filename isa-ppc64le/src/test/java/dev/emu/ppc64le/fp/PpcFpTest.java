package dev.emu.ppc64le.fp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.ppc64le.fp.PpcFp.Status;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link PpcFp} against an independent reference: the exact result in BigDecimal, rounded to
 * double or single by finding its two neighbours and picking per rounding mode; FI must say
 * inexact and FR that the magnitude went up. Covers the Java fast path (round to nearest,
 * normal operands) and the exact path (other modes, single precision, denormals).
 */
class PpcFpTest {
    private interface Exact {
        BigDecimal apply(BigDecimal a, BigDecimal b, BigDecimal c);
    }

    private interface Op {
        long apply(Status st, long a, long b, long c, int fmt);
    }

    private static double randomDouble(Random r) {
        return switch (r.nextInt(9)) {
            case 0, 5, 6 -> r.nextGaussian() * Math.pow(2, r.nextInt(200) - 100);
            case 1, 7 -> Math.scalb(1 + r.nextDouble(), r.nextInt(120) - 60) * (r.nextBoolean() ? 1 : -1);
            case 2 -> r.nextInt(2000) - 1000;
            case 3 -> (float) (r.nextGaussian() * 1000);
            default -> Double.MIN_VALUE * r.nextInt(1 << 20) * (r.nextBoolean() ? 1 : -1);
        };
    }

    /** The value of {@code exact} rounded to double (single when {@code single}) in FPSCR mode {@code mode}. */
    static double reference(BigDecimal exact, int mode, boolean single) {
        double c = single ? exact.floatValue() : exact.doubleValue();
        double below = c, above = c;
        while (new BigDecimal(below).compareTo(exact) > 0) {
            below = single ? Math.nextDown((float) below) : Math.nextDown(below);
        }
        while (new BigDecimal(above).compareTo(exact) < 0) {
            above = single ? Math.nextUp((float) above) : Math.nextUp(above);
        }
        if (new BigDecimal(below).compareTo(exact) == 0) {
            return below;
        }
        if (new BigDecimal(above).compareTo(exact) == 0) {
            return above;
        }
        return switch (mode) {
            case PpcFp.ZERO -> exact.signum() > 0 ? below : above;
            case PpcFp.UP -> above;
            case PpcFp.DOWN -> below;
            default -> {
                int cmp = exact.subtract(new BigDecimal(below)).compareTo(new BigDecimal(above).subtract(exact));
                if (cmp != 0) {
                    yield cmp < 0 ? below : above;
                }
                long bits = single ? Float.floatToRawIntBits((float) below) : Double.doubleToRawLongBits(below);
                yield (bits & 1) == 0 ? below : above;
            }
        };
    }

    private static void check(String name, Op op, Exact exact, int operands) {
        Random r = new Random(name.hashCode());
        int checked = 0;
        for (int i = 0; i < 1500; i++) {
            double a = randomDouble(r), b = randomDouble(r), c = randomDouble(r);
            BigDecimal e = exact.apply(new BigDecimal(a), new BigDecimal(b), new BigDecimal(c));
            double limit = Float.MAX_VALUE;
            if (e.signum() == 0 || e.abs().compareTo(new BigDecimal(limit)) > 0) {
                continue; // exact zeros have their own sign rules; no overflow here
            }
            int mode = r.nextInt(4);
            boolean single = r.nextInt(3) == 0;
            Status st = new Status(mode);
            long got = op.apply(st, Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b),
                    Double.doubleToRawLongBits(c), single ? PpcFp.SINGLE : PpcFp.DOUBLE);
            double want = reference(e, mode, single);
            String what = String.format("%s(%a, %a, %a) mode %d %s", name, a, b, c, mode, single ? "single" : "double");
            assertThat(Double.longBitsToDouble(got)).as(what).isEqualTo(want);
            boolean inexact = new BigDecimal(want).compareTo(e) != 0;
            assertThat(st.inexact).as(what + " FI").isEqualTo(inexact);
            assertThat(st.incremented).as(what + " FR").isEqualTo(inexact && new BigDecimal(want).abs().compareTo(e.abs()) > 0);
            checked++;
        }
        assertThat(checked).isGreaterThan(700);
    }

    @Test
    void addSubtractMultiplyAndFusedMultiplyAddRoundLikeTheReference() {
        check("add", (st, a, b, c, f) -> PpcFp.add(st, a, b, f), (a, b, c) -> a.add(b), 2);
        check("sub", (st, a, b, c, f) -> PpcFp.sub(st, a, b, f), (a, b, c) -> a.subtract(b), 2);
        check("mul", (st, a, b, c, f) -> PpcFp.mul(st, a, b, f), (a, b, c) -> a.multiply(b), 2);
        check("fma", (st, a, b, c, f) -> PpcFp.fma(st, a, b, c, false, false, f), (a, b, c) -> a.multiply(b).add(c), 3);
        check("fms", (st, a, b, c, f) -> PpcFp.fma(st, a, b, c, true, false, f), (a, b, c) -> a.multiply(b).subtract(c), 3);
    }

    @Test
    void divideAndSquareRootAgreeWithJavaInRoundToNearest() {
        Random r = new Random(5);
        for (int i = 0; i < 10000; i++) {
            double a = randomDouble(r), b = randomDouble(r);
            if (Double.isNaN(a / b) || Float.isNaN((float) a / (float) b)) {
                continue; // NaN bits differ from Java's by design (the default QNaN)
            }
            Status st = new Status(PpcFp.NEAREST);
            assertThat(Double.longBitsToDouble(PpcFp.div(st, Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b),
                    PpcFp.DOUBLE))).as("%a / %a", a, b).isEqualTo(a / b);
            st = new Status(PpcFp.NEAREST);
            assertThat(Double.longBitsToDouble(PpcFp.sqrt(st, Double.doubleToRawLongBits(Math.abs(a)), PpcFp.DOUBLE)))
                    .isEqualTo(Math.sqrt(Math.abs(a)));
            st = new Status(PpcFp.NEAREST);
            float fa = (float) a, fb = (float) b;
            assertThat(Double.longBitsToDouble(PpcFp.div(st, Double.doubleToRawLongBits(fa), Double.doubleToRawLongBits(fb),
                    PpcFp.SINGLE))).as("%a / %a single", fa, fb).isEqualTo((double) (fa / fb));
        }
    }

    @Test
    void specialValues() {
        Status st = new Status(PpcFp.NEAREST);
        long inf = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), ninf = inf | Long.MIN_VALUE;
        assertThat(PpcFp.add(st, inf, ninf, PpcFp.DOUBLE)).isEqualTo(PpcFp.DEFAULT_NAN);
        assertThat(st.exc & Fpscr.VXISI).isNotZero();
        st = new Status(PpcFp.NEAREST);
        long snan = 0x7FF0_0000_0000_0001L, qnan = 0xFFF8_0000_0000_0002L;
        assertThat(PpcFp.add(st, qnan, snan, PpcFp.DOUBLE)).as("FRA's NaN first").isEqualTo(qnan);
        assertThat(st.exc & Fpscr.VXSNAN).isNotZero();
        st = new Status(PpcFp.DOWN);
        long one = Double.doubleToRawLongBits(1.0);
        assertThat(PpcFp.sub(st, one, one, PpcFp.DOUBLE)).as("x - x rounding down is -0").isEqualTo(Long.MIN_VALUE);
        st = new Status(PpcFp.NEAREST);
        long tiny = Double.doubleToRawLongBits(0x1p-1070);
        PpcFp.mul(st, tiny, Double.doubleToRawLongBits(0.3), PpcFp.DOUBLE);
        assertThat(st.exc & (Fpscr.UX | Fpscr.XX)).as("tiny and inexact: UX").isEqualTo(Fpscr.UX | Fpscr.XX);
        st = new Status(PpcFp.ZERO);
        long big = Double.doubleToRawLongBits(Double.MAX_VALUE);
        assertThat(PpcFp.add(st, big, big, PpcFp.DOUBLE)).as("overflow toward zero: the largest finite").isEqualTo(big);
        assertThat(st.exc & (Fpscr.OX | Fpscr.XX)).isEqualTo(Fpscr.OX | Fpscr.XX);
    }
}

package dev.emu.x86.sse;

import dev.emu.x86.sse.SseFloat.Env;
import dev.emu.x86.sse.SseFloat.Fmt;

/**
 * The fast path of {@link SseFloat}: round to nearest, finite non-zero operands, a result
 * comfortably inside the normal range (so neither FTZ nor underflow nor overflow can apply).
 * Java's arithmetic is IEEE round-to-nearest-even; PE comes from an exact error term (two-sum
 * for sums, an FMA residual for products, quotients and roots). Single precision is computed
 * in double, which rounds +, -, *, / and sqrt of floats correctly (53 >= 2 * 24 + 2).
 * Anything else returns {@link #NONE} and the exact path runs.
 */
final class SseFast {
    private SseFast() {}

    /** Never a result here: the fast path returns no NaN. */
    static final long NONE = 0x7FF0_DEAD_0000_0001L;

    /** Error terms stay exact (no underflow) above this magnitude. */
    private static final double SAFE = 0x1p-900;

    private static boolean usable(Env e) {
        return e.rc() == SseFloat.RN;
    }

    private static double d(long v) {
        return Double.longBitsToDouble(v);
    }

    private static double s(long v) {
        return Float.intBitsToFloat((int) v);
    }

    /** The float nearest d, when it is normal and finite; PE if it or d was inexact. */
    private static long single(double d, boolean inexact, Env e) {
        float r = (float) d;
        if (Float.isInfinite(r) || Math.abs(r) <= Float.MIN_NORMAL) {
            return NONE;
        }
        if (inexact || r != d) {
            e.flags |= SseFloat.PE;
        }
        return Float.floatToRawIntBits(r) & 0xFFFF_FFFFL;
    }

    private static long dbl(double r, boolean inexact, Env e) {
        if (Double.isInfinite(r) || Math.abs(r) <= SAFE) {
            return NONE;
        }
        if (inexact) {
            e.flags |= SseFloat.PE;
        }
        return Double.doubleToRawLongBits(r);
    }

    static long add(Fmt f, long a, long b, Env e) {
        if (!usable(e)) {
            return NONE;
        }
        double x = f == SseFloat.SINGLE ? s(a) : d(a);
        double y = f == SseFloat.SINGLE ? s(b) : d(b);
        double sum = x + y;
        double bb = sum - x;
        double err = (x - (sum - bb)) + (y - bb);
        if (f == SseFloat.SINGLE) {
            return single(sum, err != 0, e);
        }
        if (Math.abs(x) <= SAFE || Math.abs(y) <= SAFE) {
            return NONE;
        }
        return dbl(sum, err != 0, e);
    }

    static long mul(Fmt f, long a, long b, Env e) {
        if (!usable(e)) {
            return NONE;
        }
        if (f == SseFloat.SINGLE) {
            return single(s(a) * s(b), false, e);
        }
        double p = d(a) * d(b);
        if (Math.abs(p) <= SAFE) {
            return NONE;
        }
        return dbl(p, Math.fma(d(a), d(b), -p) != 0, e);
    }

    static long div(Fmt f, long a, long b, Env e) {
        if (!usable(e)) {
            return NONE;
        }
        if (f == SseFloat.SINGLE) {
            double q = s(a) / s(b);
            return single(q, Math.fma(-q, s(b), s(a)) != 0, e);
        }
        double x = d(a);
        double y = d(b);
        double q = x / y;
        if (Math.abs(x) <= SAFE || Math.abs(q) <= SAFE || Double.isInfinite(q)) {
            return NONE;
        }
        return dbl(q, Math.fma(-q, y, x) != 0, e);
    }

    static long sqrt(Fmt f, long a, Env e) {
        if (!usable(e)) {
            return NONE;
        }
        if (f == SseFloat.SINGLE) {
            double r = Math.sqrt(s(a));
            return single(r, Math.fma(-r, r, s(a)) != 0, e);
        }
        double x = d(a);
        if (x <= SAFE) {
            return NONE;
        }
        double r = Math.sqrt(x);
        return dbl(r, Math.fma(-r, r, x) != 0, e);
    }
}

package dev.emu.core.rt.armfp;

import static dev.emu.core.rt.armfp.Fp.D;
import static dev.emu.core.rt.armfp.Fp.IXC;
import static dev.emu.core.rt.armfp.Fp.S;

import dev.emu.core.cpu.CpuState;

/**
 * The arithmetic entry points: a fast path on Java doubles when FPCR asks for round to
 * nearest even without flush-to-zero and the result is a normal number comfortably inside
 * the range (so overflow, underflow and NaN rules cannot apply), with IXC computed from exact
 * error terms (two-sum for sums; fma for products, quotients and roots); otherwise the exact
 * {@link Fp} path. Binary32 goes through binary64, where +, -, *, / and sqrt of binary32
 * operands round once correctly (53 >= 2 * 24 + 2).
 */
public final class FpFast {
    private FpFast() {}

    /** FPCR bits that leave the fast path: RMode and FZ. */
    private static final long SLOW_FPCR = 3L << Fp.RMODE_SHIFT | Fp.FPCR_FZ;
    private static final double LOW = 0x1p-900, HIGH = 0x1p900;

    private static boolean fast(CpuState s) {
        return (s.regs[s.registerFile.fpControlSlot] & SLOW_FPCR) == 0;
    }

    private static boolean safeD(double r) {
        double a = Math.abs(r);
        return a >= LOW && a <= HIGH;
    }

    private static boolean safeS(float r) {
        float a = Math.abs(r);
        return a > Float.MIN_NORMAL && a <= Float.MAX_VALUE;
    }

    private static void inexact(CpuState s) {
        s.regs[s.registerFile.fpStatusSlot] |= IXC;
    }

    private static double dd(long x) {
        return Double.longBitsToDouble(x);
    }

    private static double fd(long x) {
        return Float.intBitsToFloat((int) x);
    }

    private static long sbits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    /** Error of x + y = r, exactly (Knuth's two-sum). */
    private static double twoSumErr(double x, double y, double r) {
        double bb = r - x;
        return (x - (r - bb)) + (y - bb);
    }

    public static long add(CpuState s, long x, long y, int fmt) {
        if (fast(s)) {
            if (fmt == D) {
                double a = dd(x), b = dd(y), r = a + b;
                if (safeD(r)) {
                    if (twoSumErr(a, b, r) != 0) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(r);
                }
            } else if (fmt == S) {
                double a = fd(x), b = fd(y), r = a + b;
                float f = (float) r;
                if (safeS(f)) {
                    if (f != r || twoSumErr(a, b, r) != 0) {
                        inexact(s);
                    }
                    return sbits(f);
                }
            }
        }
        return Fp.add(s, x, y, fmt);
    }

    public static long sub(CpuState s, long x, long y, int fmt) {
        if (fast(s) && fmt != Fp.H) {
            return addFastOnly(s, x, Fp.neg(y, fmt), fmt, y);
        }
        return Fp.sub(s, x, y, fmt);
    }

    private static long addFastOnly(CpuState s, long x, long ny, int fmt, long y) {
        if (fmt == D) {
            double a = dd(x), b = dd(ny), r = a + b;
            if (safeD(r)) {
                if (twoSumErr(a, b, r) != 0) {
                    inexact(s);
                }
                return Double.doubleToRawLongBits(r);
            }
        } else {
            double a = fd(x), b = fd(ny), r = a + b;
            float f = (float) r;
            if (safeS(f)) {
                if (f != r || twoSumErr(a, b, r) != 0) {
                    inexact(s);
                }
                return sbits(f);
            }
        }
        return Fp.sub(s, x, y, fmt);
    }

    public static long mul(CpuState s, long x, long y, int fmt) {
        if (fast(s)) {
            if (fmt == D) {
                double a = dd(x), b = dd(y), r = a * b;
                if (safeD(r) && safeD(a) && safeD(b)) {
                    if (Math.fma(a, b, -r) != 0) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(r);
                }
            } else if (fmt == S) {
                double r = fd(x) * fd(y); // exact
                float f = (float) r;
                if (safeS(f)) {
                    if (f != r) {
                        inexact(s);
                    }
                    return sbits(f);
                }
            }
        }
        return Fp.mul(s, x, y, fmt);
    }

    public static long div(CpuState s, long x, long y, int fmt) {
        if (fast(s)) {
            if (fmt == D) {
                double a = dd(x), b = dd(y), r = a / b;
                if (safeD(r) && safeD(a) && safeD(b)) {
                    if (Math.fma(r, b, -a) != 0) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(r);
                }
            } else if (fmt == S) {
                double a = fd(x), b = fd(y);
                float f = (float) (a / b);
                if (safeS(f) && b != 0) {
                    if (Math.fma(f, b, -a) != 0) {
                        inexact(s);
                    }
                    return sbits(f);
                }
            }
        }
        return Fp.div(s, x, y, fmt);
    }

    public static long sqrt(CpuState s, long x, int fmt) {
        if (fast(s)) {
            if (fmt == D) {
                double a = dd(x);
                if (safeD(a) && a > 0) {
                    double r = Math.sqrt(a);
                    if (Math.fma(r, r, -a) != 0) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(r);
                }
            } else if (fmt == S) {
                double a = fd(x);
                if (a > 0 && !Double.isInfinite(a)) {
                    float f = (float) Math.sqrt(a);
                    if (safeS(f)) {
                        if ((double) f * f != a) {
                            inexact(s);
                        }
                        return sbits(f);
                    }
                }
            }
        }
        return Fp.sqrt(s, x, fmt);
    }

    /**
     * addend + x * y, one rounding. Binary64 uses the error-free transformation of an FMA
     * (Boldo and Muller, "Exact and approximated error of the FMA", 2011): r1 + r2 + r3 equals
     * x * y + addend exactly, so the result is inexact exactly when r2 != 0. Binary32 sums the
     * exact binary64 product and the addend with two-sum.
     */
    public static long mulAdd(CpuState s, long addend, long x, long y, int fmt) {
        if (fast(s)) {
            if (fmt == D) {
                double a = dd(x), b = dd(y), c = dd(addend);
                double r1 = Math.fma(a, b, c), u1 = a * b;
                if ((a == 0 || b == 0) && u1 == 0 && safeD(c)) {
                    return addend; // a finite product that is exactly zero: c itself, exact
                }
                // a zero addend leaves the error terms below exact (z1 is 0)
                if (safeD(r1) && safeD(u1) && (safeD(c) || c == 0)) {
                    double u2 = Math.fma(a, b, -u1);
                    double a1 = c + u2, z1 = twoSumErr(c, u2, a1);
                    double b1 = u1 + a1, b2 = twoSumErr(u1, a1, b1);
                    double g = (b1 - r1) + b2;
                    double r2 = g + z1;
                    if (r2 != 0) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(r1);
                }
            } else if (fmt == S) {
                double p = fd(x) * fd(y), c = fd(addend); // the product is exact
                double sum = p + c, err = twoSumErr(p, c, sum);
                float f = Math.fma((float) fd(x), (float) fd(y), (float) c);
                if (safeS(f)) {
                    if (err != 0 || sum != f) {
                        inexact(s);
                    }
                    return sbits(f);
                }
            }
        }
        return Fp.mulAdd(s, addend, x, y, fmt);
    }

    /** FPCompare's NZCV without FZ: Java's ordering once NaNs are out of the way. */
    public static int compare(CpuState s, long x, long y, int fmt, boolean signalAll) {
        if ((s.regs[s.registerFile.fpControlSlot] & Fp.FPCR_FZ) == 0 && fmt != Fp.H) {
            double a = fmt == D ? dd(x) : fd(x), b = fmt == D ? dd(y) : fd(y);
            if (a == b) {
                return 0b0110;
            }
            if (a < b) {
                return 0b1000;
            }
            if (a > b) {
                return 0b0010;
            }
        }
        return Fp.compare(s, x, y, fmt, signalAll);
    }

    /** FPToFixed with the value well inside the integer range: Java's rounding functions, exact. */
    public static long toFixed(CpuState s, long x, int fmt, int fbits, boolean unsigned, int intBits, int mode) {
        if ((s.regs[s.registerFile.fpControlSlot] & Fp.FPCR_FZ) == 0 && fmt != Fp.H) {
            double a = fmt == D ? dd(x) : fd(x);
            double v = fbits == 0 ? a : Math.scalb(a, fbits);
            if (Math.abs(v) < 0x1p62) { // excludes NaN and infinities
                double t = switch (mode) {
                    case Fp.RN -> Math.rint(v);
                    case Fp.RP -> Math.ceil(v);
                    case Fp.RM -> Math.floor(v);
                    case Fp.RZ -> v < 0 ? Math.ceil(v) : Math.floor(v);
                    default -> { // ties away
                        double fl = Math.floor(Math.abs(v));
                        double rounded = Math.abs(v) - fl >= 0.5 ? fl + 1 : fl;
                        yield Math.copySign(rounded, v);
                    }
                };
                long r = (long) t;
                boolean fits = unsigned ? r >= 0 && (intBits == 64 || r <= 0xFFFF_FFFFL)
                        : intBits == 64 || (r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE);
                if (fits) {
                    if (t != v) {
                        inexact(s);
                    }
                    return intBits == 32 ? r & 0xFFFF_FFFFL : r;
                }
            }
        }
        return FpConvert.toFixed(s, x, fmt, fbits, unsigned, intBits, mode);
    }

    /** FPMax/FPMin(Num) on non-NaN operands without FZ: Java's ordering, with -0 < +0. */
    public static long minMax(CpuState s, long x, long y, int fmt, boolean max, boolean numeric) {
        if ((s.regs[s.registerFile.fpControlSlot] & Fp.FPCR_FZ) == 0 && fmt != Fp.H) {
            double a = fmt == D ? dd(x) : fd(x), b = fmt == D ? dd(y) : fd(y);
            if (a == b) {
                if (a == 0) {
                    // +0 and -0: max prefers +0, min prefers -0
                    boolean negA = x >>> (fmt == D ? 63 : 31) != 0;
                    return negA == max ? y : x;
                }
                return x;
            }
            if (a < b) {
                return max ? y : x;
            }
            if (a > b) {
                return max ? x : y;
            }
        }
        return Fp.minMax(s, x, y, fmt, max, numeric);
    }

    /** FPRoundInt without FZ on binary32/64: Java's exact rounding functions. */
    public static long roundInt(CpuState s, long x, int fmt, int mode, boolean exact) {
        if ((s.regs[s.registerFile.fpControlSlot] & Fp.FPCR_FZ) == 0 && fmt != Fp.H) {
            double v = fmt == D ? dd(x) : fd(x);
            if (!Double.isNaN(v)) {
                double t = switch (mode) {
                    case Fp.RN -> Math.rint(v);
                    case Fp.RP -> Math.ceil(v);
                    case Fp.RM -> Math.floor(v);
                    case Fp.RZ -> v < 0 ? Math.ceil(v) : Math.floor(v);
                    default -> {
                        double a = Math.abs(v), fl = Math.floor(a);
                        yield Math.copySign(a - fl >= 0.5 ? fl + 1 : fl, v);
                    }
                };
                if (exact && t != v) {
                    inexact(s);
                }
                return fmt == D ? Double.doubleToRawLongBits(t) : sbits((float) t);
            }
        }
        return FpConvert.roundInt(s, x, fmt, mode, exact);
    }

    /** FPConvert between binary32 and binary64 without FZ, for numbers (not NaNs) that stay normal. */
    public static long convert(CpuState s, long x, int from, int to) {
        if ((s.regs[s.registerFile.fpControlSlot] & Fp.FPCR_FZ) == 0) {
            if (from == S && to == D) {
                double v = fd(x);
                if (!Double.isNaN(v)) {
                    return Double.doubleToRawLongBits(v); // exact
                }
            } else if (from == D && to == S && Fp.rmode(s) == Fp.RN) {
                double v = dd(x);
                float f = (float) v;
                if (safeS(f) || f == 0 && v == 0) {
                    if (f != v) {
                        inexact(s);
                    }
                    return sbits(f);
                }
            }
        }
        return FpConvert.convert(s, x, from, to);
    }

    /** FixedToFP for integers (no fraction bits) in round to nearest. */
    public static long fromInt(CpuState s, long v, int intBits, boolean unsigned, int fbits, int fmt) {
        if (fbits == 0 && Fp.rmode(s) == Fp.RN && fmt != Fp.H) {
            long x = intBits == 32 ? (unsigned ? v & 0xFFFF_FFFFL : (int) v) : v;
            if (!(unsigned && intBits == 64 && x < 0)) {
                if (fmt == D) {
                    double d = (double) x;
                    if (d == 0x1p63 || (long) d != x) {
                        inexact(s);
                    }
                    return Double.doubleToRawLongBits(d);
                }
                float f = (float) x;
                if (f == 0x1p63f || (long) f != x) {
                    inexact(s);
                }
                return sbits(f);
            }
        }
        return FpConvert.fromFixed(s, v, intBits, unsigned, fbits, fmt, Fp.rmode(s));
    }
}

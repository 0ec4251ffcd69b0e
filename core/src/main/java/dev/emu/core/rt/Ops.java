package dev.emu.core.rt;

/**
 * Semantics of the IR ops that are more than one JVM instruction, shared by the
 * interpreter and generated code (which calls these with one {@code invokestatic}), so the
 * two tiers cannot disagree. Floats are bit patterns, as in the IR.
 */
public final class Ops {
    private Ops() {}

    // ---- integer
    public static int divs32(int a, int b) {
        return b == 0 ? 0 : (b == -1 ? -a : a / b);
    }

    public static long divs64(long a, long b) {
        return b == 0 ? 0 : (b == -1 ? -a : a / b);
    }

    public static int divu32(int a, int b) {
        return b == 0 ? 0 : Integer.divideUnsigned(a, b);
    }

    public static long divu64(long a, long b) {
        return b == 0 ? 0 : Long.divideUnsigned(a, b);
    }

    public static int rems32(int a, int b) {
        return b == 0 ? a : (b == -1 ? 0 : a % b);
    }

    public static long rems64(long a, long b) {
        return b == 0 ? a : (b == -1 ? 0 : a % b);
    }

    public static int remu32(int a, int b) {
        return b == 0 ? a : Integer.remainderUnsigned(a, b);
    }

    public static long remu64(long a, long b) {
        return b == 0 ? a : Long.remainderUnsigned(a, b);
    }

    public static int mulhs32(int a, int b) {
        return (int) (((long) a * (long) b) >> 32);
    }

    public static int mulhu32(int a, int b) {
        return (int) (((a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL)) >>> 32);
    }

    public static long mulhs64(long a, long b) {
        return Math.multiplyHigh(a, b);
    }

    public static long mulhu64(long a, long b) {
        // Math.unsignedMultiplyHigh is Java 18+; this is its identity.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    // ---- float arithmetic (round to nearest even).
    // A NaN result is made deterministic: which NaN operand x86 hardware propagates depends
    // on operand order, and C2 may commute a + b or a * b (or fold it at compile time), so
    // the same call could return different NaN bits in the interpreter and in compiled
    // blocks. The rule: the first NaN operand, quieted; else (an invalid operation such as
    // inf - inf) the default NaN 0x7FC00000 / 0x7FF8000000000000, as ARM produces it.
    // Lifters whose ISA propagates NaNs otherwise (x86's negative default NaN) use helpers.
    private static final int F32_DEFAULT_NAN = 0x7FC0_0000;
    private static final long F64_DEFAULT_NAN = 0x7FF8_0000_0000_0000L;

    private static boolean isNaN32(int a) {
        return (a & 0x7FFF_FFFF) > 0x7F80_0000;
    }

    private static boolean isNaN64(long a) {
        return (a & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L;
    }

    private static int result32(float r, int a, int b, int c) {
        if (r == r) {
            return Float.floatToRawIntBits(r);
        }
        return isNaN32(a) ? a | F32_QUIET : isNaN32(b) ? b | F32_QUIET : isNaN32(c) ? c | F32_QUIET : F32_DEFAULT_NAN;
    }

    private static long result64(double r, long a, long b, long c) {
        if (r == r) {
            return Double.doubleToRawLongBits(r);
        }
        return isNaN64(a) ? a | F64_QUIET : isNaN64(b) ? b | F64_QUIET : isNaN64(c) ? c | F64_QUIET : F64_DEFAULT_NAN;
    }

    public static int fadd32(int a, int b) {
        return result32(Float.intBitsToFloat(a) + Float.intBitsToFloat(b), a, b, 0);
    }

    public static long fadd64(long a, long b) {
        return result64(Double.longBitsToDouble(a) + Double.longBitsToDouble(b), a, b, 0);
    }

    public static int fsub32(int a, int b) {
        return result32(Float.intBitsToFloat(a) - Float.intBitsToFloat(b), a, b, 0);
    }

    public static long fsub64(long a, long b) {
        return result64(Double.longBitsToDouble(a) - Double.longBitsToDouble(b), a, b, 0);
    }

    public static int fmul32(int a, int b) {
        return result32(Float.intBitsToFloat(a) * Float.intBitsToFloat(b), a, b, 0);
    }

    public static long fmul64(long a, long b) {
        return result64(Double.longBitsToDouble(a) * Double.longBitsToDouble(b), a, b, 0);
    }

    public static int fdiv32(int a, int b) {
        return result32(Float.intBitsToFloat(a) / Float.intBitsToFloat(b), a, b, 0);
    }

    public static long fdiv64(long a, long b) {
        return result64(Double.longBitsToDouble(a) / Double.longBitsToDouble(b), a, b, 0);
    }

    public static int fsqrt32(int a) {
        // sqrt of the exact double of a float, rounded once to float, is correctly rounded
        return result32((float) Math.sqrt(Float.intBitsToFloat(a)), a, 0, 0);
    }

    public static long fsqrt64(long a) {
        return result64(Math.sqrt(Double.longBitsToDouble(a)), a, 0, 0);
    }

    public static int fma32(int a, int b, int c) {
        return result32(Math.fma(Float.intBitsToFloat(a), Float.intBitsToFloat(b), Float.intBitsToFloat(c)), a, b, c);
    }

    public static long fma64(long a, long b, long c) {
        return result64(Math.fma(Double.longBitsToDouble(a), Double.longBitsToDouble(b), Double.longBitsToDouble(c)), a, b, c);
    }

    // ---- float compares -> 0/1
    public static int fcmpEq32(int a, int b) {
        return Float.intBitsToFloat(a) == Float.intBitsToFloat(b) ? 1 : 0;
    }

    public static int fcmpEq64(long a, long b) {
        return Double.longBitsToDouble(a) == Double.longBitsToDouble(b) ? 1 : 0;
    }

    public static int fcmpLt32(int a, int b) {
        return Float.intBitsToFloat(a) < Float.intBitsToFloat(b) ? 1 : 0;
    }

    public static int fcmpLt64(long a, long b) {
        return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? 1 : 0;
    }

    public static int fcmpLe32(int a, int b) {
        return Float.intBitsToFloat(a) <= Float.intBitsToFloat(b) ? 1 : 0;
    }

    public static int fcmpLe64(long a, long b) {
        return Double.longBitsToDouble(a) <= Double.longBitsToDouble(b) ? 1 : 0;
    }

    public static int fcmpUn32(int a, int b) {
        return Float.isNaN(Float.intBitsToFloat(a)) || Float.isNaN(Float.intBitsToFloat(b)) ? 1 : 0;
    }

    public static int fcmpUn64(long a, long b) {
        return Double.isNaN(Double.longBitsToDouble(a)) || Double.isNaN(Double.longBitsToDouble(b)) ? 1 : 0;
    }

    // ---- conversions
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;

    /** binary32 -> binary64; a signalling NaN comes back quiet, its payload kept. */
    public static long f32to64(int a) {
        if ((a & 0x7F80_0000) == 0x7F80_0000 && (a & 0x007F_FFFF) != 0) {
            long sign = (long) (a >>> 31) << 63;
            long payload = (long) (a & 0x003F_FFFF) << 29;
            return sign | 0x7FF0_0000_0000_0000L | F64_QUIET | payload;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat(a));
    }

    /** binary64 -> binary32, round to nearest even; NaN quieted, top payload bits kept. */
    public static int f64to32(long a) {
        if ((a & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (a & 0x000F_FFFF_FFFF_FFFFL) != 0) {
            int sign = (int) (a >>> 63) << 31;
            int payload = (int) ((a >>> 29) & 0x003F_FFFF);
            return sign | 0x7F80_0000 | F32_QUIET | payload;
        }
        return Float.floatToRawIntBits((float) Double.longBitsToDouble(a));
    }

    public static int s32tof32(int a) {
        return Float.floatToRawIntBits((float) a);
    }

    public static int s64tof32(long a) {
        return Float.floatToRawIntBits((float) a);
    }

    public static long s32tof64(int a) {
        return Double.doubleToRawLongBits(a);
    }

    public static long s64tof64(long a) {
        return Double.doubleToRawLongBits((double) a);
    }

    public static int u32tof32(int a) {
        return Float.floatToRawIntBits((float) (a & 0xFFFF_FFFFL));
    }

    public static long u32tof64(int a) {
        return Double.doubleToRawLongBits((double) (a & 0xFFFF_FFFFL));
    }

    public static int u64tof32(long a) {
        if (a >= 0) {
            return Float.floatToRawIntBits((float) a);
        }
        // halve with the low bit kept sticky so the one rounding to float stays correct
        float f = (float) ((a >>> 1) | (a & 1));
        return Float.floatToRawIntBits(f * 2.0f);
    }

    public static long u64tof64(long a) {
        if (a >= 0) {
            return Double.doubleToRawLongBits((double) a);
        }
        double d = (double) ((a >>> 1) | (a & 1));
        return Double.doubleToRawLongBits(d * 2.0);
    }

    public static int f32tos32(int a) {
        return (int) Float.intBitsToFloat(a);
    }

    public static long f32tos64(int a) {
        return (long) Float.intBitsToFloat(a);
    }

    public static int f64tos32(long a) {
        return (int) Double.longBitsToDouble(a);
    }

    public static long f64tos64(long a) {
        return (long) Double.longBitsToDouble(a);
    }

    public static int f64tou32(long a) {
        double d = Double.longBitsToDouble(a);
        if (!(d > 0)) {
            return 0;
        }
        return d >= 4294967296.0 ? -1 : (int) (long) d;
    }

    public static int f32tou32(int a) {
        return f64tou32(Double.doubleToRawLongBits(Float.intBitsToFloat(a)));
    }

    public static long f64tou64(long a) {
        double d = Double.longBitsToDouble(a);
        if (!(d > 0)) {
            return 0;
        }
        if (d >= 18446744073709551616.0) {
            return -1L;
        }
        if (d < 9223372036854775808.0) {
            return (long) d;
        }
        return (long) (d - 9223372036854775808.0) + Long.MIN_VALUE;
    }

    public static long f32tou64(int a) {
        return f64tou64(Double.doubleToRawLongBits(Float.intBitsToFloat(a)));
    }
}

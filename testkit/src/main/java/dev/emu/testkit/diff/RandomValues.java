package dev.emu.testkit.diff;

import java.util.Random;

/**
 * Operand values for generators: uniform bits half the time, otherwise the values where
 * implementations go wrong (zero, all ones, sign boundaries, carries out of 32 bits).
 */
public final class RandomValues {
    private static final long[] EDGES64 = {
        0, 1, 2, -1, -2, 0x7fffffffffffffffL, 0x8000000000000000L, 0x8000000000000001L,
        0xffffffffL, 0x7fffffffL, 0x80000000L, 0xfffffffeL, 0x100000000L, 0xffffffff00000000L,
        0xffffffff80000000L, 0xffL, 0x80L, 0xffffL, 0x8000L, 63, 64, 31, 32,
    };

    private RandomValues() {}

    /** A 64-bit operand, edge values about half the time, sometimes nudged by a small amount. */
    public static long interesting64(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1, 2, 3 -> r.nextLong();
            case 4 -> EDGES64[r.nextInt(EDGES64.length)];
            case 5 -> EDGES64[r.nextInt(EDGES64.length)] + r.nextInt(5) - 2;
            case 6 -> r.nextInt(256) - 128;
            default -> r.nextLong() >>> r.nextInt(64);
        };
    }

    /** A 32-bit operand in the low half, the high half random (32-bit forms must ignore it). */
    public static long interesting32(Random r) {
        long lo = interesting64(r) & 0xffffffffL;
        return r.nextBoolean() ? lo : lo | r.nextLong() << 32;
    }

    /** IEEE double bit patterns: normals, zeros, infinities, NaNs (quiet and signalling), denormals. */
    public static long interestingDoubleBits(Random r) {
        long sign = r.nextBoolean() ? 0x8000000000000000L : 0;
        return switch (r.nextInt(10)) {
            case 0 -> sign;                                                 // +-0
            case 1 -> sign | 0x7ff0000000000000L;                           // +-inf
            case 2 -> sign | 0x7ff8000000000000L | (r.nextLong() & 0x7ffffffffffffL); // qNaN
            case 3 -> sign | 0x7ff0000000000000L | 1 + (r.nextLong() & 0x7fffffffffffeL); // sNaN
            case 4 -> sign | (r.nextLong() & 0xfffffffffffffL);             // denormal
            case 5 -> Double.doubleToRawLongBits((r.nextInt(2001) - 1000) / 8.0);
            default -> r.nextLong();
        };
    }

    /** IEEE single bit patterns in the low 32 bits. */
    public static long interestingFloatBits(Random r) {
        int sign = r.nextBoolean() ? 0x80000000 : 0;
        int bits = switch (r.nextInt(10)) {
            case 0 -> sign;
            case 1 -> sign | 0x7f800000;
            case 2 -> sign | 0x7fc00000 | (r.nextInt() & 0x3fffff);
            case 3 -> sign | 0x7f800000 | 1 + r.nextInt(0x3ffffe);
            case 4 -> sign | (r.nextInt() & 0x7fffff);
            case 5 -> Float.floatToRawIntBits((r.nextInt(2001) - 1000) / 8.0f);
            default -> r.nextInt();
        };
        return bits & 0xffffffffL;
    }
}

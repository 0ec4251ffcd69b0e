package dev.emu.arm64.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * Lane-parallel integer operations on a 64-bit half of a vector register, as a few IR ops
 * (SIMD within a register), for the hot Advanced SIMD instructions of string and memory
 * routines: no helper call, so generated code keeps guest registers in locals.
 */
final class Swar {
    private Swar() {}

    /** Bit e-1 of each e-bit lane. */
    static long high(int e) {
        return switch (e) {
            case 8 -> 0x8080_8080_8080_8080L;
            case 16 -> 0x8000_8000_8000_8000L;
            case 32 -> 0x8000_0000_8000_0000L;
            default -> 0x8000_0000_0000_0000L;
        };
    }

    private static long laneMask(int e) {
        return e == 64 ? -1L : (1L << e) - 1;
    }

    /** Each lane all ones where its top bit is set in {@code tops} (other bits clear), else zero. */
    private static Value spread(IrBuilder b, Value tops, int e) {
        return b.mul(b.shr(tops, b.c64(e - 1)), b.c64(laneMask(e)));
    }

    /** Top bit of each lane set where the lane of x is nonzero. */
    private static Value nonzeroTops(IrBuilder b, Value x, int e) {
        if (e == 64) {
            return b.select(b.cmpNe(x, b.c64(0)), b.c64(Long.MIN_VALUE), b.c64(0));
        }
        long h = high(e), l = ~h;
        Value t = b.add(b.and(x, b.c64(l)), b.c64(l)); // carries into the top bit iff the low bits are nonzero
        return b.and(b.or(t, x), b.c64(h));
    }

    /** Lanes of all ones where x's lane is zero. */
    static Value zeroMask(IrBuilder b, Value x, int e) {
        return spread(b, b.xor(nonzeroTops(b, x, e), b.c64(high(e))), e);
    }

    /** Lanes of all ones where x's lane is nonzero. */
    static Value nonzeroMask(IrBuilder b, Value x, int e) {
        return spread(b, nonzeroTops(b, x, e), e);
    }

    static Value add(IrBuilder b, Value x, Value y, int e) {
        if (e == 64) {
            return b.add(x, y);
        }
        Value l = b.c64(~high(e));
        Value sum = b.add(b.and(x, l), b.and(y, l));
        return b.xor(sum, b.and(b.xor(x, y), b.c64(high(e))));
    }

    static Value sub(IrBuilder b, Value x, Value y, int e) {
        if (e == 64) {
            return b.sub(x, y);
        }
        Value h = b.c64(high(e));
        Value diff = b.sub(b.or(x, h), b.and(y, b.c64(~high(e))));
        return b.xor(diff, b.and(b.xor(x, b.not(y)), h));
    }
}

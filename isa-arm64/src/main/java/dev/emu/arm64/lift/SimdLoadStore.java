package dev.emu.arm64.lift;


import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * Lane bit-field IR shared by the SIMD lifters (SimdCopy): replicate, extract and insert an
 * element within a 64-bit half. The structure loads and stores themselves are
 * LoadStoreSimdStructures' (A64Decoder's rows).
 */
public final class SimdLoadStore {
    private SimdLoadStore() {}

    /** 0x0101..01 for the element size: multiplying an element by it replicates it. */
    static long replicator(int bits) {
        return switch (bits) {
            case 8 -> 0x0101_0101_0101_0101L;
            case 16 -> 0x0001_0001_0001_0001L;
            case 32 -> 0x0000_0001_0000_0001L;
            default -> 1L;
        };
    }

    /** Bits [lsb, lsb + width) of v, zero-extended. */
    static Value field(IrBuilder b, Value v, int lsb, int width) {
        Value x = lsb == 0 ? v : b.shr(v, b.c64(lsb));
        return width == 64 ? x : b.and(x, b.c64((1L << width) - 1));
    }

    static Value shiftLeft(IrBuilder b, Value v, int n) {
        return n == 0 ? v : b.shl(v, b.c64(n));
    }

    /** v with bits [lsb, lsb + width) replaced by the low bits of x. */
    static Value insert(IrBuilder b, Value v, Value x, int lsb, int width) {
        if (width == 64) {
            return x;
        }
        long mask = ((1L << width) - 1) << lsb;
        Value part = shiftLeft(b, b.and(x, b.c64((1L << width) - 1)), lsb);
        return b.or(b.and(v, b.c64(~mask)), part);
    }
}

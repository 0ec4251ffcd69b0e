package dev.emu.core.ir;

/**
 * The two value types of the IR. Floats travel as their bit patterns: a single-precision
 * value is an {@link #I32}, a double an {@link #I64}; the float ops say which they mean by
 * their type. Booleans (compare results) are {@link #I32} holding 0 or 1.
 */
public enum Type {
    I32(32), I64(64);

    public final int bits;

    Type(int bits) {
        this.bits = bits;
    }

    public long mask() {
        return this == I32 ? 0xFFFF_FFFFL : -1L;
    }

    public static Type ofBits(int bits) {
        return bits <= 32 ? I32 : I64;
    }
}

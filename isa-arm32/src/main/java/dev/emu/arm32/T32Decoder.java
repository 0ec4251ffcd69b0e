package dev.emu.arm32;

import dev.emu.arm32.lift.Handler;
import dev.emu.core.decode.DecodeTable;

/**
 * The Thumb decode tables (DDI 0406C chapter A6): {@link #THUMB16} holds the 16-bit
 * encodings in the top half of the pattern (A6.2), {@link #THUMB32} the 32-bit ones as
 * {@code hw1:hw2} (A6.3).
 */
public final class T32Decoder {
    private T32Decoder() {}

    public static final DecodeTable<Handler> THUMB16;
    public static final DecodeTable<Handler> THUMB32;

    static {
        DecodeTable.Builder<Handler> t16 = DecodeTable.<Handler>builder().bucketBits(8);
        THUMB16 = t16.build();
        DecodeTable.Builder<Handler> t32 = DecodeTable.<Handler>builder().bucketBits(8);
        THUMB32 = t32.build();
    }
}

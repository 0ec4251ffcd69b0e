package dev.emu.x86.decode;

/**
 * The three-byte opcode maps 0F 38 xx and 0F 3A xx (SDM Vol. 2 Tables ): SSSE3,
 * SSE4, AES, SHA and the like. Empty so far: every cell decodes as illegal.
 */
public final class ThreeByteMaps {
    private ThreeByteMaps() {}

    public static final OpcodeEntry[] MAP_0F38 = new OpcodeEntry[256];
    public static final OpcodeEntry[] MAP_0F3A = new OpcodeEntry[256];
}

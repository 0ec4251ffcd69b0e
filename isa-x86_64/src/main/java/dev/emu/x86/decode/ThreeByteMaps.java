package dev.emu.x86.decode;

import static dev.emu.x86.decode.SseRows.row;
import static dev.emu.x86.decode.SseRows.xIb;

import dev.emu.x86.lift.SseInteger;
import dev.emu.x86.sse.PackedInt;

/**
 * The three-byte opcode maps 0F 38 xx and 0F 3A xx (SDM Vol. 2 Tables ), by
 * mandatory prefix like the 0F map. So far SSSE3 (the 66 forms; the unprefixed ones are
 * MMX and stay illegal); every other cell decodes as illegal.
 */
public final class ThreeByteMaps {
    private ThreeByteMaps() {}

    public static final OpcodeEntry[] MAP_0F38 = new OpcodeEntry[256];
    public static final OpcodeEntry[] MAP_0F3A = new OpcodeEntry[256];

    private static void op(OpcodeEntry[] map, int opcode, OpcodeEntry e) {
        if (map[opcode] != null) {
            throw new IllegalStateException(String.format("opcode %02x defined twice in a three-byte map", opcode));
        }
        map[opcode] = e;
    }

    static {
        // SSSE3: 66 0F 38 00..0B, 1C..1E; 66 0F 3A 0F
        PackedInt[] ssse3 = {PackedInt.PSHUFB, PackedInt.PHADDW, PackedInt.PHADDD, PackedInt.PHADDSW,
            PackedInt.PMADDUBSW, PackedInt.PHSUBW, PackedInt.PHSUBD, PackedInt.PHSUBSW, PackedInt.PSIGNB,
            PackedInt.PSIGNW, PackedInt.PSIGND, PackedInt.PMULHRSW};
        for (int k = 0; k < ssse3.length; k++) {
            op(MAP_0F38, k, SseRows.p66(ssse3[k]));
        }
        op(MAP_0F38, 0x1C, SseRows.p66(PackedInt.PABSB));
        op(MAP_0F38, 0x1D, SseRows.p66(PackedInt.PABSW));
        op(MAP_0F38, 0x1E, SseRows.p66(PackedInt.PABSD));
        op(MAP_0F3A, 0x0F, row("PALIGNR", null, xIb("PALIGNR", SseInteger.binary(PackedInt.PALIGNR)), null, null));
    }

}

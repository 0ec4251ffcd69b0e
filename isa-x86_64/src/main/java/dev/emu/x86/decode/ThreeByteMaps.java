package dev.emu.x86.decode;

import static dev.emu.x86.decode.SseRows.row;
import static dev.emu.x86.decode.SseRows.xIb;

import static dev.emu.x86.decode.OpcodeEntry.byMod;
import static dev.emu.x86.decode.OpcodeEntry.insn;
import static dev.emu.x86.decode.X86Handlers.of;
import static dev.emu.x86.sse.SseHelpers.PD;
import static dev.emu.x86.sse.SseHelpers.PS;
import static dev.emu.x86.sse.SseHelpers.SD;
import static dev.emu.x86.sse.SseHelpers.SS;

import dev.emu.x86.decode.OpcodeEntry.Imm;
import dev.emu.x86.lift.Handler;
import dev.emu.x86.lift.Sse41;
import dev.emu.x86.lift.Sse42;
import dev.emu.x86.lift.SseArith;
import dev.emu.x86.lift.SseInteger;
import dev.emu.x86.sse.SseHelpers.FpOp;
import dev.emu.x86.sse.PackedInt;

/**
 * The three-byte opcode maps 0F 38 xx and 0F 3A xx (SDM Vol. 2 Tables ), by
 * mandatory prefix like the 0F map: SSSE3 (the 66 forms; the unprefixed ones are MMX and
 * stay illegal), SSE4.1 and SSE4.2; every other cell decodes as illegal.
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

        // SSE4.1: 66 0F 38 10..41
        op(MAP_0F38, 0x10, p66("PBLENDVB", Sse41.blendVariable(8)));
        op(MAP_0F38, 0x14, p66("BLENDVPS", Sse41.blendVariable(32)));
        op(MAP_0F38, 0x15, p66("BLENDVPD", Sse41.blendVariable(64)));
        op(MAP_0F38, 0x17, p66("PTEST", of("Sse41::PTEST")));
        PackedInt[] sx = {PackedInt.PMOVSXBW, PackedInt.PMOVSXBD, PackedInt.PMOVSXBQ, PackedInt.PMOVSXWD,
            PackedInt.PMOVSXWQ, PackedInt.PMOVSXDQ};
        PackedInt[] zx = {PackedInt.PMOVZXBW, PackedInt.PMOVZXBD, PackedInt.PMOVZXBQ, PackedInt.PMOVZXWD,
            PackedInt.PMOVZXWQ, PackedInt.PMOVZXDQ};
        int[] sourceBytes = {8, 4, 2, 8, 4, 8};
        for (int k = 0; k < 6; k++) {
            op(MAP_0F38, 0x20 + k, p66(sx[k].name(), Sse41.extend(sx[k], sourceBytes[k])));
            op(MAP_0F38, 0x30 + k, p66(zx[k].name(), Sse41.extend(zx[k], sourceBytes[k])));
        }
        op(MAP_0F38, 0x28, SseRows.p66(PackedInt.PMULDQ));
        op(MAP_0F38, 0x29, p66("PCMPEQQ", dev.emu.x86.lift.SseSwar.compareEqual(64)));
        op(MAP_0F38, 0x2A, row("MOVNTDQA", null, byMod("MOVNTDQA", null, SseRows.x("MOVNTDQA", of("SseMove::MOVA_load"))),
                null, null));
        op(MAP_0F38, 0x2B, SseRows.p66(PackedInt.PACKUSDW));
        op(MAP_0F38, 0x37, SseRows.p66(PackedInt.PCMPGTQ));
        PackedInt[] minMax = {PackedInt.PMINSB, PackedInt.PMINSD, PackedInt.PMINUW, PackedInt.PMINUD, PackedInt.PMAXSB,
            PackedInt.PMAXSD, PackedInt.PMAXUW, PackedInt.PMAXUD, PackedInt.PMULLD, PackedInt.PHMINPOSUW};
        for (int k = 0; k < minMax.length; k++) {
            op(MAP_0F38, 0x38 + k, SseRows.p66(minMax[k]));
        }

        // SSE4.1: 66 0F 3A 08..42
        op(MAP_0F3A, 0x08, p66Ib("ROUNDPS", SseArith.arith(FpOp.ROUND, PS)));
        op(MAP_0F3A, 0x09, p66Ib("ROUNDPD", SseArith.arith(FpOp.ROUND, PD)));
        op(MAP_0F3A, 0x0A, p66Ib("ROUNDSS", SseArith.arith(FpOp.ROUND, SS)));
        op(MAP_0F3A, 0x0B, p66Ib("ROUNDSD", SseArith.arith(FpOp.ROUND, SD)));
        op(MAP_0F3A, 0x0C, p66Ib("BLENDPS", SseInteger.binary(PackedInt.BLENDPS)));
        op(MAP_0F3A, 0x0D, p66Ib("BLENDPD", SseInteger.binary(PackedInt.BLENDPD)));
        op(MAP_0F3A, 0x0E, p66Ib("PBLENDW", SseInteger.binary(PackedInt.PBLENDW)));
        op(MAP_0F3A, 0x14, p66Ib("PEXTRB", Sse41.extract(8, false)));
        op(MAP_0F3A, 0x15, p66Ib("PEXTRW", Sse41.extract(16, false)));
        op(MAP_0F3A, 0x16, p66Ib("PEXTRD", Sse41.extract(32, true)));
        op(MAP_0F3A, 0x17, p66Ib("EXTRACTPS", Sse41.extract(32, false)));
        op(MAP_0F3A, 0x20, p66Ib("PINSRB", Sse41.insert(8)));
        op(MAP_0F3A, 0x21, p66Ib("INSERTPS", of("Sse41::INSERTPS")));
        op(MAP_0F3A, 0x22, p66Ib("PINSRD", Sse41.insert(32)));
        op(MAP_0F3A, 0x40, p66Ib("DPPS", SseArith.arith(FpOp.DP, PS)));
        op(MAP_0F3A, 0x41, p66Ib("DPPD", SseArith.arith(FpOp.DP, PD)));
        op(MAP_0F3A, 0x42, p66Ib("MPSADBW", SseInteger.binary(PackedInt.MPSADBW)));

        // SSE4.2: string compares (66 0F 3A 60..63), CRC32 (F2 0F 38 F0/F1; unprefixed: MOVBE, not implemented)
        op(MAP_0F3A, 0x60, p66Ib("PCMPESTRM", Sse42.compare(true, true)));
        op(MAP_0F3A, 0x61, p66Ib("PCMPESTRI", Sse42.compare(true, false)));
        op(MAP_0F3A, 0x62, p66Ib("PCMPISTRM", Sse42.compare(false, true)));
        op(MAP_0F3A, 0x63, p66Ib("PCMPISTRI", Sse42.compare(false, false)));
        op(MAP_0F38, 0xF0, row("CRC32_Gd_Eb", null, null, null,
                insn("CRC32_Gd_Eb", OpcodeEntry.BYTE, Imm.NONE, of("Sse42::CRC32"))));
        op(MAP_0F38, 0xF1, row("CRC32_Gd_Ev", null, null, null, insn("CRC32_Gd_Ev", 0, Imm.NONE, of("Sse42::CRC32"))));
    }

    private static OpcodeEntry p66(String name, Handler h) {
        return row(name, null, insn(name, 0, Imm.NONE, h), null, null);
    }

    private static OpcodeEntry p66Ib(String name, Handler h) {
        return row(name, null, xIb(name, h), null, null);
    }

}

package dev.emu.x86.lift;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.StringCompare;

/** SSE4.2 string compares (PCMPESTRI/M, PCMPISTRI/M) and CRC32 (SDM Vol. 2 by mnemonic). */
public final class Sse42 {
    private Sse42() {}

    static final Helper PCMPSTR = Helper.of(StringCompare.class, "pcmpstr");
    static final Helper CRC32C = Helper.of(StringCompare.class, "crc32c");

    /** PCMPESTRM (explicit, mask), PCMPESTRI, PCMPISTRM, PCMPISTRI: xmm, xmm/m128 (no alignment needed), imm8. */
    public static Handler compare(boolean explicit, boolean mask) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value[] src = SseOperands.rm128(c, i, false);
            b.call(PCMPSTR, b.c32(i.imm & 0xFF), b.c32(i.reg), src[0], src[1], b.c32(explicit ? 1 : 0),
                    b.c32(i.rexW() ? 1 : 0), b.c32(mask ? 1 : 0));
            Flags.setByHelper(c);
        };
    }

    /** CRC32 r32/r64, r/m8 (F2 0F 38 F0) and r/m16/32/64 (F2 0F 38 F1): the 32-bit result zero-extended. */
    public static void CRC32(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int srcSize = i.opcode == 0xF0 ? 8 : i.opSize;
        Value data = b.zext64(c.readRm(srcSize));
        Value crc = b.call(CRC32C, c.getReg(32, i.reg), data, b.c32(srcSize / 8));
        c.setReg(i.rexW() ? 64 : 32, i.reg, i.rexW() ? b.zext64(crc) : crc);
    }
}

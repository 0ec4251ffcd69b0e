package dev.emu.x86.decode;

import static dev.emu.x86.decode.OpcodeEntry.BYTE;
import static dev.emu.x86.decode.OpcodeEntry.F64;
import static dev.emu.x86.decode.OpcodeEntry.LOCKABLE;
import static dev.emu.x86.decode.OpcodeEntry.MODRM;
import static dev.emu.x86.decode.OpcodeEntry.PLUS_R;
import static dev.emu.x86.decode.OpcodeEntry.byMod;
import static dev.emu.x86.decode.OpcodeEntry.byPrefix;
import static dev.emu.x86.decode.OpcodeEntry.group;
import static dev.emu.x86.decode.OpcodeEntry.insn;
import static dev.emu.x86.decode.X86Handlers.of;

import dev.emu.x86.decode.OpcodeEntry.Imm;
import dev.emu.x86.lift.Handler;

/**
 * The two-byte opcode map, 0F xx (SDM Vol. 2 Table A-3), with groups 8, 9, 15, 16 and the
 * hint-NOP space (Table A-6): the integer part here, the SSE/SSE2 cells in {@link SseRows}.
 */
public final class TwoByteMap {
    private TwoByteMap() {}

    public static final OpcodeEntry[] TABLE = build();

    private static OpcodeEntry[] t;

    private static void op(int opcode, OpcodeEntry e) {
        if (t[opcode] != null) {
            throw new IllegalStateException(String.format("opcode 0f %02x defined twice", opcode));
        }
        t[opcode] = e;
    }

    private static void op(int opcode, String name, int flags, Imm imm, Handler h) {
        op(opcode, insn(name, flags, imm, h));
    }

    private static synchronized OpcodeEntry[] build() {
        t = new OpcodeEntry[256];
        SseRows.add(TwoByteMap::op);
        op(0x05, "SYSCALL", 0, Imm.NONE, of("SystemInsns::SYSCALL"));
        op(0x0B, "UD2", 0, Imm.NONE, of("SystemInsns::UD2"));
        op(0x0D, "PREFETCHW", MODRM, Imm.NONE, of("SystemInsns::NOP"));
        // 0F 18: PREFETCHh (hint); 0F 19-1F: reserved-NOP, incl. NOP Ev (0F 1F /0) and ENDBR64 (F3 0F 1E FA)
        op(0x18, "PREFETCH", MODRM, Imm.NONE, of("SystemInsns::NOP"));
        for (int p = 0x19; p <= 0x1F; p++) {
            op(p, "NOP_Ev", MODRM, Imm.NONE, of("SystemInsns::NOP"));
        }
        op(0x31, "RDTSC", 0, Imm.NONE, of("SystemInsns::RDTSC"));
        for (int cc = 0; cc < 16; cc++) {
            op(0x40 + cc, "CMOVcc", MODRM, Imm.NONE, of("DataMove::CMOVcc"));
            op(0x80 + cc, "Jcc_Jz", F64, Imm.JZ, of("ControlFlow::Jcc"));
            op(0x90 + cc, "SETcc", MODRM | BYTE, Imm.NONE, of("DataMove::SETcc"));
        }
        op(0xA2, "CPUID", 0, Imm.NONE, of("SystemInsns::CPUID"));
        op(0xA3, "BT_Ev_Gv", MODRM, Imm.NONE, of("BitOps::BT_reg"));
        op(0xA4, "SHLD_Ev_Gv_Ib", MODRM, Imm.B, of("ShiftRotate::SHLD_SHRD"));
        op(0xA5, "SHLD_Ev_Gv_CL", MODRM, Imm.NONE, of("ShiftRotate::SHLD_SHRD"));
        op(0xAC, "SHRD_Ev_Gv_Ib", MODRM, Imm.B, of("ShiftRotate::SHLD_SHRD"));
        op(0xAD, "SHRD_Ev_Gv_CL", MODRM, Imm.NONE, of("ShiftRotate::SHLD_SHRD"));
        op(0xAB, "BTS_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("BitOps::BT_reg"));
        // group 15: fences (register forms), FXSAVE/FXRSTOR, LDMXCSR/STMXCSR (memory forms)
        op(0xAE, group("GRP15", 0,
                byMod("FXSAVE", null, insn("FXSAVE", 0, Imm.NONE, of("X87::FXSAVE"))),
                byMod("FXRSTOR", null, insn("FXRSTOR", 0, Imm.NONE, of("X87::FXRSTOR"))),
                byMod("LDMXCSR", null, insn("LDMXCSR", 0, Imm.NONE, of("SystemInsns::LDMXCSR"))),
                byMod("STMXCSR", null, insn("STMXCSR", 0, Imm.NONE, of("SystemInsns::STMXCSR"))),
                null,
                byMod("LFENCE", insn("LFENCE", 0, Imm.NONE, of("SystemInsns::FENCE")), null),
                byMod("MFENCE", insn("MFENCE", 0, Imm.NONE, of("SystemInsns::FENCE")), null),
                byMod("SFENCE", insn("SFENCE", 0, Imm.NONE, of("SystemInsns::FENCE")),
                        insn("CLFLUSH", 0, Imm.NONE, of("SystemInsns::NOP")))));
        op(0xAF, "IMUL_Gv_Ev", MODRM, Imm.NONE, of("MulDiv::IMUL_2"));
        op(0xB0, "CMPXCHG_Eb_Gb", MODRM | BYTE | LOCKABLE, Imm.NONE, of("Atomic::CMPXCHG"));
        op(0xB1, "CMPXCHG_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("Atomic::CMPXCHG"));
        op(0xB3, "BTR_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("BitOps::BT_reg"));
        op(0xB6, "MOVZX_Gv_Eb", MODRM, Imm.NONE, of("DataMove::MOVZX_b"));
        op(0xB7, "MOVZX_Gv_Ew", MODRM, Imm.NONE, of("DataMove::MOVZX_w"));
        op(0xB8, byPrefix("POPCNT", MODRM, null, null,
                insn("POPCNT", 0, Imm.NONE, of("BitOps::POPCNT")), null));
        op(0xBA, group("GRP8", 0, null, null, null, null,
                insn("BT_Ev_Ib", 0, Imm.B, of("BitOps::BT_imm")),
                insn("BTS_Ev_Ib", LOCKABLE, Imm.B, of("BitOps::BT_imm")),
                insn("BTR_Ev_Ib", LOCKABLE, Imm.B, of("BitOps::BT_imm")),
                insn("BTC_Ev_Ib", LOCKABLE, Imm.B, of("BitOps::BT_imm"))));
        op(0xBB, "BTC_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("BitOps::BT_reg"));
        OpcodeEntry bsf = insn("BSF", 0, Imm.NONE, of("BitOps::BSF"));
        OpcodeEntry bsr = insn("BSR", 0, Imm.NONE, of("BitOps::BSR"));
        // with 66 (operand size) or F2 (ignored) still BSF/BSR; F3 makes them TZCNT/LZCNT
        op(0xBC, byPrefix("BSF_TZCNT", MODRM, bsf, bsf, insn("TZCNT", 0, Imm.NONE, of("BitOps::TZCNT")), bsf));
        op(0xBD, byPrefix("BSR_LZCNT", MODRM, bsr, bsr, insn("LZCNT", 0, Imm.NONE, of("BitOps::LZCNT")), bsr));
        op(0xBE, "MOVSX_Gv_Eb", MODRM, Imm.NONE, of("DataMove::MOVSX_b"));
        op(0xBF, "MOVSX_Gv_Ew", MODRM, Imm.NONE, of("DataMove::MOVSX_w"));
        op(0xC0, "XADD_Eb_Gb", MODRM | BYTE | LOCKABLE, Imm.NONE, of("Atomic::XADD"));
        op(0xC1, "XADD_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("Atomic::XADD"));
        op(0xC7, group("GRP9", 0, null,
                byMod("CMPXCHG8B", null, insn("CMPXCHG8B_Mq", LOCKABLE, Imm.NONE, of("Atomic::CMPXCHG8B"))),
                null, null, null, null, null, null));
        for (int r = 0; r < 8; r++) {
            op(0xC8 + r, "BSWAP", PLUS_R, Imm.NONE, of("DataMove::BSWAP"));
        }
        return t;
    }
}

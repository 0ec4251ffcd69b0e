package dev.emu.x86.decode;

import static dev.emu.x86.decode.OpcodeEntry.BYTE;
import static dev.emu.x86.decode.OpcodeEntry.D64;
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
import dev.emu.x86.lift.DataMove;
import dev.emu.x86.lift.Handler;
import dev.emu.x86.lift.X87;

/**
 * The one-byte opcode map in 64-bit mode (SDM Vol. 2 Table A-2) with the one-byte
 * opcode-extension groups (Table A-6). Cells invalid in 64-bit mode (06, 07, 0E, 16, 17,
 * 1E, 1F, 27, 2F, 37, 3F, 60-62, 82, 9A, C4, C5, D4-D6, EA) and those not implemented yet
 * (segment-register moves 8C/8E, far transfers) stay null: illegal.
 *
 * <p>Here and in the other maps a cell names its handler as text, {@code Class::method} of the
 * {@code lift} package; the generated {@link X86Handlers} binds the names without spinning a
 * lambda class per cell at start-up ({@code X86HandlersTest} checks it is current).
 */
public final class OneByteMap {
    private OneByteMap() {}

    public static final OpcodeEntry[] TABLE = build();

    private static OpcodeEntry[] t;

    private static void op(int opcode, OpcodeEntry e) {
        if (t[opcode] != null) {
            throw new IllegalStateException(String.format("opcode %02x defined twice", opcode));
        }
        t[opcode] = e;
    }

    private static void op(int opcode, String name, int flags, Imm imm, Handler h) {
        op(opcode, insn(name, flags, imm, h));
    }

    private static synchronized OpcodeEntry[] build() {
        t = new OpcodeEntry[256];
        // ---- 00-3D: ADD OR ADC SBB AND SUB XOR CMP (Eb,Gb  Ev,Gv  Gb,Eb  Gv,Ev  AL,Ib  rAX,Iz)
        String[] alu = {"ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP"};
        for (int k = 0; k < 8; k++) {
            int base = k << 3;
            int lock = k == 7 ? 0 : LOCKABLE;
            op(base, alu[k] + "_Eb_Gb", MODRM | BYTE | lock, Imm.NONE, of("Alu::aluOp"));
            op(base + 1, alu[k] + "_Ev_Gv", MODRM | lock, Imm.NONE, of("Alu::aluOp"));
            op(base + 2, alu[k] + "_Gb_Eb", MODRM | BYTE, Imm.NONE, of("Alu::aluOp"));
            op(base + 3, alu[k] + "_Gv_Ev", MODRM, Imm.NONE, of("Alu::aluOp"));
            op(base + 4, alu[k] + "_AL_Ib", BYTE, Imm.B, of("Alu::aluOp"));
            op(base + 5, alu[k] + "_rAX_Iz", 0, Imm.Z, of("Alu::aluOp"));
        }
        // ---- 50-5F PUSH/POP r64 (REX.B extends; 66 gives 16 bits)
        for (int r = 0; r < 8; r++) {
            op(0x50 + r, "PUSH_r", D64 | PLUS_R, Imm.NONE, of("DataMove::PUSH_reg"));
            op(0x58 + r, "POP_r", D64 | PLUS_R, Imm.NONE, of("DataMove::POP_reg"));
        }
        op(0x63, "MOVSXD", MODRM, Imm.NONE, of("DataMove::MOVSXD"));
        op(0x68, "PUSH_Iz", D64, Imm.Z, of("DataMove::PUSH_imm"));
        op(0x69, "IMUL_Gv_Ev_Iz", MODRM, Imm.Z, of("MulDiv::IMUL_3"));
        op(0x6A, "PUSH_Ib", D64, Imm.JB, of("DataMove::PUSH_imm"));     // Ib sign-extended
        op(0x6B, "IMUL_Gv_Ev_Ib", MODRM, Imm.JB, of("MulDiv::IMUL_3"));
        for (int p = 0x6C; p <= 0x6F; p++) {
            op(p, "INS_OUTS", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        }
        // ---- 70-7F Jcc rel8
        for (int cc = 0; cc < 16; cc++) {
            op(0x70 + cc, "Jcc_Jb", F64, Imm.JB, of("ControlFlow::Jcc"));
        }
        // ---- 80-83 group 1 (82 is invalid in 64-bit mode)
        op(0x80, group1("GRP1_Eb_Ib", BYTE, Imm.B));
        op(0x81, group1("GRP1_Ev_Iz", 0, Imm.Z));
        op(0x83, group1("GRP1_Ev_Ib", 0, Imm.JB));
        op(0x84, "TEST_Eb_Gb", MODRM | BYTE, Imm.NONE, of("Alu::TEST_rm_reg"));
        op(0x85, "TEST_Ev_Gv", MODRM, Imm.NONE, of("Alu::TEST_rm_reg"));
        op(0x86, "XCHG_Eb_Gb", MODRM | BYTE | LOCKABLE, Imm.NONE, of("DataMove::XCHG_rm_reg"));
        op(0x87, "XCHG_Ev_Gv", MODRM | LOCKABLE, Imm.NONE, of("DataMove::XCHG_rm_reg"));
        op(0x88, "MOV_Eb_Gb", MODRM | BYTE, Imm.NONE, of("DataMove::MOV_rm_reg"));
        op(0x89, "MOV_Ev_Gv", MODRM, Imm.NONE, of("DataMove::MOV_rm_reg"));
        op(0x8A, "MOV_Gb_Eb", MODRM | BYTE, Imm.NONE, of("DataMove::MOV_reg_rm"));
        op(0x8B, "MOV_Gv_Ev", MODRM, Imm.NONE, of("DataMove::MOV_reg_rm"));
        op(0x8D, byMod("LEA", null, insn("LEA_Gv_M", 0, Imm.NONE, of("DataMove::LEA"))));
        op(0x8F, group("GRP1A", D64, insn("POP_Ev", D64, Imm.NONE, of("DataMove::POP_rm")),
                null, null, null, null, null, null, null));
        // ---- 90-97: NOP / PAUSE, XCHG rAX, r (90 with REX.B is XCHG rAX, r8)
        op(0x90, byPrefix("NOP_90", 0,
                insn("XCHG_rAX_r", PLUS_R, Imm.NONE, Nop90.XCHG_OR_NOP),
                insn("XCHG_rAX_r", PLUS_R, Imm.NONE, Nop90.XCHG_OR_NOP),
                insn("PAUSE", 0, Imm.NONE, of("SystemInsns::NOP")),
                insn("XCHG_rAX_r", PLUS_R, Imm.NONE, Nop90.XCHG_OR_NOP)));
        for (int r = 1; r < 8; r++) {
            op(0x90 + r, "XCHG_rAX_r", PLUS_R, Imm.NONE, of("DataMove::XCHG_acc_reg"));
        }
        op(0x98, "CBW_CWDE_CDQE", 0, Imm.NONE, of("DataMove::CBW"));
        op(0x99, "CWD_CDQ_CQO", 0, Imm.NONE, of("DataMove::CWD"));
        op(0x9B, "FWAIT", 0, Imm.NONE, of("SystemInsns::NOP"));
        op(0x9C, "PUSHF", D64, Imm.NONE, of("SystemInsns::PUSHF"));
        op(0x9D, "POPF", D64, Imm.NONE, of("SystemInsns::POPF"));
        op(0x9E, "SAHF", 0, Imm.NONE, of("SystemInsns::SAHF"));
        op(0x9F, "LAHF", 0, Imm.NONE, of("SystemInsns::LAHF"));
        // ---- A0-AF: moffs moves, string ops, TEST acc, imm
        op(0xA0, "MOV_AL_Ob", BYTE, Imm.O, of("DataMove::MOV_acc_moffs"));
        op(0xA1, "MOV_rAX_Ov", 0, Imm.O, of("DataMove::MOV_acc_moffs"));
        op(0xA2, "MOV_Ob_AL", BYTE, Imm.O, of("DataMove::MOV_moffs_acc"));
        op(0xA3, "MOV_Ov_rAX", 0, Imm.O, of("DataMove::MOV_moffs_acc"));
        String[] str = {"MOVS", "CMPS", null, null, "STOS", "LODS", "SCAS"};
        for (int p = 0xA4; p <= 0xAF; p++) {
            if (p == 0xA8 || p == 0xA9) {
                continue;
            }
            String n = str[(p - 0xA4) >> 1] + ((p & 1) == 0 ? "B" : "_v");
            op(p, n, (p & 1) == 0 ? BYTE : 0, Imm.NONE, of("StringOps::string"));
        }
        op(0xA8, "TEST_AL_Ib", BYTE, Imm.B, of("Alu::TEST_acc_imm"));
        op(0xA9, "TEST_rAX_Iz", 0, Imm.Z, of("Alu::TEST_acc_imm"));
        // ---- B0-BF MOV r, imm
        for (int r = 0; r < 8; r++) {
            op(0xB0 + r, "MOV_r8_Ib", BYTE | PLUS_R, Imm.B, of("DataMove::MOV_reg_imm"));
            op(0xB8 + r, "MOV_r_Iv", PLUS_R, Imm.V, of("DataMove::MOV_reg_imm"));
        }
        // ---- C0-CF
        op(0xC0, group2("GRP2_Eb_Ib", BYTE, Imm.B));
        op(0xC1, group2("GRP2_Ev_Ib", 0, Imm.B));
        op(0xC2, "RET_Iw", F64, Imm.W, of("ControlFlow::RET"));
        op(0xC3, "RET", F64, Imm.NONE, of("ControlFlow::RET"));
        op(0xC6, group("GRP11_Eb_Ib", BYTE, insn("MOV_Eb_Ib", BYTE, Imm.B, of("DataMove::MOV_rm_imm")),
                null, null, null, null, null, null, null));
        op(0xC7, group("GRP11_Ev_Iz", 0, insn("MOV_Ev_Iz", 0, Imm.Z, of("DataMove::MOV_rm_imm")),
                null, null, null, null, null, null, null));
        op(0xC8, "ENTER", F64, Imm.WB, of("ControlFlow::ENTER"));
        op(0xC9, "LEAVE", D64, Imm.NONE, of("ControlFlow::LEAVE"));
        op(0xCC, "INT3", 0, Imm.NONE, of("SystemInsns::INT3"));
        op(0xCD, "INT_Ib", 0, Imm.B, of("SystemInsns::PRIVILEGED"));
        op(0xCF, "IRET", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        op(0xD0, group2("GRP2_Eb_1", BYTE, Imm.NONE));
        op(0xD1, group2("GRP2_Ev_1", 0, Imm.NONE));
        op(0xD2, group2("GRP2_Eb_CL", BYTE, Imm.NONE));
        op(0xD3, group2("GRP2_Ev_CL", 0, Imm.NONE));
        op(0xD7, "XLAT", 0, Imm.NONE, of("DataMove::XLAT"));
        // ---- D8-DF: the x87 escapes (Tables A-7..A-22): memory forms by ModRM.reg, register forms decoded in X87
        x87(0xD8, "D8", new String[] {"FADD", "FMUL", "FCOM", "FCOMP", "FSUB", "FSUBR", "FDIV", "FDIVR"},
                of("X87::ARITH_m"), of("X87::ARITH_ST0_STi"));
        x87(0xD9, "D9", new String[] {"FLD", null, "FST", "FSTP", "FLDENV", "FLDCW", "FNSTENV", "FNSTCW"},
                of("X87::D9_m"), of("X87::D9_r"));
        x87(0xDA, "DA", new String[] {"FIADD", "FIMUL", "FICOM", "FICOMP", "FISUB", "FISUBR", "FIDIV", "FIDIVR"},
                of("X87::ARITH_m"), of("X87::DA_r"));
        x87(0xDB, "DB", new String[] {"FILD", "FISTTP", "FIST", "FISTP", null, "FLD_m80", null, "FSTP_m80"},
                of("X87::DB_m"), of("X87::DB_r"));
        x87(0xDC, "DC", new String[] {"FADD", "FMUL", "FCOM", "FCOMP", "FSUB", "FSUBR", "FDIV", "FDIVR"},
                of("X87::ARITH_m"), of("X87::ARITH_STi_ST0"));
        x87(0xDD, "DD", new String[] {"FLD", "FISTTP", "FST", "FSTP", "FRSTOR", null, "FNSAVE", "FNSTSW"},
                of("X87::DD_m"), of("X87::DD_r"));
        x87(0xDE, "DE", new String[] {"FIADD", "FIMUL", "FICOM", "FICOMP", "FISUB", "FISUBR", "FIDIV", "FIDIVR"},
                of("X87::ARITH_m"), of("X87::ARITH_STi_ST0"));
        x87(0xDF, "DF", new String[] {"FILD", "FISTTP", "FIST", "FISTP", "FBLD", "FILD", "FBSTP", "FISTP"},
                of("X87::DF_m"), of("X87::DF_r"));
        // ---- E0-EF
        op(0xE0, "LOOPNE", F64, Imm.JB, of("ControlFlow::LOOP"));
        op(0xE1, "LOOPE", F64, Imm.JB, of("ControlFlow::LOOP"));
        op(0xE2, "LOOP", F64, Imm.JB, of("ControlFlow::LOOP"));
        op(0xE3, "JRCXZ", F64, Imm.JB, of("ControlFlow::LOOP"));
        op(0xE4, "IN_AL_Ib", 0, Imm.B, of("SystemInsns::PRIVILEGED"));
        op(0xE5, "IN_eAX_Ib", 0, Imm.B, of("SystemInsns::PRIVILEGED"));
        op(0xE6, "OUT_Ib_AL", 0, Imm.B, of("SystemInsns::PRIVILEGED"));
        op(0xE7, "OUT_Ib_eAX", 0, Imm.B, of("SystemInsns::PRIVILEGED"));
        op(0xE8, "CALL_Jz", F64, Imm.JZ, of("ControlFlow::CALL_rel"));
        op(0xE9, "JMP_Jz", F64, Imm.JZ, of("ControlFlow::JMP_rel"));
        op(0xEB, "JMP_Jb", F64, Imm.JB, of("ControlFlow::JMP_rel"));
        for (int p = 0xEC; p <= 0xEF; p++) {
            op(p, "IN_OUT_DX", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        }
        // ---- F0-FF (F0, F2, F3 are prefixes)
        op(0xF4, "HLT", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        op(0xF5, "CMC", 0, Imm.NONE, of("SystemInsns::CMC"));
        op(0xF6, group3("GRP3_Eb", BYTE, Imm.B));
        op(0xF7, group3("GRP3_Ev", 0, Imm.Z));
        op(0xF8, "CLC", 0, Imm.NONE, of("SystemInsns::CLC"));
        op(0xF9, "STC", 0, Imm.NONE, of("SystemInsns::STC"));
        op(0xFA, "CLI", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        op(0xFB, "STI", 0, Imm.NONE, of("SystemInsns::PRIVILEGED"));
        op(0xFC, "CLD", 0, Imm.NONE, of("SystemInsns::CLD"));
        op(0xFD, "STD", 0, Imm.NONE, of("SystemInsns::STD"));
        op(0xFE, group("GRP4", BYTE,
                insn("INC_Eb", BYTE | LOCKABLE, Imm.NONE, of("Alu::INC")),
                insn("DEC_Eb", BYTE | LOCKABLE, Imm.NONE, of("Alu::DEC")),
                null, null, null, null, null, null));
        op(0xFF, group("GRP5", 0,
                insn("INC_Ev", LOCKABLE, Imm.NONE, of("Alu::INC")),
                insn("DEC_Ev", LOCKABLE, Imm.NONE, of("Alu::DEC")),
                insn("CALL_Ev", F64, Imm.NONE, of("ControlFlow::CALL_rm")),
                null, // CALLF
                insn("JMP_Ev", F64, Imm.NONE, of("ControlFlow::JMP_rm")),
                null, // JMPF
                insn("PUSH_Ev", D64, Imm.NONE, of("DataMove::PUSH_rm")),
                null));
        return t;
    }

    /**
     * An x87 escape: a group whose cells split on ModRM.mod; memory forms named by the
     * manual's mnemonic (a null name: undefined, illegal), register forms lifted by {@code reg}.
     */
    private static void x87(int opcode, String esc, String[] memNames, Handler mem, Handler reg) {
        OpcodeEntry[] cells = new OpcodeEntry[8];
        for (int k = 0; k < 8; k++) {
            OpcodeEntry m = memNames[k] == null ? null : insn(memNames[k] + "_m_" + esc, 0, Imm.NONE, mem);
            cells[k] = byMod(esc + "_" + k, insn("X87_" + esc + "_r" + k, 0, Imm.NONE, reg), m);
        }
        op(opcode, group("X87_" + esc, 0, cells));
    }

    /** Group 1: ADD OR ADC SBB AND SUB XOR CMP r/m, imm. */
    private static OpcodeEntry group1(String name, int flags, Imm imm) {
        String[] n = {"ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP"};
        OpcodeEntry[] cells = new OpcodeEntry[8];
        for (int k = 0; k < 8; k++) {
            cells[k] = insn(n[k] + name.substring(4), flags | (k == 7 ? 0 : LOCKABLE), imm, of("Alu::group1"));
        }
        return group(name, flags, cells);
    }

    /** Group 2: ROL ROR RCL RCR SHL SHR SAL(=SHL) SAR. */
    private static OpcodeEntry group2(String name, int flags, Imm imm) {
        String[] n = {"ROL", "ROR", "RCL", "RCR", "SHL", "SHR", "SAL", "SAR"};
        OpcodeEntry[] cells = new OpcodeEntry[8];
        for (int k = 0; k < 8; k++) {
            cells[k] = insn(n[k] + name.substring(4), flags, imm, of("ShiftRotate::group2"));
        }
        return group(name, flags, cells);
    }

    /** Group 3: TEST (/0, /1 with an immediate), NOT, NEG, MUL, IMUL, DIV, IDIV. */
    private static OpcodeEntry group3(String name, int flags, Imm imm) {
        String s = name.substring(4);
        return group(name, flags,
                insn("TEST" + s + "_I", flags, imm, of("Alu::TEST_rm_imm")),
                insn("TEST" + s + "_I", flags, imm, of("Alu::TEST_rm_imm")),
                insn("NOT" + s, flags | LOCKABLE, Imm.NONE, of("Alu::NOT")),
                insn("NEG" + s, flags | LOCKABLE, Imm.NONE, of("Alu::NEG")),
                insn("MUL" + s, flags, Imm.NONE, of("MulDiv::MUL")),
                insn("IMUL" + s, flags, Imm.NONE, of("MulDiv::IMUL_1")),
                insn("DIV" + s, flags, Imm.NONE, of("MulDiv::DIV")),
                insn("IDIV" + s, flags, Imm.NONE, of("MulDiv::IDIV")));
    }

    /** 90: NOP unless REX.B makes it XCHG rAX, r8. */
    static final class Nop90 {
        static final Handler XCHG_OR_NOP = (c, i) -> {
            if (i.reg != 0) {
                DataMove.XCHG_acc_reg(c, i);
            }
        };
    }
}

package dev.emu.arm32;

import static dev.emu.arm32.Arm32Handlers.of;

import dev.emu.arm32.lift.DataProcessing.Alu;
import dev.emu.arm32.lift.Handler;
import dev.emu.arm32.lift.Multiply;
import dev.emu.arm32.lift.Thumb32DataProcessing;
import dev.emu.core.decode.DecodeTable;

/**
 * The Thumb decode tables (DDI 0406C chapter A6): {@link #THUMB16} holds the 16-bit
 * encodings in the top half of the pattern (A6.2), {@link #THUMB32} the 32-bit ones as
 * {@code hw1:hw2} (A6.3). Each row names its instruction and encoding (A8.8 title, Tn).
 * Letters as in {@link A32Decoder}, plus: D/N the high bit of a 4-bit register in 16-bit
 * encodings; P U W index bits; S (branches) sign, j/k J1/J2, h/l offset parts; I the i bit
 * of MOVW/MOVT.
 */
public final class T32Decoder {
    private T32Decoder() {}

    public static final DecodeTable<Handler> THUMB16;
    public static final DecodeTable<Handler> THUMB32;

    private static DecodeTable.Builder<Handler> t;

    /** A 16-bit encoding: its pattern fills the top half. */
    private static void t16(String name, String pattern16, Handler h) {
        t.add(name, pattern16 + "_----_----_----_----", h);
    }

    private static void t32(String name, String pattern, Handler h) {
        t.add(name, pattern, h);
    }

    /** The shifted-register and modified-immediate forms of one data-processing opcode (A6.3.11, A6.3.1). */
    private static void dp(Alu op, String opcode, String regSuffix, String immSuffix) {
        String s = op.compare() ? "1" : "S";
        String n = op.usesRn() ? "nnnn" : "1111";
        String d = op.compare() ? "1111" : "dddd";
        t32(op + "_reg_" + regSuffix, "1110_101" + opcode.charAt(0) + "_" + opcode.substring(1) + s + "_" + n + "_0aaa_" + d
                + "_aatt_mmmm", (c, f) -> Thumb32DataProcessing.reg(c, f, op));
        t32(op + "_imm_" + immSuffix, "1111_0i0" + opcode.charAt(0) + "_" + opcode.substring(1) + s + "_" + n + "_0iii_" + d
                + "_iiii_iiii", (c, f) -> Thumb32DataProcessing.imm(c, f, op));
    }

    static {
        t = DecodeTable.<Handler>builder().bucketBits(8);
        // ================= A6.2.1 Shift (immediate), add, subtract, move, and compare
        t16("LSL_imm_T1",  "000_00_iiiii_mmm_ddd", of("Thumb16::LSL_imm"));     // A8.8 LSL (immediate) T1, MOV (register) T2
        t16("LSR_imm_T1",  "000_01_iiiii_mmm_ddd", of("Thumb16::LSR_imm"));     // A8.8 LSR (immediate) T1
        t16("ASR_imm_T1",  "000_10_iiiii_mmm_ddd", of("Thumb16::ASR_imm"));     // A8.8 ASR (immediate) T1
        t16("ADD_reg_T1",  "000_1100_mmm_nnn_ddd", of("Thumb16::ADD_reg_T1"));  // A8.8 ADD (register, Thumb) T1
        t16("SUB_reg_T1",  "000_1101_mmm_nnn_ddd", of("Thumb16::SUB_reg_T1"));  // A8.8 SUB (register) T1
        t16("ADD_imm_T1",  "000_1110_iii_nnn_ddd", of("Thumb16::ADD_imm_T1"));  // A8.8 ADD (immediate, Thumb) T1
        t16("SUB_imm_T1",  "000_1111_iii_nnn_ddd", of("Thumb16::SUB_imm_T1"));  // A8.8 SUB (immediate, Thumb) T1
        t16("MOV_imm_T1",  "001_00_ddd_iiii_iiii", of("Thumb16::MOV_imm_T1"));  // A8.8 MOV (immediate) T1
        t16("CMP_imm_T1",  "001_01_nnn_iiii_iiii", of("Thumb16::CMP_imm_T1"));  // A8.8 CMP (immediate) T1
        t16("ADD_imm_T2",  "001_10_ddd_iiii_iiii", of("Thumb16::ADD_imm_T2"));  // A8.8 ADD (immediate, Thumb) T2
        t16("SUB_imm_T2",  "001_11_ddd_iiii_iiii", of("Thumb16::SUB_imm_T2"));  // A8.8 SUB (immediate, Thumb) T2
        // A6.2.2 Data-processing
        t16("DATA_PROC_T1", "010000_oooo_mmm_ddd", of("Thumb16::DATA_PROC"));   // A8.8 AND ... MVN (register) T1
        // A6.2.3 Special data instructions and branch and exchange
        t16("ADD_reg_T2",  "010001_00_D_mmmm_ddd", of("Thumb16::ADD_reg_T2"));  // A8.8 ADD (register, Thumb) T2
        t16("CMP_reg_T2",  "010001_01_N_mmmm_nnn", of("Thumb16::CMP_reg_T2"));  // A8.8 CMP (register) T2
        t16("MOV_reg_T1",  "010001_10_D_mmmm_ddd", of("Thumb16::MOV_reg_T1"));  // A8.8 MOV (register, Thumb) T1
        t16("BX_T1",       "010001_110_mmmm_000", of("Thumb16::BX_T1"));        // A8.8 BX T1
        t16("BLX_reg_T1",  "010001_111_mmmm_000", of("Thumb16::BLX_reg_T1"));   // A8.8 BLX (register) T1
        t16("LDR_lit_T1",  "01001_ttt_iiii_iiii", of("Thumb16::LDR_lit_T1"));   // A8.8 LDR (literal) T1
        // A6.2.4 Load/store single data item
        t16("LDST_reg_T1", "0101_ooo_mmm_nnn_ttt", of("Thumb16::LOAD_STORE_reg")); // A8.8 STR, STRH, STRB, LDRSB, LDR, LDRH, LDRB, LDRSH (register) T1
        t16("STR_imm_T1",  "01100_iiiii_nnn_ttt", of("Thumb16::STR_imm_T1"));   // A8.8 STR (immediate, Thumb) T1
        t16("LDR_imm_T1",  "01101_iiiii_nnn_ttt", of("Thumb16::LDR_imm_T1"));   // A8.8 LDR (immediate, Thumb) T1
        t16("STRB_imm_T1", "01110_iiiii_nnn_ttt", of("Thumb16::STRB_imm_T1"));  // A8.8 STRB (immediate, Thumb) T1
        t16("LDRB_imm_T1", "01111_iiiii_nnn_ttt", of("Thumb16::LDRB_imm_T1"));  // A8.8 LDRB (immediate, Thumb) T1
        t16("STRH_imm_T1", "10000_iiiii_nnn_ttt", of("Thumb16::STRH_imm_T1"));  // A8.8 STRH (immediate, Thumb) T1
        t16("LDRH_imm_T1", "10001_iiiii_nnn_ttt", of("Thumb16::LDRH_imm_T1"));  // A8.8 LDRH (immediate, Thumb) T1
        t16("STR_sp_T2",   "10010_ttt_iiii_iiii", of("Thumb16::STR_sp_T2"));    // A8.8 STR (immediate, Thumb) T2
        t16("LDR_sp_T2",   "10011_ttt_iiii_iiii", of("Thumb16::LDR_sp_T2"));    // A8.8 LDR (immediate, Thumb) T2
        t16("ADR_T1",      "10100_ddd_iiii_iiii", of("Thumb16::ADR_T1"));       // A8.8 ADR T1
        t16("ADD_sp_T1",   "10101_ddd_iiii_iiii", of("Thumb16::ADD_sp_T1"));    // A8.8 ADD (SP plus immediate) T1
        // A6.2.5 Miscellaneous 16-bit instructions
        t16("ADD_sp_T2",   "1011_0000_0iii_iiii", of("Thumb16::ADD_sp_T2"));    // A8.8 ADD (SP plus immediate) T2
        t16("SUB_sp_T1",   "1011_0000_1iii_iiii", of("Thumb16::SUB_sp_T1"));    // A8.8 SUB (SP minus immediate) T1
        t16("CBZ_CBNZ",    "1011_o0i1_iiii_innn", of("Thumb16::CBZ_CBNZ"));     // A8.8 CBNZ, CBZ T1
        t16("SXTH_T1",     "1011_0010_00mm_mddd", of("Thumb16::SXTH_T1"));      // A8.8 SXTH T1
        t16("SXTB_T1",     "1011_0010_01mm_mddd", of("Thumb16::SXTB_T1"));      // A8.8 SXTB T1
        t16("UXTH_T1",     "1011_0010_10mm_mddd", of("Thumb16::UXTH_T1"));      // A8.8 UXTH T1
        t16("UXTB_T1",     "1011_0010_11mm_mddd", of("Thumb16::UXTB_T1"));      // A8.8 UXTB T1
        t16("PUSH_T1",     "1011_010M_rrrr_rrrr", of("Thumb16::PUSH_T1"));      // A8.8 PUSH T1
        t16("REV_T1",      "1011_1010_00mm_mddd", of("Thumb16::REV_T1"));       // A8.8 REV T1
        t16("REV16_T1",    "1011_1010_01mm_mddd", of("Thumb16::REV16_T1"));     // A8.8 REV16 T1
        t16("REVSH_T1",    "1011_1010_11mm_mddd", of("Thumb16::REVSH_T1"));     // A8.8 REVSH T1
        t16("POP_T1",      "1011_110P_rrrr_rrrr", of("Thumb16::POP_T1"));       // A8.8 POP T1
        t16("BKPT_T1",     "1011_1110_iiii_iiii", of("Thumb16::BKPT_T1"));      // A8.8 BKPT T1
        t16("HINT_T1",     "1011_1111_hhhh_0000", of("Thumb16::HINT_T1"));      // A8.8 NOP, YIELD, WFE, WFI, SEV T1
        t16("IT",          "1011_1111_cccc_kkkk", of("Thumb16::IT"));           // A8.8 IT T1
        // A6.2 Load/store multiple, conditional branch, supervisor call, unconditional branch
        t16("STM_T1",      "11000_nnn_rrrr_rrrr", of("Thumb16::STM_T1"));       // A8.8 STM (STMIA) T1
        t16("LDM_T1",      "11001_nnn_rrrr_rrrr", of("Thumb16::LDM_T1"));       // A8.8 LDM (LDMIA) T1
        t16("UDF_T1",      "1101_1110_iiii_iiii", of("Thumb16::UDF_T1"));       // A8.8 UDF T1
        t16("SVC_T1",      "1101_1111_iiii_iiii", of("Thumb16::SVC_T1"));       // A8.8 SVC T1
        t16("B_T1",        "1101_cccc_iiii_iiii", of("Thumb16::B_T1"));         // A8.8 B T1
        t16("B_T2",        "11100_iiii_iiii_iii", of("Thumb16::B_T2"));         // A8.8 B T2
        THUMB16 = t.build();

        t = DecodeTable.<Handler>builder().bucketBits(10);
        // ================= A6.3.5 Load/store multiple
        t32("STM_T2",      "1110_1000_10W0_nnnn_rrrr_rrrr_rrrr_rrrr", of("Thumb32Memory::STM_T2"));    // A8.8 STM (STMIA) T2
        t32("LDM_T2",      "1110_1000_10W1_nnnn_rrrr_rrrr_rrrr_rrrr", of("Thumb32Memory::LDM_T2"));    // A8.8 LDM (LDMIA), POP T2
        t32("STMDB_T1",    "1110_1001_00W0_nnnn_rrrr_rrrr_rrrr_rrrr", of("Thumb32Memory::STMDB_T1"));  // A8.8 STMDB, PUSH T2
        t32("LDMDB_T1",    "1110_1001_00W1_nnnn_rrrr_rrrr_rrrr_rrrr", of("Thumb32Memory::LDMDB_T1"));  // A8.8 LDMDB T1
        // A6.3.6 Load/store dual, load/store exclusive, table branch
        t32("STREX_T1",    "1110_1000_0100_nnnn_tttt_dddd_iiii_iiii", of("Thumb32Memory::STREX"));     // A8.8 STREX T1
        t32("LDREX_T1",    "1110_1000_0101_nnnn_tttt_1111_iiii_iiii", of("Thumb32Memory::LDREX"));     // A8.8 LDREX T1
        t32("STRD_imm_T1", "1110_1001_U1W0_nnnn_tttt_uuuu_iiii_iiii", of("Thumb32Memory::STRD_imm"));  // A8.8 STRD (immediate) T1
        t32("STRD_post_T1", "1110_1000_U110_nnnn_tttt_uuuu_iiii_iiii", of("Thumb32Memory::STRD_imm")); // A8.8 STRD (immediate) T1, post-indexed
        t32("LDRD_imm_T1", "1110_1001_U1W1_nnnn_tttt_uuuu_iiii_iiii", of("Thumb32Memory::LDRD_imm"));  // A8.8 LDRD (immediate), (literal) T1
        t32("LDRD_post_T1", "1110_1000_U111_nnnn_tttt_uuuu_iiii_iiii", of("Thumb32Memory::LDRD_imm")); // A8.8 LDRD (immediate) T1, post-indexed
        t32("STREXB_T1",   "1110_1000_1100_nnnn_tttt_1111_0100_dddd", of("Thumb32Memory::STREXB"));    // A8.8 STREXB T1
        t32("STREXH_T1",   "1110_1000_1100_nnnn_tttt_1111_0101_dddd", of("Thumb32Memory::STREXH"));    // A8.8 STREXH T1
        t32("STREXD_T1",   "1110_1000_1100_nnnn_tttt_uuuu_0111_dddd", of("Thumb32Memory::STREXD"));    // A8.8 STREXD T1
        t32("TBB_TBH",     "1110_1000_1101_nnnn_1111_0000_000h_mmmm", of("Thumb32Memory::TBB_TBH"));   // A8.8 TBB, TBH T1
        t32("LDREXB_T1",   "1110_1000_1101_nnnn_tttt_1111_0100_1111", of("Thumb32Memory::LDREXB"));    // A8.8 LDREXB T1
        t32("LDREXH_T1",   "1110_1000_1101_nnnn_tttt_1111_0101_1111", of("Thumb32Memory::LDREXH"));    // A8.8 LDREXH T1
        t32("LDREXD_T1",   "1110_1000_1101_nnnn_tttt_uuuu_0111_1111", of("Thumb32Memory::LDREXD"));    // A8.8 LDREXD T1
        // ================= A6.3.11 Data-processing (shifted register), A6.3.1 (modified immediate)
        // the compares (Rd = 1111) and MOV/MVN (Rn = 1111) come first: they overlap their general forms
        dp(Alu.TST, "0000", "T2", "T1");
        dp(Alu.AND, "0000", "T2", "T1");
        dp(Alu.BIC, "0001", "T2", "T1");
        dp(Alu.MOV, "0010", "T3", "T2");
        dp(Alu.ORR, "0010", "T2", "T1");
        dp(Alu.MVN, "0011", "T2", "T1");
        dp(Alu.ORN, "0011", "T1", "T1");
        dp(Alu.TEQ, "0100", "T1", "T1");
        dp(Alu.EOR, "0100", "T2", "T1");
        dp(Alu.CMN, "1000", "T2", "T1");
        dp(Alu.ADD, "1000", "T3", "T3");
        dp(Alu.ADC, "1010", "T2", "T1");
        dp(Alu.SBC, "1011", "T2", "T1");
        dp(Alu.CMP, "1101", "T3", "T2");
        dp(Alu.SUB, "1101", "T2", "T3");
        dp(Alu.RSB, "1110", "T1", "T2");
        t32("PKH_T1",      "1110_1010_1100_nnnn_0aaa_dddd_aat0_mmmm", of("Saturate::PKH"));       // A8.8 PKHBT, PKHTB T1
        // A6.3.3 Data-processing (plain binary immediate)
        t32("ADDW_T4",     "1111_0i10_0000_nnnn_0iii_dddd_iiii_iiii", of("Thumb32DataProcessing::ADDW"));  // A8.8 ADD (immediate, Thumb) T4, ADR T3
        t32("MOVW_T3",     "1111_0I10_0100_hhhh_0iii_dddd_iiii_iiii", of("Thumb32DataProcessing::MOVW"));  // A8.8 MOV (immediate) T3
        t32("SUBW_T4",     "1111_0i10_1010_nnnn_0iii_dddd_iiii_iiii", of("Thumb32DataProcessing::SUBW"));  // A8.8 SUB (immediate, Thumb) T4, ADR T2
        t32("MOVT_T1",     "1111_0I10_1100_hhhh_0iii_dddd_iiii_iiii", of("Thumb32DataProcessing::MOVT"));  // A8.8 MOVT T1
        t32("SSAT_T1",     "1111_0011_00t0_nnnn_0aaa_dddd_aa0s_ssss", of("Saturate::SSAT"));     // A8.8 SSAT T1, SSAT16 T1 (sh = 1, imm = 0)
        t32("USAT_T1",     "1111_0011_10t0_nnnn_0aaa_dddd_aa0s_ssss", of("Saturate::USAT"));     // A8.8 USAT T1, USAT16 T1
        t32("SBFX_T1",     "1111_0011_0100_nnnn_0lll_dddd_ll0w_wwww", of("Thumb32DataProcessing::SBFX"));  // A8.8 SBFX T1
        t32("BFI_T1",      "1111_0011_0110_nnnn_0lll_dddd_ll0k_kkkk", of("Thumb32DataProcessing::BFI"));   // A8.8 BFI, BFC T1
        t32("UBFX_T1",     "1111_0011_1100_nnnn_0lll_dddd_ll0w_wwww", of("Thumb32DataProcessing::UBFX"));  // A8.8 UBFX T1
        // ================= A6.3.4 Branches and miscellaneous control
        t32("MSR_T1",      "1111_0011_1000_nnnn_1000_mm00_0000_0000", of("Thumb32Branches::MSR_T1"));      // A8.8 MSR (register) T1
        t32("HINT_T2",     "1111_0011_1010_1111_1000_0000_hhhh_hhhh", of("SystemInsns::HINT"));            // A8.8 NOP.W, YIELD.W ... T2
        t32("CLREX_T1",    "1111_0011_1011_1111_1000_1111_0010_1111", of("Exclusive::CLREX"));             // A8.8 CLREX T1
        t32("DSB_T1",      "1111_0011_1011_1111_1000_1111_0100_oooo", of("SystemInsns::BARRIER"));         // A8.8 DSB T1
        t32("DMB_T1",      "1111_0011_1011_1111_1000_1111_0101_oooo", of("SystemInsns::BARRIER"));         // A8.8 DMB T1
        t32("ISB_T1",      "1111_0011_1011_1111_1000_1111_0110_oooo", of("SystemInsns::ISB"));             // A8.8 ISB T1
        t32("MRS_T1",      "1111_0011_1110_1111_1000_dddd_0000_0000", of("Thumb32Branches::MRS_T1"));      // A8.8 MRS T1
        t32("UDF_T2",      "1111_0111_1111_iiii_1010_iiii_iiii_iiii", of("SystemInsns::UDF"));             // A8.8 UDF T2
        t32("B_T3",        "1111_0Scc_cchh_hhhh_10j0_klll_llll_llll", of("Thumb32Branches::B_T3"));        // A8.8 B T3
        t32("B_T4",        "1111_0Shh_hhhh_hhhh_10j1_klll_llll_llll", of("Thumb32Branches::B_T4"));        // A8.8 B T4
        t32("BLX_imm_T2",  "1111_0Shh_hhhh_hhhh_11j0_klll_llll_llll", of("Thumb32Branches::BLX_imm_T2"));  // A8.8 BL, BLX (immediate) T2
        t32("BL_T1",       "1111_0Shh_hhhh_hhhh_11j1_klll_llll_llll", of("Thumb32Branches::BL_T1"));       // A8.8 BL, BLX (immediate) T1
        // ================= A6.3.10 Store single data item, A6.3.7-9 loads (literal forms first)
        t32("STRB_imm12",  "1111_1000_1000_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::STRB_imm12"));    // A8.8 STRB (immediate, Thumb) T2
        t32("STRB_imm8",   "1111_1000_0000_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::STRB_imm8"));     // A8.8 STRB (immediate, Thumb) T3, STRBT
        t32("STRB_reg",    "1111_1000_0000_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::STRB_reg"));      // A8.8 STRB (register) T2
        t32("STRH_imm12",  "1111_1000_1010_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::STRH_imm12"));    // A8.8 STRH (immediate, Thumb) T2
        t32("STRH_imm8",   "1111_1000_0010_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::STRH_imm8"));     // A8.8 STRH (immediate, Thumb) T3, STRHT
        t32("STRH_reg",    "1111_1000_0010_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::STRH_reg"));      // A8.8 STRH (register) T2
        t32("STR_imm12",   "1111_1000_1100_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::STR_imm12"));     // A8.8 STR (immediate, Thumb) T3
        t32("STR_imm8",    "1111_1000_0100_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::STR_imm8"));      // A8.8 STR (immediate, Thumb) T4, PUSH T3, STRT
        t32("STR_reg",     "1111_1000_0100_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::STR_reg"));       // A8.8 STR (register) T2
        t32("LDRB_lit",    "1111_1000_U001_1111_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRB_imm12"));    // A8.8 LDRB (literal) T1, PLD (literal)
        t32("LDRB_imm12",  "1111_1000_1001_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRB_imm12"));    // A8.8 LDRB (immediate, Thumb) T2
        t32("LDRB_imm8",   "1111_1000_0001_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::LDRB_imm8"));     // A8.8 LDRB (immediate, Thumb) T3, LDRBT
        t32("LDRB_reg",    "1111_1000_0001_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::LDRB_reg"));      // A8.8 LDRB (register) T2, PLD (register)
        t32("LDRH_lit",    "1111_1000_U011_1111_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRH_imm12"));    // A8.8 LDRH (literal) T1
        t32("LDRH_imm12",  "1111_1000_1011_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRH_imm12"));    // A8.8 LDRH (immediate, Thumb) T2
        t32("LDRH_imm8",   "1111_1000_0011_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::LDRH_imm8"));     // A8.8 LDRH (immediate, Thumb) T3, LDRHT
        t32("LDRH_reg",    "1111_1000_0011_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::LDRH_reg"));      // A8.8 LDRH (register) T2
        t32("LDR_lit",     "1111_1000_U101_1111_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDR_imm12"));     // A8.8 LDR (literal) T2
        t32("LDR_imm12",   "1111_1000_1101_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDR_imm12"));     // A8.8 LDR (immediate, Thumb) T3
        t32("LDR_imm8",    "1111_1000_0101_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::LDR_imm8"));      // A8.8 LDR (immediate, Thumb) T4, POP T3, LDRT
        t32("LDR_reg",     "1111_1000_0101_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::LDR_reg"));       // A8.8 LDR (register, Thumb) T2
        t32("LDRSB_lit",   "1111_1001_U001_1111_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRSB_imm12"));   // A8.8 LDRSB (literal) T1, PLI
        t32("LDRSB_imm12", "1111_1001_1001_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRSB_imm12"));   // A8.8 LDRSB (immediate) T1
        t32("LDRSB_imm8",  "1111_1001_0001_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::LDRSB_imm8"));    // A8.8 LDRSB (immediate) T2, LDRSBT
        t32("LDRSB_reg",   "1111_1001_0001_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::LDRSB_reg"));     // A8.8 LDRSB (register) T2
        t32("LDRSH_lit",   "1111_1001_U011_1111_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRSH_imm12"));   // A8.8 LDRSH (literal) T1
        t32("LDRSH_imm12", "1111_1001_1011_nnnn_tttt_iiii_iiii_iiii", of("Thumb32Memory::LDRSH_imm12"));   // A8.8 LDRSH (immediate) T1
        t32("LDRSH_imm8",  "1111_1001_0011_nnnn_tttt_1PUW_iiii_iiii", of("Thumb32Memory::LDRSH_imm8"));    // A8.8 LDRSH (immediate) T2, LDRSHT
        t32("LDRSH_reg",   "1111_1001_0011_nnnn_tttt_0000_00aa_mmmm", of("Thumb32Memory::LDRSH_reg"));     // A8.8 LDRSH (register) T2
        // ================= A6.3.12 Data-processing (register), A6.3.13 parallel (not yet), A6.3.14 miscellaneous
        t32("SHIFT_reg_T2", "1111_1010_0ttS_nnnn_1111_dddd_0000_mmmm", of("Thumb32DataProcessing::SHIFT_reg")); // A8.8 LSL, LSR, ASR, ROR (register) T2
        t32("SXTH_T2",     "1111_1010_0000_1111_1111_dddd_10rr_mmmm", of("Media::SXTH"));      // A8.8 SXTH T2
        t32("SXTAH_T1",    "1111_1010_0000_nnnn_1111_dddd_10rr_mmmm", of("Media::SXTAH"));     // A8.8 SXTAH T1
        t32("UXTH_T2",     "1111_1010_0001_1111_1111_dddd_10rr_mmmm", of("Media::UXTH"));      // A8.8 UXTH T2
        t32("UXTAH_T1",    "1111_1010_0001_nnnn_1111_dddd_10rr_mmmm", of("Media::UXTAH"));     // A8.8 UXTAH T1
        t32("SXTB16_T1",   "1111_1010_0010_1111_1111_dddd_10rr_mmmm", of("Media::SXTB16"));    // A8.8 SXTB16 T1
        t32("SXTAB16_T1",  "1111_1010_0010_nnnn_1111_dddd_10rr_mmmm", of("Media::SXTAB16"));   // A8.8 SXTAB16 T1
        t32("UXTB16_T1",   "1111_1010_0011_1111_1111_dddd_10rr_mmmm", of("Media::UXTB16"));    // A8.8 UXTB16 T1
        t32("UXTAB16_T1",  "1111_1010_0011_nnnn_1111_dddd_10rr_mmmm", of("Media::UXTAB16"));   // A8.8 UXTAB16 T1
        t32("SXTB_T2",     "1111_1010_0100_1111_1111_dddd_10rr_mmmm", of("Media::SXTB"));      // A8.8 SXTB T2
        t32("SXTAB_T1",    "1111_1010_0100_nnnn_1111_dddd_10rr_mmmm", of("Media::SXTAB"));     // A8.8 SXTAB T1
        t32("UXTB_T2",     "1111_1010_0101_1111_1111_dddd_10rr_mmmm", of("Media::UXTB"));      // A8.8 UXTB T2
        t32("UXTAB_T1",    "1111_1010_0101_nnnn_1111_dddd_10rr_mmmm", of("Media::UXTAB"));     // A8.8 UXTAB T1
        t32("QADD_T1",     "1111_1010_1000_nnnn_1111_dddd_1000_mmmm", of("Saturate::QADD"));      // A8.8 QADD T1
        t32("QDADD_T1",    "1111_1010_1000_nnnn_1111_dddd_1001_mmmm", of("Saturate::QDADD"));     // A8.8 QDADD T1
        t32("QSUB_T1",     "1111_1010_1000_nnnn_1111_dddd_1010_mmmm", of("Saturate::QSUB"));      // A8.8 QSUB T1
        t32("QDSUB_T1",    "1111_1010_1000_nnnn_1111_dddd_1011_mmmm", of("Saturate::QDSUB"));     // A8.8 QDSUB T1
        t32("SEL_T1",      "1111_1010_1010_nnnn_1111_dddd_1000_mmmm", of("Parallel::SEL"));       // A8.8 SEL T1
        t32("PARALLEL_T1", "1111_1010_1ooo_nnnn_1111_dddd_0kkk_mmmm", of("Parallel::PARALLEL_T1")); // A6.3.13/14 parallel add/sub T1
        t32("REV_T2",      "1111_1010_1001_MMMM_1111_dddd_1000_mmmm", of("Media::REV"));       // A8.8 REV T2
        t32("REV16_T2",    "1111_1010_1001_MMMM_1111_dddd_1001_mmmm", of("Media::REV16"));     // A8.8 REV16 T2
        t32("RBIT_T1",     "1111_1010_1001_MMMM_1111_dddd_1010_mmmm", of("Media::RBIT"));      // A8.8 RBIT T1
        t32("REVSH_T2",    "1111_1010_1001_MMMM_1111_dddd_1011_mmmm", of("Media::REVSH"));     // A8.8 REVSH T2
        t32("CLZ_T1",      "1111_1010_1011_MMMM_1111_dddd_1000_mmmm", of("Media::CLZ"));       // A8.8 CLZ T1
        // ================= A6.3.16 Multiply, multiply accumulate, absolute difference; A6.3.17 long multiply, divide
        t32("MUL_T2",      "1111_1011_0000_nnnn_1111_dddd_0000_mmmm", of("Multiply::MUL"));      // A8.8 MUL T2
        t32("MLA_T1",      "1111_1011_0000_nnnn_aaaa_dddd_0000_mmmm", of("Multiply::MLA"));      // A8.8 MLA T1
        t32("MLS_T1",      "1111_1011_0000_nnnn_aaaa_dddd_0001_mmmm", of("Multiply::MLS"));      // A8.8 MLS T1
        t32("SMULxy_T1",   "1111_1011_0001_nnnn_1111_dddd_00xy_mmmm", of("Multiply::SMULxy"));   // A8.8 SMULBB ... T1
        t32("SMLAxy_T1",   "1111_1011_0001_nnnn_aaaa_dddd_00xy_mmmm", of("Multiply::SMLAxy"));   // A8.8 SMLABB ... T1
        t32("SMULWy_T1",   "1111_1011_0011_nnnn_1111_dddd_000y_mmmm", of("Multiply::SMULWy"));   // A8.8 SMULWB, SMULWT T1
        t32("SMLAWy_T1",   "1111_1011_0011_nnnn_aaaa_dddd_000y_mmmm", of("Multiply::SMLAWy"));   // A8.8 SMLAWB, SMLAWT T1
        t32("SMLAD_T1",    "1111_1011_0010_nnnn_aaaa_dddd_000M_mmmm", of("DualMultiply::SMLAD"));  // A8.8 SMLAD, SMUAD T1
        t32("SMLSD_T1",    "1111_1011_0100_nnnn_aaaa_dddd_000M_mmmm", of("DualMultiply::SMLSD"));  // A8.8 SMLSD, SMUSD T1
        t32("SMMLA_T1",    "1111_1011_0101_nnnn_aaaa_dddd_000M_mmmm", of("DualMultiply::SMMLA"));  // A8.8 SMMLA, SMMUL T1
        t32("SMMLS_T1",    "1111_1011_0110_nnnn_aaaa_dddd_000M_mmmm", of("DualMultiply::SMMLS"));  // A8.8 SMMLS T1
        t32("USADA8_T1",   "1111_1011_0111_nnnn_aaaa_dddd_0000_mmmm", of("DualMultiply::USADA8")); // A8.8 USAD8, USADA8 T1
        t32("SMLALD_T1",   "1111_1011_1100_nnnn_llll_hhhh_110M_mmmm", of("DualMultiply::SMLALD")); // A8.8 SMLALD T1
        t32("SMLSLD_T1",   "1111_1011_1101_nnnn_llll_hhhh_110M_mmmm", of("DualMultiply::SMLSLD")); // A8.8 SMLSLD T1
        t32("SMULL_T1",    "1111_1011_1000_nnnn_llll_hhhh_0000_mmmm", of("Multiply::SMULL"));    // A8.8 SMULL T1
        t32("SDIV_T1",     "1111_1011_1001_nnnn_1111_dddd_1111_mmmm", of("Multiply::SDIV"));     // A8.8 SDIV T1
        t32("UMULL_T1",    "1111_1011_1010_nnnn_llll_hhhh_0000_mmmm", of("Multiply::UMULL"));    // A8.8 UMULL T1
        t32("UDIV_T1",     "1111_1011_1011_nnnn_1111_dddd_1111_mmmm", of("Multiply::UDIV"));     // A8.8 UDIV T1
        t32("SMLAL_T1",    "1111_1011_1100_nnnn_llll_hhhh_0000_mmmm", of("Multiply::SMLAL"));    // A8.8 SMLAL T1
        t32("SMLALxy_T1",  "1111_1011_1100_nnnn_llll_hhhh_10xy_mmmm", of("Multiply::SMLALxy"));  // A8.8 SMLALBB ... T1
        t32("UMLAL_T1",    "1111_1011_1110_nnnn_llll_hhhh_0000_mmmm", of("Multiply::UMLAL"));    // A8.8 UMLAL T1
        t32("UMAAL_T1",    "1111_1011_1110_nnnn_llll_hhhh_0110_mmmm", of("Multiply::UMAAL"));    // A8.8 UMAAL T1
        // ================= A6.3.18 Coprocessor instructions (CP15 thread ID registers only)
        VfpDecoder.rows("1110", T32Decoder::t32);
        t32("MCR_T1",      "1110_1110_ooo0_NNNN_tttt_1111_ppp1_MMMM", of("SystemInsns::MCR"));   // A8.8 MCR T1
        t32("MRC_T1",      "1110_1110_ooo1_NNNN_tttt_1111_ppp1_MMMM", of("SystemInsns::MRC"));   // A8.8 MRC T1
        // A6.3.18 / A7.4 Advanced SIMD data processing (111U 1111), A7.7 element or structure load/store (1111 1001 xxx0)
        t32("ADVSIMD_DATA_T", "111-_1111_----_----_----_----_----_----", of("Neon::DATA"));            // A7.4
        t32("ADVSIMD_LDST_T", "1111_1001_---0_----_----_----_----_----", of("NeonLoadStore::LDST"));   // A7.7 VLD1-4, VST1-4
        THUMB32 = t.build();
        t = null;
    }
}

package dev.emu.arm64;

import dev.emu.arm64.lift.Branches;
import dev.emu.arm64.lift.DataProcessingImm;
import dev.emu.arm64.lift.DataProcessingReg;
import dev.emu.arm64.lift.Handler;
import dev.emu.arm64.lift.SystemInsns;
import dev.emu.core.decode.DecodeTable;

/**
 * The A64 decode table: one row per encoding, grouped under the Arm ARM's top-level
 * encoding groups (C4.1), each with its instruction's section in the alphabetical list of
 * base instructions (C6.2), by
 * title: section numbers shift between issues of the manual, so a number is given only where
 * checked (DDI 0487 C.a). Letters in a pattern are fields
 * the handler reads: z = sf, d = Rd, n = Rn, m = Rm, t = Rt, u = Rt2, i = immediate.
 *
 * <p>Order matters only where rows overlap on purpose; {@code A64DecoderTest} pins the list
 * of overlaps.
 */
public final class A64Decoder {
    private A64Decoder() {}

    public static final DecodeTable<Handler> TABLE = build();

    private static DecodeTable.Builder<Handler> t;

    private static void insn(String name, String pattern, Handler h) {
        t.add(name, pattern, h);
    }

    private static synchronized DecodeTable<Handler> build() {
        t = DecodeTable.<Handler>builder().bucketBits(10);

        // ================= C4.1.2 Data processing -- immediate
        // PC-rel. addressing
        insn("ADR",      "0ll1_0000_hhhh_hhhh_hhhh_hhhh_hhhd_dddd", DataProcessingImm::ADR);      // C6.2 ADR
        insn("ADRP",     "1ll1_0000_hhhh_hhhh_hhhh_hhhh_hhhd_dddd", DataProcessingImm::ADRP);     // C6.2 ADRP
        // Add/subtract (immediate)
        insn("ADD_imm",  "z001_0001_0hii_iiii_iiii_iinn_nnnd_dddd", DataProcessingImm::ADD_imm);  // C6.2.4 ADD (immediate)
        insn("ADDS_imm", "z011_0001_0hii_iiii_iiii_iinn_nnnd_dddd", DataProcessingImm::ADDS_imm); // C6.2 ADDS (immediate)
        insn("SUB_imm",  "z101_0001_0hii_iiii_iiii_iinn_nnnd_dddd", DataProcessingImm::SUB_imm);  // C6.2 SUB (immediate)
        insn("SUBS_imm", "z111_0001_0hii_iiii_iiii_iinn_nnnd_dddd", DataProcessingImm::SUBS_imm); // C6.2 SUBS (immediate)
        // Logical (immediate)
        insn("AND_imm",  "z001_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::AND_imm);  // C6.2 AND (immediate)
        insn("ORR_imm",  "z011_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::ORR_imm);  // C6.2 ORR (immediate)
        insn("EOR_imm",  "z101_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::EOR_imm);  // C6.2 EOR (immediate)
        insn("ANDS_imm", "z111_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::ANDS_imm); // C6.2 ANDS (immediate)
        // Move wide (immediate)
        insn("MOVN",     "z001_0010_1hhi_iiii_iiii_iiii_iiid_dddd", DataProcessingImm::MOVN);     // C6.2 MOVN
        insn("MOVZ",     "z101_0010_1hhi_iiii_iiii_iiii_iiid_dddd", DataProcessingImm::MOVZ);     // C6.2 MOVZ
        insn("MOVK",     "z111_0010_1hhi_iiii_iiii_iiii_iiid_dddd", DataProcessingImm::MOVK);     // C6.2 MOVK
        // Bitfield
        insn("SBFM",     "z001_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::SBFM);     // C6.2 SBFM
        insn("BFM",      "z011_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::BFM);      // C6.2 BFM
        insn("UBFM",     "z101_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", DataProcessingImm::UBFM);     // C6.2 UBFM
        // Extract
        insn("EXTR",     "z001_0011_1N0m_mmmm_ssss_ssnn_nnnd_dddd", DataProcessingImm::EXTR);     // C6.2 EXTR

        // ================= C4.1.3 Branches, exception generating and system instructions
        // Conditional branch (immediate)
        insn("B_cond",   "0101_0100_iiii_iiii_iiii_iiii_iii0_cccc", Branches::B_cond);           // C6.2 B.cond
        // Exception generation
        insn("SVC",      "1101_0100_000i_iiii_iiii_iiii_iii0_0001", SystemInsns::SVC);           // C6.2 SVC
        insn("BRK",      "1101_0100_001i_iiii_iiii_iiii_iii0_0000", SystemInsns::BRK);           // C6.2 BRK
        // Hints
        insn("HINT",     "1101_0101_0000_0011_0010_hhhh_hhh1_1111", SystemInsns::HINT);          // C6.2 HINT (NOP, YIELD, BTI, PACIASP...)
        // Barriers
        insn("CLREX",    "1101_0101_0000_0011_0011_----_0101_1111", SystemInsns::CLREX);         // C6.2 CLREX
        insn("DSB",      "1101_0101_0000_0011_0011_mmmm_1001_1111", SystemInsns::DSB);           // C6.2 DSB
        insn("DMB",      "1101_0101_0000_0011_0011_mmmm_1011_1111", SystemInsns::DMB);           // C6.2 DMB
        insn("ISB",      "1101_0101_0000_0011_0011_----_1101_1111", SystemInsns::ISB);           // C6.2 ISB
        // System instructions
        insn("SYS",      "1101_0101_0000_1ooo_NNNN_MMMM_pppt_tttt", SystemInsns::SYS);           // C6.2 SYS (DC ZVA, DC CVAU, IC IVAU...)
        // System register move
        insn("MSR_reg",  "1101_0101_0001_ssss_ssss_ssss_ssst_tttt", SystemInsns::MSR_reg);       // C6.2 MSR (register)
        insn("MRS",      "1101_0101_0011_ssss_ssss_ssss_ssst_tttt", SystemInsns::MRS);           // C6.2 MRS
        // Unconditional branch (register)
        insn("BR",       "1101_0110_0001_1111_0000_00nn_nnn0_0000", Branches::BR);               // C6.2 BR
        insn("BLR",      "1101_0110_0011_1111_0000_00nn_nnn0_0000", Branches::BLR);              // C6.2 BLR
        insn("RET",      "1101_0110_0101_1111_0000_00nn_nnn0_0000", Branches::RET);              // C6.2 RET
        // Unconditional branch (immediate)
        insn("B_uncond", "0001_01ii_iiii_iiii_iiii_iiii_iiii_iiii", Branches::B_uncond);         // C6.2 B
        insn("BL",       "1001_01ii_iiii_iiii_iiii_iiii_iiii_iiii", Branches::BL);               // C6.2 BL
        // Compare and branch (immediate)
        insn("CBZ",      "z011_0100_iiii_iiii_iiii_iiii_iiit_tttt", Branches::CBZ);              // C6.2 CBZ
        insn("CBNZ",     "z011_0101_iiii_iiii_iiii_iiii_iiit_tttt", Branches::CBNZ);             // C6.2 CBNZ
        // Test and branch (immediate)
        insn("TBZ",      "b011_0110_bbbb_biii_iiii_iiii_iiit_tttt", Branches::TBZ);              // C6.2 TBZ
        insn("TBNZ",     "b011_0111_bbbb_biii_iiii_iiii_iiit_tttt", Branches::TBNZ);             // C6.2 TBNZ

        // ================= C4.1.6 Data processing -- register
        // Logical (shifted register)
        insn("AND_shift",   "z000_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::AND_shift); // C6.2 AND (shifted register)
        insn("BIC_shift",   "z000_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::BIC_shift); // C6.2 BIC (shifted register)
        insn("ORR_shift",   "z010_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::ORR_shift); // C6.2 ORR (shifted register)
        insn("ORN_shift",   "z010_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::ORN_shift); // C6.2 ORN (shifted register)
        insn("EOR_shift",   "z100_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::EOR_shift); // C6.2 EOR (shifted register)
        insn("EON_shift",   "z100_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::EON_shift); // C6.2 EON (shifted register)
        insn("ANDS_shift",  "z110_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::ANDS_shift); // C6.2 ANDS (shifted register)
        insn("BICS_shift",  "z110_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::BICS_shift); // C6.2 BICS (shifted register)
        // Add/subtract (shifted register)
        insn("ADD_shift",   "z000_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::ADD_shift); // C6.2.5 ADD (shifted register)
        insn("ADDS_shift",  "z010_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::ADDS_shift); // C6.2 ADDS (shifted register)
        insn("SUB_shift",   "z100_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::SUB_shift); // C6.2 SUB (shifted register)
        insn("SUBS_shift",  "z110_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", DataProcessingReg::SUBS_shift); // C6.2 SUBS (shifted register)
        // Add/subtract (extended register)
        insn("ADD_ext",     "z000_1011_001m_mmmm_oooi_iinn_nnnd_dddd", DataProcessingReg::ADD_ext); // C6.2.3 ADD (extended register)
        insn("ADDS_ext",    "z010_1011_001m_mmmm_oooi_iinn_nnnd_dddd", DataProcessingReg::ADDS_ext); // C6.2 ADDS (extended register)
        insn("SUB_ext",     "z100_1011_001m_mmmm_oooi_iinn_nnnd_dddd", DataProcessingReg::SUB_ext); // C6.2 SUB (extended register)
        insn("SUBS_ext",    "z110_1011_001m_mmmm_oooi_iinn_nnnd_dddd", DataProcessingReg::SUBS_ext); // C6.2 SUBS (extended register)
        // Add/subtract (with carry)
        insn("ADC",         "z001_1010_000m_mmmm_0000_00nn_nnnd_dddd", DataProcessingReg::ADC);   // C6.2.1 ADC
        insn("ADCS",        "z011_1010_000m_mmmm_0000_00nn_nnnd_dddd", DataProcessingReg::ADCS);  // C6.2.2 ADCS
        insn("SBC",         "z101_1010_000m_mmmm_0000_00nn_nnnd_dddd", DataProcessingReg::SBC);   // C6.2 SBC
        insn("SBCS",        "z111_1010_000m_mmmm_0000_00nn_nnnd_dddd", DataProcessingReg::SBCS);  // C6.2 SBCS
        // Conditional compare (register) and (immediate)
        insn("CCMN_reg",    "z011_1010_010m_mmmm_cccc_00nn_nnn0_ffff", DataProcessingReg::CCMN_reg); // C6.2 CCMN (register)
        insn("CCMN_imm",    "z011_1010_010i_iiii_cccc_10nn_nnn0_ffff", DataProcessingReg::CCMN_imm); // C6.2 CCMN (immediate)
        insn("CCMP_reg",    "z111_1010_010m_mmmm_cccc_00nn_nnn0_ffff", DataProcessingReg::CCMP_reg); // C6.2 CCMP (register)
        insn("CCMP_imm",    "z111_1010_010i_iiii_cccc_10nn_nnn0_ffff", DataProcessingReg::CCMP_imm); // C6.2 CCMP (immediate)
        // Conditional select
        insn("CSEL",        "z001_1010_100m_mmmm_cccc_00nn_nnnd_dddd", DataProcessingReg::CSEL);  // C6.2 CSEL
        insn("CSINC",       "z001_1010_100m_mmmm_cccc_01nn_nnnd_dddd", DataProcessingReg::CSINC); // C6.2 CSINC (aliases CINC, CSET)
        insn("CSINV",       "z101_1010_100m_mmmm_cccc_00nn_nnnd_dddd", DataProcessingReg::CSINV); // C6.2 CSINV (aliases CINV, CSETM)
        insn("CSNEG",       "z101_1010_100m_mmmm_cccc_01nn_nnnd_dddd", DataProcessingReg::CSNEG); // C6.2 CSNEG (alias CNEG)
        // Data-processing (2 source)
        insn("UDIV",        "z001_1010_110m_mmmm_0000_10nn_nnnd_dddd", DataProcessingReg::UDIV);  // C6.2 UDIV
        insn("SDIV",        "z001_1010_110m_mmmm_0000_11nn_nnnd_dddd", DataProcessingReg::SDIV);  // C6.2 SDIV
        insn("LSLV",        "z001_1010_110m_mmmm_0010_00nn_nnnd_dddd", DataProcessingReg::LSLV);  // C6.2 LSLV
        insn("LSRV",        "z001_1010_110m_mmmm_0010_01nn_nnnd_dddd", DataProcessingReg::LSRV);  // C6.2 LSRV
        insn("ASRV",        "z001_1010_110m_mmmm_0010_10nn_nnnd_dddd", DataProcessingReg::ASRV);  // C6.2 ASRV
        insn("RORV",        "z001_1010_110m_mmmm_0010_11nn_nnnd_dddd", DataProcessingReg::RORV);  // C6.2 RORV
        insn("CRC32",       "z001_1010_110m_mmmm_0100_ssnn_nnnd_dddd", DataProcessingReg::CRC32); // C6.2 CRC32B, CRC32H, CRC32W, CRC32X
        insn("CRC32C",      "z001_1010_110m_mmmm_0101_ssnn_nnnd_dddd", DataProcessingReg::CRC32C); // C6.2 CRC32CB, CRC32CH, CRC32CW, CRC32CX
        // Data-processing (1 source)
        insn("RBIT",        "z101_1010_1100_0000_0000_00nn_nnnd_dddd", DataProcessingReg::RBIT);  // C6.2 RBIT
        insn("REV16",       "z101_1010_1100_0000_0000_01nn_nnnd_dddd", DataProcessingReg::REV16); // C6.2 REV16
        insn("REV32",       "1101_1010_1100_0000_0000_10nn_nnnd_dddd", DataProcessingReg::REV32); // C6.2 REV32
        insn("REV",         "z101_1010_1100_0000_0000_1znn_nnnd_dddd", DataProcessingReg::REV);   // C6.2 REV
        insn("CLZ",         "z101_1010_1100_0000_0001_00nn_nnnd_dddd", DataProcessingReg::CLZ);   // C6.2 CLZ
        insn("CLS",         "z101_1010_1100_0000_0001_01nn_nnnd_dddd", DataProcessingReg::CLS);   // C6.2 CLS
        // Data-processing (3 source)
        insn("MADD",        "z001_1011_000m_mmmm_0aaa_aann_nnnd_dddd", DataProcessingReg::MADD);  // C6.2 MADD (alias MUL)
        insn("MSUB",        "z001_1011_000m_mmmm_1aaa_aann_nnnd_dddd", DataProcessingReg::MSUB);  // C6.2 MSUB (alias MNEG)
        insn("SMADDL",      "1001_1011_001m_mmmm_0aaa_aann_nnnd_dddd", DataProcessingReg::SMADDL); // C6.2 SMADDL (alias SMULL)
        insn("SMSUBL",      "1001_1011_001m_mmmm_1aaa_aann_nnnd_dddd", DataProcessingReg::SMSUBL); // C6.2 SMSUBL (alias SMNEGL)
        insn("SMULH",       "1001_1011_010m_mmmm_0---_--nn_nnnd_dddd", DataProcessingReg::SMULH); // C6.2 SMULH
        insn("UMADDL",      "1001_1011_101m_mmmm_0aaa_aann_nnnd_dddd", DataProcessingReg::UMADDL); // C6.2 UMADDL (alias UMULL)
        insn("UMSUBL",      "1001_1011_101m_mmmm_1aaa_aann_nnnd_dddd", DataProcessingReg::UMSUBL); // C6.2 UMSUBL (alias UMNEGL)
        insn("UMULH",       "1001_1011_110m_mmmm_0---_--nn_nnnd_dddd", DataProcessingReg::UMULH); // C6.2 UMULH

        // ================= C4.1.5 Data processing -- scalar FP and Advanced SIMD; C4.1.4 SIMD load/store structures
        A64FpSimdRows.addTo(t);

        // ================= C4.1.1 Reserved
        insn("UDF",      "0000_0000_0000_0000_iiii_iiii_iiii_iiii", SystemInsns::UDF);           // C6.2 UDF

        DecodeTable<Handler> table = t.build();
        t = null;
        return table;
    }
}

package dev.emu.arm64;

import dev.emu.arm64.lift.DataProcessingImm;
import dev.emu.arm64.lift.Handler;
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

        DecodeTable<Handler> table = t.build();
        t = null;
        return table;
    }
}

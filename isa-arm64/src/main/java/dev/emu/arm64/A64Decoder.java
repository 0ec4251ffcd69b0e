package dev.emu.arm64;

import dev.emu.arm64.lift.Handler;
import dev.emu.core.decode.DecodeTable;

/**
 * The A64 decode table: one row per encoding, grouped under the Arm ARM's top-level
 * encoding groups (C4.1), each with its instruction's section in the alphabetical lists of
 * base instructions (C6.2) and SIMD&amp;FP instructions (C7.2). Section numbers are those of
 * the ARMv8-A issue that has ADD (immediate) at C6.2.4 and LDADD at C6.2.135; they shift by
 * a few between issues, the titles do not. Letters in a pattern are fields the handler
 * reads: z = sf (or size), d = Rd, n = Rn, m = Rm, t = Rt, u = Rt2, s = Rs, i = immediate.
 * Rows of one addressing mode of the loads and stores share a handler that decodes size,
 * V and opc itself.
 *
 * <p>Each row names its handler as text, {@code Class::method} of the {@code lift} package;
 * {@link A64Handlers}, generated from these rows ({@code A64HandlersTest} checks it is current),
 * binds the names to calls without spinning a lambda class per row at start-up.
 *
 * <p>Order matters only where rows overlap on purpose; {@code A64DecoderTest} pins the list
 * of overlaps.
 */
public final class A64Decoder {
    private A64Decoder() {}

    public static final DecodeTable<Handler> TABLE = build();

    /** Where rows go (A64FpSimdRows adds its own). */
    interface Rows {
        void add(String name, String pattern, String handler);
    }

    private static Rows t;

    private static void insn(String name, String pattern, String handler) {
        t.add(name, pattern, handler);
    }

    private static DecodeTable<Handler> build() {
        DecodeTable.Builder<Handler> b = DecodeTable.<Handler>builder().bucketBits(10);
        rows(new Binder(b));
        return b.build();
    }

    /** Adds each row to the table with its handler from {@link A64Handlers}. */
    private static final class Binder implements Rows {
        private final DecodeTable.Builder<Handler> table;

        Binder(DecodeTable.Builder<Handler> table) {
            this.table = table;
        }

        @Override
        public void add(String name, String pattern, String handler) {
            table.add(name, pattern, A64Handlers.of(handler));
        }
    }

    private static synchronized void rows(Rows sink) {
        t = sink;

        // ================= Data processing -- immediate
        // PC-rel. addressing
        insn("ADR",      "0ll1_0000_hhhh_hhhh_hhhh_hhhh_hhhd_dddd", "DataProcessingImm::ADR");      // C6.2.10 ADR
        insn("ADRP",     "1ll1_0000_hhhh_hhhh_hhhh_hhhh_hhhd_dddd", "DataProcessingImm::ADRP");     // C6.2.11 ADRP
        // Add/subtract (immediate)
        insn("ADD_imm",  "z001_0001_0hii_iiii_iiii_iinn_nnnd_dddd", "DataProcessingImm::ADD_imm");  // C6.2.4 ADD (immediate)
        insn("ADDS_imm", "z011_0001_0hii_iiii_iiii_iinn_nnnd_dddd", "DataProcessingImm::ADDS_imm"); // C6.2.8 ADDS (immediate)
        insn("SUB_imm",  "z101_0001_0hii_iiii_iiii_iinn_nnnd_dddd", "DataProcessingImm::SUB_imm");  // C6.2.357 SUB (immediate)
        insn("SUBS_imm", "z111_0001_0hii_iiii_iiii_iinn_nnnd_dddd", "DataProcessingImm::SUBS_imm"); // C6.2.363 SUBS (immediate)
        // Logical (immediate)
        insn("AND_imm",  "z001_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::AND_imm");  // C6.2.12 AND (immediate)
        insn("ORR_imm",  "z011_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::ORR_imm");  // C6.2.240 ORR (immediate)
        insn("EOR_imm",  "z101_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::EOR_imm");  // C6.2.119 EOR (immediate)
        insn("ANDS_imm", "z111_0010_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::ANDS_imm"); // C6.2.14 ANDS (immediate)
        // Move wide (immediate)
        insn("MOVN",     "z001_0010_1hhi_iiii_iiii_iiii_iiid_dddd", "DataProcessingImm::MOVN");     // C6.2.226 MOVN
        insn("MOVZ",     "z101_0010_1hhi_iiii_iiii_iiii_iiid_dddd", "DataProcessingImm::MOVZ");     // C6.2.227 MOVZ
        insn("MOVK",     "z111_0010_1hhi_iiii_iiii_iiii_iiid_dddd", "DataProcessingImm::MOVK");     // C6.2.225 MOVK
        // Bitfield
        insn("SBFM",     "z001_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::SBFM");     // C6.2.268 SBFM
        insn("BFM",      "z011_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::BFM");      // C6.2.30 BFM
        insn("UBFM",     "z101_0011_0Nrr_rrrr_ssss_ssnn_nnnd_dddd", "DataProcessingImm::UBFM");     // C6.2.385 UBFM
        // Extract
        insn("EXTR",     "z001_0011_1N0m_mmmm_ssss_ssnn_nnnd_dddd", "DataProcessingImm::EXTR");     // C6.2.124 EXTR

        // ================= Branches, exception generating and system instructions
        // Conditional branch (immediate)
        insn("B_cond",   "0101_0100_iiii_iiii_iiii_iiii_iii0_cccc", "Branches::B_cond");           // C6.2.26 B.cond
        // Exception generation
        insn("SVC",      "1101_0100_000i_iiii_iiii_iiii_iii0_0001", "SystemInsns::SVC");           // C6.2.365 SVC
        insn("BRK",      "1101_0100_001i_iiii_iiii_iiii_iii0_0000", "SystemInsns::BRK");           // C6.2.40 BRK
        // Hints
        insn("HINT",     "1101_0101_0000_0011_0010_hhhh_hhh1_1111", "SystemInsns::HINT");          // C6.2.126 HINT (NOP, YIELD, BTI, PACIASP...)
        // Barriers
        insn("CLREX",    "1101_0101_0000_0011_0011_----_0101_1111", "SystemInsns::CLREX");         // C6.2.56 CLREX
        insn("DSB",      "1101_0101_0000_0011_0011_mmmm_1001_1111", "SystemInsns::DSB");           // C6.2.116 DSB
        insn("DMB",      "1101_0101_0000_0011_0011_mmmm_1011_1111", "SystemInsns::DMB");           // C6.2.114 DMB
        insn("ISB",      "1101_0101_0000_0011_0011_----_1101_1111", "SystemInsns::ISB");           // C6.2.131 ISB
        // System instructions
        insn("SYS",      "1101_0101_0000_1ooo_NNNN_MMMM_pppt_tttt", "SystemInsns::SYS");           // C6.2.372 SYS (DC ZVA, DC CVAU, IC IVAU...)
        // System register move
        insn("MSR_reg",  "1101_0101_0001_ssss_ssss_ssss_ssst_tttt", "SystemInsns::MSR_reg");       // C6.2.230 MSR (register)
        insn("MRS",      "1101_0101_0011_ssss_ssss_ssss_ssst_tttt", "SystemInsns::MRS");           // C6.2.228 MRS
        // Unconditional branch (register)
        insn("BR",       "1101_0110_0001_1111_0000_00nn_nnn0_0000", "Branches::BR");               // C6.2.37 BR
        insn("BLR",      "1101_0110_0011_1111_0000_00nn_nnn0_0000", "Branches::BLR");              // C6.2.35 BLR
        insn("RET",      "1101_0110_0101_1111_0000_00nn_nnn0_0000", "Branches::RET");              // C6.2.254 RET
        // Unconditional branch (immediate)
        insn("B_uncond", "0001_01ii_iiii_iiii_iiii_iiii_iiii_iiii", "Branches::B_uncond");         // C6.2.25 B
        insn("BL",       "1001_01ii_iiii_iiii_iiii_iiii_iiii_iiii", "Branches::BL");               // C6.2.34 BL
        // Compare and branch (immediate)
        insn("CBZ",      "z011_0100_iiii_iiii_iiii_iiii_iiit_tttt", "Branches::CBZ");              // C6.2.47 CBZ
        insn("CBNZ",     "z011_0101_iiii_iiii_iiii_iiii_iiit_tttt", "Branches::CBNZ");             // C6.2.46 CBNZ
        // Test and branch (immediate)
        insn("TBZ",      "b011_0110_bbbb_biii_iiii_iiii_iiit_tttt", "Branches::TBZ");              // C6.2.375 TBZ
        insn("TBNZ",     "b011_0111_bbbb_biii_iiii_iiii_iiit_tttt", "Branches::TBNZ");             // C6.2.374 TBNZ

        // ================= Loads and stores
        // Load/store exclusive, load-acquire/store-release (zz = size)
        insn("STXR",            "zz00_1000_000s_ssss_0---_--nn_nnnt_tttt", "LoadStoreExclusive::STXR");          // C6.2.350 STXR, STXRB, STXRH
        insn("STLXR",           "zz00_1000_000s_ssss_1---_--nn_nnnt_tttt", "LoadStoreExclusive::STLXR");         // C6.2.317 STLXR, STLXRB, STLXRH
        insn("LDXR",            "zz00_1000_010-_----_0---_--nn_nnnt_tttt", "LoadStoreExclusive::LDXR");          // C6.2.209 LDXR, LDXRB, LDXRH
        insn("LDAXR",           "zz00_1000_010-_----_1---_--nn_nnnt_tttt", "LoadStoreExclusive::LDAXR");         // C6.2.149 LDAXR, LDAXRB, LDAXRH
        insn("STXP",            "1z00_1000_001s_ssss_0uuu_uunn_nnnt_tttt", "LoadStoreExclusive::STXP");          // C6.2.349 STXP
        insn("STLXP",           "1z00_1000_001s_ssss_1uuu_uunn_nnnt_tttt", "LoadStoreExclusive::STLXP");         // C6.2.316 STLXP
        insn("LDXP",            "1z00_1000_011-_----_0uuu_uunn_nnnt_tttt", "LoadStoreExclusive::LDXP");          // C6.2.208 LDXP
        insn("LDAXP",           "1z00_1000_011-_----_1uuu_uunn_nnnt_tttt", "LoadStoreExclusive::LDAXP");         // C6.2.148 LDAXP
        insn("STLR",            "zz00_1000_100-_----_1---_--nn_nnnt_tttt", "LoadStoreExclusive::STLR");          // C6.2.310 STLR, STLRB, STLRH
        insn("LDAR",            "zz00_1000_110-_----_1---_--nn_nnnt_tttt", "LoadStoreExclusive::LDAR");          // C6.2.145 LDAR, LDARB, LDARH
        // Compare and swap (FEAT_LSE)
        insn("CAS",             "zz00_1000_1a1s_ssss_r111_11nn_nnnt_tttt", "AtomicMemory::CAS");                 // C6.2.45 CAS, CASA, CASAL, CASL (+ B, H)
        insn("CASP",            "0z00_1000_0a1s_ssss_r111_11nn_nnnt_tttt", "AtomicMemory::CASP");                // C6.2.44 CASP, CASPA, CASPAL, CASPL
        // Atomic memory operations (FEAT_LSE); a = acquire, r = release
        insn("LDADD",           "zz11_1000_ar1s_ssss_0000_00nn_nnnt_tttt", "AtomicMemory::LDADD");               // C6.2.135 LDADD (alias STADD)
        insn("LDCLR",           "zz11_1000_ar1s_ssss_0001_00nn_nnnt_tttt", "AtomicMemory::LDCLR");               // C6.2.154 LDCLR (alias STCLR)
        insn("LDEOR",           "zz11_1000_ar1s_ssss_0010_00nn_nnnt_tttt", "AtomicMemory::LDEOR");               // C6.2.157 LDEOR (alias STEOR)
        insn("LDSET",           "zz11_1000_ar1s_ssss_0011_00nn_nnnt_tttt", "AtomicMemory::LDSET");               // C6.2.183 LDSET (alias STSET)
        insn("LDSMAX",          "zz11_1000_ar1s_ssss_0100_00nn_nnnt_tttt", "AtomicMemory::LDSMAX");              // C6.2.186 LDSMAX (alias STSMAX)
        insn("LDSMIN",          "zz11_1000_ar1s_ssss_0101_00nn_nnnt_tttt", "AtomicMemory::LDSMIN");              // C6.2.189 LDSMIN (alias STSMIN)
        insn("LDUMAX",          "zz11_1000_ar1s_ssss_0110_00nn_nnnt_tttt", "AtomicMemory::LDUMAX");              // C6.2.198 LDUMAX (alias STUMAX)
        insn("LDUMIN",          "zz11_1000_ar1s_ssss_0111_00nn_nnnt_tttt", "AtomicMemory::LDUMIN");              // C6.2.201 LDUMIN (alias STUMIN)
        insn("SWP",             "zz11_1000_ar1s_ssss_1000_00nn_nnnt_tttt", "AtomicMemory::SWP");                 // C6.2.368 SWP, SWPA, SWPAL, SWPL
        // Advanced SIMD load/store multiple structures: LD1/ST1 of 1-4 registers (q = Q, zz = size)
        insn("LD1_mult_1",      "0q00_1100_0100_0000_0111_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.177 LD1 (multiple structures), 1 register
        insn("LD1_mult_2",      "0q00_1100_0100_0000_1010_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.177 LD1 (multiple structures), 2 registers
        insn("LD1_mult_3",      "0q00_1100_0100_0000_0110_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.177 LD1 (multiple structures), 3 registers
        insn("LD1_mult_4",      "0q00_1100_0100_0000_0010_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.177 LD1 (multiple structures), 4 registers
        insn("ST1_mult_1",      "0q00_1100_0000_0000_0111_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.321 ST1 (multiple structures), 1 register
        insn("ST1_mult_2",      "0q00_1100_0000_0000_1010_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.321 ST1 (multiple structures), 2 registers
        insn("ST1_mult_3",      "0q00_1100_0000_0000_0110_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.321 ST1 (multiple structures), 3 registers
        insn("ST1_mult_4",      "0q00_1100_0000_0000_0010_zznn_nnnt_tttt", "LoadStoreSimdStructures::noOffset"); // C7.2.321 ST1 (multiple structures), 4 registers
        insn("LD1_mult_1_post", "0q00_1100_110m_mmmm_0111_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.177 LD1 (multiple structures), 1 register, post-index
        insn("LD1_mult_2_post", "0q00_1100_110m_mmmm_1010_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.177 LD1 (multiple structures), 2 registers, post-index
        insn("LD1_mult_3_post", "0q00_1100_110m_mmmm_0110_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.177 LD1 (multiple structures), 3 registers, post-index
        insn("LD1_mult_4_post", "0q00_1100_110m_mmmm_0010_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.177 LD1 (multiple structures), 4 registers, post-index
        insn("ST1_mult_1_post", "0q00_1100_100m_mmmm_0111_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.321 ST1 (multiple structures), 1 register, post-index
        insn("ST1_mult_2_post", "0q00_1100_100m_mmmm_1010_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.321 ST1 (multiple structures), 2 registers, post-index
        insn("ST1_mult_3_post", "0q00_1100_100m_mmmm_0110_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.321 ST1 (multiple structures), 3 registers, post-index
        insn("ST1_mult_4_post", "0q00_1100_100m_mmmm_0010_zznn_nnnt_tttt", "LoadStoreSimdStructures::postIndex"); // C7.2.321 ST1 (multiple structures), 4 registers, post-index
        // Advanced SIMD load/store multiple structures, interleaved: LD2-LD4, ST2-ST4
        insn("LD2_mult",        "0q00_1100_0100_0000_1000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.180 LD2 (multiple structures)
        insn("LD3_mult",        "0q00_1100_0100_0000_0100_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.183 LD3 (multiple structures)
        insn("LD4_mult",        "0q00_1100_0100_0000_0000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.186 LD4 (multiple structures)
        insn("ST2_mult",        "0q00_1100_0000_0000_1000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.323 ST2 (multiple structures)
        insn("ST3_mult",        "0q00_1100_0000_0000_0100_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.325 ST3 (multiple structures)
        insn("ST4_mult",        "0q00_1100_0000_0000_0000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.327 ST4 (multiple structures)
        insn("LD2_mult_post",   "0q00_1100_110m_mmmm_1000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.180 LD2 (multiple structures), post-index
        insn("LD3_mult_post",   "0q00_1100_110m_mmmm_0100_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.183 LD3 (multiple structures), post-index
        insn("LD4_mult_post",   "0q00_1100_110m_mmmm_0000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.186 LD4 (multiple structures), post-index
        insn("ST2_mult_post",   "0q00_1100_100m_mmmm_1000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.323 ST2 (multiple structures), post-index
        insn("ST3_mult_post",   "0q00_1100_100m_mmmm_0100_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.325 ST3 (multiple structures), post-index
        insn("ST4_mult_post",   "0q00_1100_100m_mmmm_0000_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.327 ST4 (multiple structures), post-index
        // Advanced SIMD load/store single structure: one lane, or replicated (LDnR, opcode 110)
        insn("LD1_single",      "0q00_1101_0100_0000_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.178 LD1 (single structure) and LD1R
        insn("LD2_single",      "0q00_1101_0110_0000_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.181 LD2 (single structure) and LD2R
        insn("LD3_single",      "0q00_1101_0100_0000_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.184 LD3 (single structure) and LD3R
        insn("LD4_single",      "0q00_1101_0110_0000_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.187 LD4 (single structure) and LD4R
        insn("ST1_single",      "0q00_1101_0000_0000_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.322 ST1 (single structure)
        insn("ST2_single",      "0q00_1101_0010_0000_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.324 ST2 (single structure)
        insn("ST3_single",      "0q00_1101_0000_0000_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.326 ST3 (single structure)
        insn("ST4_single",      "0q00_1101_0010_0000_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleaved"); // C7.2.328 ST4 (single structure)
        insn("LD1_single_post", "0q00_1101_110m_mmmm_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.178 LD1 (single structure) and LD1R, post-index
        insn("LD2_single_post", "0q00_1101_111m_mmmm_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.181 LD2 (single structure) and LD2R, post-index
        insn("LD3_single_post", "0q00_1101_110m_mmmm_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.184 LD3 (single structure) and LD3R, post-index
        insn("LD4_single_post", "0q00_1101_111m_mmmm_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.187 LD4 (single structure) and LD4R, post-index
        insn("ST1_single_post", "0q00_1101_100m_mmmm_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.322 ST1 (single structure), post-index
        insn("ST2_single_post", "0q00_1101_101m_mmmm_oo0S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.324 ST2 (single structure), post-index
        insn("ST3_single_post", "0q00_1101_100m_mmmm_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.326 ST3 (single structure), post-index
        insn("ST4_single_post", "0q00_1101_101m_mmmm_oo1S_zznn_nnnt_tttt", "LoadStoreSimdStructures::interleavedPost"); // C7.2.328 ST4 (single structure), post-index
        // Load register (literal)
        insn("LDR_lit",         "0z01_1000_iiii_iiii_iiii_iiii_iiit_tttt", "LoadStoreRegister::literal");        // C6.2.167 LDR (literal)
        insn("LDRSW_lit",       "1001_1000_iiii_iiii_iiii_iiii_iiit_tttt", "LoadStoreRegister::literal");        // C6.2.179 LDRSW (literal)
        insn("PRFM_lit",        "1101_1000_iiii_iiii_iiii_iiii_iiit_tttt", "LoadStoreRegister::literal");        // C6.2.248 PRFM (literal)
        insn("LDR_lit_fpsimd",  "oo01_1100_iiii_iiii_iiii_iiii_iiit_tttt", "LoadStoreRegister::literal");        // C7.2.192 LDR (literal, SIMD&FP)
        // Load/store register pair: no-allocate, post-index, signed offset, pre-index (z = opc<1>)
        insn("STNP",            "z010_1000_00ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::noAllocate");         // C6.2.320 STNP
        insn("LDNP",            "z010_1000_01ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::noAllocate");         // C6.2.163 LDNP
        insn("STNP_fpsimd",     "oo10_1100_00ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::noAllocate");         // C7.2.329 STNP (SIMD&FP)
        insn("LDNP_fpsimd",     "oo10_1100_01ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::noAllocate");         // C7.2.189 LDNP (SIMD&FP)
        insn("STP_post",        "z010_1000_10ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::postIndex");          // C6.2.321 STP (post-index)
        insn("LDP_post",        "z010_1000_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::postIndex");          // C6.2.164 LDP (post-index)
        insn("LDPSW_post",      "0110_1000_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::postIndex");          // C6.2.165 LDPSW (post-index)
        insn("STP_post_fpsimd", "oo10_1100_10ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::postIndex");          // C7.2.330 STP (SIMD&FP)
        insn("LDP_post_fpsimd", "oo10_1100_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::postIndex");          // C7.2.190 LDP (SIMD&FP)
        insn("STP_off",         "z010_1001_00ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::signedOffset");       // C6.2.321 STP (signed offset)
        insn("LDP_off",         "z010_1001_01ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::signedOffset");       // C6.2.164 LDP (signed offset)
        insn("LDPSW_off",       "0110_1001_01ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::signedOffset");       // C6.2.165 LDPSW (signed offset)
        insn("STP_off_fpsimd",  "oo10_1101_00ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::signedOffset");       // C7.2.330 STP (SIMD&FP)
        insn("LDP_off_fpsimd",  "oo10_1101_01ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::signedOffset");       // C7.2.190 LDP (SIMD&FP)
        insn("STP_pre",         "z010_1001_10ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::preIndex");           // C6.2.321 STP (pre-index)
        insn("LDP_pre",         "z010_1001_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::preIndex");           // C6.2.164 LDP (pre-index)
        insn("LDPSW_pre",       "0110_1001_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::preIndex");           // C6.2.165 LDPSW (pre-index)
        insn("STP_pre_fpsimd",  "oo10_1101_10ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::preIndex");           // C7.2.330 STP (SIMD&FP)
        insn("LDP_pre_fpsimd",  "oo10_1101_11ii_iiii_iuuu_uunn_nnnt_tttt", "LoadStorePair::preIndex");           // C7.2.190 LDP (SIMD&FP)
        // Load/store register (unscaled immediate)
        insn("STURB",           "0011_1000_000i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.347 STURB
        insn("LDURB",           "0011_1000_010i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.203 LDURB
        insn("LDURSB",          "0011_1000_1o0i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.205 LDURSB
        insn("STURH",           "0111_1000_000i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.348 STURH
        insn("LDURH",           "0111_1000_010i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.204 LDURH
        insn("LDURSH",          "0111_1000_1o0i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.206 LDURSH
        insn("STUR",            "1z11_1000_000i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.346 STUR
        insn("LDUR",            "1z11_1000_010i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.202 LDUR
        insn("LDURSW",          "1011_1000_100i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.207 LDURSW
        insn("PRFUM",           "1111_1000_100i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C6.2.250 PRFUM
        insn("STUR_fpsimd",     "ss11_1100_o00i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C7.2.333 STUR (unscaled immediate, SIMD&FP)
        insn("LDUR_fpsimd",     "ss11_1100_o10i_iiii_iiii_00nn_nnnt_tttt", "LoadStoreRegister::unscaled");       // C7.2.194 LDUR (unscaled immediate, SIMD&FP)
        // Load/store register (immediate, post-indexed)
        insn("STRB_post",       "0011_1000_000i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.324 STRB (immediate, post-indexed)
        insn("LDRB_post",       "0011_1000_010i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.170 LDRB (immediate, post-indexed)
        insn("LDRSB_post",      "0011_1000_1o0i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.174 LDRSB (immediate, post-indexed)
        insn("STRH_post",       "0111_1000_000i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.326 STRH (immediate, post-indexed)
        insn("LDRH_post",       "0111_1000_010i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.172 LDRH (immediate, post-indexed)
        insn("LDRSH_post",      "0111_1000_1o0i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.176 LDRSH (immediate, post-indexed)
        insn("STR_post",        "1z11_1000_000i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.322 STR (immediate, post-indexed)
        insn("LDR_post",        "1z11_1000_010i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.166 LDR (immediate, post-indexed)
        insn("LDRSW_post",      "1011_1000_100i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C6.2.178 LDRSW (immediate, post-indexed)
        insn("STR_post_fpsimd", "ss11_1100_o00i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C7.2.331 STR (immediate, post-indexed, SIMD&FP)
        insn("LDR_post_fpsimd", "ss11_1100_o10i_iiii_iiii_01nn_nnnt_tttt", "LoadStoreRegister::postIndex");      // C7.2.191 LDR (immediate, post-indexed, SIMD&FP)
        // Load/store register (unprivileged)
        insn("STTRB",           "0011_1000_000i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.338 STTRB
        insn("LDTRB",           "0011_1000_010i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.191 LDTRB
        insn("LDTRSB",          "0011_1000_1o0i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.193 LDTRSB
        insn("STTRH",           "0111_1000_000i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.339 STTRH
        insn("LDTRH",           "0111_1000_010i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.192 LDTRH
        insn("LDTRSH",          "0111_1000_1o0i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.194 LDTRSH
        insn("STTR",            "1z11_1000_000i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.337 STTR
        insn("LDTR",            "1z11_1000_010i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.190 LDTR
        insn("LDTRSW",          "1011_1000_100i_iiii_iiii_10nn_nnnt_tttt", "LoadStoreRegister::unprivileged");   // C6.2.195 LDTRSW
        // Load/store register (immediate, pre-indexed)
        insn("STRB_pre",        "0011_1000_000i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.324 STRB (immediate, pre-indexed)
        insn("LDRB_pre",        "0011_1000_010i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.170 LDRB (immediate, pre-indexed)
        insn("LDRSB_pre",       "0011_1000_1o0i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.174 LDRSB (immediate, pre-indexed)
        insn("STRH_pre",        "0111_1000_000i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.326 STRH (immediate, pre-indexed)
        insn("LDRH_pre",        "0111_1000_010i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.172 LDRH (immediate, pre-indexed)
        insn("LDRSH_pre",       "0111_1000_1o0i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.176 LDRSH (immediate, pre-indexed)
        insn("STR_pre",         "1z11_1000_000i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.322 STR (immediate, pre-indexed)
        insn("LDR_pre",         "1z11_1000_010i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.166 LDR (immediate, pre-indexed)
        insn("LDRSW_pre",       "1011_1000_100i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C6.2.178 LDRSW (immediate, pre-indexed)
        insn("STR_pre_fpsimd",  "ss11_1100_o00i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C7.2.331 STR (immediate, pre-indexed, SIMD&FP)
        insn("LDR_pre_fpsimd",  "ss11_1100_o10i_iiii_iiii_11nn_nnnt_tttt", "LoadStoreRegister::preIndex");       // C7.2.191 LDR (immediate, pre-indexed, SIMD&FP)
        // Load/store register (register offset)
        insn("STRB_reg",        "0011_1000_001m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.325 STRB (register offset)
        insn("LDRB_reg",        "0011_1000_011m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.171 LDRB (register offset)
        insn("LDRSB_reg",       "0011_1000_1o1m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.175 LDRSB (register offset)
        insn("STRH_reg",        "0111_1000_001m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.327 STRH (register offset)
        insn("LDRH_reg",        "0111_1000_011m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.173 LDRH (register offset)
        insn("LDRSH_reg",       "0111_1000_1o1m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.177 LDRSH (register offset)
        insn("STR_reg",         "1z11_1000_001m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.323 STR (register offset)
        insn("LDR_reg",         "1z11_1000_011m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.168 LDR (register offset)
        insn("LDRSW_reg",       "1011_1000_101m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.180 LDRSW (register offset)
        insn("PRFM_reg",        "1111_1000_101m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C6.2.249 PRFM (register offset)
        insn("STR_reg_fpsimd",  "ss11_1100_o01m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C7.2.332 STR (register offset, SIMD&FP)
        insn("LDR_reg_fpsimd",  "ss11_1100_o11m_mmmm_xxxS_10nn_nnnt_tttt", "LoadStoreRegister::registerOffset"); // C7.2.193 LDR (register offset, SIMD&FP)
        // Load/store register (unsigned immediate)
        insn("STRB_imm",        "0011_1001_00ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.324 STRB (unsigned immediate)
        insn("LDRB_imm",        "0011_1001_01ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.170 LDRB (unsigned immediate)
        insn("LDRSB_imm",       "0011_1001_1oii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.174 LDRSB (unsigned immediate)
        insn("STRH_imm",        "0111_1001_00ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.326 STRH (unsigned immediate)
        insn("LDRH_imm",        "0111_1001_01ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.172 LDRH (unsigned immediate)
        insn("LDRSH_imm",       "0111_1001_1oii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.176 LDRSH (unsigned immediate)
        insn("STR_imm",         "1z11_1001_00ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.322 STR (unsigned immediate)
        insn("LDR_imm",         "1z11_1001_01ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.166 LDR (unsigned immediate)
        insn("LDRSW_imm",       "1011_1001_10ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.178 LDRSW (unsigned immediate)
        insn("PRFM_imm",        "1111_1001_10ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C6.2.247 PRFM (unsigned immediate)
        insn("STR_imm_fpsimd",  "ss11_1101_o0ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C7.2.331 STR (unsigned immediate, SIMD&FP)
        insn("LDR_imm_fpsimd",  "ss11_1101_o1ii_iiii_iiii_iinn_nnnt_tttt", "LoadStoreRegister::unsignedOffset"); // C7.2.191 LDR (unsigned immediate, SIMD&FP)

        // ================= Data processing -- register
        // Logical (shifted register)
        insn("AND_shift",   "z000_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::AND_shift"); // C6.2.13 AND (shifted register)
        insn("BIC_shift",   "z000_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::BIC_shift"); // C6.2.32 BIC (shifted register)
        insn("ORR_shift",   "z010_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::ORR_shift"); // C6.2.241 ORR (shifted register)
        insn("ORN_shift",   "z010_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::ORN_shift"); // C6.2.239 ORN (shifted register)
        insn("EOR_shift",   "z100_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::EOR_shift"); // C6.2.120 EOR (shifted register)
        insn("EON_shift",   "z100_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::EON_shift"); // C6.2.118 EON (shifted register)
        insn("ANDS_shift",  "z110_1010_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::ANDS_shift"); // C6.2.15 ANDS (shifted register)
        insn("BICS_shift",  "z110_1010_hh1m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::BICS_shift"); // C6.2.33 BICS (shifted register)
        // Add/subtract (shifted register)
        insn("ADD_shift",   "z000_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::ADD_shift"); // C6.2.5 ADD (shifted register)
        insn("ADDS_shift",  "z010_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::ADDS_shift"); // C6.2.9 ADDS (shifted register)
        insn("SUB_shift",   "z100_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::SUB_shift"); // C6.2.358 SUB (shifted register)
        insn("SUBS_shift",  "z110_1011_hh0m_mmmm_iiii_iinn_nnnd_dddd", "DataProcessingReg::SUBS_shift"); // C6.2.364 SUBS (shifted register)
        // Add/subtract (extended register)
        insn("ADD_ext",     "z000_1011_001m_mmmm_oooi_iinn_nnnd_dddd", "DataProcessingReg::ADD_ext"); // C6.2.3 ADD (extended register)
        insn("ADDS_ext",    "z010_1011_001m_mmmm_oooi_iinn_nnnd_dddd", "DataProcessingReg::ADDS_ext"); // C6.2.7 ADDS (extended register)
        insn("SUB_ext",     "z100_1011_001m_mmmm_oooi_iinn_nnnd_dddd", "DataProcessingReg::SUB_ext"); // C6.2.356 SUB (extended register)
        insn("SUBS_ext",    "z110_1011_001m_mmmm_oooi_iinn_nnnd_dddd", "DataProcessingReg::SUBS_ext"); // C6.2.362 SUBS (extended register)
        // Add/subtract (with carry)
        insn("ADC",         "z001_1010_000m_mmmm_0000_00nn_nnnd_dddd", "DataProcessingReg::ADC");   // C6.2.1 ADC
        insn("ADCS",        "z011_1010_000m_mmmm_0000_00nn_nnnd_dddd", "DataProcessingReg::ADCS");  // C6.2.2 ADCS
        insn("SBC",         "z101_1010_000m_mmmm_0000_00nn_nnnd_dddd", "DataProcessingReg::SBC");   // C6.2.265 SBC
        insn("SBCS",        "z111_1010_000m_mmmm_0000_00nn_nnnd_dddd", "DataProcessingReg::SBCS");  // C6.2.266 SBCS
        // Conditional compare (register) and (immediate)
        insn("CCMN_reg",    "z011_1010_010m_mmmm_cccc_00nn_nnn0_ffff", "DataProcessingReg::CCMN_reg"); // C6.2.49 CCMN (register)
        insn("CCMN_imm",    "z011_1010_010i_iiii_cccc_10nn_nnn0_ffff", "DataProcessingReg::CCMN_imm"); // C6.2.48 CCMN (immediate)
        insn("CCMP_reg",    "z111_1010_010m_mmmm_cccc_00nn_nnn0_ffff", "DataProcessingReg::CCMP_reg"); // C6.2.51 CCMP (register)
        insn("CCMP_imm",    "z111_1010_010i_iiii_cccc_10nn_nnn0_ffff", "DataProcessingReg::CCMP_imm"); // C6.2.50 CCMP (immediate)
        // Conditional select
        insn("CSEL",        "z001_1010_100m_mmmm_cccc_00nn_nnnd_dddd", "DataProcessingReg::CSEL");  // C6.2.103 CSEL
        insn("CSINC",       "z001_1010_100m_mmmm_cccc_01nn_nnnd_dddd", "DataProcessingReg::CSINC"); // C6.2.106 CSINC (aliases CINC, CSET)
        insn("CSINV",       "z101_1010_100m_mmmm_cccc_00nn_nnnd_dddd", "DataProcessingReg::CSINV"); // C6.2.107 CSINV (aliases CINV, CSETM)
        insn("CSNEG",       "z101_1010_100m_mmmm_cccc_01nn_nnnd_dddd", "DataProcessingReg::CSNEG"); // C6.2.108 CSNEG (alias CNEG)
        // Data-processing (2 source)
        insn("UDIV",        "z001_1010_110m_mmmm_0000_10nn_nnnd_dddd", "DataProcessingReg::UDIV");  // C6.2.388 UDIV
        insn("SDIV",        "z001_1010_110m_mmmm_0000_11nn_nnnd_dddd", "DataProcessingReg::SDIV");  // C6.2.270 SDIV
        insn("LSLV",        "z001_1010_110m_mmmm_0010_00nn_nnnd_dddd", "DataProcessingReg::LSLV");  // C6.2.214 LSLV
        insn("LSRV",        "z001_1010_110m_mmmm_0010_01nn_nnnd_dddd", "DataProcessingReg::LSRV");  // C6.2.217 LSRV
        insn("ASRV",        "z001_1010_110m_mmmm_0010_10nn_nnnd_dddd", "DataProcessingReg::ASRV");  // C6.2.18 ASRV
        insn("RORV",        "z001_1010_110m_mmmm_0010_11nn_nnnd_dddd", "DataProcessingReg::RORV");  // C6.2.263 RORV
        insn("CRC32",       "z001_1010_110m_mmmm_0100_ssnn_nnnd_dddd", "DataProcessingReg::CRC32"); // C6.2.100 CRC32B, CRC32H, CRC32W, CRC32X
        insn("CRC32C",      "z001_1010_110m_mmmm_0101_ssnn_nnnd_dddd", "DataProcessingReg::CRC32C"); // C6.2.101 CRC32CB, CRC32CH, CRC32CW, CRC32CX
        // Data-processing (1 source)
        insn("RBIT",        "z101_1010_1100_0000_0000_00nn_nnnd_dddd", "DataProcessingReg::RBIT");  // C6.2.253 RBIT
        insn("REV16",       "z101_1010_1100_0000_0000_01nn_nnnd_dddd", "DataProcessingReg::REV16"); // C6.2.257 REV16
        insn("REV32",       "1101_1010_1100_0000_0000_10nn_nnnd_dddd", "DataProcessingReg::REV32"); // C6.2.258 REV32
        insn("REV",         "z101_1010_1100_0000_0000_1znn_nnnd_dddd", "DataProcessingReg::REV");   // C6.2.256 REV
        insn("CLZ",         "z101_1010_1100_0000_0001_00nn_nnnd_dddd", "DataProcessingReg::CLZ");   // C6.2.58 CLZ
        insn("CLS",         "z101_1010_1100_0000_0001_01nn_nnnd_dddd", "DataProcessingReg::CLS");   // C6.2.57 CLS
        // Data-processing (3 source)
        insn("MADD",        "z001_1011_000m_mmmm_0aaa_aann_nnnd_dddd", "DataProcessingReg::MADD");  // C6.2.218 MADD (alias MUL)
        insn("MSUB",        "z001_1011_000m_mmmm_1aaa_aann_nnnd_dddd", "DataProcessingReg::MSUB");  // C6.2.231 MSUB (alias MNEG)
        insn("SMADDL",      "1001_1011_001m_mmmm_0aaa_aann_nnnd_dddd", "DataProcessingReg::SMADDL"); // C6.2.282 SMADDL (alias SMULL)
        insn("SMSUBL",      "1001_1011_001m_mmmm_1aaa_aann_nnnd_dddd", "DataProcessingReg::SMSUBL"); // C6.2.287 SMSUBL (alias SMNEGL)
        insn("SMULH",       "1001_1011_010m_mmmm_0---_--nn_nnnd_dddd", "DataProcessingReg::SMULH"); // C6.2.288 SMULH
        insn("UMADDL",      "1001_1011_101m_mmmm_0aaa_aann_nnnd_dddd", "DataProcessingReg::UMADDL"); // C6.2.389 UMADDL (alias UMULL)
        insn("UMSUBL",      "1001_1011_101m_mmmm_1aaa_aann_nnnd_dddd", "DataProcessingReg::UMSUBL"); // C6.2.391 UMSUBL (alias UMNEGL)
        insn("UMULH",       "1001_1011_110m_mmmm_0---_--nn_nnnd_dddd", "DataProcessingReg::UMULH"); // C6.2.392 UMULH

        // ================= Data processing -- scalar FP and Advanced SIMD (and the SIMD structure loads/stores
        // LD1/ST1 do not cover): the rows of A64FpSimdRows
        A64FpSimdRows.addTo(t);

        // ================= Reserved
        insn("UDF",      "0000_0000_0000_0000_iiii_iiii_iiii_iiii", "SystemInsns::UDF");           // C6.2.387 UDF

        t = null;
    }
}

package dev.emu.arm64;

/**
 * The decode rows of C4.1.5 "Data processing -- scalar floating-point and Advanced SIMD" and
 * the Advanced SIMD load/store structure groups of C4.1.4, one row per encoding group of the
 * manual's tables; each handler sub-decodes its group's opcode fields and traps on what is
 * unallocated or not implemented. Letters: Q = 128-bit, U = unsigned/op, s = size,
 * t = ftype, m/n/d = Rm/Rn/Rd, o = opcode, i = immediate.
 */
public final class A64FpSimdRows {
    private A64FpSimdRows() {}

    static void addTo(A64Decoder.Rows t) {
        // ---- Advanced SIMD load/store (C4.1.4)
        // LD1/ST1 (multiple structures) are A64Decoder's rows (LoadStoreSimdStructures); these are LD2-LD4/ST2-ST4

        // ---- Advanced SIMD (vector)
        t.add("SIMD_table_lookup",      "0Q00_1110_000m_mmmm_0LLo_00nn_nnnd_dddd", "SimdPermute::tableLookup"); // C4.1 Advanced SIMD table lookup
        t.add("SIMD_permute",           "0Q00_1110_ss0m_mmmm_0ooo_10nn_nnnd_dddd", "SimdPermute::permute");     // C4.1 Advanced SIMD permute
        t.add("SIMD_extract",           "0Q10_1110_000m_mmmm_0iii_i0nn_nnnd_dddd", "SimdPermute::extract");     // C4.1 Advanced SIMD extract
        t.add("SIMD_copy",              "0QU0_1110_000i_iiii_0jjj_j1nn_nnnd_dddd", "SimdCopy::vector");         // C4.1 Advanced SIMD copy
        t.add("SIMD_two_reg_misc",      "0QU0_1110_ss10_000o_oooo_10nn_nnnd_dddd", "SimdTwoReg::vector");       // C4.1 Advanced SIMD two-register miscellaneous
        t.add("SIMD_across_lanes",      "0QU0_1110_ss11_000o_oooo_10nn_nnnd_dddd", "SimdAcrossLanes::vector");  // C4.1 Advanced SIMD across lanes
        t.add("SIMD_three_different",   "0QU0_1110_ss1m_mmmm_oooo_00nn_nnnd_dddd", "SimdThreeDifferent::vector"); // C4.1 Advanced SIMD three different
        t.add("SIMD_three_same",        "0QU0_1110_ss1m_mmmm_oooo_o1nn_nnnd_dddd", "SimdThreeSame::vector");    // C4.1 Advanced SIMD three same
        t.add("SIMD_three_reg_ext",     "0QU0_1110_ss0m_mmmm_1ooo_o1nn_nnnd_dddd", "SimdThreeRegExtension::lift"); // C4.1 Advanced SIMD three-register extension (DotProd, RDM)
        t.add("SIMD_shift_imm",         "0QU0_1111_0hhh_hbbb_oooo_o1nn_nnnd_dddd", "SimdShiftImm::vector");     // C4.1 Advanced SIMD shift by immediate; modified immediate when immh = 0
        t.add("SIMD_indexed",           "0QU0_1111_ssLM_mmmm_oooo_H0nn_nnnd_dddd", "SimdThreeDifferent::indexed"); // C4.1 Advanced SIMD vector x indexed element

        // ---- Advanced SIMD (scalar)
        t.add("SIMD_scalar_copy",       "01U1_1110_000i_iiii_0jjj_j1nn_nnnd_dddd", "SimdCopy::scalar");         // C4.1 Advanced SIMD scalar copy
        t.add("SIMD_scalar_two_reg",    "01U1_1110_ss10_000o_oooo_10nn_nnnd_dddd", "SimdTwoReg::scalar");       // C4.1 Advanced SIMD scalar two-register miscellaneous
        t.add("SIMD_scalar_pairwise",   "01U1_1110_ss11_000o_oooo_10nn_nnnd_dddd", "SimdAcrossLanes::scalarPairwise"); // C4.1 Advanced SIMD scalar pairwise
        t.add("SIMD_scalar_three_diff", "01U1_1110_ss1m_mmmm_oooo_00nn_nnnd_dddd", "SimdThreeDifferent::vector"); // C4.1 Advanced SIMD scalar three different
        t.add("SIMD_scalar_three_reg_ext", "01U1_1110_ss0m_mmmm_1ooo_o1nn_nnnd_dddd", "SimdThreeRegExtension::lift"); // C4.1 Advanced SIMD scalar three-register extension (RDM)
        t.add("SIMD_scalar_three_same", "01U1_1110_ss1m_mmmm_oooo_o1nn_nnnd_dddd", "SimdThreeSame::scalar");    // C4.1 Advanced SIMD scalar three same
        t.add("SIMD_scalar_shift_imm",  "01U1_1111_0hhh_hbbb_oooo_o1nn_nnnd_dddd", "SimdShiftImm::scalar");     // C4.1 Advanced SIMD scalar shift by immediate
        t.add("SIMD_scalar_indexed",    "01U1_1111_ssLM_mmmm_oooo_H0nn_nnnd_dddd", "SimdThreeDifferent::indexed"); // C4.1 Advanced SIMD scalar x indexed element

        // ---- Cryptographic extension (FEAT_AES, FEAT_SHA1, FEAT_SHA256; PMULL 1Q is in SIMD_three_different)
        t.add("CRYPTO_aes",             "0100_1110_ss10_100o_oooo_10nn_nnnd_dddd", "SimdCrypto::aes");          // C4.1 Cryptographic AES
        t.add("CRYPTO_sha_three_reg",   "0101_1110_ss0m_mmmm_0ooo_00nn_nnnd_dddd", "SimdCrypto::sha3");         // C4.1 Cryptographic three-register SHA
        t.add("CRYPTO_sha_two_reg",     "0101_1110_ss10_100o_oooo_10nn_nnnd_dddd", "SimdCrypto::sha2");         // C4.1 Cryptographic two-register SHA

        // ---- Floating point (scalar)
        t.add("FP_conv_fixed",          "z001_1110_tt0r_rooo_ssss_ssnn_nnnd_dddd", "FpConvertInt::fixed");         // C4.1 Conversion between FP and fixed-point
        t.add("FP_conv_int",            "z001_1110_tt1r_rooo_0000_00nn_nnnd_dddd", "FpConvertInt::integer");       // C4.1 Conversion between FP and integer
        t.add("FP_dp1",                 "0001_1110_tt1o_oooo_o100_00nn_nnnd_dddd", "FpDataProcessing::oneSource"); // C4.1 FP data-processing (1 source)
        t.add("FP_compare",             "0001_1110_tt1m_mmmm_0010_00nn_nnnO_OOOO", "FpCompare::FCMP");             // C4.1 FP compare
        t.add("FP_immediate",           "0001_1110_tt1i_iiii_iii1_00jj_jjjd_dddd", "FpCompare::FMOV_imm");         // C4.1 FP immediate
        t.add("FP_cond_compare",        "0001_1110_tt1m_mmmm_cccc_01nn_nnnO_ffff", "FpCompare::FCCMP");            // C4.1 FP conditional compare
        t.add("FP_dp2",                 "0001_1110_tt1m_mmmm_oooo_10nn_nnnd_dddd", "FpDataProcessing::twoSource"); // C4.1 FP data-processing (2 source)
        t.add("FP_cond_select",         "0001_1110_tt1m_mmmm_cccc_11nn_nnnd_dddd", "FpCompare::FCSEL");            // C4.1 FP conditional select
        t.add("FP_dp3",                 "0001_1111_ttom_mmmm_oaaa_aann_nnnd_dddd", "FpDataProcessing::threeSource"); // C4.1 FP data-processing (3 source)
    }
}

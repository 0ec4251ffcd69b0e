package dev.emu.arm64;

import dev.emu.arm64.lift.FpCompare;
import dev.emu.arm64.lift.FpConvertInt;
import dev.emu.arm64.lift.FpDataProcessing;
import dev.emu.arm64.lift.Handler;
import dev.emu.arm64.lift.SimdThreeSame;
import dev.emu.core.decode.DecodeTable;

/**
 * The decode rows of C4.1.5 "Data processing -- scalar floating-point and Advanced SIMD" and
 * the Advanced SIMD load/store structure groups of C4.1.4, one row per encoding group of the
 * manual's tables; each handler sub-decodes its group's opcode fields and traps on what is
 * unallocated or not implemented. Letters: Q = 128-bit, U = unsigned/op, s = size,
 * t = ftype, m/n/d = Rm/Rn/Rd, o = opcode, i = immediate.
 */
public final class A64FpSimdRows {
    private A64FpSimdRows() {}

    public static void addTo(DecodeTable.Builder<Handler> t) {
        // ---- Advanced SIMD (vector)
        t.add("SIMD_three_same",        "0QU0_1110_ss1m_mmmm_oooo_o1nn_nnnd_dddd", SimdThreeSame::vector);  // C4.1 Advanced SIMD three same

        // ---- Advanced SIMD (scalar)
        t.add("SIMD_scalar_three_same", "01U1_1110_ss1m_mmmm_oooo_o1nn_nnnd_dddd", SimdThreeSame::scalar);  // C4.1 Advanced SIMD scalar three same

        // ---- Floating point (scalar)
        t.add("FP_conv_fixed",          "z001_1110_tt0r_rooo_ssss_ssnn_nnnd_dddd", FpConvertInt::fixed);         // C4.1 Conversion between FP and fixed-point
        t.add("FP_conv_int",            "z001_1110_tt1r_rooo_0000_00nn_nnnd_dddd", FpConvertInt::integer);       // C4.1 Conversion between FP and integer
        t.add("FP_dp1",                 "0001_1110_tt1o_oooo_o100_00nn_nnnd_dddd", FpDataProcessing::oneSource); // C4.1 FP data-processing (1 source)
        t.add("FP_compare",             "0001_1110_tt1m_mmmm_0010_00nn_nnnO_OOOO", FpCompare::FCMP);             // C4.1 FP compare
        t.add("FP_immediate",           "0001_1110_tt1i_iiii_iii1_00jj_jjjd_dddd", FpCompare::FMOV_imm);         // C4.1 FP immediate
        t.add("FP_cond_compare",        "0001_1110_tt1m_mmmm_cccc_01nn_nnnO_ffff", FpCompare::FCCMP);            // C4.1 FP conditional compare
        t.add("FP_dp2",                 "0001_1110_tt1m_mmmm_oooo_10nn_nnnd_dddd", FpDataProcessing::twoSource); // C4.1 FP data-processing (2 source)
        t.add("FP_cond_select",         "0001_1110_tt1m_mmmm_cccc_11nn_nnnd_dddd", FpCompare::FCSEL);            // C4.1 FP conditional select
        t.add("FP_dp3",                 "0001_1111_ttom_mmmm_oaaa_aann_nnnd_dddd", FpDataProcessing::threeSource); // C4.1 FP data-processing (3 source)
    }
}

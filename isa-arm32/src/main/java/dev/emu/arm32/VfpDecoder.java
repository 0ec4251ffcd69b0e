package dev.emu.arm32;

import static dev.emu.arm32.Arm32Handlers.of;

import dev.emu.arm32.lift.Handler;

/**
 * The VFP rows (DDI 0406C A7.5 extension register load/store, A7.6 data processing, A7.8
 * 8, 16 and 32-bit transfers, A7.9 64-bit transfers), shared by the A32 table (prefix
 * {@code cccc}, the condition) and the Thumb table (prefix {@code 1110}): the encodings are
 * the same bits. Letters: s sz, D/N/M the extra register bit, U add, W writeback, o to-core.
 */
final class VfpDecoder {
    private VfpDecoder() {}

    interface Rows {
        void add(String name, String pattern, Handler h);
    }

    static void rows(String p, Rows t) {
        // A7.5 Extension register load/store instructions
        t.add("VSTMIA",   p + "_1100_1DW0_nnnn_dddd_101s_iiii_iiii", of("Vfp::VSTMIA"));    // A8.8 VSTM (increment after)
        t.add("VLDMIA",   p + "_1100_1DW1_nnnn_dddd_101s_iiii_iiii", of("Vfp::VLDMIA"));    // A8.8 VLDM, VPOP
        t.add("VSTR",     p + "_1101_UD00_nnnn_dddd_101s_iiii_iiii", of("Vfp::VSTR"));      // A8.8 VSTR
        t.add("VLDR",     p + "_1101_UD01_nnnn_dddd_101s_iiii_iiii", of("Vfp::VLDR"));      // A8.8 VLDR
        t.add("VSTMDB",   p + "_1101_0D10_nnnn_dddd_101s_iiii_iiii", of("Vfp::VSTMDB"));    // A8.8 VSTM (decrement before), VPUSH
        t.add("VLDMDB",   p + "_1101_0D11_nnnn_dddd_101s_iiii_iiii", of("Vfp::VLDMDB"));    // A8.8 VLDM (decrement before)
        // A7.9 64-bit transfers between ARM core and extension registers
        t.add("VMOV_2core_2s", p + "_1100_010o_uuuu_tttt_1010_00M1_mmmm", of("Vfp::VMOV_core_two_singles")); // A8.8 VMOV (two ARM core registers and two single-precision registers)
        t.add("VMOV_2core_d",  p + "_1100_010o_uuuu_tttt_1011_00M1_mmmm", of("Vfp::VMOV_core_double"));      // A8.8 VMOV (two ARM core registers and a doubleword extension register)
        // A7.8 8, 16, and 32-bit transfer between ARM core and extension registers
        t.add("VMOV_core_s",   p + "_1110_000o_nnnn_tttt_1010_N001_0000", of("Vfp::VMOV_core_single"));      // A8.8 VMOV (between ARM core register and single-precision register)
        t.add("VMOV_core_to_scalar", p + "_1110_0hh0_nnnn_tttt_1011_Nll1_0000", of("Neon::VMOV_core_to_scalar")); // A8.8 VMOV (ARM core register to scalar)
        t.add("VMOV_scalar_to_core", p + "_1110_Uhh1_nnnn_tttt_1011_Nll1_0000", of("Neon::VMOV_scalar_to_core")); // A8.8 VMOV (scalar to ARM core register)
        t.add("VDUP_core",           p + "_1110_1bq0_dddd_tttt_1011_D0e1_0000", of("Neon::VDUP_core"));           // A8.8 VDUP (ARM core register)
        t.add("VMSR",          p + "_1110_1110_0001_tttt_1010_0001_0000", of("Vfp::VMSR"));                  // A8.8 VMSR
        t.add("VMRS",          p + "_1110_1111_0001_tttt_1010_0001_0000", of("Vfp::VMRS"));                  // A8.8 VMRS
        // A7.6 Floating-point data-processing instructions
        t.add("VMLA",     p + "_1110_0D00_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VMLA"));      // A8.8 VMLA, VMLS (floating-point)
        t.add("VMLS",     p + "_1110_0D00_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VMLS"));
        t.add("VNMLS",    p + "_1110_0D01_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VNMLS"));     // A8.8 VNMLA, VNMLS, VNMUL
        t.add("VNMLA",    p + "_1110_0D01_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VNMLA"));
        t.add("VMUL",     p + "_1110_0D10_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VMUL"));      // A8.8 VMUL (floating-point)
        t.add("VNMUL",    p + "_1110_0D10_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VNMUL"));
        t.add("VADD",     p + "_1110_0D11_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VADD"));      // A8.8 VADD (floating-point)
        t.add("VSUB",     p + "_1110_0D11_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VSUB"));      // A8.8 VSUB (floating-point)
        t.add("VDIV",     p + "_1110_1D00_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VDIV"));      // A8.8 VDIV
        t.add("VFNMS",    p + "_1110_1D01_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VFNMS"));     // A8.8 VFNMA, VFNMS (VFPv4)
        t.add("VFNMA",    p + "_1110_1D01_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VFNMA"));
        t.add("VFMA",     p + "_1110_1D10_nnnn_dddd_101s_N0M0_mmmm", of("Vfp::VFMA"));      // A8.8 VFMA, VFMS (VFPv4)
        t.add("VFMS",     p + "_1110_1D10_nnnn_dddd_101s_N1M0_mmmm", of("Vfp::VFMS"));
        t.add("VMOV_imm", p + "_1110_1D11_hhhh_dddd_101s_0000_llll", of("Vfp::VMOV_imm"));  // A8.8 VMOV (immediate)
        t.add("VMOV_reg", p + "_1110_1D11_0000_dddd_101s_01M0_mmmm", of("Vfp::VMOV_reg"));  // A8.8 VMOV (register)
        t.add("VABS",     p + "_1110_1D11_0000_dddd_101s_11M0_mmmm", of("Vfp::VABS"));      // A8.8 VABS
        t.add("VNEG",     p + "_1110_1D11_0001_dddd_101s_01M0_mmmm", of("Vfp::VNEG"));      // A8.8 VNEG
        t.add("VSQRT",    p + "_1110_1D11_0001_dddd_101s_11M0_mmmm", of("Vfp::VSQRT"));     // A8.8 VSQRT
        t.add("VCMP",     p + "_1110_1D11_0100_dddd_101s_E1M0_mmmm", of("Vfp::VCMP"));      // A8.8 VCMP, VCMPE
        t.add("VCMP_zero", p + "_1110_1D11_0101_dddd_101s_E100_0000", of("Vfp::VCMP_zero"));
        t.add("VCVT_half", p + "_1110_1D11_001o_dddd_1010_T1M0_mmmm", of("Vfp::VCVT_half")); // A8.8 VCVTB, VCVTT
        t.add("VCVT_fp",  p + "_1110_1D11_0111_dddd_101s_11M0_mmmm", of("Vfp::VCVT_fp"));   // A8.8 VCVT (between double-precision and single-precision)
        t.add("VCVT_from_int", p + "_1110_1D11_1000_dddd_101s_p1M0_mmmm", of("Vfp::VCVT_from_int")); // A8.8 VCVT, VCVTR (between floating-point and integer)
        t.add("VCVT_to_int",   p + "_1110_1D11_110p_dddd_101s_r1M0_mmmm", of("Vfp::VCVT_to_int"));
        t.add("VCVT_fixed",    p + "_1110_1D11_1o1U_dddd_101s_x1j0_iiii", of("Vfp::VCVT_fixed"));    // A8.8 VCVT (between floating-point and fixed-point)
    }
}

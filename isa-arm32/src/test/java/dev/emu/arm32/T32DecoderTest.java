package dev.emu.arm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class T32DecoderTest {
    private static final List<String> INTENDED_16 = List.of("HINT_T1 > IT", "UDF_T1 > B_T1", "SVC_T1 > B_T1");

    private static final List<String> INTENDED_32 = List.of(
            "TST_reg_T2 > AND_reg_T2", "TST_imm_T1 > AND_imm_T1",
            "MOV_reg_T3 > ORR_reg_T2", "MOV_imm_T2 > ORR_imm_T1",
            "MVN_reg_T2 > ORN_reg_T1", "MVN_imm_T1 > ORN_imm_T1",
            "TEQ_reg_T1 > EOR_reg_T2", "TEQ_imm_T1 > EOR_imm_T1",
            "CMN_reg_T2 > ADD_reg_T3", "CMN_imm_T1 > ADD_imm_T3",
            "CMP_reg_T3 > SUB_reg_T2", "CMP_imm_T2 > SUB_imm_T3",
            "MSR_T1 > B_T3", "HINT_T2 > B_T3", "CLREX_T1 > B_T3", "DSB_T1 > B_T3", "DMB_T1 > B_T3",
            "ISB_T1 > B_T3", "MRS_T1 > B_T3", "UDF_T2 > B_T3",
            "LDRB_lit > LDRB_imm12", "LDRB_lit > LDRB_imm8", "LDRB_lit > LDRB_reg",
            "LDRH_lit > LDRH_imm12", "LDRH_lit > LDRH_imm8", "LDRH_lit > LDRH_reg",
            "LDR_lit > LDR_imm12", "LDR_lit > LDR_imm8", "LDR_lit > LDR_reg",
            "LDRSB_lit > LDRSB_imm12", "LDRSB_lit > LDRSB_imm8", "LDRSB_lit > LDRSB_reg",
            "LDRSH_lit > LDRSH_imm12", "LDRSH_lit > LDRSH_imm8", "LDRSH_lit > LDRSH_reg",
            "SXTH_T2 > SXTAH_T1", "UXTH_T2 > UXTAH_T1", "SXTB16_T1 > SXTAB16_T1", "UXTB16_T1 > UXTAB16_T1",
            "SXTB_T2 > SXTAB_T1", "UXTB_T2 > UXTAB_T1",
            "MUL_T2 > MLA_T1", "SMULxy_T1 > SMLAxy_T1", "SMULWy_T1 > SMLAWy_T1");

    @Test
    void overlapsAreOnlyTheIntendedOnes() {
        assertThat(A32DecoderTest.overlaps(T32Decoder.THUMB16)).containsExactlyInAnyOrderElementsOf(INTENDED_16);
        assertThat(A32DecoderTest.overlaps(T32Decoder.THUMB32)).containsExactlyInAnyOrderElementsOf(INTENDED_32);
    }

    @Test
    void everyRowIsReachable() {
        A32DecoderTest.allReachable(T32Decoder.THUMB16);
        A32DecoderTest.allReachable(T32Decoder.THUMB32);
    }
}

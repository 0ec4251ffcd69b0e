package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdModifiedImmTest {
    private static FpSimdRunner run(int word) {
        return FpSimdRunner.code(word).v(0, 0x1111_1111_1111_1111L, 0x2222_2222_2222_2222L).run();
    }

    @Test
    void MOVI() {
        FpSimdRunner r = run(0x4f01_e540); // movi v0.16b, #0x2a
        assertThat(r.lo(0)).isEqualTo(0x2A2A_2A2A_2A2A_2A2AL);
        assertThat(r.hi(0)).isEqualTo(0x2A2A_2A2A_2A2A_2A2AL);
        assertThat(run(0x4f00_2640).lo(0)).isEqualTo(0x0000_1200_0000_1200L); // movi v0.4s, #0x12, lsl #8
        assertThat(run(0x6f05_e540).hi(0)).isEqualTo(0xFF00_FF00_FF00_FF00L); // movi v0.2d, #0xff00ff00ff00ff00
        r = run(0x2f04_e460); // movi d0, #0xff0000000000ffff
        assertThat(r.lo(0)).isEqualTo(0xFF00_0000_0000_FFFFL);
        assertThat(r.hi(0)).isZero();
        assertThat(run(0x4f00_d640).lo(0)).isEqualTo(0x0012_FFFF_0012_FFFFL); // movi v0.4s, #0x12, msl #16
    }

    @Test
    void MVNI_ORR_BIC() {
        assertThat(run(0x6f00_a420).lo(0)).isEqualTo(0xFEFF_FEFF_FEFF_FEFFL); // mvni v0.8h, #0x1, lsl #8
        FpSimdRunner r = run(0x4f04_7400); // orr v0.4s, #0x80, lsl #24
        assertThat(r.lo(0)).isEqualTo(0x9111_1111_9111_1111L);
        assertThat(r.hi(0)).isEqualTo(0xA222_2222_A222_2222L);
        assertThat(run(0x6f07_97e0).hi(0)).isEqualTo(0x2200_2200_2200_2200L); // bic v0.8h, #0xff
    }

    @Test
    void FMOV_vector() {
        FpSimdRunner r = run(0x4f03_f600); // fmov v0.4s, #1.0
        assertThat(r.lo(0)).isEqualTo(0x3F80_0000_3F80_0000L);
        assertThat(r.hi(0)).isEqualTo(0x3F80_0000_3F80_0000L);
        r = run(0x6f07_f400); // fmov v0.2d, #-0.5
        assertThat(Double.longBitsToDouble(r.lo(0))).isEqualTo(-0.5);
        assertThat(Double.longBitsToDouble(r.hi(0))).isEqualTo(-0.5);
    }
}

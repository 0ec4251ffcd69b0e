package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdThreeRegExtensionTest {
    static final long QC = 1L << 27;

    @Test
    void SDOT_UDOT() {
        // lane 0: bytes (1, 2, 3, -1) . (4, 5, 6, 7) = 4 + 10 + 18 - 7 = 25, plus 100
        FpSimdRunner r = FpSimdRunner.code(0x4e82_9420) // sdot v0.4s, v1.16b, v2.16b
                .v(1, 0xFF03_0201L, 0).v(2, 0x0706_0504L, 0).v(0, 100, 0).run();
        assertThat(r.lo(0)).isEqualTo(25 + 100);
        r = FpSimdRunner.code(0x2e82_9420).v(1, 0xFF03_0201L, -1).v(2, 0x0706_0504L, -1).run(); // udot v0.2s, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(4 + 10 + 18 + 255 * 7);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x4fa2_e020) // sdot v0.4s, v1.16b, v2.4b[1]
                .v(1, 0x0101_0101_0202_0202L, 0).v(2, 0x0403_0201L << 32, 0).run();
        assertThat(r.lo(0)).isEqualTo((2L * 10) | (10L << 32));
    }

    @Test
    void SQRDMLAH_SQRDMLSH() {
        // 0x4000 * 0x4000 doubled is 2^29; with the rounding half, >> 16 gives 0x2000; plus 1
        FpSimdRunner r = FpSimdRunner.code(0x6f72_d820) // sqrdmlah v0.8h, v1.8h, v2.h[7]
                .v(1, 0x4000, 0).v(2, 0, 0x4000L << 48).v(0, 1, 0).run();
        assertThat(r.lo(0)).isEqualTo(0x2001);
        r = FpSimdRunner.code(0x7e82_8420).v(1, 0x8000_0000L, 0).v(2, 0x8000_0000L, 0).v(0, 0x7FFF_FFFFL, 0).run(); // sqrdmlah s0, s1, s2
        assertThat(r.lo(0)).isEqualTo(0x7FFF_FFFFL);
        assertThat(r.fpsr()).isEqualTo(QC);
        r = FpSimdRunner.code(0x2e42_8c20).v(1, 0x4000, 0).v(2, 0x4000, 0).v(0, 0, 0).run(); // sqrdmlsh v0.4h, v1.4h, v2.4h
        assertThat(r.lo(0)).isEqualTo(0xE000);
    }
}

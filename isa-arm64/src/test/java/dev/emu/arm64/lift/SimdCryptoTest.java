package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdCryptoTest {
    @Test
    void AESE_subBytesOfZeroIs63() {
        FpSimdRunner r = FpSimdRunner.code(0x4e28_4820).v(0, 0, 0).v(1, 0, 0).run(); // aese v0.16b, v1.16b
        assertThat(r.lo(0)).isEqualTo(0x6363_6363_6363_6363L);
        assertThat(r.hi(0)).isEqualTo(0x6363_6363_6363_6363L);
    }

    @Test
    void AESE_AESD_roundTrip() {
        long lo = 0x0123_4567_89AB_CDEFL, hi = 0xFEDC_BA98_7654_3210L;
        FpSimdRunner r = FpSimdRunner.code(0x4e28_4820, 0x4e28_5820) // aese v0.16b, v1.16b; aesd v0.16b, v1.16b
                .v(0, lo, hi).v(1, 0, 0).run();
        assertThat(r.lo(0)).isEqualTo(lo);
        assertThat(r.hi(0)).isEqualTo(hi);
    }

    @Test
    void AESMC_AESIMC_knownColumn() {
        // FIPS-197 MixColumns example column db 13 53 45 -> 8e 4d a1 bc
        FpSimdRunner r = FpSimdRunner.code(0x4e28_6820).v(1, 0x4553_13DBL, 0).run(); // aesmc v0.16b, v1.16b
        assertThat(r.lo(0) & 0xFFFF_FFFFL).isEqualTo(0xBCA1_4D8EL);
        r = FpSimdRunner.code(0x4e28_7820).v(1, 0xBCA1_4D8EL, 0).run(); // aesimc v0.16b, v1.16b
        assertThat(r.lo(0) & 0xFFFF_FFFFL).isEqualTo(0x4553_13DBL);
    }

    @Test
    void PMULL_1Q() {
        FpSimdRunner r = FpSimdRunner.code(0x0ee2_e020).v(1, 0x8000_0000_0000_0003L, 0).v(2, 0x3, 0).run(); // pmull v0.1q, v1.1d, v2.1d
        assertThat(r.lo(0)).isEqualTo(0x8000_0000_0000_0005L);
        assertThat(r.hi(0)).isEqualTo(0x1);
        r = FpSimdRunner.code(0x4ee2_e020).v(1, 0, 2).v(2, 0, 2).run(); // pmull2 v0.1q, v1.2d, v2.2d
        assertThat(r.lo(0)).isEqualTo(4);
    }

    @Test
    void SHA1H_SHA256SU0() {
        assertThat(FpSimdRunner.code(0x5e28_0820).v(1, 1, 7).run().lo(0)).isEqualTo(0x4000_0000L); // sha1h s0, s1
        // sha256su0 v0.4s, v1.4s with zero inputs stays zero
        assertThat(FpSimdRunner.code(0x5e28_2820).v(0, 0, 0).v(1, 0, 0).run().lo(0)).isZero();
    }
}

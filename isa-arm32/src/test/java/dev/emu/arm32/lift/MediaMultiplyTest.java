package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;

import org.junit.jupiter.api.Test;

class MediaMultiplyTest {
    @Test
    void UMULL() {
        // umull r0, r1, r2, r3
        A32Runner r = A32Runner.arm(0xe0810392).r(2, 0xFFFF_FFFFL).r(3, 0xFFFF_FFFFL).run();
        assertThat(r.r(0)).isEqualTo(1);
        assertThat(r.r(1)).isEqualTo(0xFFFF_FFFEL);
    }

    @Test
    void MLS() {
        // mls r0, r1, r2, r3
        assertThat(A32Runner.arm(0xe0603291).r(1, 3).r(2, 4).r(3, 20).run().r(0)).isEqualTo(8);
    }

    @Test
    void SMLAxy_sets_Q() {
        // smlabt r0, r1, r2, r3
        A32Runner r = A32Runner.arm(0xe10032c1).r(1, 0x7FFF).r(2, 0x7FFF_0000L).r(3, 0x7FFF_FFFF).run();
        assertThat(r.r(0)).isEqualTo((0x7FFFL * 0x7FFF + 0x7FFF_FFFFL) & 0xFFFF_FFFFL);
        assertThat(r.cpu.get("q")).isEqualTo(1);
    }

    @Test
    void CLZ_REV() {
        assertThat(A32Runner.arm(0xe16f0f11).r(1, 0x0001_0000).run().r(0)).isEqualTo(15); // clz r0, r1
        assertThat(A32Runner.arm(0xe6bf0f31).r(1, 0x1122_3344).run().r(0)).isEqualTo(0x4433_2211L); // rev r0, r1
    }

    @Test
    void bitfields() {
        assertThat(A32Runner.arm(0xe7e70251).r(1, 0x1234_5678).run().r(0)).isEqualTo(0x67); // ubfx r0, r1, #4, #8
        assertThat(A32Runner.arm(0xe7cb0411).r(0, -1).r(1, 0).run().r(0)).isEqualTo(0xFFFF_F0FFL); // bfi r0, r1, #8, #4
        assertThat(A32Runner.arm(0xe7c3001f).r(0, 0xFF).run().r(0)).isEqualTo(0xF0); // bfc r0, #0, #4
    }

    @Test
    void SXTAH() {
        // sxtah r0, r1, r2, ror #8
        assertThat(A32Runner.arm(0xe6b10472).r(1, 1).r(2, 0x00FF_FF00L).run().r(0)).isZero();
    }

    @Test
    void MRC_TPIDRURO_MRS_MSR() {
        A32Runner r = A32Runner.arm(0xee1d0f70); // mrc p15, 0, r0, c13, c0, 3
        r.cpu.set("tpidruro", 0xB6F0_0000L);
        assertThat(r.run().r(0)).isEqualTo(0xB6F0_0000L);
        // msr APSR_nzcvq, r1; mrs r0, apsr
        r = A32Runner.arm(0xe128f001, 0xe10f0000).r(1, 0xF800_0000L).run();
        assertThat(r.nzcv()).isEqualTo(0b1111);
        assertThat(r.r(0)).isEqualTo(0xF800_0010L);
    }
}

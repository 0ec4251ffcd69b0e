package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;

import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void UADD8_sets_GE_from_carries_then_SEL() {
        // uadd8 r0, r1, r2; sel r3, r4, r5
        A32Runner r = A32Runner.arm(0xe6510f92, 0xe6843fb5).r(1, 0xFF01_80FFL).r(2, 0x0101_8001L)
                .r(4, 0x1111_1111L).r(5, 0x2222_2222L).run();
        assertThat(r.r(0)).isEqualTo(0x0002_0000L);
        assertThat(r.cpu.get("ge")).isEqualTo(0b1011);
        assertThat(r.r(3)).isEqualTo(0x1122_1111L);
    }

    @Test
    void QADD8_saturates() {
        // qadd8 r0, r1, r2
        assertThat(A32Runner.arm(0xe6210f92).r(1, 0x7F80_0102L).r(2, 0x0180_0102L).run().r(0)).isEqualTo(0x7F80_0204L);
    }

    @Test
    void UQSUB8_thumb() {
        // uqsub8 r0, r1, r2
        assertThat(A32Runner.thumb(0xfac1, 0xf052).r(1, 0x0510_2030L).r(2, 0x0A01_2040L).run().r(0)).isEqualTo(0x000F_0000L);
    }
}

package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;

import org.junit.jupiter.api.Test;

class LoadStoreTest {
    static final long D = A32Runner.DATA;

    @Test
    void LDR_imm_pre_writeback() {
        // ldr r0, [r1, #4]!
        A32Runner r = A32Runner.arm(0xe5b10004).r(1, D).poke32(D + 4, 0xCAFEBABEL).run();
        assertThat(r.r(0)).isEqualTo(0xCAFEBABEL);
        assertThat(r.r(1)).isEqualTo(D + 4);
    }

    @Test
    void LDRH_imm_post() {
        // ldrh r2, [r1], #-2
        A32Runner r = A32Runner.arm(0xe05120b2).r(1, D + 8).poke32(D + 8, 0x1234_8765L).run();
        assertThat(r.r(2)).isEqualTo(0x8765);
        assertThat(r.r(1)).isEqualTo(D + 6);
    }

    @Test
    void STRD_imm() {
        // strd r2, r3, [r1, #8]
        A32Runner r = A32Runner.arm(0xe1c120f8).r(1, D).r(2, 0x11).r(3, 0x22).run();
        assertThat(r.mem32(D + 8)).isEqualTo(0x11);
        assertThat(r.mem32(D + 12)).isEqualTo(0x22);
        assertThat(r.r(1)).isEqualTo(D);
    }

    @Test
    void LDR_reg_shifted() {
        // ldr r0, [r1, r2, lsl #2]
        A32Runner r = A32Runner.arm(0xe7910102).r(1, D).r(2, 3).poke32(D + 12, 77).run();
        assertThat(r.r(0)).isEqualTo(77);
    }

    @Test
    void PUSH_POP_with_pc() {
        // push {r4, lr}; pop {r4, pc}
        A32Runner r = A32Runner.arm(0xe92d4010, 0xe8bd8010).r(13, D + 0x100).r(4, 9).r(14, 0x5001).run();
        assertThat(r.r(13)).isEqualTo(D + 0x100);
        assertThat(r.mem32(D + 0xFC)).isEqualTo(0x5001);
        assertThat(r.mem32(D + 0xF8)).isEqualTo(9);
        assertThat(r.pc()).isEqualTo(0x5000);
        assertThat(r.cpu.get("t")).isEqualTo(1); // LoadWritePC interworks
    }

    @Test
    void LDM_writeback() {
        // ldm r1!, {r2, r3, r4}
        A32Runner r = A32Runner.arm(0xe8b1001c).r(1, D).poke32(D, 1).poke32(D + 4, 2).poke32(D + 8, 3).run();
        assertThat(new long[] {r.r(2), r.r(3), r.r(4), r.r(1)}).containsExactly(1, 2, 3, D + 12);
    }

    @Test
    void LDREX_STREX() {
        // ldrex r0, [r1]; add r0, r0, #1 ... strex r2, r0, [r1]
        A32Runner r = A32Runner.arm(0xe1910f9f, 0xe2800001, 0xe1812f90).r(1, D).poke32(D, 41).run();
        assertThat(r.mem32(D)).isEqualTo(42);
        assertThat(r.r(2)).isZero();
        // strex without a reservation fails
        r = A32Runner.arm(0xe1812f90).r(1, D).r(0, 5).poke32(D, 41).run();
        assertThat(r.mem32(D)).isEqualTo(41);
        assertThat(r.r(2)).isEqualTo(1);
    }
}

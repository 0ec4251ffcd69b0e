package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;
import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class DataProcessingTest {
    @Test
    void ADD_imm() {
        assertThat(A32Runner.arm(0xe2811001).r(1, 41).run().r(1)).isEqualTo(42); // add r1, r1, #1
    }

    @Test
    void ADD_reg_flags() {
        // adds r0, r1, r2
        A32Runner r = A32Runner.arm(0xe0910002).r(1, 0xFFFF_FFFFL).r(2, 1).run();
        assertThat(r.r(0)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0110);
        r = A32Runner.arm(0xe0910002).r(1, 0x7FFF_FFFF).r(2, 1).run();
        assertThat(r.nzcv()).isEqualTo(0b1001);
    }

    @Test
    void SUB_imm_flags() {
        // subs r0, r0, #1
        assertThat(A32Runner.arm(0xe2500001).r(0, 1).run().nzcv()).isEqualTo(0b0110);
        assertThat(A32Runner.arm(0xe2500001).r(0, 0).run().nzcv()).isEqualTo(0b1000);
    }

    @Test
    void MOV_rsr_shifter_carry() {
        // lsls r3, r4, r5
        A32Runner r = A32Runner.arm(0xe1b03514).r(4, 0x8000_0001L).r(5, 1).run();
        assertThat(r.r(3)).isEqualTo(2);
        assertThat(r.nzcv()).isEqualTo(0b0010);
        r = A32Runner.arm(0xe1b03514).r(4, 1).r(5, 32).run(); // all shifted out, carry = bit 0
        assertThat(r.r(3)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0110);
        r = A32Runner.arm(0xe1b03514).r(4, 1).r(5, 0x100).nzcv(0b0010).run(); // amount 0: carry kept
        assertThat(r.r(3)).isEqualTo(1);
        assertThat(r.nzcv()).isEqualTo(0b0010);
    }

    @Test
    void MOV_reg_rrx() {
        // rrx r0, r1
        A32Runner r = A32Runner.arm(0xe1a00061).r(1, 3).nzcv(0b0010).run();
        assertThat(r.r(0)).isEqualTo(0x8000_0001L);
    }

    @Test
    void conditional_execution() {
        // addeq r0, r0, #5
        assertThat(A32Runner.arm(0xe2500001 & 0x0fffffff | 0x0 << 28).r(0, 7).run().r(0)).isEqualTo(7); // subseq r0, r0, #1 (Z clear): skipped
        assertThat(A32Runner.arm(0x02800005).r(0, 1).nzcv(0b0100).run().r(0)).isEqualTo(6);
        assertThat(A32Runner.arm(0x02800005).r(0, 1).nzcv(0b0000).run().r(0)).isEqualTo(1);
    }

    @Test
    void MOV_reg_to_pc_interworks() {
        // mov pc, lr
        A32Runner r = A32Runner.arm(0xe1a0f00e).r(14, 0x4001).run();
        assertThat(r.pc()).isEqualTo(0x4000);
        assertThat(r.cpu.get("t")).isEqualTo(1);
    }

    @Test
    void MOVW_MOVT() {
        // movw r0, #0x1234; movt r0, #0x5678
        assertThat(A32Runner.arm(0xe3010234, 0xe3450678).run().r(0)).isEqualTo(0x5678_1234L);
    }

    @Test
    void SUBS_pc_is_illegal_in_user_mode() {
        // subs pc, lr, #4
        assertThat(A32Runner.arm(0xe25ef004).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }
}

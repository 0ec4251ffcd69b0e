package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;
import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class BranchesTest {
    @Test
    void B_and_BL() {
        // bl .+8 (skips one word); mov r0, #1; mov r1, #2
        A32Runner r = A32Runner.arm(0xeb000000, 0xe3a00001, 0xe3a01002).run();
        assertThat(r.r(0)).isZero();
        assertThat(r.r(1)).isEqualTo(2);
        assertThat(r.r(14)).isEqualTo(A32Runner.BASE + 4);
    }

    @Test
    void BLX_reg_to_thumb() {
        // blx r3
        A32Runner r = A32Runner.arm(0xe12fff33).r(3, 0x9001).run();
        assertThat(r.pc()).isEqualTo(0x9000);
        assertThat(r.cpu.get("t")).isEqualTo(1);
        assertThat(r.r(14)).isEqualTo(A32Runner.BASE + 4);
    }

    @Test
    void BX_lr() {
        // bx lr
        A32Runner r = A32Runner.arm(0xe12fff1e).r(14, 0x8000).run();
        assertThat(r.pc()).isEqualTo(0x8000);
        assertThat(r.cpu.get("t")).isZero();
    }

    @Test
    void SVC_traps_after_itself() {
        // svc #0
        A32Runner r = A32Runner.arm(0xef000000).run();
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(r.pc()).isEqualTo(A32Runner.BASE + 4);
    }

    @Test
    void conditional_SVC_not_taken_goes_on() {
        // svceq #0; mov r0, #1
        A32Runner r = A32Runner.arm(0x0f000000, 0xe3a00001).run();
        assertThat(r.trap()).isNull();
        assertThat(r.r(0)).isEqualTo(1);
    }

    @Test
    void BKPT_and_UDF() {
        assertThat(A32Runner.arm(0xe1200071).run().trap()).isEqualTo(TrapKind.BREAKPOINT); // bkpt #1
        A32Runner r = A32Runner.arm(0xe7f000f0).run(); // udf #0
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.cpu.trapDetail).isEqualTo(0xe7f000f0L);
        assertThat(r.pc()).isEqualTo(A32Runner.BASE);
    }
}

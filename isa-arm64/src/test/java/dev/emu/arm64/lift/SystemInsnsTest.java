package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.Arm64Helpers;
import dev.emu.arm64.Arm64Registers;
import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class SystemInsnsTest {
    private static final long B = A64Runner.BASE;

    @Test
    void SVC() {
        A64Runner r = new A64Runner().code(0xd400_0001).run(); // svc #0
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(r.pc()).isEqualTo(B + 4);
        assertThat(r.cpu.trapDetail).isZero();
    }

    @Test
    void BRK() {
        A64Runner r = new A64Runner().code(0xd420_7d00).run(); // brk #0x3e8
        assertThat(r.trap()).isEqualTo(TrapKind.BREAKPOINT);
        assertThat(r.pc()).isEqualTo(B);
        assertThat(r.cpu.trapDetail).isEqualTo(0x3e8);
    }

    @Test
    void UDF() {
        A64Runner r = new A64Runner().code(0x0000_0001).run(); // udf #1
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.pc()).isEqualTo(B);
    }

    @Test
    void unimplementedExceptionsAndBarriersAreIllegal() {
        assertThat(new A64Runner().code(0xd400_0002).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // hvc #0
        assertThat(new A64Runner().code(0xd503_30ff).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // sb
    }

    @Test
    void HINT() {
        // nop; yield; bti c; paciasp; autiasp; xpaclri
        A64Runner r = new A64Runner().code(0xd503_201f, 0xd503_203f, 0xd503_245f, 0xd503_233f, 0xd503_23bf,
                0xd503_20ff).x(30, 0x1234).run();
        assertThat(r.trap()).isNull();
        assertThat(r.pc()).isEqualTo(B + 24);
        assertThat(r.x(30)).isEqualTo(0x1234);
    }

    @Test
    void CLREX() {
        A64Runner r = new A64Runner().code(0xd503_3f5f).set("excl_addr", 0x8000).run(); // clrex
        assertThat(r.cpu.get("excl_addr")).isEqualTo(-1);
    }

    @Test
    void DSB() {
        assertThat(new A64Runner().code(0xd503_3b9f).run().pc()).isEqualTo(B + 4); // dsb ish
    }

    @Test
    void DMB() {
        assertThat(new A64Runner().code(0xd503_39bf).run().pc()).isEqualTo(B + 4); // dmb ishld
    }

    @Test
    void ISB() {
        A64Runner r = new A64Runner().code(0xd503_3fdf, 0xd503_201f).run(); // isb; nop
        assertThat(r.pc()).isEqualTo(B + 8);
        assertThat(r.blocks).isEqualTo(2);
    }

    @Test
    void SYS() {
        // dc cvau, x1; ic ivau, x2; dc civac, x3 are no-ops here
        A64Runner r = new A64Runner().code(0xd50b_7b21, 0xd50b_7522, 0xd50b_7e23).run();
        assertThat(r.trap()).isNull();
        assertThat(r.pc()).isEqualTo(B + 12);
        assertThat(new A64Runner().code(0xd508_7100).run().trap()) // ic ialluis (EL1 only)
                .isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }

    @Test
    void MRS() {
        A64Runner r = new A64Runner().code(0xd53b_4200).nzcv(0b1010).run(); // mrs x0, nzcv
        assertThat(r.x(0)).isEqualTo(0xA000_0000L);
        r = new A64Runner().code(0xd53b_d046).set("tpidr_el0", 0xdead_beefL).run(); // mrs x6, tpidr_el0
        assertThat(r.x(6)).isEqualTo(0xdead_beefL);
        r = new A64Runner().code(0xd53b_e009).run(); // mrs x9, cntfrq_el0
        assertThat(r.x(9)).isEqualTo(Arm64Helpers.CNTFRQ_HZ);
        r = new A64Runner().code(0xd53b_002a, 0xd53b_00eb, 0xd538_000c, 0xd538_060d, 0xd538_040e, 0xd538_0700)
                .run(); // mrs ctr_el0, dczid_el0, midr_el1, id_aa64isar0_el1, id_aa64pfr0_el1, id_aa64mmfr0_el1
        assertThat(r.x(10)).isEqualTo(0x8444_C004L);
        assertThat(r.x(11)).isEqualTo(4);
        assertThat(r.x(12)).isEqualTo(0x411F_D050L);
        assertThat(r.x(13)).isEqualTo(0x21_0000L);
        assertThat(r.x(14)).isEqualTo(0x11);
        assertThat(r.x(0)).isZero();
    }

    @Test
    void MRS_tpidrro_el0_reads_zero() {
        assertThat(new A64Runner().code(0xd53b_d061).x(1, 5).run().x(1)).isZero(); // mrs x1, tpidrro_el0
    }

    @Test
    void MRS_cntvct_advances() {
        A64Runner r = new A64Runner().code(0xd53b_e048).run(); // mrs x8, cntvct_el0
        long first = r.x(8);
        r = new A64Runner().code(0xd53b_e048).run();
        assertThat(r.x(8)).isGreaterThanOrEqualTo(first).isPositive();
    }

    @Test
    void MRS_of_privileged_registers_is_illegal() {
        assertThat(new A64Runner().code(0xd53b_422f).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // mrs x15, daif
    }

    @Test
    void MSR_reg() {
        // msr nzcv, x1; msr fpcr, x3; msr fpsr, x5; msr tpidr_el0, x7
        A64Runner r = new A64Runner().code(0xd51b_4201, 0xd51b_4403, 0xd51b_4425, 0xd51b_d047)
                .x(1, 0x6000_0000L).x(3, 0x00c0_0000L | 0xFF).x(5, 0x0800_0001L).x(7, 0x7777).run();
        assertThat(r.nzcv()).isEqualTo(0b0110);
        assertThat(r.cpu.regs[Arm64Registers.FPCR]).isEqualTo(0x00c0_0000L);
        assertThat(r.cpu.regs[Arm64Registers.FPSR]).isEqualTo(0x0800_0001L);
        assertThat(r.cpu.regs[Arm64Registers.TPIDR_EL0]).isEqualTo(0x7777);
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.TestMemory.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.Arm64Registers;
import dev.emu.arm64.TestMemory;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadStoreRegisterTest {
    private AddressSpace mem;
    private A64Runner r;

    @BeforeEach
    void setUp() {
        mem = TestMemory.create();
        r = new A64Runner(mem);
        // 0x00: 01 02 03 04 85 86 87 88 | 0x08: 0x1122334455667788
        mem.st64le(DATA, 0x8887_8685_0403_0201L);
        mem.st64le(DATA + 8, 0x1122_3344_5566_7788L);
    }

    private A64Runner run(int... words) {
        return r.code(words).x(1, DATA).run();
    }

    @Test
    void LDR_imm() {
        assertThat(run(0xf940_0420).x(0)).isEqualTo(0x1122_3344_5566_7788L); // ldr x0, [x1, #8]
    }

    @Test
    void STR_imm() {
        run(0xb900_0422, 0x3900_0029, 0x7900_0c2a); // str w2, [x1, #4]; strb w9, [x1]; strh w10, [x1, #6]
        assertThat(mem.ld64le(DATA)).isEqualTo(0x0000_0000_0403_0200L);
        r.x(2, 0xAAAA_AAAA_DEAD_BEEFL).x(9, 0x1FF).x(10, 0x12345);
        run(0xb900_0422, 0x3900_0029, 0x7900_0c2a);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x2345_BEEF_0403_02FFL);
    }

    @Test
    void LDRB_LDRSB_LDRH_LDRSH_LDRSW_imm() {
        // ldrb w3, [x1, #1]; ldrsb x4, [x1, #2]; ldrsb w5, [x1, #2]; ldrh w6, [x1, #2]; ldrsh x7, [x1, #2]; ldrsw x8, [x1, #4]
        mem.st8(DATA + 2, 0x80);
        run(0x3940_0423, 0x3980_0824, 0x39c0_0825, 0x7940_0426, 0x7980_0427, 0xb980_0428);
        assertThat(r.x(3)).isEqualTo(2);
        assertThat(r.x(4)).isEqualTo(-128);
        assertThat(r.x(5)).isEqualTo(0xFFFF_FF80L);
        assertThat(r.x(6)).isEqualTo(0x0480);
        assertThat(r.x(7)).isEqualTo(0x0480);
        assertThat(r.x(8)).isEqualTo(0xFFFF_FFFF_8887_8685L);
    }

    @Test
    void LDUR_STUR() {
        r.x(1, DATA + 16).x(2, 0x1234_5678);
        r.code(0xf85f_8020, 0xb81f_d022, 0x78df_f023).run(); // ldur x0, [x1, #-8]; stur w2, [x1, #-3]; ldursh w3, [x1, #-1]
        assertThat(r.x(0)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mem.ld32le(DATA + 13)).isEqualTo(0x1234_5678);
        assertThat(r.x(3)).isEqualTo(0x1234L);
    }

    @Test
    void LDR_post() {
        run(0xf841_0420); // ldr x0, [x1], #16
        assertThat(r.x(0)).isEqualTo(0x8887_8685_0403_0201L);
        assertThat(r.x(1)).isEqualTo(DATA + 16);
    }

    @Test
    void STR_pre() {
        r.x(1, DATA + 32).x(2, 77);
        r.code(0xf81f_0c22).run(); // str x2, [x1, #-16]!
        assertThat(mem.ld64le(DATA + 16)).isEqualTo(77);
        assertThat(r.x(1)).isEqualTo(DATA + 16);
    }

    @Test
    void LDRB_pre() {
        run(0x3840_1c23); // ldrb w3, [x1, #1]!
        assertThat(r.x(3)).isEqualTo(2);
        assertThat(r.x(1)).isEqualTo(DATA + 1);
    }

    @Test
    void STR_pre_to_sp() {
        r.set("sp", DATA + 0x100).x(2, 5);
        r.code(0xf81f_0fe2).run(); // str x2, [sp, #-16]!
        assertThat(r.sp()).isEqualTo(DATA + 0xF0);
        assertThat(mem.ld64le(DATA + 0xF0)).isEqualTo(5);
    }

    @Test
    void LDR_reg() {
        r.x(2, 1);
        run(0xf862_7820); // ldr x0, [x1, x2, lsl #3]
        assertThat(r.x(0)).isEqualTo(0x1122_3344_5566_7788L);
        r.x(1, DATA + 8).x(2, 0xFFFF_FFFFL); // w2 = -1
        r.code(0xb862_d823).run(); // ldr w3, [x1, w2, sxtw #2]
        assertThat(r.x(3)).isEqualTo(0x8887_8685L);
        r.x(1, DATA).x(2, 0x1_0000_0004L);
        r.code(0xb8a2_4825).run(); // ldrsw x5, [x1, w2, uxtw]: only w2 counts
        assertThat(r.x(5)).isEqualTo(0xFFFF_FFFF_8887_8685L);
        r.x(1, DATA).x(2, 4).x(4, 0xAB);
        r.code(0x3822_6824).run(); // strb w4, [x1, x2]
        assertThat(mem.ld8(DATA + 4)).isEqualTo(0xAB);
    }

    @Test
    void LDR_lit() {
        A64Runner lit = new A64Runner(mem);
        lit.codeAt(DATA, 0x5800_0040, 0x98ff_ffe1); // ldr x0, #8; ldrsw x1, #-4 (both into the data)
        lit.runUntil(DATA + 8);
        assertThat(lit.x(0)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(lit.x(1)).isEqualTo(0x0000_0000_0403_0201L);
    }

    @Test
    void PRFM() {
        // prfm [x1]; prfm #0; prfum [x1, #1]; prfm [x1, x2]: hints that never fault
        r.x(1, 0).x(2, 0);
        r.code(0xf980_0020, 0xd800_0000, 0xf880_1020, 0xf8a2_6820).run();
        assertThat(r.trap()).isNull();
        assertThat(r.pc()).isEqualTo(A64Runner.BASE + 16);
    }

    @Test
    void LDTR_STTR() {
        r.x(2, 0xEE);
        run(0xf840_8820, 0x3800_1822); // ldtr x0, [x1, #8]; sttrb w2, [x1, #1]
        assertThat(r.x(0)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mem.ld8(DATA + 1)).isEqualTo(0xEE);
    }

    @Test
    void SIMD_FP_registers() {
        // ldr q0, [x1]; ldr d2, [x1, #8]; ldr h4, [x1, #2]
        run(0x3dc0_0020, 0xfd40_0422, 0x7d40_0424);
        long[] regs = r.cpu.regs;
        assertThat(regs[Arm64Registers.vlo(0)]).isEqualTo(0x8887_8685_0403_0201L);
        assertThat(regs[Arm64Registers.vhi(0)]).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(regs[Arm64Registers.vlo(2)]).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(regs[Arm64Registers.vlo(4)]).isEqualTo(0x0403);
        regs[Arm64Registers.vlo(1)] = 1;
        regs[Arm64Registers.vhi(1)] = 2;
        regs[Arm64Registers.vlo(3)] = 0xCAFE_F00DL;
        regs[Arm64Registers.vlo(5)] = 0x77;
        run(0x3d80_0421, 0xbd00_0423, 0x3d00_0c25); // str q1, [x1, #16]; str s3, [x1, #4]; str b5, [x1, #3]
        assertThat(mem.ld64le(DATA + 16)).isEqualTo(1);
        assertThat(mem.ld64le(DATA + 24)).isEqualTo(2);
        assertThat(mem.ld32le(DATA + 4)).isEqualTo(0xCAFE_F00D);
        assertThat(mem.ld8(DATA + 3)).isEqualTo(0x77);
    }

    @Test
    void SIMD_FP_narrow_load_clears_the_high_half() {
        r.cpu.regs[Arm64Registers.vhi(2)] = -1;
        run(0xfd40_0422); // ldr d2, [x1, #8]
        assertThat(r.cpu.regs[Arm64Registers.vhi(2)]).isZero();
    }

    @Test
    void SIMD_FP_other_modes() {
        r.x(1, DATA + 16);
        // ldur q6, [x1, #-16]; stur d7, [x1, #-8]
        r.cpu.regs[Arm64Registers.vlo(7)] = 0x99;
        r.code(0x3cdf_0026, 0xfc1f_8027).run();
        assertThat(r.cpu.regs[Arm64Registers.vhi(6)]).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(0x99);
        r.x(1, DATA).code(0x3cc2_0428).run(); // ldr q8, [x1], #32
        assertThat(r.x(1)).isEqualTo(DATA + 32);
        assertThat(r.cpu.regs[Arm64Registers.vlo(8)]).isEqualTo(0x8887_8685_0403_0201L);
        r.cpu.regs[Arm64Registers.vlo(9)] = 0x42;
        r.x(1, DATA).code(0xfc00_8c29).run(); // str d9, [x1, #8]!
        assertThat(r.x(1)).isEqualTo(DATA + 8);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(0x42);
        r.x(1, DATA).x(2, 1).code(0xbc62_782a).run(); // ldr s10, [x1, x2, lsl #2]
        assertThat(r.cpu.regs[Arm64Registers.vlo(10)]).isEqualTo(0x8887_8685L);
        A64Runner lit = new A64Runner(mem).codeAt(DATA + 0x100, 0x9c00_008b); // ldr q11, #16
        mem.st64le(DATA + 0x110, 5);
        mem.st64le(DATA + 0x118, 6);
        lit.runUntil(DATA + 0x104);
        assertThat(lit.cpu.regs[Arm64Registers.vlo(11)]).isEqualTo(5);
        assertThat(lit.cpu.regs[Arm64Registers.vhi(11)]).isEqualTo(6);
    }

    @Test
    void faultingLoadLeavesRegistersAndBaseUntouched() {
        r.x(1, DATA + TestMemory.SIZE - 8).x(0, 1234);
        r.code(0x9100_04a5, 0xf940_0420); // add x5, x5, #1; ldr x0, [x1, #8] (just past the mapping)
        assertThatThrownBy(() -> r.run()).isInstanceOf(GuestFault.class);
        assertThat(r.x(0)).isEqualTo(1234);
        assertThat(r.x(5)).isEqualTo(1);
        assertThat(r.pc()).isEqualTo(A64Runner.BASE + 4);
    }

    @Test
    void writebackOfAFaultingPostIndexedStoreDoesNotHappen() {
        r.x(1, DATA + TestMemory.SIZE).x(2, 9);
        r.code(0xf801_0422); // str x2, [x1], #16 (x1 just past the mapping)
        assertThatThrownBy(() -> r.run()).isInstanceOf(GuestFault.class);
        assertThat(r.x(1)).isEqualTo(DATA + TestMemory.SIZE);
    }

    @Test
    void unallocatedLoadStoreIsIllegal() {
        assertThat(run(0xf8c0_0420).trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // ldrsw-like size 11 opc 11
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.TestMemory.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.Arm64Registers;
import dev.emu.arm64.TestMemory;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadStoreSimdStructuresTest {
    private AddressSpace mem;
    private A64Runner r;

    @BeforeEach
    void setUp() {
        mem = TestMemory.create();
        r = new A64Runner(mem);
        for (int i = 0; i < 16; i++) {
            mem.st64le(DATA + 8L * i, 0x0101_0101_0101_0101L * (i + 1));
        }
    }

    private long lo(int v) {
        return r.cpu.regs[Arm64Registers.vlo(v)];
    }

    private long hi(int v) {
        return r.cpu.regs[Arm64Registers.vhi(v)];
    }

    @Test
    void LD1_mult_1() {
        r.x(3, DATA).code(0x4c40_7061).run(); // ld1 {v1.16b}, [x3]
        assertThat(lo(1)).isEqualTo(0x0101_0101_0101_0101L);
        assertThat(hi(1)).isEqualTo(0x0202_0202_0202_0202L);
        assertThat(r.x(3)).isEqualTo(DATA);
    }

    @Test
    void LD1_mult_2_post() {
        r.cpu.regs[Arm64Registers.vhi(2)] = -1;
        r.x(1, DATA).code(0x0cdf_a021).run(); // ld1 {v1.8b, v2.8b}, [x1], #16
        assertThat(lo(1)).isEqualTo(0x0101_0101_0101_0101L);
        assertThat(hi(1)).isZero();
        assertThat(lo(2)).isEqualTo(0x0202_0202_0202_0202L);
        assertThat(hi(2)).isZero();
        assertThat(r.x(1)).isEqualTo(DATA + 16);
    }

    @Test
    void LD1_mult_3_post_by_register() {
        r.x(0, DATA).x(5, 8).code(0x4cc5_6800).run(); // ld1 {v0.4s, v1.4s, v2.4s}, [x0], x5
        assertThat(lo(2)).isEqualTo(0x0505_0505_0505_0505L);
        assertThat(hi(2)).isEqualTo(0x0606_0606_0606_0606L);
        assertThat(r.x(0)).isEqualTo(DATA + 8);
    }

    @Test
    void ST1_mult_4() {
        for (int v = 3; v <= 6; v++) {
            r.cpu.regs[Arm64Registers.vlo(v)] = v;
            r.cpu.regs[Arm64Registers.vhi(v)] = 10 + v;
        }
        r.set("sp", DATA + 0x100).code(0x4c00_2fe3).run(); // st1 {v3.2d, v4.2d, v5.2d, v6.2d}, [sp]
        assertThat(mem.ld64le(DATA + 0x100)).isEqualTo(3);
        assertThat(mem.ld64le(DATA + 0x108)).isEqualTo(13);
        assertThat(mem.ld64le(DATA + 0x138)).isEqualTo(16);
    }

    @Test
    void ST1_mult_2_post_wraps_from_v31_to_v0() {
        r.cpu.regs[Arm64Registers.vlo(31)] = 31;
        r.cpu.regs[Arm64Registers.vlo(0)] = 100;
        r.x(2, DATA).code(0x4c9f_a05f).run(); // st1 {v31.16b, v0.16b}, [x2], #32
        assertThat(mem.ld64le(DATA)).isEqualTo(31);
        assertThat(mem.ld64le(DATA + 16)).isEqualTo(100);
        assertThat(r.x(2)).isEqualTo(DATA + 32);
    }

    @Test
    void LD2_mult() {
        // ld2 {v0.16b, v1.16b}, [x0]: even bytes to v0, odd bytes to v1
        for (int i = 0; i < 32; i++) {
            mem.st8(DATA + i, i);
        }
        r.x(0, DATA).code(0x4c40_8000).run();
        assertThat(lo(0)).isEqualTo(0x0e0c_0a08_0604_0200L);
        assertThat(lo(1)).isEqualTo(0x0f0d_0b09_0705_0301L);
        assertThat(hi(1)).isEqualTo(0x1f1d_1b19_1715_1311L);
    }

    @Test
    void LD4_mult_post() {
        // ld4 {v2.4s, v3.4s, v4.4s, v5.4s}, [x1], #64: word i of structure j to lane j of v(2+i)
        for (int i = 0; i < 16; i++) {
            mem.st32le(DATA + 4L * i, i);
        }
        r.x(1, DATA).code(0x4cdf_0822).run();
        assertThat(lo(2)).isEqualTo(4L << 32);
        assertThat(hi(2)).isEqualTo(12L << 32 | 8);
        assertThat(lo(5)).isEqualTo(7L << 32 | 3);
        assertThat(r.x(1)).isEqualTo(DATA + 64);
    }

    @Test
    void ST3_mult_post_by_register() {
        // st3 {v30.8b, v31.8b, v0.8b}, [x2], x3
        r.cpu.regs[Arm64Registers.vlo(30)] = 0x0707_0707_0707_0707L;
        r.cpu.regs[Arm64Registers.vlo(31)] = 0x0808_0808_0808_0808L;
        r.cpu.regs[Arm64Registers.vlo(0)] = 0x0909_0909_0909_0909L;
        r.x(2, DATA).x(3, 5).code(0x0c83_405e).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x0807_0908_0709_0807L);
        assertThat(r.x(2)).isEqualTo(DATA + 5);
    }

    @Test
    void LD1_single_keeps_the_other_lanes() {
        r.cpu.regs[Arm64Registers.vlo(5)] = -1;
        r.cpu.regs[Arm64Registers.vhi(5)] = -1;
        r.x(4, DATA).code(0x4d40_9085).run(); // ld1 {v5.s}[3], [x4]
        assertThat(lo(5)).isEqualTo(-1);
        assertThat(hi(5)).isEqualTo(0x0101_0101_FFFF_FFFFL);
    }

    @Test
    void LD1R_post() {
        mem.st16le(DATA, 0xBEEF);
        r.x(5, DATA).code(0x4ddf_c4a6).run(); // ld1r {v6.8h}, [x5], #2
        assertThat(lo(6)).isEqualTo(0xBEEF_BEEF_BEEF_BEEFL);
        assertThat(hi(6)).isEqualTo(0xBEEF_BEEF_BEEF_BEEFL);
        assertThat(r.x(5)).isEqualTo(DATA + 2);
    }

    @Test
    void LD4R_of_64_bit_registers_clears_their_top_halves() {
        r.cpu.regs[Arm64Registers.vhi(3)] = -1;
        r.set("sp", DATA).code(0x0d60_ebe0).run(); // ld4r {v0.2s, v1.2s, v2.2s, v3.2s}, [sp]
        assertThat(lo(0)).isEqualTo(0x0101_0101_0101_0101L);
        assertThat(lo(3)).isEqualTo(0x0202_0202_0202_0202L);
        assertThat(hi(3)).isZero();
    }

    @Test
    void ST2_single() {
        r.cpu.regs[Arm64Registers.vhi(7)] = 77;
        r.cpu.regs[Arm64Registers.vhi(8)] = 88;
        r.x(6, DATA).code(0x4d20_84c7).run(); // st2 {v7.d, v8.d}[1], [x6]
        assertThat(mem.ld64le(DATA)).isEqualTo(77);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(88);
    }

    @Test
    void LD3_single_post() {
        // ld3 {v1.b, v2.b, v3.b}[15], [x7], #3
        r.x(7, DATA).code(0x4ddf_3ce1).run();
        assertThat(hi(1) >>> 56).isEqualTo(1);
        assertThat(hi(3) >>> 56).isEqualTo(1);
        assertThat(r.x(7)).isEqualTo(DATA + 3);
    }

    @Test
    void storeReplicateIsUnallocated() {
        // st1 with opcode 110 (the LD1R slot) has no store form
        assertThat(r.x(5, DATA).code(0x4d00_c4a6).run().trap())
                .isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }

    @Test
    void faultingStructureLoadWritesNoRegister() {
        r.cpu.regs[Arm64Registers.vlo(0)] = 123;
        r.x(0, DATA + TestMemory.SIZE - 16).code(0x4c40_8000); // ld2 {v0.16b, v1.16b} across the end
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.run())
                .isInstanceOf(dev.emu.core.mem.GuestFault.class);
        assertThat(lo(0)).isEqualTo(123);
    }
}

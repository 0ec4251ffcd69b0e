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
    void interleavingFormsAreTheSimdRows() {
        // LD2-LD4/ST2-ST4 and the single-structure forms are A64FpSimdRows' (SimdLoadStoreTest)
        assertThat(dev.emu.arm64.A64Decoder.TABLE.lookup(0x4c40_8000).name()).isEqualTo("SIMD_ldst_mult_2"); // ld2
        assertThat(r.x(0, DATA).code(0x4c40_8000).run().trap()).isNull();
    }
}

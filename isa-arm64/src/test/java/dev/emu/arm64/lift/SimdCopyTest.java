package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class SimdCopyTest {
    static final long LO = 0x0706_0504_0302_0100L, HI = 0x8F8E_8D8C_8B8A_8988L;

    @Test
    void DUP_general() {
        FpSimdRunner r = FpSimdRunner.code(0x4e01_0c20).x(1, 0x1234_56AB).run(); // dup v0.16b, w1
        assertThat(r.lo(0)).isEqualTo(0xABAB_ABAB_ABAB_ABABL);
        assertThat(r.hi(0)).isEqualTo(0xABAB_ABAB_ABAB_ABABL);
        r = FpSimdRunner.code(0x4e08_0c20).x(1, -2).run(); // dup v0.2d, x1
        assertThat(r.lo(0)).isEqualTo(-2);
        assertThat(r.hi(0)).isEqualTo(-2);
    }

    @Test
    void DUP_element() {
        FpSimdRunner r = FpSimdRunner.code(0x4e1c_0420).v(1, LO, HI).run(); // dup v0.4s, v1.s[3]
        assertThat(r.lo(0)).isEqualTo(0x8F8E_8D8C_8F8E_8D8CL);
        assertThat(r.hi(0)).isEqualTo(0x8F8E_8D8C_8F8E_8D8CL);
        r = FpSimdRunner.code(0x5e07_0420).v(1, LO, HI).run(); // mov b0, v1.b[3]
        assertThat(r.lo(0)).isEqualTo(3);
        assertThat(r.hi(0)).isZero();
    }

    @Test
    void INS() {
        FpSimdRunner r = FpSimdRunner.code(0x4e14_1c20).x(1, 0xAABB_CCDD).v(0, LO, HI).run(); // ins v0.s[2], w1
        assertThat(r.lo(0)).isEqualTo(LO);
        assertThat(r.hi(0)).isEqualTo(0x8F8E_8D8C_AABB_CCDDL);
        r = FpSimdRunner.code(0x6e1f_0420).v(1, 0x77, 0).v(0, LO, HI).run(); // ins v0.b[15], v1.b[0]
        assertThat(r.hi(0)).isEqualTo(0x778E_8D8C_8B8A_8988L);
    }

    @Test
    void UMOV_SMOV() {
        assertThat(FpSimdRunner.code(0x0e13_3c20).v(1, LO, HI).x(0, -1).run().x(0)).isEqualTo(0x89); // umov w0, v1.b[9]
        assertThat(FpSimdRunner.code(0x4e18_3c20).v(1, LO, HI).run().x(0)).isEqualTo(HI); // umov x0, v1.d[1]
        assertThat(FpSimdRunner.code(0x4e16_2c20).v(1, LO, HI).run().x(0)).isEqualTo(0xFFFF_FFFF_FFFF_8B8AL); // smov x0, v1.h[5]
        assertThat(FpSimdRunner.code(0x0e03_2c20).v(1, 0xFF00, 0).run().x(0)).isEqualTo(0xFFFF_FFFFL); // smov w0, v1.b[1]
    }

    @Test
    void reservedForms() {
        // umov x0, v1.b[0] does not exist: imm5 = 00001 with Q = 1
        assertThat(FpSimdRunner.code(0x4e01_3c20).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        // imm5 = 10000 is reserved
        assertThat(FpSimdRunner.code(0x4e10_0c20).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }
}

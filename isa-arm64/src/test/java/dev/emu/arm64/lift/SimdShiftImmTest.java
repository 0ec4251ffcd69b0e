package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdShiftImmTest {
    static final long QC = 1L << 27;

    @Test
    void rightShifts() {
        FpSimdRunner r = FpSimdRunner.code(0x6f0d_0420).v(1, 0xFF80_4020_1008_0402L, 0x80).run(); // ushr v0.16b, v1.16b, #3
        assertThat(r.lo(0)).isEqualTo(0x1F10_0804_0201_0000L);
        assertThat(r.hi(0)).isEqualTo(0x10);
        r = FpSimdRunner.code(0x4f40_0420).v(1, -5, 5).run(); // sshr v0.2d, v1.2d, #64
        assertThat(r.lo(0)).isEqualTo(-1);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x4f3f_1420).v(1, 0xFFFF_FFFE_0000_0004L, 0).v(0, 10L << 32 | 10, 0).run(); // ssra v0.4s, v1.4s, #1
        assertThat(r.lo(0)).isEqualTo(9L << 32 | 12);
        r = FpSimdRunner.code(0x6f08_2420).v(1, 0x80_7F, 0).run(); // urshr v0.16b, v1.16b, #8
        assertThat(r.lo(0)).isEqualTo(0x01_00);
        r = FpSimdRunner.code(0x7f7f_0420).v(1, 9, 9).run(); // ushr d0, d1, #1
        assertThat(r.lo(0)).isEqualTo(4);
        assertThat(r.hi(0)).isZero();
    }

    @Test
    void leftShiftsAndInserts() {
        assertThat(FpSimdRunner.code(0x4f25_5420).v(1, 0x8000_0001L, 0).run().lo(0)).isEqualTo(0x20); // shl v0.4s, v1.4s, #5
        FpSimdRunner r = FpSimdRunner.code(0x6f48_5420).v(1, 0x1122_3344_5566_7788L, 0).v(0, 0xFFFF, 0).run(); // sli v0.2d, v1.2d, #8
        assertThat(r.lo(0)).isEqualTo(0x2233_4455_6677_88FFL);
        r = FpSimdRunner.code(0x2f0c_4420).v(1, 0xF0, 0).v(0, 0xAB, 0).run(); // sri v0.8b, v1.8b, #4
        assertThat(r.lo(0)).isEqualTo(0xAF);
        r = FpSimdRunner.code(0x6f09_6420).v(1, 0x80_7F_40, 0).run(); // sqshlu v0.16b, v1.16b, #1
        assertThat(r.lo(0)).isEqualTo(0x00_FE_80);
        assertThat(r.fpsr()).isEqualTo(QC);
    }

    @Test
    void wideningAndNarrowing() {
        FpSimdRunner r = FpSimdRunner.code(0x2f08_a420).v(1, 0x0000_0000_0000_FF01L, 0).run(); // ushll v0.8h, v1.8b, #0 (uxtl)
        assertThat(r.lo(0)).isEqualTo(0x0000_0000_00FF_0001L);
        r = FpSimdRunner.code(0x4f12_a420).v(1, 0, 0x0000_0000_0001_FFFFL).run(); // sshll2 v0.4s, v1.8h, #2
        assertThat(r.lo(0)).isEqualTo(0x0000_0004_FFFF_FFFCL);
        r = FpSimdRunner.code(0x0f0c_8420).v(1, 0x1234_5678_9ABC_DEF0L, 0x0FF0_0000_0000_0000L).run(); // shrn v0.8b, v1.8h, #4
        assertThat(r.lo(0)).isEqualTo(0xFF00_0000_2367_ABEFL);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x4f0c_8c20).v(1, 0x0008, 0).v(0, 7, 7).run(); // rshrn2 v0.16b, v1.8h, #4
        assertThat(r.lo(0)).isEqualTo(7);
        assertThat(r.hi(0)).isEqualTo(1);
        r = FpSimdRunner.code(0x0f18_9420).v(1, 0x0100_0000_FF00_0000L, 0).run(); // sqshrn v0.4h, v1.4s, #8
        assertThat(r.lo(0)).isEqualTo(0x7FFF_8000L);
        assertThat(r.fpsr()).isEqualTo(QC);
        r = FpSimdRunner.code(0x7f0f_9420).v(1, 0x1FF, 0).run(); // uqshrn b0, h1, #1
        assertThat(r.lo(0)).isEqualTo(0xFF);
        assertThat(r.fpsr()).isZero();
    }

    @Test
    void fixedPointConversions() {
        FpSimdRunner r = FpSimdRunner.code(0x4f3f_e420).v(1, 3, 0xFFFF_FFFFL).run(); // scvtf v0.4s, v1.4s, #1
        assertThat(Float.intBitsToFloat((int) r.lo(0))).isEqualTo(1.5f);
        assertThat(Float.intBitsToFloat((int) r.hi(0))).isEqualTo(-0.5f);
        r = FpSimdRunner.code(0x4f7e_fc20).v(1, Double.doubleToLongBits(1.3), Double.doubleToLongBits(-2.0)).run(); // fcvtzs v0.2d, v1.2d, #2
        assertThat(r.lo(0)).isEqualTo(5);
        assertThat(r.hi(0)).isEqualTo(-8);
        assertThat(r.fpsr()).isEqualTo(16); // IXC
    }
}

package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdTwoRegTest {
    static final long LO = 0x0706_0504_0302_0100L, HI = 0x0F0E_0D0C_0B0A_0908L;
    static final long QC = 1L << 27;

    private static FpSimdRunner run(int word, long lo, long hi) {
        return FpSimdRunner.code(word).v(1, lo, hi).run();
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void reverses() {
        FpSimdRunner r = run(0x4e20_0820, LO, HI); // rev64 v0.16b, v1.16b
        assertThat(r.lo(0)).isEqualTo(0x0001_0203_0405_0607L);
        assertThat(r.hi(0)).isEqualTo(0x0809_0A0B_0C0D_0E0FL);
        assertThat(run(0x6e60_0820, LO, HI).lo(0)).isEqualTo(0x0504_0706_0100_0302L); // rev32 v0.8h, v1.8h
        assertThat(run(0x4e20_1820, LO, HI).lo(0)).isEqualTo(0x0607_0405_0203_0001L); // rev16 v0.16b, v1.16b
    }

    @Test
    void bitCounts() {
        assertThat(run(0x4e20_5820, 0xFF07_0100L, 0x8000_0000_0000_0000L).lo(0)).isEqualTo(0x0803_0100L); // cnt v0.16b, v1.16b
        FpSimdRunner r = run(0x6ea0_4820, 0x0000_0001_0000_0000L, 0xFFFF_FFFFL); // clz v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(31L << 32 | 32);
        assertThat(r.hi(0)).isEqualTo(32L << 32);
        assertThat(run(0x0e20_4820, 0xFF_80_01_00L, 0).lo(0)).isEqualTo(0x0707_0707_07_00_06_07L); // cls v0.8b, v1.8b
        r = run(0x6e20_5820, LO, HI); // not v0.16b, v1.16b
        assertThat(r.lo(0)).isEqualTo(~LO);
        assertThat(r.hi(0)).isEqualTo(~HI);
        assertThat(run(0x2e60_5820, 0x01_80, 0).lo(0)).isEqualTo(0x80_01); // rbit v0.8b, v1.8b
    }

    @Test
    void arithmeticAndCompareZero() {
        FpSimdRunner r = run(0x4ee0_b820, -5, Long.MIN_VALUE); // abs v0.2d, v1.2d
        assertThat(r.lo(0)).isEqualTo(5);
        assertThat(r.hi(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(run(0x6ea0_b820, 1, 0).lo(0)).isEqualTo(0xFFFF_FFFFL); // neg v0.4s, v1.4s
        assertThat(run(0x4e20_9820, 0x00FF_0000L, 0).lo(0)).isEqualTo(0xFFFF_FFFF_FF00_FFFFL); // cmeq v0.16b, v1.16b, #0
        assertThat(run(0x4e60_8820, 0x8000_0001_0000L, 0).lo(0)).isEqualTo(0xFFFF_0000L); // cmgt v0.8h, v1.8h, #0
        assertThat(run(0x6ea0_9820, 0xFFFF_FFFF_0000_0001L, 0).lo(0)).isEqualTo(0xFFFF_FFFF_0000_0000L); // cmle v0.4s, #0
        assertThat(run(0x5ee0_a820, -1, 0).lo(0)).isEqualTo(-1); // cmlt d0, d1, #0
        assertThat(run(0x7ee0_b820, 3, 9).lo(0)).isEqualTo(-3); // neg d0, d1
        r = run(0x4e20_7820, 0x80_81, 0); // sqabs v0.16b, v1.16b
        assertThat(r.lo(0)).isEqualTo(0x7F_7F);
        assertThat(r.fpsr()).isEqualTo(QC);
        assertThat(run(0x6e20_7820, 0x01, 0).lo(0)).isEqualTo(0xFF); // sqneg v0.16b, v1.16b
    }

    @Test
    void pairwiseLong() {
        FpSimdRunner r = run(0x6e20_2820, 0xFFFF, 0x0201); // uaddlp v0.8h, v1.16b
        assertThat(r.lo(0)).isEqualTo(0x01FE);
        assertThat(r.hi(0)).isEqualTo(0x0003);
        r = FpSimdRunner.code(0x4ea0_6820).v(1, 0xFFFF_FFFF_FFFF_FFFFL, 0).v(0, 10, 20).run(); // sadalp v0.2d, v1.4s
        assertThat(r.lo(0)).isEqualTo(8);
        assertThat(r.hi(0)).isEqualTo(20);
    }

    @Test
    void narrowingAndWidening() {
        FpSimdRunner r = run(0x0e21_2820, 0x0123_4567_89AB_CDEFL, 0xFFEE_DDCC_BBAA_9988L); // xtn v0.8b, v1.8h
        assertThat(r.lo(0)).isEqualTo(0xEECC_AA88_2367_ABEFL);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x4e21_2820).v(1, 0x0001_0002_0003_0004L, 0).v(0, 42, 42).run(); // xtn2 v0.16b, v1.8h
        assertThat(r.lo(0)).isEqualTo(42);
        assertThat(r.hi(0)).isEqualTo(0x01020304L);
        r = run(0x0e61_4820, 0xFFFF_0000_0001_0000L, 0); // sqxtn v0.4h, v1.4s
        assertThat(r.lo(0)).isEqualTo(0x8000_7FFFL);
        assertThat(r.fpsr()).isEqualTo(QC);
        assertThat(run(0x2ea1_4820, -1, 5).lo(0)).isEqualTo(5L << 32 | 0xFFFF_FFFFL); // uqxtn v0.2s, v1.2d
        assertThat(run(0x2e21_2820, 0x0100_FFFF_0080_007FL, 0).lo(0)).isEqualTo(0xFF00_807FL); // sqxtun v0.8b, v1.8h
        assertThat(run(0x2e21_3820, 0x02_01, 0).lo(0)).isEqualTo(0x0200_0100L); // shll v0.8h, v1.8b, #8
    }

    @Test
    void floatingPoint() {
        FpSimdRunner r = run(0x4ea0_f820, f(-1) | f(2) << 32, f(-0f)); // fabs v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(f(1) | f(2) << 32);
        assertThat(r.hi(0)).isZero();
        assertThat(run(0x6ee0_f820, d(1), d(-2)).hi(0)).isEqualTo(d(2)); // fneg v0.2d, v1.2d
        r = run(0x6ea1_f820, f(4) | f(-1) << 32, f(2)); // fsqrt v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(f(2) | 0x7FC0_0000L << 32);
        assertThat(r.fpsr()).isEqualTo(1 | 16); // IOC from sqrt(-1), IXC from sqrt(2)
        assertThat(run(0x4e61_9820, d(-1.5), d(1.5)).lo(0)).isEqualTo(d(-2)); // frintm v0.2d, v1.2d
        r = run(0x4ea1_b820, f(-1.5f) | f(3e9f) << 32, 0x7FC0_0000L); // fcvtzs v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(0x7FFF_FFFF_FFFF_FFFFL);
        assertThat(r.hi(0)).isZero();
        assertThat(r.fpsr()).isEqualTo(1 | 16);
        assertThat(run(0x6ee1_b820, d(-3), d(7.9)).hi(0)).isEqualTo(7); // fcvtzu v0.2d, v1.2d
        assertThat(run(0x4e61_d820, -3, 0).lo(0)).isEqualTo(d(-3)); // scvtf v0.2d, v1.2d
        assertThat(run(0x6e21_d820, 0xFFFF_FFFFL, 0).lo(0)).isEqualTo(f(0x1p32f)); // ucvtf v0.4s, v1.4s
        assertThat(run(0x4ea0_d820, f(-0f) | f(1) << 32, 0).lo(0)).isEqualTo(0xFFFF_FFFFL); // fcmeq v0.4s, v1.4s, #0.0
        assertThat(run(0x4ee0_e820, d(-1), d(1)).lo(0)).isEqualTo(-1); // fcmlt v0.2d, v1.2d, #0.0
        r = FpSimdRunner.code(0x0e61_6820).v(1, d(1.5), d(-2)).v(0, -1, -1).run(); // fcvtn v0.2s, v1.2d
        assertThat(r.lo(0)).isEqualTo(f(1.5f) | f(-2) << 32);
        assertThat(r.hi(0)).isZero();
        r = run(0x0e61_7820, f(1.5f) | f(-2) << 32, 0); // fcvtl v0.2d, v1.2s
        assertThat(r.lo(0)).isEqualTo(d(1.5));
        assertThat(r.hi(0)).isEqualTo(d(-2));
        r = run(0x4e21_7820, 0, 0x3C00_BC00L); // fcvtl2 v0.4s, v1.8h: -1.0, 1.0 in half precision
        assertThat(r.lo(0)).isEqualTo(f(-1) | f(1) << 32);
        assertThat(run(0x5ee1_b820, d(-7.5), 0).lo(0)).isEqualTo(-7); // fcvtzs d0, d1
        assertThat(run(0x5e21_d820, 0xFFFF_FFFEL, 0).lo(0)).isEqualTo(f(-2)); // scvtf s0, s1
    }

    @Test
    void estimates() {
        assertThat(run(0x5ea1_d820, f(1), 0).lo(0)).isEqualTo(0x3F7F_8000L); // frecpe s0, s1
        assertThat(run(0x5ea1_d820, f(2), 0).lo(0)).isEqualTo(0x3EFF_8000L);
        FpSimdRunner r = run(0x5ea1_d820, f(0), 0);
        assertThat(r.lo(0)).isEqualTo(0x7F80_0000L);
        assertThat(r.fpsr()).isEqualTo(2); // DZC
        r = run(0x4ee1_d820, d(1), d(-2)); // frecpe v0.2d, v1.2d
        assertThat(r.lo(0)).isEqualTo(0x3FEF_F000_0000_0000L);
        assertThat(r.hi(0)).isEqualTo(0xBFDF_F000_0000_0000L);
        r = run(0x6ea1_d820, f(4) | f(1) << 32, f(2) | f(-1) << 32); // frsqrte v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(0x3EFF_8000L | 0x3F7F_8000L << 32);
        assertThat(r.hi(0)).isEqualTo(0x3F34_8000L | 0x7FC0_0000L << 32);
        assertThat(r.fpsr()).isEqualTo(1); // IOC for -1
        assertThat(run(0x5ee1_f820, d(3), 0).lo(0)).isEqualTo(d(1)); // frecpx d0, d1
        assertThat(run(0x5ee1_f820, 0, 0).lo(0)).isEqualTo(0x7FEL << 52);
        r = run(0x4ea1_c820, 0x8000_0000L | 0x7FFF_FFFFL << 32, 0); // urecpe v0.4s, v1.4s
        assertThat(r.lo(0)).isEqualTo(0xFF80_0000L | 0xFFFF_FFFFL << 32);
        r = run(0x2ea1_c820, 0x4000_0000L | 0x3FFF_FFFFL << 32, 0); // ursqrte v0.2s, v1.2s
        assertThat(r.lo(0)).isEqualTo(0xFF80_0000L | 0xFFFF_FFFFL << 32);
    }

    @Test
    void FCVTXN_roundsToOdd() {
        FpSimdRunner r = run(0x7e61_6820, d(1 + 0x1p-40), 0); // fcvtxn s0, d1
        assertThat(r.lo(0)).isEqualTo(0x3F80_0001L);
        assertThat(r.fpsr()).isEqualTo(16);
        assertThat(run(0x7e61_6820, d(1.5), 0).lo(0)).isEqualTo(f(1.5f));
        r = FpSimdRunner.code(0x6e61_6820).v(1, d(1.5), d(-2)).v(0, 7, 7).run(); // fcvtxn2 v0.4s, v1.2d
        assertThat(r.lo(0)).isEqualTo(7);
        assertThat(r.hi(0)).isEqualTo(f(1.5f) | f(-2) << 32);
    }
}

package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdThreeDifferentTest {
    private static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void longAndWide() {
        FpSimdRunner r = FpSimdRunner.code(0x2e22_0020).v(1, 0xFF01, 0).v(2, 0x0203, 0).run(); // uaddl v0.8h, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(0x0101_0004L);
        r = FpSimdRunner.code(0x6e62_1020).v(1, 1, 0).v(2, 0, 0xFFFF).run(); // uaddw2 v0.4s, v1.4s, v2.8h
        assertThat(r.lo(0)).isEqualTo(0x10000);
        r = FpSimdRunner.code(0x2ea2_2020).v(1, 1, 0).v(2, 2, 0).run(); // usubl v0.2d, v1.2s, v2.2s
        assertThat(r.lo(0)).isEqualTo(-1);
        r = FpSimdRunner.code(0x2e22_c020).v(1, 0xFF, 0).v(2, 0xFF, 0).run(); // umull v0.8h, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(0xFE01);
        r = FpSimdRunner.code(0x4ea2_c020).v(1, 0, 0xFFFF_FFFFL).v(2, 0, 0x7FFF_FFFFL).run(); // smull2 v0.2d, v1.4s, v2.4s
        assertThat(r.lo(0)).isEqualTo(-0x7FFF_FFFFL);
        r = FpSimdRunner.code(0x2e62_8020).v(1, 3, 0).v(2, 4, 0).v(0, 1, 0).run(); // umlal v0.4s, v1.4h, v2.4h
        assertThat(r.lo(0)).isEqualTo(13);
        r = FpSimdRunner.code(0x0e22_7020).v(1, 0x80, 0).v(2, 0x7F, 0).run(); // sabdl v0.8h, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(255);
        r = FpSimdRunner.code(0x0e62_d020).v(1, 0x8000, 0).v(2, 0x8000, 0).run(); // sqdmull v0.4s, v1.4h, v2.4h
        assertThat(r.lo(0)).isEqualTo(0x7FFF_FFFFL);
        assertThat(r.fpsr()).isEqualTo(1L << 27);
        r = FpSimdRunner.code(0x0e22_e020).v(1, 0x03, 0).v(2, 0x07, 0).run(); // pmull v0.8h, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(0x09);
    }

    @Test
    void narrowHigh() {
        FpSimdRunner r = FpSimdRunner.code(0x0e22_4020).v(1, 0x1280, 0).v(2, 0x0180, 0).v(0, -1, -1).run(); // addhn v0.8b, v1.8h, v2.8h
        assertThat(r.lo(0)).isEqualTo(0x14);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x6e22_4020).v(1, 0x1280, 0).v(2, 0x0000, 0).v(0, 5, 5).run(); // raddhn2 v0.16b, v1.8h, v2.8h
        assertThat(r.lo(0)).isEqualTo(5);
        assertThat(r.hi(0)).isEqualTo(0x13);
    }

    @Test
    void byElement() {
        FpSimdRunner r = FpSimdRunner.code(0x4fa2_8820).v(1, 2L << 32 | 3, 4).v(2, 0, 10L << 32).run(); // mul v0.4s, v1.4s, v2.s[3]
        assertThat(r.lo(0)).isEqualTo(20L << 32 | 30);
        assertThat(r.hi(0)).isEqualTo(40);
        r = FpSimdRunner.code(0x6f72_0820).v(1, 2, 0).v(2, 0, 3L << 48).v(0, 1, 0).run(); // mla v0.8h, v1.8h, v2.h[7]
        assertThat(r.lo(0)).isEqualTo(7);
        r = FpSimdRunner.code(0x2fa2_a020).v(1, 0xFFFF_FFFFL, 0).v(2, 2L << 32, 0).run(); // umull v0.2d, v1.2s, v2.s[1]
        assertThat(r.lo(0)).isEqualTo(0x1_FFFF_FFFEL);
        r = FpSimdRunner.code(0x4f82_1820).v(1, f(1) | f(2) << 32, f(3)).v(2, 0, f(10)).v(0, f(1), 0).run(); // fmla v0.4s, v1.4s, v2.s[2]
        assertThat(r.lo(0)).isEqualTo(f(11) | f(20) << 32);
        assertThat(r.hi(0)).isEqualTo(f(30));
        r = FpSimdRunner.code(0x4fc2_9820).v(1, d(1.5), d(-2)).v(2, 0, d(2)).run(); // fmul v0.2d, v1.2d, v2.d[1]
        assertThat(r.lo(0)).isEqualTo(d(3));
        assertThat(r.hi(0)).isEqualTo(d(-4));
        r = FpSimdRunner.code(0x5fc2_9820).v(1, d(1.5), d(7)).v(2, 0, d(2)).run(); // fmul d0, d1, v2.d[1]
        assertThat(r.lo(0)).isEqualTo(d(3));
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x5fa2_1820).v(1, f(2), 0).v(2, 0, f(3) << 32).v(0, f(1), 0).run(); // fmla s0, s1, v2.s[3]
        assertThat(r.lo(0)).isEqualTo(f(7));
        r = FpSimdRunner.code(0x5fa2_c020).v(1, 0x4000_0000L, 0).v(2, 0x4000_0000L << 32, 0).run(); // sqdmulh s0, s1, v2.s[1]
        assertThat(r.lo(0)).isEqualTo(0x2000_0000L);
    }

    @Test
    void scalarSaturatingDoubling() {
        FpSimdRunner r = FpSimdRunner.code(0x5ea2_d020).v(1, 3, 9).v(2, 5, 9).run(); // sqdmull d0, s1, s2
        assertThat(r.lo(0)).isEqualTo(30);
        assertThat(r.hi(0)).isZero();
        r = FpSimdRunner.code(0x5ea2_d020).v(1, 0x8000_0000L, 0).v(2, 0x8000_0000L, 0).run();
        assertThat(r.lo(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(r.fpsr()).isEqualTo(1L << 27);
        r = FpSimdRunner.code(0x5e62_9020).v(1, 3, 0).v(2, 4, 0).v(0, 10, 0).run(); // sqdmlal s0, h1, h2
        assertThat(r.lo(0)).isEqualTo(34);
    }

    @Test
    void fpSteps() {
        FpSimdRunner r = FpSimdRunner.code(0x4e22_fc20).v(1, f(2) | f(0) << 32, 0).v(2, f(0.25f) | f(Float.POSITIVE_INFINITY) << 32, 0)
                .run(); // frecps v0.4s, v1.4s, v2.4s
        assertThat(r.lo(0)).isEqualTo(f(1.5f) | f(2) << 32); // 2 - 2*0.25; 0 * inf gives 2
        r = FpSimdRunner.code(0x5ee2_fc20).v(1, d(1), 0).v(2, d(1), 0).run(); // frsqrts d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(d(1)); // (3 - 1) / 2
        // (3 - a*b) / 2 rounds once: it overflows only if the halved value does
        r = FpSimdRunner.code(0x5ee2_fc20).v(1, d(-Double.MAX_VALUE), 0).v(2, d(1.5), 0).fpcr(3L << 22).run(); // frsqrts d0, d1, d2 (RZ)
        assertThat(r.lo(0)).isEqualTo(d(Double.MAX_VALUE * 0.75));
        assertThat(r.fpsr()).isEqualTo(16); // IXC: 3 is lost below the last place
        r = FpSimdRunner.code(0x4e62_dc20).v(1, d(0), d(-3)).v(2, d(Double.NEGATIVE_INFINITY), d(2)).run(); // fmulx v0.2d
        assertThat(r.lo(0)).isEqualTo(d(-2));
        assertThat(r.hi(0)).isEqualTo(d(-6));
    }
}

package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdAcrossLanesTest {
    static final long LO = 0x0706_0504_0302_01F0L, HI = 0x0F0E_0D0C_0B0A_8908L;

    private static FpSimdRunner run(int word) {
        return FpSimdRunner.code(word).v(1, LO, HI).v(0, -1, -1).run();
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    @Test
    void minMax() {
        FpSimdRunner r = run(0x6e31_a820); // uminv b0, v1.16b
        assertThat(r.lo(0)).isEqualTo(0x01);
        assertThat(r.hi(0)).isZero();
        assertThat(run(0x6e70_a820).lo(0)).isEqualTo(0x8908); // umaxv h0, v1.8h
        assertThat(run(0x4eb1_a820).lo(0)).isEqualTo(0x0302_01F0L); // sminv s0, v1.4s
        assertThat(run(0x0e30_a820).lo(0)).isEqualTo(0x07); // smaxv b0, v1.8b
    }

    @Test
    void sums() {
        assertThat(run(0x4e31_b820).lo(0)).isEqualTo((0xF0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 0x89 + 10 + 11 + 12 + 13 + 14 + 15) & 0xFF); // addv b0, v1.16b
        assertThat(run(0x6e30_3820).lo(0)).isEqualTo(0xF0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 0x89 + 10 + 11 + 12 + 13 + 14 + 15); // uaddlv h0, v1.16b
        FpSimdRunner r = FpSimdRunner.code(0x4eb0_3820).v(1, -1, 0x7FFF_FFFF_7FFF_FFFFL).run(); // saddlv d0, v1.4s
        assertThat(r.lo(0)).isEqualTo(-2 + 2 * 0x7FFF_FFFFL);
    }

    @Test
    void floatingPoint() {
        FpSimdRunner r = FpSimdRunner.code(0x6e30_f820).v(1, f(1) | f(5) << 32, f(-3) | f(2) << 32).run(); // fmaxv s0, v1.4s
        assertThat(r.lo(0)).isEqualTo(f(5));
        r = FpSimdRunner.code(0x6eb0_c820).v(1, 0x7FC0_0000L | f(5) << 32, f(-3) | f(2) << 32).run(); // fminnmv s0, v1.4s
        assertThat(r.lo(0)).isEqualTo(f(-3));
    }

    @Test
    void scalarPairwise() {
        assertThat(FpSimdRunner.code(0x5ef1_b820).v(1, 5, 7).run().lo(0)).isEqualTo(12); // addp d0, v1.2d
        FpSimdRunner r = FpSimdRunner.code(0x7e70_d820)
                .v(1, Double.doubleToLongBits(0.5), Double.doubleToLongBits(0.25)).run(); // faddp d0, v1.2d
        assertThat(Double.longBitsToDouble(r.lo(0))).isEqualTo(0.75);
        assertThat(FpSimdRunner.code(0x7e30_f820).v(1, f(1) | f(5) << 32, 0).run().lo(0)).isEqualTo(f(5)); // fmaxp s0, v1.2s
    }
}

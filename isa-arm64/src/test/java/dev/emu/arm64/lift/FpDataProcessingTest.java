package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class FpDataProcessingTest {
    static final long IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;
    static final long RP = 1L << 22, RM = 2L << 22, RZ = 3L << 22, FZ = 1L << 24, DN = 1L << 25;

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static long fbits(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    @Test
    void FADD_single_clearsUpperBitsAndIsExact() {
        FpSimdRunner r = FpSimdRunner.code(0x1e22_2820) // fadd s0, s1, s2
                .s(1, 1.5f).s(2, 2.25f).v(0, -1, -1).run();
        assertThat(r.lo(0)).isEqualTo(fbits(3.75f));
        assertThat(r.hi(0)).isZero();
        assertThat(r.fpsr()).isZero();
    }

    @Test
    void FADD_inexactSetsIXC() {
        FpSimdRunner r = FpSimdRunner.code(0x1e22_2820).s(1, 1f).s(2, 1e-10f).run(); // fadd s0, s1, s2
        assertThat(r.s(0)).isEqualTo(1f);
        assertThat(r.fpsr()).isEqualTo(IXC);
    }

    @Test
    void FSUB_exactCancellationIsPlusZeroExceptRoundingDown() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_3820).d(1, 2.5).d(2, 2.5).run(); // fsub d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(0L);
        r = FpSimdRunner.code(0x1e62_3820).d(1, 2.5).d(2, 2.5).fpcr(RM).run();
        assertThat(r.lo(0)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void FMUL_overflowRoundsPerMode() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_0820).d(1, 1e300).d(2, 1e300).run(); // fmul d0, d1, d2
        assertThat(r.d(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.fpsr()).isEqualTo(OFC | IXC);
        r = FpSimdRunner.code(0x1e62_0820).d(1, 1e300).d(2, 1e300).fpcr(RZ).run();
        assertThat(r.d(0)).isEqualTo(Double.MAX_VALUE);
        assertThat(r.fpsr()).isEqualTo(OFC | IXC);
    }

    @Test
    void FMUL_underflowAndFlushToZero() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_0820).d(1, 0x1p-1000).d(2, 0x1.8p-70).run(); // fmul d0, d1, d2
        assertThat(r.d(0)).isEqualTo(0x1.8p-1070);
        assertThat(r.fpsr()).isZero(); // exact subnormal: no underflow
        r = FpSimdRunner.code(0x1e62_0820).d(1, 0x1p-1000).d(2, 0x1.0000001p-70).run();
        assertThat(r.fpsr()).isEqualTo(UFC | IXC);
        r = FpSimdRunner.code(0x1e62_0820).d(1, 0x1p-1000).d(2, 0x1.8p-70).fpcr(FZ).run();
        assertThat(r.lo(0)).isEqualTo(0L);
        assertThat(r.fpsr()).isEqualTo(UFC);
    }

    @Test
    void FZ_flushesDenormalInputsWithIDC() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_2820 /* fadd d0, d1, d2 */).d(1, Double.MIN_VALUE).d(2, -0.0)
                .fpcr(FZ).run();
        assertThat(r.lo(0)).isZero(); // the denormal reads as +0, and +0 + -0 = +0
        assertThat(r.fpsr()).isEqualTo(IDC);
    }

    @Test
    void FDIV_byZeroAndInvalid() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_1820).d(1, -3).d(2, 0.0).run(); // fdiv d0, d1, d2
        assertThat(r.d(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.fpsr()).isEqualTo(DZC);
        r = FpSimdRunner.code(0x1e62_1820).d(1, 0.0).d(2, -0.0).run();
        assertThat(r.lo(0)).isEqualTo(0x7FF8_0000_0000_0000L); // default NaN
        assertThat(r.fpsr()).isEqualTo(IOC);
    }

    @Test
    void FDIV_single_directedRounding() {
        FpSimdRunner up = FpSimdRunner.code(0x1e22_1820).s(1, 1f).s(2, 3f).fpcr(RP).run(); // fdiv s0, s1, s2
        FpSimdRunner down = FpSimdRunner.code(0x1e22_1820).s(1, 1f).s(2, 3f).fpcr(RM).run();
        assertThat(up.lo(0) - down.lo(0)).isEqualTo(1);
        assertThat(up.fpsr()).isEqualTo(IXC);
    }

    @Test
    void NaN_propagation_firstSignallingThenFirstQuiet() {
        long qnan1 = 0x7FF8_0000_0000_0001L, snan2 = 0x7FF0_0000_0000_0002L;
        FpSimdRunner r = FpSimdRunner.code(0x1e62_2820).v(1, qnan1, 0).v(2, snan2, 0).run(); // fadd d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(0x7FF8_0000_0000_0002L);
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e62_2820).v(1, qnan1, 0).v(2, 0x7FF8_0000_0000_0003L, 0).run();
        assertThat(r.lo(0)).isEqualTo(qnan1);
        assertThat(r.fpsr()).isZero();
        r = FpSimdRunner.code(0x1e62_2820).v(1, qnan1, 0).d(2, 1).fpcr(DN).run();
        assertThat(r.lo(0)).isEqualTo(0x7FF8_0000_0000_0000L);
    }

    @Test
    void NaN_withEveryBitSetPropagates() {
        // 0xFFFF_FFFF_FFFF_FFFF is a quiet NaN (and -1 as a long)
        FpSimdRunner r = FpSimdRunner.code(0x1e62_2820).v(1, -1L, 0).d(2, 1).fpcr(RP).run(); // fadd d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(-1L);
        assertThat(r.fpsr()).isZero();
    }

    @Test
    void FNMUL_negatesTheRoundedProduct() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_8820).d(1, 3).d(2, -2).run(); // fnmul d0, d1, d2
        assertThat(r.d(0)).isEqualTo(6.0);
    }

    @Test
    void FSQRT() {
        FpSimdRunner r = FpSimdRunner.code(0x1e61_c020).d(1, 2).run(); // fsqrt d0, d1
        assertThat(r.d(0)).isEqualTo(Math.sqrt(2));
        assertThat(r.fpsr()).isEqualTo(IXC);
        r = FpSimdRunner.code(0x1e21_c020).s(1, -0f).run(); // fsqrt s0, s1
        assertThat(r.lo(0)).isEqualTo(0x8000_0000L);
        r = FpSimdRunner.code(0x1e21_c020).s(1, -1f).run();
        assertThat(r.lo(0)).isEqualTo(0x7FC0_0000L);
        assertThat(r.fpsr()).isEqualTo(IOC);
    }

    @Test
    void FABS_FNEG_leaveNaNsAlone() {
        FpSimdRunner r = FpSimdRunner.code(0x1e60_c020).v(1, 0xFFF0_0000_0000_0001L, 0).run(); // fabs d0, d1
        assertThat(r.lo(0)).isEqualTo(0x7FF0_0000_0000_0001L);
        assertThat(r.fpsr()).isZero();
        r = FpSimdRunner.code(0x1e21_4020).s(1, 2f).run(); // fneg s0, s1
        assertThat(r.s(0)).isEqualTo(-2f);
    }

    @Test
    void FMADD_family() {
        FpSimdRunner r = FpSimdRunner.code(0x1f42_0c20).d(1, 2).d(2, 3).d(3, 1).run(); // fmadd d0, d1, d2, d3
        assertThat(r.d(0)).isEqualTo(7.0);
        r = FpSimdRunner.code(0x1f42_8c20).d(1, 2).d(2, 3).d(3, 1).run(); // fmsub d0, d1, d2, d3
        assertThat(r.d(0)).isEqualTo(-5.0);
        r = FpSimdRunner.code(0x1f62_0c20).d(1, 2).d(2, 3).d(3, 1).run(); // fnmadd d0, d1, d2, d3
        assertThat(r.d(0)).isEqualTo(-7.0);
        r = FpSimdRunner.code(0x1f22_8c20).s(1, 2).s(2, 3).s(3, 1).run(); // fnmsub s0, s1, s2, s3
        assertThat(r.s(0)).isEqualTo(5.0f);
        // fused: one rounding
        double a = 1 + 0x1p-30, b = 1 - 0x1p-30;
        r = FpSimdRunner.code(0x1f42_0c20).d(1, a).d(2, b).d(3, -1).run();
        assertThat(r.d(0)).isEqualTo(Math.fma(a, b, -1.0));
        // inf * 0 + qNaN is the default NaN with IOC
        r = FpSimdRunner.code(0x1f42_0c20).d(1, Double.POSITIVE_INFINITY).d(2, 0).v(3, 0x7FF8_0000_0000_0005L, 0).run();
        assertThat(r.lo(0)).isEqualTo(0x7FF8_0000_0000_0000L);
        assertThat(r.fpsr()).isEqualTo(IOC);
    }

    @Test
    void FMIN_FMAX_signedZerosAndNaNs() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_5820).d(1, 0.0).d(2, -0.0).run(); // fmin d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(Long.MIN_VALUE);
        r = FpSimdRunner.code(0x1e62_4820).d(1, -0.0).d(2, 0.0).run(); // fmax d0, d1, d2
        assertThat(r.lo(0)).isZero();
        r = FpSimdRunner.code(0x1e62_4820).v(1, 0x7FF8_0000_0000_0000L, 0).d(2, 1).run();
        assertThat(Double.isNaN(r.d(0))).isTrue();
        r = FpSimdRunner.code(0x1e62_6820).v(1, 0x7FF8_0000_0000_0000L, 0).d(2, 1).run(); // fmaxnm d0, d1, d2
        assertThat(r.d(0)).isEqualTo(1.0);
        r = FpSimdRunner.code(0x1e62_7820).d(1, -4).d(2, 1).run(); // fminnm d0, d1, d2
        assertThat(r.d(0)).isEqualTo(-4.0);
        r = FpSimdRunner.code(0x1e22_4820).s(1, 3).s(2, 7).run(); // fmax s0, s1, s2
        assertThat(r.s(0)).isEqualTo(7f);
    }

    @Test
    void FCVT_betweenPrecisions() {
        FpSimdRunner r = FpSimdRunner.code(0x1e22_c020).s(1, 1.1f).run(); // fcvt d0, s1
        assertThat(r.d(0)).isEqualTo((double) 1.1f);
        r = FpSimdRunner.code(0x1e62_4020).d(1, 1.1).run(); // fcvt s0, d1
        assertThat(r.s(0)).isEqualTo(1.1f);
        assertThat(r.fpsr()).isEqualTo(IXC);
        r = FpSimdRunner.code(0x1e23_c020).s(1, 1.5f).run(); // fcvt h0, s1
        assertThat(r.lo(0)).isEqualTo(0x3E00L);
        r = FpSimdRunner.code(0x1e23_c020).s(1, 1e6f).run();
        assertThat(r.lo(0)).isEqualTo(0x7C00L); // +inf
        assertThat(r.fpsr()).isEqualTo(OFC | IXC);
        r = FpSimdRunner.code(0x1ee2_4020).v(1, 0x0001, 0).run(); // fcvt s0, h1 (smallest half subnormal)
        assertThat(r.s(0)).isEqualTo(0x1p-24f);
        r = FpSimdRunner.code(0x1ee2_c020).v(1, 0xFC01, 0).run(); // fcvt d0, h1: sNaN quietened
        assertThat(r.lo(0)).isEqualTo(0xFFF8_0400_0000_0000L);
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e62_4020).v(1, 0x7FF0_0000_0000_0001L, 0).run(); // fcvt s0, d1 of sNaN
        assertThat(r.lo(0)).isEqualTo(0x7FC0_0000L);
    }

    @Test
    void FRINT_modes() {
        int[] words = {0x1e64_4020, 0x1e66_4020, 0x1e64_c020, 0x1e65_4020, 0x1e65_c020}; // frintn, frinta, frintp, frintm, frintz d0, d1
        double[][] want = {
            {2.0, 3.0, 3.0, 2.0, 2.0},   // 2.5
            {-2.0, -3.0, -2.0, -3.0, -2.0}, // -2.5
            {-0.0, -0.0, -0.0, -1.0, -0.0}, // -0.3
        };
        double[] in = {2.5, -2.5, -0.3};
        for (int i = 0; i < in.length; i++) {
            for (int k = 0; k < words.length; k++) {
                FpSimdRunner r = FpSimdRunner.code(words[k]).d(1, in[i]).run();
                assertThat(r.lo(0)).as("insn %d of %s", k, in[i]).isEqualTo(bits(want[i][k]));
                assertThat(r.fpsr()).isZero();
            }
        }
        FpSimdRunner r = FpSimdRunner.code(0x1e67_4020).d(1, 1.5).fpcr(RM).run(); // frintx d0, d1
        assertThat(r.d(0)).isEqualTo(1.0);
        assertThat(r.fpsr()).isEqualTo(IXC);
        r = FpSimdRunner.code(0x1e67_c020).d(1, 1.5).fpcr(RP).run(); // frinti d0, d1
        assertThat(r.d(0)).isEqualTo(2.0);
        assertThat(r.fpsr()).isZero();
    }

    @Test
    void FRINT32Z_FRINT64X_rangeChecked() {
        FpSimdRunner r = FpSimdRunner.code(0x1e68_4020).d(1, -2.75).run(); // frint32z d0, d1
        assertThat(r.d(0)).isEqualTo(-2.0);
        assertThat(r.fpsr()).isEqualTo(IXC);
        r = FpSimdRunner.code(0x1e68_4020).d(1, 0x1p31).run(); // out of int32 range
        assertThat(r.d(0)).isEqualTo(-0x1p31);
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e29_c020).s(1, 2.5f).fpcr(RP).run(); // frint64x s0, s1
        assertThat(r.s(0)).isEqualTo(3f);
    }

    @Test
    void halfPrecisionArithmeticIsIllegal() {
        FpSimdRunner r = FpSimdRunner.code(0x1ee2_2820).run(); // fadd h0, h1, h2 (FEAT_FP16)
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.trapDetail()).isEqualTo(0x1ee2_2820L);
    }
}

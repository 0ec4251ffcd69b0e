package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FpConvertIntTest {
    static final long IOC = 1, IXC = 16;
    static final long RP = 1L << 22, RM = 2L << 22, FZ = 1L << 24;

    @Test
    void SCVTF_UCVTF() {
        assertThat(FpSimdRunner.code(0x9e62_0020).x(1, -7).run().d(0)).isEqualTo(-7.0); // scvtf d0, x1
        FpSimdRunner r = FpSimdRunner.code(0x9e62_0020).x(1, Long.MAX_VALUE).run();
        assertThat(r.d(0)).isEqualTo(0x1p63);
        assertThat(r.fpsr()).isEqualTo(IXC);
        assertThat(FpSimdRunner.code(0x1e23_0020).x(1, 0xFFFF_FFFFL).run().s(0)).isEqualTo(0x1p32f); // ucvtf s0, w1
        assertThat(FpSimdRunner.code(0x1e42_f020).x(1, 40).run().d(0)).isEqualTo(2.5); // scvtf d0, w1, #4
        // (2^53 + 1) rounds down to nearest, up under RP
        assertThat(FpSimdRunner.code(0x9e62_0020).x(1, (1L << 53) + 1).fpcr(RP).run().d(0)).isEqualTo(0x1p53 + 2);
        assertThat(FpSimdRunner.code(0x9e42_0020).x(1, 1L << 62).run().d(0)).isEqualTo(0.25); // scvtf d0, x1, #64
    }

    @Test
    void FCVTZS_FCVTZU_saturate() {
        assertThat(FpSimdRunner.code(0x9e78_0020).d(1, -2.7).run().x(0)).isEqualTo(-2); // fcvtzs x0, d1
        FpSimdRunner r = FpSimdRunner.code(0x9e78_0020).d(1, 1e20).run();
        assertThat(r.x(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x9e78_0020).d(1, Double.NaN).run();
        assertThat(r.x(0)).isZero();
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e39_0020).s(1, -1.5f).x(0, -1).run(); // fcvtzu w0, s1
        assertThat(r.x(0)).isZero();
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e39_0020).s(1, 3e9f).run();
        assertThat(r.x(0)).isEqualTo(3_000_000_000L);
        r = FpSimdRunner.code(0x1e58_e020).d(1, -1e300).fpcr(FZ).run(); // fcvtzs w0, d1, #8: saturates, zero-extended
        assertThat(r.x(0)).isEqualTo(0x8000_0000L);
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e58_e020).d(1, -1.5).run(); // fcvtzs w0, d1, #8
        assertThat(r.x(0)).isEqualTo(0xFFFF_FE80L);
        assertThat(r.fpsr()).isZero();
        r = FpSimdRunner.code(0x1e58_e020).d(1, 0.001).run();
        assertThat(r.x(0)).isZero();
        assertThat(r.fpsr()).isEqualTo(IXC);
    }

    @Test
    void FCVT_roundingVariants() {
        double[] in = {2.5, -2.5, 1.2};
        int[] words = {0x9e60_0020, 0x9e64_0020, 0x9e68_0020, 0x9e70_0020}; // fcvtns, fcvtas, fcvtps, fcvtms x0, d1
        long[][] want = {{2, 3, 3, 2}, {-2, -3, -2, -3}, {1, 1, 2, 1}};
        for (int i = 0; i < in.length; i++) {
            for (int k = 0; k < words.length; k++) {
                FpSimdRunner r = FpSimdRunner.code(words[k]).d(1, in[i]).run();
                assertThat(r.x(0)).as("insn %d of %s", k, in[i]).isEqualTo(want[i][k]);
                assertThat(r.fpsr()).isEqualTo(IXC);
            }
        }
        assertThat(FpSimdRunner.code(0x9e65_0020).d(1, -0.5).run().x(0)).isZero(); // fcvtau x0, d1
        assertThat(FpSimdRunner.code(0x1e61_0020).d(1, 4.5).run().x(0)).isEqualTo(4); // fcvtnu w0, d1
    }

    @Test
    void FMOV_general() {
        FpSimdRunner r = FpSimdRunner.code(0x9e67_0020).x(1, 0x1234_5678_9ABC_DEF0L).v(0, 1, 2).run(); // fmov d0, x1
        assertThat(r.lo(0)).isEqualTo(0x1234_5678_9ABC_DEF0L);
        assertThat(r.hi(0)).isZero();
        assertThat(FpSimdRunner.code(0x9e66_0020).v(1, 5, 6).run().x(0)).isEqualTo(5); // fmov x0, d1
        r = FpSimdRunner.code(0x1e27_0020).x(1, 0xFFFF_FFFF_1234_5678L).run(); // fmov s0, w1
        assertThat(r.lo(0)).isEqualTo(0x1234_5678L);
        assertThat(FpSimdRunner.code(0x1e26_0020).v(1, -1, 0).run().x(0)).isEqualTo(0xFFFF_FFFFL); // fmov w0, s1
        r = FpSimdRunner.code(0x9eaf_0020).x(1, 9).v(0, 7, 8).run(); // fmov v0.d[1], x1
        assertThat(r.lo(0)).isEqualTo(7);
        assertThat(r.hi(0)).isEqualTo(9);
        assertThat(FpSimdRunner.code(0x9eae_0020).v(1, 5, 6).run().x(0)).isEqualTo(6); // fmov x0, v1.d[1]
        assertThat(FpSimdRunner.code(0x1e60_4020).v(1, 5, 6).run().hi(0)).isZero(); // fmov d0, d1
    }

    @Test
    void FJCVTZS_wrapsModulo2To32AndSetsZWhenExact() {
        FpSimdRunner r = FpSimdRunner.code(0x1e7e_0020).d(1, -3.0).nzcv(0b1011).run(); // fjcvtzs w0, d1
        assertThat(r.x(0)).isEqualTo(0xFFFF_FFFDL);
        assertThat(r.nzcv()).isEqualTo(0b0100);
        r = FpSimdRunner.code(0x1e7e_0020).d(1, 0x1p32 + 5.5).run();
        assertThat(r.x(0)).isEqualTo(5);
        assertThat(r.nzcv()).isZero();
        assertThat(r.fpsr()).isEqualTo(IOC);
        r = FpSimdRunner.code(0x1e7e_0020).d(1, 7.25).run();
        assertThat(r.x(0)).isEqualTo(7);
        assertThat(r.fpsr()).isEqualTo(IXC);
    }
}

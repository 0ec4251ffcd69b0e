package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FpCompareTest {
    static final long IOC = 1;

    @Test
    void FCMP_orders() {
        assertThat(FpSimdRunner.code(0x1e62_2020).d(1, 1).d(2, 2).run().nzcv()).isEqualTo(0b1000); // fcmp d1, d2
        assertThat(FpSimdRunner.code(0x1e62_2020).d(1, 2).d(2, 2).run().nzcv()).isEqualTo(0b0110);
        assertThat(FpSimdRunner.code(0x1e62_2020).d(1, 3).d(2, 2).run().nzcv()).isEqualTo(0b0010);
        assertThat(FpSimdRunner.code(0x1e62_2020).d(1, -0.0).d(2, 0.0).run().nzcv()).isEqualTo(0b0110);
        FpSimdRunner r = FpSimdRunner.code(0x1e62_2020).d(1, Double.NaN).d(2, 0.0).run();
        assertThat(r.nzcv()).isEqualTo(0b0011);
        assertThat(r.fpsr()).isZero(); // a quiet NaN does not signal in FCMP
    }

    @Test
    void FCMPE_signalsOnQuietNaN() {
        FpSimdRunner r = FpSimdRunner.code(0x1e62_2030).d(1, Double.NaN).d(2, 0.0).run(); // fcmpe d1, d2
        assertThat(r.nzcv()).isEqualTo(0b0011);
        assertThat(r.fpsr()).isEqualTo(IOC);
    }

    @Test
    void FCMP_withZero() {
        assertThat(FpSimdRunner.code(0x1e20_2028).s(1, -1f).run().nzcv()).isEqualTo(0b1000); // fcmp s1, #0.0
        FpSimdRunner r = FpSimdRunner.code(0x1e20_2028).v(1, 0x7F80_0001L, 0).run(); // signalling NaN
        assertThat(r.nzcv()).isEqualTo(0b0011);
        assertThat(r.fpsr()).isEqualTo(IOC);
    }

    @Test
    void FCCMP_comparesOnlyWhenTheConditionHolds() {
        // fccmp d1, d2, #0b0101, eq
        assertThat(FpSimdRunner.code(0x1e62_0425).d(1, 1).d(2, 2).nzcv(0b0100).run().nzcv()).isEqualTo(0b1000);
        FpSimdRunner r = FpSimdRunner.code(0x1e62_0425).v(1, 0x7FF0_0000_0000_0001L, 0).d(2, 2).nzcv(0).run();
        assertThat(r.nzcv()).isEqualTo(0b0101);
        assertThat(r.fpsr()).isZero();
    }

    @Test
    void FCSEL() {
        // fcsel d0, d1, d2, ne
        assertThat(FpSimdRunner.code(0x1e62_1c20).d(1, 1).d(2, 2).nzcv(0b0000).run().d(0)).isEqualTo(1.0);
        assertThat(FpSimdRunner.code(0x1e62_1c20).d(1, 1).d(2, 2).nzcv(0b0100).run().d(0)).isEqualTo(2.0);
    }

    @Test
    void FMOV_imm() {
        FpSimdRunner r = FpSimdRunner.code(0x1e70_1000).v(0, -1, -1).run(); // fmov d0, #-2.0
        assertThat(r.d(0)).isEqualTo(-2.0);
        assertThat(r.hi(0)).isZero();
        assertThat(FpSimdRunner.code(0x1e28_1000).run().s(0)).isEqualTo(0.125f); // fmov s0, #0.125
        assertThat(FpSimdRunner.code(0x1e2f_1000).run().s(0)).isEqualTo(1.5f); // fmov s0, #1.5
    }
}

package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;
import dev.emu.arm32.Arm32Registers;

import org.junit.jupiter.api.Test;

class VfpTest {
    static final long D = A32Runner.DATA;

    static long d(A32Runner r, int n) {
        return r.cpu.regs[Arm32Registers.D0 + n];
    }

    static A32Runner setD(A32Runner r, int n, double v) {
        r.cpu.regs[Arm32Registers.D0 + n] = Double.doubleToRawLongBits(v);
        return r;
    }

    @Test
    void VLDR_VSTR() {
        // vldr d0, [r1, #8]; vstr s3, [r1, #-4]
        A32Runner r = A32Runner.arm(0xed910b02, 0xed411a01).r(1, D + 16).poke32(D + 24, 0x1111_2222L).poke32(D + 28, 0x3333_4444L);
        r.cpu.regs[Arm32Registers.D0 + 1] = 0xAAAA_BBBB_0000_0000L;
        r.run();
        assertThat(d(r, 0)).isEqualTo(0x3333_4444_1111_2222L);
        assertThat(r.mem32(D + 12)).isEqualTo(0xAAAA_BBBBL); // s3 is the high half of d1
    }

    @Test
    void VPUSH_VPOP() {
        // vpush {d8, d9}; vpop {d8, d9} after clearing d8 through a vmov
        A32Runner r = A32Runner.arm(0xed2d8b04, 0xecbd8b04).r(13, D + 0x100);
        r.cpu.regs[Arm32Registers.D0 + 8] = 0x0123_4567_89AB_CDEFL;
        r.cpu.regs[Arm32Registers.D0 + 9] = -2;
        r.run();
        assertThat(r.r(13)).isEqualTo(D + 0x100);
        assertThat(r.mem32(D + 0xF0)).isEqualTo(0x89AB_CDEFL);
        assertThat(d(r, 9)).isEqualTo(-2);
    }

    @Test
    void VMOV_core() {
        // vmov d6, r3, r12; vmov s5, r0; vmov r1, s5; vmov.32 r2, d6[1]
        A32Runner r = A32Runner.arm(0xec4c3b16, 0xee020a90, 0xee121a90, 0xee362b10)
                .r(3, 0x1111_1111L).r(12, 0x2222_2222L).r(0, 0x5555_5555L).run();
        assertThat(d(r, 6)).isEqualTo(0x2222_2222_1111_1111L);
        assertThat(r.r(1)).isEqualTo(0x5555_5555L);
        assertThat(d(r, 2) >>> 32).isEqualTo(0x5555_5555L);
        assertThat(r.r(2)).isEqualTo(0x2222_2222L);
    }

    @Test
    void arithmetic_and_compare() {
        // vadd.f64 d0, d1, d2; vdiv.f64 d5, d7, d6; vcmpe.f64 d7, d6; vmrs APSR_nzcv, fpscr
        A32Runner r = A32Runner.arm(0xee310b02, 0xee875b06, 0xeeb47bc6, 0xeef1fa10);
        setD(r, 1, 1.5);
        setD(r, 2, 2.25);
        setD(r, 7, 1.0);
        setD(r, 6, 4.0);
        r.run();
        assertThat(Double.longBitsToDouble(d(r, 0))).isEqualTo(3.75);
        assertThat(Double.longBitsToDouble(d(r, 5))).isEqualTo(0.25);
        assertThat(r.nzcv()).isEqualTo(0b1000); // 1.0 < 4.0
    }

    @Test
    void VMOV_imm_and_conversions() {
        // vmov.f64 d6, #8.0; vcvt.s32.f64 s15, d6; vcvt.f64.s32 d0, s15
        A32Runner r = A32Runner.arm(0xeeb26b00, 0xeefd7bc6, 0xeeb80be7).run();
        assertThat(Double.longBitsToDouble(d(r, 6))).isEqualTo(8.0);
        assertThat(d(r, 7) >>> 32).isEqualTo(8);
        assertThat(Double.longBitsToDouble(d(r, 0))).isEqualTo(8.0);
        // vcvtr.s32.f64 s0, d1 rounds to nearest even
        A32Runner q = setD(A32Runner.arm(0xeebd0b41), 1, 2.5).run();
        assertThat(d(q, 0) & 0xFFFF_FFFFL).isEqualTo(2);
    }

    static final int IOC = 1, DZC = 2, IXC = 16, IDC = 128;

    static A32Runner fpscr(A32Runner r, long v) {
        r.cpu.regs[Arm32Registers.FPSCR] = v;
        return r;
    }

    static long fpscr(A32Runner r) {
        return r.cpu.regs[Arm32Registers.FPSCR];
    }

    @Test
    void FPSCR_rounding_modes() {
        // vadd.f64 d0, d1, d2 with 1.0 + -2^-60 in RN, RP, RM, RZ
        double[] expected = {1.0, 1.0, Math.nextDown(1.0), Math.nextDown(1.0)};
        for (int mode = 0; mode < 4; mode++) {
            A32Runner r = fpscr(setD(setD(A32Runner.arm(0xee310b02), 1, 1.0), 2, -0x1p-60), (long) mode << 22).run();
            assertThat(Double.longBitsToDouble(d(r, 0))).as("mode %d", mode).isEqualTo(expected[mode]);
            assertThat(fpscr(r)).isEqualTo((long) mode << 22 | IXC);
        }
    }

    @Test
    void VDIV_flags_and_NaNs() {
        // vdiv.f64 d3, d1, d4: 1 / 0 is +inf with DZC
        A32Runner r = setD(setD(A32Runner.arm(0xee813b04), 1, 1.0), 4, 0.0).run();
        assertThat(Double.longBitsToDouble(d(r, 3))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fpscr(r)).isEqualTo(DZC);
        // a signalling NaN operand is quietened (IOC); with DN set the default NaN comes out instead
        for (long dn = 0; dn <= 1; dn++) {
            A32Runner q = fpscr(setD(A32Runner.arm(0xee813b04), 4, 2.0), dn << 25);
            q.cpu.regs[Arm32Registers.D0 + 1] = 0x7FF0_0000_0000_0001L;
            q.run();
            assertThat(d(q, 3)).isEqualTo(dn == 1 ? 0x7FF8_0000_0000_0000L : 0x7FF8_0000_0000_0001L);
            assertThat(fpscr(q)).isEqualTo(dn << 25 | IOC);
        }
        // vdiv.f32 s10, s11, s12 with FZ: a denormal dividend reads as zero and raises IDC
        A32Runner z = fpscr(A32Runner.arm(0xee855a86), 1L << 24);
        z.cpu.regs[Arm32Registers.D0 + 5] = 0x0000_0001L << 32;
        z.cpu.regs[Arm32Registers.D0 + 6] = 0x3F80_0000L;
        z.run();
        assertThat(d(z, 5) & 0xFFFF_FFFFL).isZero();
        assertThat(fpscr(z)).isEqualTo(1L << 24 | IDC);
    }

    @Test
    void VFMA_rounds_once_VMLA_twice() {
        // (1 + 2^-30)(1 - 2^-30) - 1 = -2^-60: vfma.f64 d5, d6, d7 keeps it, vmla.f64 loses it
        for (int word : new int[] {0xeea65b07, 0xee065b07}) {
            A32Runner r = setD(setD(setD(A32Runner.arm(word), 5, -1.0), 6, 1 + 0x1p-30), 7, 1 - 0x1p-30).run();
            double want = word == 0xeea65b07 ? -0x1p-60 : 0.0;
            assertThat(Double.longBitsToDouble(d(r, 5))).isEqualTo(want);
        }
        // vfnms.f32 s0, s1, s2: -s0 + s1 * s2 = -1 + 2 * 3
        A32Runner n = A32Runner.arm(0xee900a81);
        n.cpu.regs[Arm32Registers.D0] = (long) Float.floatToRawIntBits(2f) << 32 | Float.floatToRawIntBits(1f);
        n.cpu.regs[Arm32Registers.D0 + 1] = Float.floatToRawIntBits(3f);
        n.run();
        assertThat(Float.intBitsToFloat((int) d(n, 0))).isEqualTo(5f);
    }

    @Test
    void VCVTR_uses_FPSCR_rounding_and_VCVT_fixed() {
        // vcvtr.s32.f64 s0, d1 in round toward +inf: 2.25 -> 3, inexact
        A32Runner r = fpscr(setD(A32Runner.arm(0xeebd0b41), 1, 2.25), 1L << 22).run();
        assertThat(d(r, 0) & 0xFFFF_FFFFL).isEqualTo(3);
        assertThat(fpscr(r)).isEqualTo(1L << 22 | IXC);
        // vcvt.s32.f64 d1, d1, #16: -1.5 -> 0xfffe8000, sign-extended through the D register
        A32Runner f = setD(A32Runner.arm(0xeebe1bc8), 1, -1.5).run();
        assertThat(d(f, 1)).isEqualTo(0xFFFF_FFFF_FFFE_8000L);
        // vcvt.f32.u16 s2, s2, #8: the low 16 bits 0x0180 / 256 = 1.5
        A32Runner u = A32Runner.arm(0xeebb1a44);
        u.cpu.regs[Arm32Registers.D0 + 1] = 0x1234_0180L;
        u.run();
        assertThat(Float.intBitsToFloat((int) d(u, 1))).isEqualTo(1.5f);
    }

    @Test
    void VCVTB_VCVTT_half_precision() {
        // vcvtb.f32.f16 s4, s5; vcvtt.f16.f32 s6, s7
        A32Runner r = A32Runner.arm(0xeeb22a62, 0xeeb33ae3);
        r.cpu.regs[Arm32Registers.D0 + 2] = 0x7777_3C00L << 32;
        r.cpu.regs[Arm32Registers.D0 + 3] = (long) Float.floatToRawIntBits(1.5f) << 32 | 0xAAAA_5555L;
        r.run();
        assertThat(d(r, 2) & 0xFFFF_FFFFL).isEqualTo(Float.floatToRawIntBits(1.0f));
        assertThat(d(r, 3) & 0xFFFF_FFFFL).isEqualTo(0x3E00_5555L);
    }

    @Test
    void VCMPE_and_VMSR() {
        // vcmpe.f64 d1, d2 with a quiet NaN: unordered, and IOC since VCMPE signals on any NaN
        A32Runner r = setD(setD(A32Runner.arm(0xeeb41bc2), 1, Double.NaN), 2, 1.0).run();
        assertThat(fpscr(r)).isEqualTo(0x3000_0000L | IOC);
        // vmsr fpscr, r0 keeps only the bits this FPSCR implements (no trap enables, Len, Stride, AHP)
        A32Runner m = A32Runner.arm(0xeee10a10).r(0, 0xFFFF_FFFFL).run();
        assertThat(fpscr(m)).isEqualTo(0xFBC0_009FL);
    }
}

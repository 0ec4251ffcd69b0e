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
}

package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.fp.Fpscr.FI;
import static dev.emu.ppc64le.fp.Fpscr.FPRF;
import static dev.emu.ppc64le.fp.Fpscr.FPRF_SHIFT;
import static dev.emu.ppc64le.fp.Fpscr.FR;
import static dev.emu.ppc64le.fp.Fpscr.VX;
import static dev.emu.ppc64le.fp.Fpscr.VXSNAN;
import static dev.emu.ppc64le.fp.Fpscr.VXZDZ;
import static dev.emu.ppc64le.fp.Fpscr.XX;
import static dev.emu.ppc64le.fp.Fpscr.ZX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

/** Book I chapter 4 lifters on both tiers: arithmetic, rounding modes, FPSCR flags, FPSCR moves. */
class FpArithTest {
    private static final long FX = 0x8000_0000L;

    private static long fprf(VecRunner r) {
        return (r.fpscr() & FPRF) >>> FPRF_SHIFT;
    }

    @Test
    void faddExact() {
        VecRunner r = VecRunner.code(0xfc22182a).fpr(2, 1.5).fpr(3, 2.25).vs(1, 0, 0x1234).run(); // fadd f1,f2,f3
        assertThat(r.fpr(1)).isEqualTo(3.75);
        assertThat(r.lo(1)).as("doubleword 1 of an FPR's VSR").isZero();
        assertThat(r.fpscr()).isEqualTo(0x04L << FPRF_SHIFT); // +normal, no flags
    }

    @Test
    void faddInexactInEveryRoundingMode() {
        double tiny = 0x1p-60;
        double[] expect = {1.0, 1.0, Math.nextUp(1.0), 1.0}; // RN, RZ, RP, RM
        for (int mode = 0; mode < 4; mode++) {
            VecRunner r = VecRunner.code(0xfc22182a).fpr(2, 1.0).fpr(3, tiny).fpscr(mode).run();
            assertThat(r.fpr(1)).as("mode " + mode).isEqualTo(expect[mode]);
            assertThat(r.fpscr() & (XX | FI | FX)).isEqualTo(XX | FI | FX);
            assertThat((r.fpscr() & FR) != 0).as("FR: fraction incremented").isEqualTo(mode == 2);
        }
        VecRunner r = VecRunner.code(0xfc22182a).fpr(2, -1.0).fpr(3, -tiny).fpscr(3).run();
        assertThat(r.fpr(1)).isEqualTo(Math.nextDown(-1.0));
    }

    @Test
    void fxOnlyWhenAnExceptionBitTurnsOn() {
        VecRunner r = VecRunner.code(0xfc22182a).fpr(2, 1.0).fpr(3, 0x1p-60).fpscr(XX).run();
        assertThat(r.fpscr() & FX).isZero();
    }

    @Test
    void recordFormCopiesTheSummaryToCr1() {
        VecRunner r = VecRunner.code(0xfc22182b).fpr(2, 1.0).fpr(3, 0x1p-60).run(); // fadd.
        assertThat(r.cr(1)).isEqualTo(r.fpscr() >>> 28 & 0xF).isEqualTo(0x8);
    }

    @Test
    void divideByZeroAndZeroByZero() {
        VecRunner r = VecRunner.code(0xfc221824).fpr(2, 1.0).fpr(3, 0.0).run(); // fdiv
        assertThat(r.fpr(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.fpscr() & (ZX | FX | FI | FR)).isEqualTo(ZX | FX);
        assertThat(fprf(r)).isEqualTo(0x05);
        r = VecRunner.code(0xfc221824).fpr(2, 0.0).fpr(3, -0.0).run();
        assertThat(r.hi(1)).isEqualTo(0x7FF8_0000_0000_0000L);
        assertThat(r.fpscr() & (VXZDZ | VX | FX)).isEqualTo(VXZDZ | VX | FX);
        assertThat(fprf(r)).isEqualTo(0x11);
    }

    @Test
    void convertToAndFromInteger() {
        VecRunner r = VecRunner.code(0xfc20101e).fpr(2, -2.7).run(); // fctiwz
        assertThat(r.hi(1)).isEqualTo(-2L);
        assertThat(r.fpscr() & (XX | FI | FR)).isEqualTo(XX | FI);
        r = VecRunner.code(0xfc20169c).fprBits(2, (1L << 53) + 1).run(); // fcfid: ties to even
        assertThat(r.fpr(1)).isEqualTo(0x1p53);
        assertThat(r.fpscr() & XX).isNotZero();
        r = VecRunner.code(0xfc20165c).fpr(2, 1e300).run(); // fctid: saturates, VXCVI
        assertThat(r.hi(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(r.fpscr() & 0x100).isNotZero();
    }

    @Test
    void compareUnordered() {
        VecRunner r = VecRunner.code(0xfd811000).fpr(1, 1.0).fprBits(2, 0x7FF0_0000_0000_0001L).run(); // fcmpu cr3
        assertThat(r.cr(3)).isEqualTo(1);
        assertThat(fprf(r) & 0xF).isEqualTo(1);
        assertThat(r.fpscr() & VXSNAN).isNotZero();
    }

    @Test
    void singleFusedMultiplyAddRoundsOnce() {
        // (1 + 2^-23) * (1 - 2^-23) + 2^-50 = 1 - 2^-46 + 2^-50 rounds to 1.0 in single
        // fmadds f1,f2,f3,f4: FRT = FRA * FRC + FRB, the operands written FRA, FRC, FRB
        VecRunner r = VecRunner.code(0xec2220fa).fpr(2, 1 + 0x1p-23).fpr(3, 1 - 0x1p-23).fpr(4, 0x1p-50).run();
        assertThat(r.fpr(1)).isEqualTo(1.0);
    }

    @Test
    void negativeMultiplyAddKeepsANaNsSign() {
        long nan = 0xFFF8_0000_0000_1234L;
        VecRunner r = VecRunner.code(0xfc2220fe).fprBits(2, nan).fpr(3, 1).fpr(4, 1).run(); // fnmadd
        assertThat(r.hi(1)).isEqualTo(nan);
    }

    @Test
    void roundToSingle() {
        VecRunner r = VecRunner.code(0xfc201018).fpr(2, 1.0 / 3).run(); // frsp
        assertThat(r.fpr(1)).isEqualTo((double) (1.0f / 3));
    }

    @Test
    void fpscrMoves() {
        VecRunner r = VecRunner.code(0xff80110c, 0xfc20048e).run(); // mtfsfi 7,1 ; mffs f1
        assertThat(r.fpscr()).isEqualTo(1);
        assertThat(r.hi(1)).isEqualTo(1);
        r = VecRunner.code(0xfdfe158e).fprBits(2, 0x0200_0003L).run(); // mtfsf 0xff,f2
        assertThat(r.fpscr()).isEqualTo(0x0200_0003L);
    }

    @Test
    void decimalRoundingModeFieldRoundTrips() {
        VecRunner r = VecRunner.code(0xfdff158e, 0xfc20048e).fprBits(2, 0x5_0000_0000L).run(); // mtfsf 0xff,f2,0,1 ; mffs f1
        assertThat(r.fpscr()).isEqualTo(0x5_0000_0000L);
        assertThat(r.hi(1)).isEqualTo(0x5_0000_0000L);
    }

    @Test
    void enablingAnExceptionIsRefused() {
        VecRunner r = VecRunner.code(0xff00004c).fpscr(2).run(); // mtfsb1 24 (VE)
        assertThat(r.state().trap).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.state().trapDetail).isEqualTo(0xff00004cL);
        assertThat(r.fpscr()).isEqualTo(2);
    }

    @Test
    void singleLoadAndStore() {
        VecRunner r = VecRunner.code(0xc0230008, 0xd0230010) // lfs f1,8(r3) ; stfs f1,16(r3)
                .gpr(3, VecRunner.DATA).mem(8, (byte) 0, (byte) 0, (byte) 0xc0, (byte) 0x3f).run();
        assertThat(r.fpr(1)).isEqualTo(1.5);
        assertThat(java.util.Arrays.copyOfRange(r.data(), 16, 20)).containsExactly(0, 0, 0xc0, 0x3f);
    }
}

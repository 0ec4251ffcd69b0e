package dev.emu.ppc64le.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Book I chapters 6 and 7 lifters on both tiers: little-endian loads and stores, permutes, compares, moves. */
class VmxVsxTest {
    private static final long D = VecRunner.DATA;

    private static VecRunner withBytes(int... words) {
        VecRunner r = VecRunner.code(words).gpr(3, D);
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) i;
        }
        return r.mem(0, b);
    }

    @Test
    void lvxIsOneLittleEndianQuadword() {
        VecRunner r = withBytes(0x7c2018ce, 0x7c2019ce).gpr(3, D + 16 + 5).run(); // lvx v1,0,r3 ; stvx v1,0,r3
        assertThat(r.hi(33)).isEqualTo(0x1F1E_1D1C_1B1A_1918L);
        assertThat(r.lo(33)).isEqualTo(0x1716_1514_1312_1110L);
    }

    @Test
    void lxvd2xAndLxvw4xKeepElementOrder() {
        VecRunner r = withBytes(0x7c201e98).run(); // lxvd2x vs1,0,r3
        assertThat(r.hi(1)).isEqualTo(0x0706_0504_0302_0100L);
        assertThat(r.lo(1)).isEqualTo(0x0F0E_0D0C_0B0A_0908L);
        r = withBytes(0x7c201e18, 0x7c2019ce).run(); // lxvw4x vs1,0,r3
        assertThat(r.hi(1)).isEqualTo(0x0302_0100_0706_0504L);
        assertThat(r.lo(1)).isEqualTo(0x0B0A_0908_0F0E_0D0CL);
        r = VecRunner.code(0x7c201f18).gpr(3, D).vs(1, 0x0302_0100_0706_0504L, 0x0B0A_0908_0F0E_0D0CL).run(); // stxvw4x
        for (int i = 0; i < 16; i++) {
            assertThat(r.data()[i]).isEqualTo((byte) i);
        }
    }

    @Test
    void shiftControls() {
        VecRunner r = VecRunner.code(0x7c20180c).gpr(3, 3).run(); // lvsl v1,0,r3
        assertThat(r.hi(33)).isEqualTo(0x0304_0506_0708_090AL);
        r = VecRunner.code(0x7c20184c).gpr(3, 3).run(); // lvsr
        assertThat(r.hi(33)).isEqualTo(0x0D0E_0F10_1112_1314L);
    }

    @Test
    void compareEqualBytesSetsCr6() {
        VecRunner r = VecRunner.code(0x10221c06).vr(2, 5, 6).vr(3, 5, 6).run(); // vcmpequb. v1,v2,v3
        assertThat(r.hi(33)).isEqualTo(-1L);
        assertThat(r.cr(6)).isEqualTo(8);
        r = VecRunner.code(0x10221c06).vr(2, 5, 6).vr(3, 5, 7).run();
        assertThat(r.lo(33)).isEqualTo(0xFFFF_FFFF_FFFF_FF00L);
        assertThat(r.cr(6)).isZero();
        r = VecRunner.code(0x10221c06).vr(2, -1, -1).vr(3, 0, 0).run();
        assertThat(r.cr(6)).isEqualTo(2);
        // bytes differing only in the top bit, or only below it, are not equal
        r = VecRunner.code(0x10221c06).vr(2, 0x8000_FF7F_0000_0001L, 0).vr(3, 0x0000_7FFF_0000_0001L, 1).run();
        assertThat(r.hi(33)).isEqualTo(0x00FF_0000_FFFF_FFFFL);
        assertThat(r.lo(33)).isEqualTo(0xFFFF_FFFF_FFFF_FF00L);
        assertThat(r.cr(6)).isZero();
    }

    @Test
    void permuteAndShiftDoubleByOctet() {
        long a = 0x0001_0203_0405_0607L, a2 = 0x0809_0A0B_0C0D_0E0FL, b = 0x1011_1213_1415_1617L, b2 = 0x1819_1A1B_1C1D_1E1FL;
        VecRunner r = VecRunner.code(0x1022192b).vr(2, a, a2).vr(3, b, b2).vr(4, 0x1F00_1E01_0203_0405L, 0).run(); // vperm
        assertThat(r.hi(33)).isEqualTo(0x1F00_1E01_0203_0405L);
        assertThat(r.lo(33)).isEqualTo(0);
        r = VecRunner.code(0x102218ec).vr(2, a, a2).vr(3, b, b2).run(); // vsldoi v1,v2,v3,3
        assertThat(r.hi(33)).isEqualTo(0x0304_0506_0708_090AL);
        assertThat(r.lo(33)).isEqualTo(0x0B0C_0D0E_0F10_1112L);
    }

    @Test
    void splatImmediateAndSaturatingAdd() {
        VecRunner r = VecRunner.code(0x103d030c).run(); // vspltisb v1,-3
        assertThat(r.hi(33)).isEqualTo(0xFDFD_FDFD_FDFD_FDFDL);
        r = VecRunner.code(0x10221a00).vr(2, 0xF0L << 56, 1).vr(3, 0x20L << 56, 1).run(); // vaddubs
        assertThat(r.hi(33)).isEqualTo(0xFFL << 56);
        assertThat(r.lo(33)).isEqualTo(2);
        assertThat(r.vscr()).isEqualTo(1);
    }

    @Test
    void bitGatherAndCount() {
        VecRunner r = VecRunner.code(0x1020150c).vr(2, 0x0100_0000_0000_0000L, 0x8000_0000_0000_0000L).run(); // vgbbd
        assertThat(r.hi(33)).isEqualTo(0x80L);
        assertThat(r.lo(33)).isEqualTo(0x8000_0000_0000_0000L);
        // vbpermq: bit 0 of VRA for every selector byte 0, 128 (out of range) elsewhere
        r = VecRunner.code(0x10221d4c).vr(2, 0x8000_0000_0000_0000L, 0).vr(3, 0x0080_8080_8080_8080L, 0x8080_8080_8080_8000L).run();
        assertThat(r.hi(33)).isEqualTo(0x8001L);
        r = VecRunner.code(0x102017c2).vr(2, 1, 0).run(); // vclzd
        assertThat(r.hi(33)).isEqualTo(63);
        assertThat(r.lo(33)).isEqualTo(64);
    }

    @Test
    void multiplySumAndDecimalAdd() {
        VecRunner r = VecRunner.code(0x10221924).vr(2, 0x0102_0304_0000_0000L, 0).vr(3, 0x0101_0101_0000_0000L, 0)
                .vr(4, 0x0000_0010_0000_0000L, 0).run(); // vmsumubm
        assertThat(r.hi(33)).isEqualTo(0x0000_001AL << 32);
        r = VecRunner.code(0x10221c01).vr(2, 0, 0x12C).vr(3, 0, 0x30C).run(); // bcdadd. v1,v2,v3,0
        assertThat(r.lo(33)).isEqualTo(0x42C);
        assertThat(r.cr(6)).isEqualTo(4);
    }

    @Test
    void vsxPermuteMovesAndConversions() {
        VecRunner r = VecRunner.code(0xf0221a50).vs(2, 1, 2).vs(3, 3, 4).run(); // xxpermdi vs1,vs2,vs3,2
        assertThat(r.hi(1)).isEqualTo(2);
        assertThat(r.lo(1)).isEqualTo(3);
        r = VecRunner.code(0x7c230067, 0x7c230167).vs(33, 0x1234, 0).run(); // mfvsrd r3,v1 ; mtvsrd v1,r3
        assertThat(r.gpr(3)).isEqualTo(0x1234);
        r = VecRunner.code(0xf0201424).vs(2, Double.doubleToRawLongBits(1.0), 0).run(); // xscvdpsp
        assertThat(r.hi(1)).isEqualTo(0x3F80_0000_3F80_0000L);
        r = VecRunner.code(0xf0221b07).vs(34, Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(-1))
                .vs(35, Double.doubleToRawLongBits(2), Double.doubleToRawLongBits(0.25)).run(); // xvadddp
        assertThat(Double.longBitsToDouble(r.hi(33))).isEqualTo(3.5);
        assertThat(Double.longBitsToDouble(r.lo(33))).isEqualTo(-0.75);
    }

    private static long words(float a, float b) {
        return (long) Float.floatToRawIntBits(a) << 32 | Float.floatToRawIntBits(b) & 0xFFFF_FFFFL;
    }

    @Test
    void vectorFloatEstimatesAndNonJavaMode() {
        VecRunner r = VecRunner.code(0x1020118a).vr(2, words(3, -1), words(0.5f, Float.NEGATIVE_INFINITY)).run(); // vexptefp
        assertThat(r.hi(33)).isEqualTo(words(8, 0.5f));
        assertThat(r.lo(33)).isEqualTo(words((float) Math.sqrt(2), 0));
        r = VecRunner.code(0x102011ca).vr(2, words(8, 1), words(0.5f, 0)).run(); // vlogefp
        assertThat(r.hi(33)).isEqualTo(words(3, 0));
        assertThat(r.lo(33)).isEqualTo(words(-1, Float.NEGATIVE_INFINITY));
        float denormal = 1e-40f;
        r = VecRunner.code(0x1022180a).vr(2, words(denormal, 1), 0).vr(3, 0, 0).run(); // vaddfp v1,v2,v3
        assertThat(r.hi(33)).isEqualTo(words(denormal, 1));
        r = VecRunner.code(0x1022180a).vr(2, words(denormal, 1), 0).vr(3, 0, 0).vscr(1 << 16).run(); // NJ
        assertThat(r.hi(33)).isEqualTo(words(0, 1));
    }
}

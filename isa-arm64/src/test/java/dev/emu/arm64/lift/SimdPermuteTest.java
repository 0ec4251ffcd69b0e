package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdPermuteTest {
    // v1 bytes 0x00..0x0F, v2 bytes 0x10..0x1F
    static final long A_LO = 0x0706_0504_0302_0100L, A_HI = 0x0F0E_0D0C_0B0A_0908L;
    static final long B_LO = 0x1716_1514_1312_1110L, B_HI = 0x1F1E_1D1C_1B1A_1918L;

    private static FpSimdRunner run(int word) {
        return FpSimdRunner.code(word).v(1, A_LO, A_HI).v(2, B_LO, B_HI).v(0, -1, -1).run();
    }

    @Test
    void UZP() {
        FpSimdRunner r = run(0x4e02_1820); // uzp1 v0.16b, v1.16b, v2.16b
        assertThat(r.lo(0)).isEqualTo(0x0E0C_0A08_0604_0200L);
        assertThat(r.hi(0)).isEqualTo(0x1E1C_1A18_1614_1210L);
        r = run(0x4e82_5820); // uzp2 v0.4s, v1.4s, v2.4s
        assertThat(r.lo(0)).isEqualTo(0x0F0E_0D0C_0706_0504L);
        assertThat(r.hi(0)).isEqualTo(0x1F1E_1D1C_1716_1514L);
    }

    @Test
    void ZIP() {
        FpSimdRunner r = run(0x4e42_3820); // zip1 v0.8h, v1.8h, v2.8h
        assertThat(r.lo(0)).isEqualTo(0x1312_0302_1110_0100L);
        assertThat(r.hi(0)).isEqualTo(0x1716_0706_1514_0504L);
        r = run(0x4ec2_7820); // zip2 v0.2d, v1.2d, v2.2d
        assertThat(r.lo(0)).isEqualTo(A_HI);
        assertThat(r.hi(0)).isEqualTo(B_HI);
    }

    @Test
    void TRN() {
        FpSimdRunner r = run(0x4e02_2820); // trn1 v0.16b, v1.16b, v2.16b
        assertThat(r.lo(0)).isEqualTo(0x1606_1404_1202_1000L);
        r = run(0x0e42_6820); // trn2 v0.4h, v1.4h, v2.4h
        assertThat(r.lo(0)).isEqualTo(0x1716_0706_1312_0302L);
        assertThat(r.hi(0)).isZero();
    }

    @Test
    void EXT() {
        FpSimdRunner r = run(0x6e02_1820); // ext v0.16b, v1.16b, v2.16b, #3
        assertThat(r.lo(0)).isEqualTo(0x0A09_0807_0605_0403L);
        assertThat(r.hi(0)).isEqualTo(0x1211_100F_0E0D_0C0BL);
        r = run(0x2e02_3820); // ext v0.8b, v1.8b, v2.8b, #7
        assertThat(r.lo(0)).isEqualTo(0x1615_1413_1211_1007L);
        assertThat(r.hi(0)).isZero();
    }

    @Test
    void TBL_TBX() {
        FpSimdRunner r = FpSimdRunner.code(0x4e02_0020) // tbl v0.16b, {v1.16b}, v2.16b
                .v(1, A_LO, A_HI).v(2, 0x0F00_10FF_0102_0304L, 0).run();
        assertThat(r.lo(0)).isEqualTo(0x0F00_0000_0102_0304L);
        assertThat(r.hi(0)).isEqualTo(0);
        // tbl v0.8b, {v30.16b, v31.16b, v0.16b}, v2.8b: wraps from v31 to v0
        r = FpSimdRunner.code(0x0e02_43c0).v(30, A_LO, A_HI).v(31, B_LO, B_HI).v(0, 0x2A, 0)
                .v(2, 0x0000_0000_3020_1F00L, 0).run();
        assertThat(r.lo(0)).isEqualTo(0x0000_0000_002A_1F00L | 0x0000_0000_0000_0000L);
        // tbx v0.16b, {v1.16b, v2.16b}, v3.16b keeps the out-of-range lanes
        r = FpSimdRunner.code(0x4e03_3020).v(1, A_LO, A_HI).v(2, B_LO, B_HI).v(3, 0x20_1F_00, 0)
                .v(0, 0x7777_7777_7777_7777L, 0x7777_7777_7777_7777L).run();
        assertThat(r.lo(0)).isEqualTo(0x0000_0000_0077_1F00L); // index 0 picks byte 0; 0x20 is out of range
        assertThat(r.hi(0)).isZero();
    }
}

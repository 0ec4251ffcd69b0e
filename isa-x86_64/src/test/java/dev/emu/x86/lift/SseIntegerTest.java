package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class SseIntegerTest {
    @Test
    void PXOR_PADDUSB_PSHUFD() {
        // 66 0f ef c0    pxor xmm0, xmm0
        X86Runner r = X86Runner.code("66 0f ef c0").xmm(0, 7, 8).run();
        assertThat(r.xmmLo(0)).isZero();
        assertThat(r.xmmHi(0)).isZero();
        // 66 0f dc ca    paddusb xmm1, xmm2: saturates at 0xFF
        r = X86Runner.code("66 0f dc ca").xmm(1, 0xF0_01L, 0).xmm(2, 0x20_02L, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(0xFF_03L);
        // 66 0f 70 ca 1b    pshufd xmm1, xmm2, 0x1b: dwords reversed
        r = X86Runner.code("66 0f 70 ca 1b").xmm(2, 0x1111_1111_0000_0000L, 0x3333_3333_2222_2222L).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x2222_2222_3333_3333L);
        assertThat(r.xmmHi(1)).isEqualTo(0x0000_0000_1111_1111L);
    }

    @Test
    void shifts() {
        // 66 0f 73 d9 03    psrldq xmm1, 3
        X86Runner r = X86Runner.code("66 0f 73 d9 03").xmm(1, 0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x0A09_0807_0605_0403L);
        assertThat(r.xmmHi(1)).isEqualTo(0x0000_000F_0E0D_0C0BL);
        // 66 0f 71 e1 04    psraw xmm1, 4
        r = X86Runner.code("66 0f 71 e1 04").xmm(1, 0x8000_7FF0L, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(0xF800_07FFL);
    }

    @Test
    void PACKUSWB_PUNPCKLBW_SHUFPS() {
        // 66 0f 67 ca    packuswb xmm1, xmm2: words -1 -> 0, 0x100 -> 0xFF
        X86Runner r = X86Runner.code("66 0f 67 ca").xmm(1, 0x0100_FFFF_0042_0001L, 0).xmm(2, 0, 0x7FFF_0000_0000_0000L).run();
        assertThat(r.xmmLo(1)).isEqualTo(0xFF00_4201L);
        assertThat(r.xmmHi(1)).isEqualTo(0xFF00_0000_0000_0000L);
        // 66 0f 60 ca    punpcklbw xmm1, xmm2
        r = X86Runner.code("66 0f 60 ca").xmm(1, 0x0302_0100L, 0).xmm(2, 0x1312_1110L, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x1303_1202_1101_1000L);
        // 0f c6 ca 4e    shufps xmm1, xmm2, 0x4e
        r = X86Runner.code("0f c6 ca 4e").xmm(1, 0x1_0000_0000L, 0x3_0000_0002L).xmm(2, 0x5_0000_0004L, 0x7_0000_0006L).run();
        // dwords: a = 0 1 2 3, b = 4 5 6 7 -> a2 a3 b0 b1
        assertThat(r.xmmLo(1)).isEqualTo(0x3_0000_0002L);
        assertThat(r.xmmHi(1)).isEqualTo(0x5_0000_0004L);
    }

    @Test
    void SSSE3() {
        // 66 0f 38 00 ca    pshufb xmm1, xmm2: reverse, with a zeroing selector in byte 0
        X86Runner r = X86Runner.code("66 0f 38 00 ca").xmm(1, 0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L)
                .xmm(2, 0x0809_0A0B_0C0D_0E80L, 0x0001_0203_0405_0607L).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x0809_0A0B_0C0D_0E00L);
        assertThat(r.xmmHi(1)).isEqualTo(0x0001_0203_0405_0607L);
        // 66 0f 3a 0f ca 03    palignr xmm1, xmm2, 3: bytes 3.. of xmm1:xmm2
        r = X86Runner.code("66 0f 3a 0f ca 03").xmm(1, 0x1716_1514_1312_1110L, 0x1F1E_1D1C_1B1A_1918L)
                .xmm(2, 0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x0A09_0807_0605_0403L);
        assertThat(r.xmmHi(1)).isEqualTo(0x1211_100F_0E0D_0C0BL);
        // 66 0f 38 1c ca    pabsb xmm1, xmm2: |-128| stays 0x80
        r = X86Runner.code("66 0f 38 1c ca").xmm(2, 0x80FF_017FL, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x8001_017FL);
        // 66 0f 38 04 ca    pmaddubsw xmm1, xmm2: unsigned 255 * signed -128 twice saturates to -32768
        r = X86Runner.code("66 0f 38 04 ca").xmm(1, 0xFFFF, 0).xmm(2, 0x8080, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(0x8000);
    }
}

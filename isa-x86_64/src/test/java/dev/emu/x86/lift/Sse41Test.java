package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class Sse41Test {
    @Test
    void PMOVZXDQ() {
        // 66 45 0f 38 35 e4    pmovzxdq xmm12, xmm12
        X86Runner r = X86Runner.code("66 45 0f 38 35 e4").xmm(12, 0x8000_0000_7FFF_FFFFL, 5).run();
        assertThat(r.xmmLo(12)).isEqualTo(0x7FFF_FFFFL);
        assertThat(r.xmmHi(12)).isEqualTo(0x8000_0000L);
    }

    @Test
    void PTEST_PEXTRD_PINSRB_ROUNDSD_DPPS() {
        // 66 0f 38 17 ca    ptest xmm1, xmm2: disjoint -> ZF; xmm2 not inside xmm1 -> no CF
        X86Runner r = X86Runner.code("66 0f 38 17 ca").xmm(1, 0xF0, 0).xmm(2, 0x0F, 0).flags(0x8D5).run();
        assertThat(r.flagNames()).isEqualTo("ZF");
        // 66 48 0f 3a 16 c8 01    pextrq rax, xmm1, 1
        r = X86Runner.code("66 48 0f 3a 16 c8 01").xmm(1, 1, 0x1234_5678_9ABC_DEF0L).run();
        assertThat(r.reg("rax")).isEqualTo(0x1234_5678_9ABC_DEF0L);
        // 66 0f 3a 20 c8 09    pinsrb xmm1, eax, 9
        r = X86Runner.code("66 0f 3a 20 c8 09").set("rax", 0x1AB).xmm(1, 0, 0).run();
        assertThat(r.xmmHi(1)).isEqualTo(0xAB00);
        // 66 0f 3a 0b ca 01    roundsd xmm1, xmm2, 1 (down): -0.5 -> -1 with PE
        r = X86Runner.code("66 0f 3a 0b ca 01").xmm(2, Double.doubleToRawLongBits(-0.5), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(Double.doubleToRawLongBits(-1.0));
        assertThat(r.mxcsr() & 0x3F).isEqualTo(0x20);
        // 66 0f 3a 40 ca f1    dpps xmm1, xmm2, 0xf1: 1*5 + 2*6 + 3*7 + 4*8 = 70 in lane 0 only
        r = X86Runner.code("66 0f 3a 40 ca f1")
                .xmm(1, f(2f) << 32 | f(1f), f(4f) << 32 | f(3f)).xmm(2, f(6f) << 32 | f(5f), f(8f) << 32 | f(7f)).run();
        assertThat(r.xmmLo(1)).isEqualTo(f(70f));
        assertThat(r.xmmHi(1)).isZero();
    }

    @Test
    void SSE42_CRC32_PCMPISTRI() {
        // f2 48 0f 38 f1 c3    crc32 rax, rbx ; f2 0f 38 f0 c1    crc32 eax, cl: CRC-32C of "123456789"
        X86Runner r = X86Runner.code("f2 48 0f 38 f1 c3 f2 0f 38 f0 c1").set("rax", 0xFFFF_FFFFL)
                .set("rbx", 0x3837_3635_3433_3231L).set("rcx", '9').run();
        assertThat(r.reg("rax") ^ 0xFFFF_FFFFL).isEqualTo(0xE306_9283L);
        // 66 0f 3a 63 ca 00    pcmpistri xmm1, xmm2, 0 (unsigned bytes, equal any, first match):
        // the set "cb" in "xxbx": index 2, CF; both strings end early: ZF SF
        r = X86Runner.code("66 0f 3a 63 ca 00").xmm(1, 0x6263, 0).xmm(2, 0x7862_7878L, 0).run();
        assertThat(r.reg("rcx")).isEqualTo(2);
        assertThat(r.flagNames()).isEqualTo("CF ZF SF");
    }

    static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }
}

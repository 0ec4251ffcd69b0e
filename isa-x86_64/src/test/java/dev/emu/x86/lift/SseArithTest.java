package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class SseArithTest {
    static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    @Test
    void ADDSD_DIVPS_SQRTSS() {
        // f2 0f 58 ca    addsd xmm1, xmm2: 0.1 + 0.2 is inexact (PE), the high half kept
        X86Runner r = X86Runner.code("f2 0f 58 ca").xmm(1, d(0.1), 77).xmm(2, d(0.2), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(0.1 + 0.2));
        assertThat(r.xmmHi(1)).isEqualTo(77);
        assertThat(r.mxcsr()).isEqualTo(0x1F80 | 0x20);
        // 0f 5e ca    divps xmm1, xmm2: 1/0 (ZE), 0/0 (IE, default NaN), 6/3, -1/inf
        r = X86Runner.code("0f 5e ca").xmm(1, f(0f) << 32 | f(1f), f(-1f) << 32 | f(6f))
                .xmm(2, f(0f) << 32 | f(0f), f(Float.POSITIVE_INFINITY) << 32 | f(3f)).run();
        assertThat(r.xmmLo(1)).isEqualTo(0xFFC0_0000L << 32 | f(Float.POSITIVE_INFINITY));
        assertThat(r.xmmHi(1)).isEqualTo(f(-0f) << 32 | f(2f));
        assertThat(r.mxcsr()).isEqualTo(0x1F80 | 0x1 | 0x4);
        // f3 0f 51 ca    sqrtss xmm1, xmm2 rounded up (RC = 10)
        r = X86Runner.code("f3 0f 51 ca").mxcsr(0x5F80).xmm(2, f(2f), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(f(Math.nextUp((float) Math.sqrt(2))));
    }

    @Test
    void NaNs_MIN_MAX() {
        long qnan1 = 0x7FF8_0000_0000_0001L;
        long snan2 = 0x7FF0_0000_0000_0002L;
        // f2 0f 58 ca    addsd: the first operand's NaN wins, the SNaN still raises IE
        X86Runner r = X86Runner.code("f2 0f 58 ca").xmm(1, qnan1, 0).xmm(2, snan2, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(qnan1);
        assertThat(r.mxcsr() & 0x3F).isEqualTo(1);
        // f2 0f 5d ca    minsd: a NaN operand or two zeros give the second operand
        r = X86Runner.code("f2 0f 5d ca").xmm(1, qnan1, 0).xmm(2, d(3), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(3));
        r = X86Runner.code("f2 0f 5d ca").xmm(1, d(-0.0), 0).xmm(2, d(0.0), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(0.0));
        // 0f 5f ca    maxps
        r = X86Runner.code("0f 5f ca").xmm(1, f(1f) << 32 | f(5f), 0).xmm(2, f(2f) << 32 | f(4f), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(f(2f) << 32 | f(5f));
    }

    @Test
    void CMP_COMISS_UCOMISD() {
        // 66 0f c2 ca 01    cmpltpd xmm1, xmm2
        X86Runner r = X86Runner.code("66 0f c2 ca 01").xmm(1, d(1), d(3)).xmm(2, d(2), d(2)).run();
        assertThat(r.xmmLo(1)).isEqualTo(-1L);
        assertThat(r.xmmHi(1)).isZero();
        // 66 0f 2e ca    ucomisd xmm1, xmm2: unordered sets ZF PF CF, a QNaN is no exception
        r = X86Runner.code("66 0f 2e ca").xmm(1, 0x7FF8_0000_0000_0000L, 0).xmm(2, d(1), 0).flags(0x880).run();
        assertThat(r.flagNames()).isEqualTo("CF PF ZF");
        assertThat(r.mxcsr() & 0x3F).isZero();
        // 0f 2f ca    comiss xmm1, xmm2: less -> CF; a QNaN raises IE
        r = X86Runner.code("0f 2f ca").xmm(1, f(1f), 0).xmm(2, f(2f), 0).run();
        assertThat(r.flagNames()).isEqualTo("CF");
        r = X86Runner.code("0f 2f ca").xmm(1, 0x7FC0_0000L, 0).xmm(2, f(2f), 0).run();
        assertThat(r.mxcsr() & 0x3F).isEqualTo(1);
    }

    @Test
    void unmaskedExceptionFaults() {
        // f2 0f 5e ca    divsd with ZM clear: #XM (SIGFPE) at the instruction, ZE set, xmm1 unchanged
        X86Runner r = X86Runner.code("f2 0f 5e ca").mxcsr(0x1F80 & ~0x200).xmm(1, d(1), 0).xmm(2, d(0), 0).run();
        assertThat(r.trap()).isEqualTo(TrapKind.DIVIDE_ERROR);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE);
        assertThat(r.xmmLo(1)).isEqualTo(d(1));
        assertThat(r.mxcsr() & 0x3F).isEqualTo(4);
    }

    @Test
    void conversions() {
        // f2 48 0f 2a c8    cvtsi2sd xmm1, rax
        X86Runner r = X86Runner.code("f2 48 0f 2a c8").set("rax", -3).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(-3));
        // f2 0f 2c c1    cvttsd2si eax, xmm1: truncates; f2 48 0f 2d c1    cvtsd2si rax, xmm1: rounds to even
        r = X86Runner.code("f2 0f 2c c1").xmm(1, d(-2.5), 0).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF_FFFEL);
        r = X86Runner.code("f2 48 0f 2d c1").xmm(1, d(2.5), 0).run();
        assertThat(r.reg("rax")).isEqualTo(2);
        assertThat(r.mxcsr() & 0x3F).isEqualTo(0x20);
        // out of range: the integer indefinite with IE
        r = X86Runner.code("f2 0f 2c c1").xmm(1, d(3e9), 0).run();
        assertThat(r.reg("rax")).isEqualTo(0x8000_0000L);
        assertThat(r.mxcsr() & 0x3F).isEqualTo(1);
        // 0f 5a ca    cvtps2pd xmm1, xmm2 ; 0f 5b ca    cvtdq2ps xmm1, xmm2
        r = X86Runner.code("0f 5a ca").xmm(2, f(-0.5f) << 32 | f(1.5f), 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(1.5));
        assertThat(r.xmmHi(1)).isEqualTo(d(-0.5));
        r = X86Runner.code("0f 5b ca").xmm(2, 0xFFFF_FFFF_0000_0007L, 0).run();
        assertThat(r.xmmLo(1)).isEqualTo(f(-1f) << 32 | f(7f));
    }

    @Test
    void SSE3() {
        // f2 0f 7c ca    haddps xmm1, xmm2
        X86Runner r = X86Runner.code("f2 0f 7c ca").xmm(1, f(2f) << 32 | f(1f), f(4f) << 32 | f(3f))
                .xmm(2, f(20f) << 32 | f(10f), f(40f) << 32 | f(30f)).run();
        assertThat(r.xmmLo(1)).isEqualTo(f(7f) << 32 | f(3f));
        assertThat(r.xmmHi(1)).isEqualTo(f(70f) << 32 | f(30f));
        // 66 0f d0 ca    addsubpd xmm1, xmm2: low subtracts, high adds
        r = X86Runner.code("66 0f d0 ca").xmm(1, d(5), d(5)).xmm(2, d(2), d(2)).run();
        assertThat(r.xmmLo(1)).isEqualTo(d(3));
        assertThat(r.xmmHi(1)).isEqualTo(d(7));
        // f2 0f 12 0f    movddup xmm1, [rdi]
        r = X86Runner.code("f2 0f 12 0f").set("rdi", X86Runner.DATA).mem64(X86Runner.DATA, d(1.5)).run();
        assertThat(r.xmmHi(1)).isEqualTo(d(1.5));
    }
}

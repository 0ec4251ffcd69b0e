package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class SseMoveTest {
    static final long D = X86Runner.DATA;
    static final long A = 0x0123_4567_89AB_CDEFL;
    static final long B = 0xFEDC_BA98_7654_3210L;

    @Test
    void MOVUPS_MOVAPS() {
        // 0f 10 0f    movups xmm1, [rdi] (unaligned: fine)  ; 0f 29 4f 10    movaps [rdi+16], xmm1
        X86Runner r = X86Runner.code("0f 10 0f 0f 29 4f 10").set("rdi", D + 16).mem64(D + 16, A).mem64(D + 24, B).run();
        assertThat(r.xmmLo(1)).isEqualTo(A);
        assertThat(r.xmmHi(1)).isEqualTo(B);
        assertThat(r.mem64(D + 32)).isEqualTo(A);
        assertThat(r.mem64(D + 40)).isEqualTo(B);
        // 66 0f 6f 0f    movdqa xmm1, [rdi] misaligned: #GP (SIGSEGV) at the instruction, xmm1 unchanged
        r = X86Runner.code("66 0f 6f 0f").set("rdi", D + 8).xmm(1, 5, 6).run();
        assertThat(r.trap()).isEqualTo(TrapKind.PRIVILEGED);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE);
        assertThat(r.xmmLo(1)).isEqualTo(5);
    }

    @Test
    void MOVSS_MOVSD() {
        // f3 0f 10 ca    movss xmm1, xmm2: merges the low single
        X86Runner r = X86Runner.code("f3 0f 10 ca").xmm(1, A, B).xmm(2, B, A).run();
        assertThat(r.xmmLo(1)).isEqualTo(A & 0xFFFF_FFFF_0000_0000L | B & 0xFFFF_FFFFL);
        assertThat(r.xmmHi(1)).isEqualTo(B);
        // f3 0f 10 0f    movss xmm1, [rdi]: zeroes the rest
        r = X86Runner.code("f3 0f 10 0f").set("rdi", D).mem64(D, A).xmm(1, B, B).run();
        assertThat(r.xmmLo(1)).isEqualTo(A & 0xFFFF_FFFFL);
        assertThat(r.xmmHi(1)).isZero();
        // f2 41 0f 10 c9    movsd xmm1, xmm9
        r = X86Runner.code("f2 41 0f 10 c9").xmm(9, A, A).xmm(1, B, B).run();
        assertThat(r.xmmLo(1)).isEqualTo(A);
        assertThat(r.xmmHi(1)).isEqualTo(B);
    }

    @Test
    void MOVD_MOVQ_MOVHLPS() {
        // 66 48 0f 6e d8    movq xmm3, rax ; 66 0f 7e d9    movd ecx, xmm3
        X86Runner r = X86Runner.code("66 48 0f 6e d8 66 0f 7e d9").set("rax", A).xmm(3, 1, 2).set("rcx", -1).run();
        assertThat(r.xmmLo(3)).isEqualTo(A);
        assertThat(r.xmmHi(3)).isZero();
        assertThat(r.reg("rcx")).isEqualTo(A & 0xFFFF_FFFFL);
        // 0f 12 ca    movhlps xmm1, xmm2
        r = X86Runner.code("0f 12 ca").xmm(1, 1, 2).xmm(2, A, B).run();
        assertThat(r.xmmLo(1)).isEqualTo(B);
        assertThat(r.xmmHi(1)).isEqualTo(2);
    }

    @Test
    void PMOVMSKB_PINSRW_PEXTRW_MASKMOVDQU() {
        // 66 0f 74 ca    pcmpeqb xmm1, xmm2 ; 66 0f d7 c1    pmovmskb eax, xmm1
        X86Runner r = X86Runner.code("66 0f 74 ca 66 0f d7 c1").xmm(1, 0x00FF_0000_0000_0041L, 0)
                .xmm(2, 0x0000_0000_0000_0041L, 0).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF & ~(1 << 6));
        // 66 0f c4 c8 05    pinsrw xmm1, eax, 5 ; 66 0f c5 c1 05    pextrw eax, xmm1, 5 (after clobbering rax)
        r = X86Runner.code("66 0f c4 c8 05").set("rax", 0x1234_ABCDL).xmm(1, 0, -1).run();
        assertThat(r.xmmHi(1)).isEqualTo(0xFFFF_FFFF_ABCD_FFFFL);
        r = X86Runner.code("66 0f c5 c1 05").set("rax", -1).xmm(1, 0, 0x0000_0000_ABCD_0000L).run();
        assertThat(r.reg("rax")).isEqualTo(0xABCD);
        // 66 0f f7 ca    maskmovdqu xmm1, xmm2: bytes 0 and 9 of xmm1 to [rdi]
        r = X86Runner.code("66 0f f7 ca").set("rdi", D).xmm(1, A, B).xmm(2, 0x80, 0x8000).mem64(D, 0).mem64(D + 8, 0)
                .run();
        assertThat(r.mem64(D)).isEqualTo(0xEF);
        assertThat(r.mem64(D + 8)).isEqualTo(0x3200);
    }
}

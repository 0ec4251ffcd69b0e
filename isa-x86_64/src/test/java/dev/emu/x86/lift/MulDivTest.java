package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class MulDivTest {
    static final long D = X86Runner.DATA;

    @Test
    void MUL() {
        // 48 f7 e3    mul rbx
        X86Runner r = X86Runner.code("48 f7 e3").set("rax", -1).set("rbx", -1).run();
        assertThat(r.reg("rax")).isEqualTo(1);
        assertThat(r.reg("rdx")).isEqualTo(-2);
        assertThat(r.flagNames()).contains("CF").contains("OF");
        // f6 e1    mul cl
        r = X86Runner.code("f6 e1").set("rax", 0xFFFF_0010L).set("rcx", 0x10).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF_0100L);
        assertThat(r.rflags() & 0x801).isEqualTo(0x801);
    }

    @Test
    void IMUL_forms() {
        // 48 f7 e9    imul rcx
        X86Runner r = X86Runner.code("48 f7 e9").set("rax", -2).set("rcx", 3).run();
        assertThat(r.reg("rax")).isEqualTo(-6);
        assertThat(r.reg("rdx")).isEqualTo(-1);
        assertThat(r.rflags() & 0x801).isZero();
        // 0f af ca    imul ecx, edx
        r = X86Runner.code("0f af ca").set("rcx", 0x10000).set("rdx", 0x10000).run();
        assertThat(r.reg("rcx")).isZero();
        assertThat(r.rflags() & 0x801).isEqualTo(0x801);
        // 48 6b 07 0a    imul rax, [rdi], 10
        assertThat(X86Runner.code("48 6b 07 0a").set("rdi", D).mem64(D, -7).run().reg("rax")).isEqualTo(-70);
        // 66 6b c3 fd    imul ax, bx, -3
        assertThat(X86Runner.code("66 6b c3 fd").set("rax", -1).set("rbx", 2).run().reg("rax"))
                .isEqualTo(0xFFFF_FFFF_FFFF_FFFAL);
    }

    @Test
    void DIV_IDIV() {
        // 48 f7 f1    div rcx:  RDX:RAX = 2^64 + 5, / 2
        X86Runner r = X86Runner.code("48 f7 f1").set("rdx", 1).set("rax", 5).set("rcx", 2).run();
        assertThat(r.reg("rax")).isEqualTo(Long.MIN_VALUE + 2);
        assertThat(r.reg("rdx")).isEqualTo(1);
        // f7 f9    idiv ecx
        r = X86Runner.code("f7 f9").set("rdx", 0xFFFF_FFFFL).set("rax", -7L & 0xFFFF_FFFFL).set("rcx", 2).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF_FFFDL);
        assertThat(r.reg("rdx")).isEqualTo(0xFFFF_FFFFL);
        // f6 f3    div bl
        r = X86Runner.code("f6 f3").set("rax", 0x1_0107).set("rbx", 0x10).run();
        assertThat(r.reg("rax")).isEqualTo(0x1_0710);
        // 66 f7 3f    idiv word ptr [rdi]
        r = X86Runner.code("66 f7 3f").set("rdi", D).set("rdx", 0).set("rax", 100).mem(D, new byte[] {-7, -1}).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFF2); // -14
        assertThat(r.reg("rdx")).isEqualTo(2);
    }

    @Test
    void divideErrorsFaultAtTheInstruction() {
        // 48 f7 f1    div rcx  by zero
        X86Runner r = X86Runner.code("90 48 f7 f1").set("rax", 5).set("rcx", 0).run();
        assertThat(r.trap()).isEqualTo(TrapKind.DIVIDE_ERROR);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE + 1);
        assertThat(r.reg("rax")).isEqualTo(5);
        // f6 f3    div bl: quotient 0x1000 / 1 does not fit in AL
        r = X86Runner.code("f6 f3").set("rax", 0x1000).set("rbx", 1).run();
        assertThat(r.trap()).isEqualTo(TrapKind.DIVIDE_ERROR);
        // f7 f9    idiv ecx: INT_MIN / -1
        r = X86Runner.code("f7 f9").set("rdx", 0xFFFF_FFFFL).set("rax", 0x8000_0000L).set("rcx", 0xFFFF_FFFFL).run();
        assertThat(r.trap()).isEqualTo(TrapKind.DIVIDE_ERROR);
    }
}

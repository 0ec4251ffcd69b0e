package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

/** Branch targets are checked by jumping over a HLT (f4), which would trap. */
class ControlFlowTest {
    static final long B = X86Runner.BASE;
    static final long SP = X86Runner.STACK_TOP - 0x100;

    @Test
    void JMP_Jcc() {
        // eb 01    jmp .+3 ; f4 hlt ; 90 nop
        assertThat(X86Runner.code("eb 01 f4 90").run().trap()).isNull();
        // 74 01    je .+3 ; f4
        assertThat(X86Runner.code("74 01 f4 90").flags(0x40).run().trap()).isNull();
        assertThat(X86Runner.code("74 01 f4 90").flags(0).run().trap()).isEqualTo(dev.emu.core.ir.TrapKind.PRIVILEGED);
        // 0f 8f 01 00 00 00    jg .+7 (rel32) ; f4
        assertThat(X86Runner.code("0f 8f 01 00 00 00 f4 90").flags(0).run().trap()).isNull();
        // ff e0    jmp rax
        assertThat(X86Runner.code("ff e0 f4 90").set("rax", B + 3).run().trap()).isNull();
    }

    @Test
    void CALL_RET() {
        // e8 02 00 00 00    call .+7 ; eb 01    jmp .+3 ; c3    ret
        X86Runner r = X86Runner.code("e8 02 00 00 00 eb 01 c3").run();
        assertThat(r.trap()).isNull();
        assertThat(r.reg("rsp")).isEqualTo(SP);
        assertThat(r.mem64(SP - 8)).isEqualTo(B + 5);
        // ff d0    call rax
        r = X86Runner.code("ff d0 f4 90").set("rax", B + 3).run();
        assertThat(r.reg("rsp")).isEqualTo(SP - 8);
        assertThat(r.mem64(SP - 8)).isEqualTo(B + 2);
        // ff 17    call qword ptr [rdi]
        r = X86Runner.code("ff 17 f4 90").set("rdi", X86Runner.DATA).mem64(X86Runner.DATA, B + 3).run();
        assertThat(r.trap()).isNull();
        // c2 10 00    ret 16
        r = X86Runner.code("c2 10 00 90").mem64(SP, B + 3).run();
        assertThat(r.reg("rsp")).isEqualTo(SP + 24);
    }

    @Test
    void LOOP_JRCXZ() {
        // b9 05 00 00 00    mov ecx, 5 ; 31 c0    xor eax, eax ; ff c0    inc eax ; e2 fc    loop .-2
        X86Runner r = X86Runner.code("b9 05 00 00 00 31 c0 ff c0 e2 fc").run();
        assertThat(r.reg("rax")).isEqualTo(5);
        assertThat(r.reg("rcx")).isZero();
        // e3 01    jrcxz .+3 ; f4
        assertThat(X86Runner.code("e3 01 f4 90").set("rcx", 0).run().trap()).isNull();
        assertThat(X86Runner.code("e3 01 f4 90").set("rcx", 1L << 40).run().trap()).isNotNull();
    }

    @Test
    void ENTER_LEAVE() {
        // c8 20 00 00    enter 32, 0
        X86Runner r = X86Runner.code("c8 20 00 00").set("rbp", 0x1234).run();
        assertThat(r.reg("rbp")).isEqualTo(SP - 8);
        assertThat(r.reg("rsp")).isEqualTo(SP - 8 - 32);
        assertThat(r.mem64(SP - 8)).isEqualTo(0x1234);
        // ... c9    leave
        r = X86Runner.code("c8 20 00 00 c9").set("rbp", 0x1234).run();
        assertThat(r.reg("rbp")).isEqualTo(0x1234);
        assertThat(r.reg("rsp")).isEqualTo(SP);
        // c8 10 00 02    enter 16, 2: copies one frame pointer, pushes the new one
        long oldFrame = SP + 0x40;
        r = X86Runner.code("c8 10 00 02").set("rbp", oldFrame).mem64(oldFrame - 8, 0xAAAA).run();
        assertThat(r.mem64(SP - 16)).isEqualTo(0xAAAA);
        assertThat(r.mem64(SP - 24)).isEqualTo(SP - 8);
        assertThat(r.reg("rsp")).isEqualTo(SP - 24 - 16);
    }
}

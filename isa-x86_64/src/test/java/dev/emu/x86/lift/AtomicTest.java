package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class AtomicTest {
    static final long D = X86Runner.DATA;

    @Test
    void CMPXCHG() {
        // 48 0f b1 0f    cmpxchg [rdi], rcx: equal
        X86Runner r = X86Runner.code("48 0f b1 0f").set("rdi", D).set("rax", 5).set("rcx", 9).mem64(D, 5).run();
        assertThat(r.mem64(D)).isEqualTo(9);
        assertThat(r.rflags() & 0x40).isEqualTo(0x40);
        // not equal: rax gets the memory value
        r = X86Runner.code("48 0f b1 0f").set("rdi", D).set("rax", 4).set("rcx", 9).mem64(D, 5).run();
        assertThat(r.mem64(D)).isEqualTo(5);
        assertThat(r.reg("rax")).isEqualTo(5);
        assertThat(r.rflags() & 0x40).isZero();
        // f0 0f b1 0f    lock cmpxchg [rdi], ecx
        r = X86Runner.code("f0 0f b1 0f").set("rdi", D).set("rax", -1L << 32 | 5).set("rcx", 9).mem64(D, 5).run();
        assertThat(r.mem64(D)).isEqualTo(9);
        assertThat(r.reg("rax")).isEqualTo(-1L << 32 | 5); // success leaves RAX alone
        // 0f b1 d1    cmpxchg ecx, edx
        r = X86Runner.code("0f b1 d1").set("rcx", 3).set("rax", 3).set("rdx", 8).run();
        assertThat(r.reg("rcx")).isEqualTo(8);
    }

    @Test
    void CMPXCHG8B() {
        // f0 0f c7 0f    lock cmpxchg8b [rdi]
        X86Runner r = X86Runner.code("f0 0f c7 0f").set("rdi", D).set("rdx", 1).set("rax", 2).set("rcx", 3).set("rbx", 4)
                .mem64(D, 0x1_0000_0002L).run();
        assertThat(r.mem64(D)).isEqualTo(0x3_0000_0004L);
        assertThat(r.rflags() & 0x40).isEqualTo(0x40);
        // 0f c7 0f    cmpxchg8b [rdi]: mismatch loads EDX:EAX
        r = X86Runner.code("0f c7 0f").set("rdi", D).set("rdx", -1).set("rax", -1).mem64(D, 0x7_0000_0008L).run();
        assertThat(r.reg("rdx")).isEqualTo(7);
        assertThat(r.reg("rax")).isEqualTo(8);
    }

    @Test
    void XADD() {
        // 0f c1 c8    xadd eax, ecx
        X86Runner r = X86Runner.code("0f c1 c8").set("rax", 1).set("rcx", 2).run();
        assertThat(r.reg("rax")).isEqualTo(3);
        assertThat(r.reg("rcx")).isEqualTo(1);
        // f0 0f c0 07    lock xadd byte ptr [rdi], al
        r = X86Runner.code("f0 0f c0 07").set("rdi", D + 1).set("rax", 0xFF).mem(D + 1, new byte[] {1}).run();
        assertThat(r.mem64(D)).isZero();
        assertThat(r.reg("rax")).isEqualTo(1);
        assertThat(r.flagNames()).contains("CF").contains("ZF");
    }

    @Test
    void CMPXCHG16B() {
        // f0 48 0f c7 0f    lock cmpxchg16b [rdi]
        X86Runner r = X86Runner.code("f0 48 0f c7 0f").set("rdi", D).set("rdx", 1).set("rax", 2).set("rcx", 3).set("rbx", 4)
                .mem64(D, 2).mem64(D + 8, 1).run();
        assertThat(r.mem64(D)).isEqualTo(4);
        assertThat(r.mem64(D + 8)).isEqualTo(3);
        assertThat(r.rflags() & 0x40).isEqualTo(0x40);
        // 48 0f c7 0f    cmpxchg16b [rdi]: a mismatch loads RDX:RAX
        r = X86Runner.code("48 0f c7 0f").set("rdi", D).mem64(D, 7).mem64(D + 8, 8).run();
        assertThat(r.reg("rax")).isEqualTo(7);
        assertThat(r.reg("rdx")).isEqualTo(8);
        assertThat(r.rflags() & 0x40).isZero();
        // misaligned: #GP, SIGSEGV as Linux reports it, at the instruction
        r = X86Runner.code("48 0f c7 0f").set("rdi", D + 8).run();
        assertThat(r.trap()).isEqualTo(dev.emu.core.ir.TrapKind.PRIVILEGED);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE);
    }
}

package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class SystemInsnsTest {
    static final long B = X86Runner.BASE;

    @Test
    void trapsAndWhereTheyResume() {
        // 90 0f 05    nop ; syscall
        X86Runner r = X86Runner.code("90 0f 05").run();
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(r.pc()).isEqualTo(B + 3);
        // 0f 0b    ud2
        r = X86Runner.code("0f 0b").run();
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.pc()).isEqualTo(B);
        assertThat(r.result.trapDetail() & 0xFFFF).isEqualTo(0x0b0f);
        // cc    int3: SIGTRAP after it
        r = X86Runner.code("cc").run();
        assertThat(r.trap()).isEqualTo(TrapKind.BREAKPOINT);
        assertThat(r.pc()).isEqualTo(B + 1);
        // f4    hlt ; ec    in al, dx
        assertThat(X86Runner.code("f4").run().trap()).isEqualTo(TrapKind.PRIVILEGED);
        assertThat(X86Runner.code("ec").run().trap()).isEqualTo(TrapKind.PRIVILEGED);
        // d9 08    d9 /1 with a memory operand: undefined
        r = X86Runner.code("d9 08").run();
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.result.trapDetail() & 0xFFFF).isEqualTo(0x08d9);
    }

    @Test
    void nopForms() {
        // f3 90 pause ; f3 0f 1e fa endbr64 ; 66 0f 1f 04 00 nop word [rax+rax] ; 0f ae f0 mfence ;
        // 0f ae e8 lfence ; 0f ae f8 sfence ; 9b fwait
        X86Runner r = X86Runner.code("f3 90 f3 0f 1e fa 66 0f 1f 04 00 0f ae f0 0f ae e8 0f ae f8").set("rax", 7).run();
        assertThat(r.trap()).isNull();
        assertThat(r.reg("rax")).isEqualTo(7);
        assertThat(r.result.instructions()).isEqualTo(6);
    }

    @Test
    void CPUID() {
        // 0f a2    cpuid, leaf 1
        X86Runner r = X86Runner.code("0f a2").set("rax", 1).run();
        assertThat(r.reg("rdx") & 1).as("x87 FPU").isEqualTo(1);
        assertThat(r.reg("rdx") & (3 << 25)).as("SSE and SSE2").isEqualTo(3 << 25);
        assertThat(r.reg("rdx") & (1 << 24)).as("FXSR").isNotZero();
        assertThat(r.reg("rdx") & (1 << 23)).as("no MMX").isZero();
        assertThat(r.reg("rcx") & (1 << 23)).as("POPCNT").isNotZero();
        assertThat(r.reg("rcx") & (1 | 1 << 9)).as("SSE3, SSSE3").isEqualTo(1 | 1 << 9);
        assertThat(r.reg("rcx") & (3 << 19)).as("SSE4.1, SSE4.2").isEqualTo(3 << 19);
        assertThat(r.reg("rcx") & (1 << 13 | 1 << 22 | 1 << 25 | 1 << 27 | 1 << 28)).as("no CX16 MOVBE AES OSXSAVE AVX")
                .isZero();
        r = X86Runner.code("0f a2").set("rax", 0).run();
        assertThat(r.reg("rax")).isEqualTo(7);
    }

    @Test
    void RDTSC() {
        // 0f 31    rdtsc
        X86Runner r = X86Runner.code("0f 31").set("rax", -1).set("rdx", -1).clockDependent().run();
        assertThat(r.reg("rax") >>> 32).isZero();
        assertThat(r.reg("rdx") >>> 32).isZero();
    }

    @Test
    void flagInstructions() {
        // 9c    pushfq ; 58 pop rax
        X86Runner r = X86Runner.code("9c 58").flags(0x8D5).run();
        assertThat(r.reg("rax")).isEqualTo(0x8D5 | 0x202);
        // 50 9d    push rax ; popfq
        r = X86Runner.code("50 9d").set("rax", 0xC95).run();
        assertThat(r.flagNames()).isEqualTo("CF PF AF SF DF OF");
        // 9f    lahf
        assertThat(X86Runner.code("9f").flags(0xC1).set("rax", 0).run().reg("rax")).isEqualTo(0xC300);
        // 9e    sahf
        assertThat(X86Runner.code("9e").set("rax", 0xD500).run().flagNames()).isEqualTo("CF PF AF ZF SF");
        // f9 f5    stc ; cmc
        assertThat(X86Runner.code("f9 f5").run().flagNames()).isEqualTo("");
    }

    @Test
    void MXCSR() {
        // 0f ae 17    ldmxcsr [rdi] ; 0f ae 1f    stmxcsr [rdi+...]: 0f ae 5f 08  stmxcsr [rdi+8]
        X86Runner r = X86Runner.code("0f ae 17 0f ae 5f 08").set("rdi", X86Runner.DATA).mem64(X86Runner.DATA, 0x9FC0).run();
        assertThat(r.reg("mxcsr")).isEqualTo(0x9FC0);
        assertThat(r.mem64(X86Runner.DATA + 8)).isEqualTo(0x9FC0);
        // a reserved bit (here 17: AMD's misaligned-SSE mode, not modelled) is #GP, MXCSR unchanged
        r = X86Runner.code("0f ae 17").set("rdi", X86Runner.DATA).mem64(X86Runner.DATA, 0x21F80).run();
        assertThat(r.trap()).isEqualTo(dev.emu.core.ir.TrapKind.PRIVILEGED);
        assertThat(r.reg("mxcsr")).isEqualTo(0x1F80);
    }
}

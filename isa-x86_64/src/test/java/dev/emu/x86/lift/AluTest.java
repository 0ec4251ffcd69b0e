package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class AluTest {
    static final long D = X86Runner.DATA;

    @Test
    void ADD_Ev_Gv() {
        // 48 01 d8    add rax, rbx
        X86Runner r = X86Runner.code("48 01 d8").set("rax", -1).set("rbx", 1).run();
        assertThat(r.reg("rax")).isZero();
        assertThat(r.flagNames()).isEqualTo("CF PF AF ZF");
        // 48 01 d8    add rax, rbx: signed overflow
        r = X86Runner.code("48 01 d8").set("rax", Long.MAX_VALUE).set("rbx", 1).run();
        assertThat(r.flagNames()).isEqualTo("PF AF SF OF");
    }

    @Test
    void thirtyTwoBitWritesZeroExtend() {
        // 01 d8    add eax, ebx
        X86Runner r = X86Runner.code("01 d8").set("rax", 0xFFFF_FFFF_0000_0001L).set("rbx", 0xAAAA_AAAA_FFFF_FFFFL).run();
        assertThat(r.reg("rax")).isZero();
        assertThat(r.flagNames()).isEqualTo("CF PF AF ZF");
    }

    @Test
    void byteRegistersMergeIncludingHighBytes() {
        // 00 d8    add al, bl
        X86Runner r = X86Runner.code("00 d8").set("rax", 0x1122_3344_5566_77F0L).set("rbx", 0x20).run();
        assertThat(r.reg("rax")).isEqualTo(0x1122_3344_5566_7710L);
        assertThat(r.flagNames()).isEqualTo("CF");
        // 00 fc    add ah, bh
        r = X86Runner.code("00 fc").set("rax", 0x1234).set("rbx", 0x0100).run();
        assertThat(r.reg("rax")).isEqualTo(0x1334);
        // 40 80 cc 01    or spl, 1 (with REX, register 4 is SPL, not AH)
        r = X86Runner.code("40 80 cc 01").set("rsp", 0x7000).set("rax", 0).run();
        assertThat(r.reg("rsp")).isEqualTo(0x7001);
        assertThat(r.reg("rax")).isZero();
        // 41 80 e2 0f    and r10b, 0x0f
        r = X86Runner.code("41 80 e2 0f").set("r10", 0xFFFF).run();
        assertThat(r.reg("r10")).isEqualTo(0xFF0F);
    }

    @Test
    void ADC_SBB() {
        // 48 11 d1    adc rcx, rdx
        X86Runner r = X86Runner.code("48 11 d1").set("rcx", -1).set("rdx", 0).flags(1).run();
        assertThat(r.reg("rcx")).isZero();
        assertThat(r.flagNames()).isEqualTo("CF PF AF ZF");
        // 66 19 d0    sbb ax, dx
        r = X86Runner.code("66 19 d0").set("rax", 0xABCD_0000L).set("rdx", 0).flags(1).run();
        assertThat(r.reg("rax")).isEqualTo(0xABCD_FFFFL);
        assertThat(r.flagNames()).isEqualTo("CF PF AF SF");
        // 14 10    adc al, 0x10
        r = X86Runner.code("14 10").set("rax", 0xEF).flags(1).run();
        assertThat(r.reg("rax")).isZero();
        assertThat(r.flagNames()).isEqualTo("CF PF AF ZF");
    }

    @Test
    void SUB_CMP_forms() {
        // 41 83 e8 01    sub r8d, 1
        X86Runner r = X86Runner.code("41 83 e8 01").set("r8", 0x1_0000_0000L).run();
        assertThat(r.reg("r8")).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.flagNames()).isEqualTo("CF PF AF SF");
        // 48 83 7f 08 ff    cmp qword ptr [rdi+8], -1
        r = X86Runner.code("48 83 7f 08 ff").set("rdi", D).mem64(D + 8, -1).run();
        assertThat(r.flagNames()).isEqualTo("PF ZF");
        // 4a 3b 44 e7 f8    cmp rax, [rdi+r12*8-8]
        r = X86Runner.code("4a 3b 44 e7 f8").set("rdi", D).set("r12", 3).mem64(D + 16, 5).set("rax", 4).run();
        assertThat(r.flagNames()).isEqualTo("CF PF AF SF");
        // 2c 01    sub al, 1
        r = X86Runner.code("2c 01").set("rax", 0x80).run();
        assertThat(r.reg("rax")).isEqualTo(0x7F);
        assertThat(r.flagNames()).isEqualTo("AF OF");
    }

    @Test
    void immediatesAreSignExtended() {
        // 48 05 ff ff ff 7f    add rax, 0x7fffffff
        assertThat(X86Runner.code("48 05 ff ff ff 7f").set("rax", 1).run().reg("rax")).isEqualTo(0x8000_0000L);
        // 05 78 56 34 12    add eax, 0x12345678
        assertThat(X86Runner.code("05 78 56 34 12").set("rax", -1).run().reg("rax")).isEqualTo(0x1234_5677L);
    }

    @Test
    void logicOps() {
        // 31 c0    xor eax, eax
        X86Runner r = X86Runner.code("31 c0").set("rax", -1).flags(0x8D5).run();
        assertThat(r.reg("rax")).isZero();
        assertThat(r.flagNames()).isEqualTo("PF ZF");
        // 85 c9    test ecx, ecx
        r = X86Runner.code("85 c9").set("rcx", 0x8000_0000L).run();
        assertThat(r.flagNames()).isEqualTo("PF SF");
        // a8 80    test al, 0x80
        assertThat(X86Runner.code("a8 80").set("rax", 0x7F).run().flagNames()).isEqualTo("PF ZF");
    }

    @Test
    void memoryOperands() {
        // 02 4c b7 10    add cl, [rdi+rsi*4+0x10]
        X86Runner r = X86Runner.code("02 4c b7 10").set("rdi", D).set("rsi", 2).set("rcx", 0x1FF)
                .mem(D + 0x18, new byte[] {2}).run();
        assertThat(r.reg("rcx")).isEqualTo(0x101);
        // 66 83 05 10 00 00 00 03    add word ptr [rip+0x10], 3: rip-relative from the next instruction
        long target = X86Runner.BASE + 8 + 0x10;
        r = X86Runner.code("66 83 05 10 00 00 00 03 " + "90".repeat(0x20)).run();
        assertThat(r.m.read(target, 2)).containsExactly((byte) 0x93, (byte) 0x90); // the nops there, plus 3
        // 4d 03 65 00    add r12, [r13]  (r13 as a base needs a disp8)
        r = X86Runner.code("4d 03 65 00").set("r13", D).mem64(D, 40).set("r12", 2).run();
        assertThat(r.reg("r12")).isEqualTo(42);
        // 48 03 04 24    add rax, [rsp]  (rsp as a base needs a SIB)
        r = X86Runner.code("48 03 04 24").set("rsp", D + 0x100).mem64(D + 0x100, 7).run();
        assertThat(r.reg("rax")).isEqualTo(7);
    }

    @Test
    void INC_DEC_NEG_NOT() {
        // fe 07    inc byte ptr [rdi]
        X86Runner r = X86Runner.code("fe 07").set("rdi", D).mem(D, new byte[] {0x7F}).flags(1).run();
        assertThat(r.m.read(D, 1)[0]).isEqualTo((byte) 0x80);
        assertThat(r.flagNames()).isEqualTo("CF AF SF OF"); // CF kept
        // 49 ff c9    dec r9
        r = X86Runner.code("49 ff c9").set("r9", 0).run();
        assertThat(r.reg("r9")).isEqualTo(-1);
        assertThat(r.flagNames()).isEqualTo("PF AF SF");
        // f7 d8    neg eax
        r = X86Runner.code("f7 d8").set("rax", 1).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.flagNames()).isEqualTo("CF PF AF SF");
        assertThat(X86Runner.code("f7 d8").set("rax", 0).run().flagNames()).isEqualTo("PF ZF");
        // 48 f7 d0    not rax
        assertThat(X86Runner.code("48 f7 d0").set("rax", 5).flags(0).run().reg("rax")).isEqualTo(~5L);
    }

    @Test
    void lockedAdd() {
        // f0 01 37    lock add dword ptr [rdi], esi
        X86Runner r = X86Runner.code("f0 01 37").set("rdi", D).set("rsi", 5).mem64(D, 0xFFFF_FFFFL).run();
        assertThat(r.mem64(D)).isEqualTo(4);
        assertThat(r.flagNames()).isEqualTo("CF AF");
        // misaligned: still done
        r = X86Runner.code("f0 01 37").set("rdi", D + 3).set("rsi", 1).run();
        assertThat(r.mem64(D)).isEqualTo(0x0100_0000L);
    }

    @Test
    void lockWithRegisterDestinationIsIllegal() {
        // f0 01 d8    lock add eax, ebx: #UD
        X86Runner r = X86Runner.code("f0 01 d8").run();
        assertThat(r.trap()).isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.result.trapDetail() & 0xFFFFFF).isEqualTo(0xd801f0L);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE);
    }
}

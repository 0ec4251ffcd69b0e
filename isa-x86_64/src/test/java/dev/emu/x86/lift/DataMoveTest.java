package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class DataMoveTest {
    static final long D = X86Runner.DATA;
    static final long SP = X86Runner.STACK_TOP - 0x100;

    @Test
    void MOV_immediates() {
        // 48 b8 88 77 66 55 44 33 22 11    mov rax, 0x1122334455667788
        assertThat(X86Runner.code("48 b8 88 77 66 55 44 33 22 11").run().reg("rax")).isEqualTo(0x1122334455667788L);
        // b8 ff ff ff ff    mov eax, -1  (zero-extends)
        assertThat(X86Runner.code("b8 ff ff ff ff").set("rax", -1L << 40).run().reg("rax")).isEqualTo(0xFFFF_FFFFL);
        // 66 41 b9 34 12    mov r9w, 0x1234  (merges)
        assertThat(X86Runner.code("66 41 b9 34 12").set("r9", -1).run().reg("r9")).isEqualTo(0xFFFF_FFFF_FFFF_1234L);
        // c6 07 80    mov byte ptr [rdi], 0x80
        assertThat(X86Runner.code("c6 07 80").set("rdi", D).run().mem64(D)).isEqualTo(0x80);
        // 48 c7 07 fe ff ff ff    mov qword ptr [rdi], -2
        assertThat(X86Runner.code("48 c7 07 fe ff ff ff").set("rdi", D).run().mem64(D)).isEqualTo(-2);
    }

    @Test
    void MOV_absoluteAndSegments() {
        // 48 8b 04 25 10 00 20 00    mov rax, qword ptr [0x200010]
        assertThat(X86Runner.code("48 8b 04 25 10 00 20 00").mem64(D + 0x10, 99).run().reg("rax")).isEqualTo(99);
        // 89 04 25 10 00 20 00    mov dword ptr [0x200010], eax
        assertThat(X86Runner.code("89 04 25 10 00 20 00").set("rax", -1).run().mem64(D + 0x10)).isEqualTo(0xFFFF_FFFFL);
        // 64 48 8b 04 25 10 00 00 00    mov rax, fs:[0x10]
        assertThat(X86Runner.code("64 48 8b 04 25 10 00 00 00").set("fs_base", D).mem64(D + 0x10, 7).run().reg("rax"))
                .isEqualTo(7);
        // 65 48 8b 07    mov rax, gs:[rdi]
        assertThat(X86Runner.code("65 48 8b 07").set("gs_base", D).set("rdi", 8).mem64(D + 8, 5).run().reg("rax"))
                .isEqualTo(5);
        // a1 + moffs64: 48 a1 10 00 20 00 00 00 00 00    movabs rax, [0x200010]
        assertThat(X86Runner.code("48 a1 10 00 20 00 00 00 00 00").mem64(D + 0x10, 3).run().reg("rax")).isEqualTo(3);
        // 67 8b 0f    mov ecx, [edi]  (address truncated to 32 bits)
        assertThat(X86Runner.code("67 8b 0f").set("rdi", 0xFFFF_FFFF_0000_0000L | D).mem64(D, 6).run().reg("rcx"))
                .isEqualTo(6);
    }

    @Test
    void MOVZX_MOVSX_MOVSXD() {
        // 0f b6 07    movzx eax, byte ptr [rdi]
        assertThat(X86Runner.code("0f b6 07").set("rdi", D).set("rax", -1).mem(D, new byte[] {(byte) 0xF0}).run()
                .reg("rax")).isEqualTo(0xF0);
        // 48 0f b7 ca    movzx rcx, dx
        assertThat(X86Runner.code("48 0f b7 ca").set("rdx", 0x12345).run().reg("rcx")).isEqualTo(0x2345);
        // 48 0f be c3    movsx rax, bl
        assertThat(X86Runner.code("48 0f be c3").set("rbx", 0x80).run().reg("rax")).isEqualTo(-128);
        // 0f bf 07    movsx eax, word ptr [rdi]
        assertThat(X86Runner.code("0f bf 07").set("rdi", D).mem(D, new byte[] {0, (byte) 0x80}).run().reg("rax"))
                .isEqualTo(0xFFFF_8000L);
        // 48 63 c1    movsxd rax, ecx
        assertThat(X86Runner.code("48 63 c1").set("rcx", 0x8000_0000L).run().reg("rax")).isEqualTo(0xFFFF_FFFF_8000_0000L);
    }

    @Test
    void LEA() {
        // 48 8d 44 77 05    lea rax, [rdi+rsi*2+5]
        assertThat(X86Runner.code("48 8d 44 77 05").set("rdi", 100).set("rsi", 10).run().reg("rax")).isEqualTo(125);
        // 8d 47 ff    lea eax, [rdi-1]
        assertThat(X86Runner.code("8d 47 ff").set("rdi", 0).run().reg("rax")).isEqualTo(0xFFFF_FFFFL);
        // 48 8d 05 00 01 00 00    lea rax, [rip+0x100]
        assertThat(X86Runner.code("48 8d 05 00 01 00 00").run().reg("rax")).isEqualTo(X86Runner.BASE + 7 + 0x100);
        // 67 8d 04 18    lea eax, [eax+ebx]
        assertThat(X86Runner.code("67 8d 04 18").set("rax", 0xFFFF_FFFFL).set("rbx", 2).run().reg("rax")).isEqualTo(1);
        // 8d c0    lea eax, eax: #UD
        assertThat(X86Runner.code("8d c0").run().trap()).isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
    }

    @Test
    void XCHG_BSWAP() {
        // 49 90    xchg rax, r8  (90 with REX.B is not a NOP)
        X86Runner r = X86Runner.code("49 90").set("rax", 1).set("r8", 2).run();
        assertThat(r.reg("rax")).isEqualTo(2);
        assertThat(r.reg("r8")).isEqualTo(1);
        // 87 0f    xchg [rdi], ecx
        r = X86Runner.code("87 0f").set("rdi", D).set("rcx", -1).mem64(D, 5).run();
        assertThat(r.reg("rcx")).isEqualTo(5);
        assertThat(r.mem64(D)).isEqualTo(0xFFFF_FFFFL);
        // 86 c4    xchg ah, al
        assertThat(X86Runner.code("86 c4").set("rax", 0x1234).run().reg("rax")).isEqualTo(0x3412);
        // 0f c8    bswap eax
        assertThat(X86Runner.code("0f c8").set("rax", 0xFF_1122_3344L).run().reg("rax")).isEqualTo(0x4433_2211L);
        // 49 0f ca    bswap r10
        assertThat(X86Runner.code("49 0f ca").set("r10", 0x0102030405060708L).run().reg("r10")).isEqualTo(0x0807060504030201L);
    }

    @Test
    void signExtensionOfTheAccumulator() {
        // 66 98    cbw
        assertThat(X86Runner.code("66 98").set("rax", 0xAB_0080).run().reg("rax")).isEqualTo(0xAB_FF80);
        // 98    cwde
        assertThat(X86Runner.code("98").set("rax", -1L << 32 | 0x8000).run().reg("rax")).isEqualTo(0xFFFF_8000L);
        // 48 98    cdqe
        assertThat(X86Runner.code("48 98").set("rax", 0x8000_0000L).run().reg("rax")).isEqualTo(0xFFFF_FFFF_8000_0000L);
        // 66 99    cwd
        assertThat(X86Runner.code("66 99").set("rax", 0x8000).set("rdx", 0x12_0000).run().reg("rdx")).isEqualTo(0x12_FFFF);
        // 99    cdq
        assertThat(X86Runner.code("99").set("rax", 0x7FFF_FFFF).set("rdx", -1).run().reg("rdx")).isZero();
        // 48 99    cqo
        assertThat(X86Runner.code("48 99").set("rax", -5).run().reg("rdx")).isEqualTo(-1);
    }

    @Test
    void PUSH_POP() {
        // 53 41 54 59 41 5f    push rbx; push r12; pop rcx; pop r15
        X86Runner r = X86Runner.code("53 41 54 59 41 5f").set("rbx", 1).set("r12", 2).run();
        assertThat(r.reg("rcx")).isEqualTo(2);
        assertThat(r.reg("r15")).isEqualTo(1);
        assertThat(r.reg("rsp")).isEqualTo(SP);
        // 6a 12    push 0x12 ;  68 00 f0 ff ff    push -0x1000
        r = X86Runner.code("6a 12 68 00 f0 ff ff").run();
        assertThat(r.mem64(SP - 8)).isEqualTo(0x12);
        assertThat(r.mem64(SP - 16)).isEqualTo(-0x1000);
        // ff 37    push qword ptr [rdi] ;  8f 07    pop qword ptr [rdi]  (back where it was)
        r = X86Runner.code("ff 37 8f 47 08").set("rdi", D).mem64(D, 77).run();
        assertThat(r.mem64(D + 8)).isEqualTo(77);
        // 66 50    push ax
        r = X86Runner.code("66 50").set("rax", 0x1234).run();
        assertThat(r.reg("rsp")).isEqualTo(SP - 2);
        // 5c    pop rsp: the loaded value wins
        assertThat(X86Runner.code("5c").mem64(SP, 0x1234).run().reg("rsp")).isEqualTo(0x1234);
    }

    @Test
    void POP_withRspBaseUsesTheIncrementedRsp() {
        // 8f 44 24 08    pop qword ptr [rsp+8]
        X86Runner r = X86Runner.code("8f 44 24 08").mem64(SP, 55).run();
        assertThat(r.mem64(SP + 16)).isEqualTo(55);
        assertThat(r.reg("rsp")).isEqualTo(SP + 8);
    }

    @Test
    void CMOVcc_SETcc() {
        // 48 0f 44 c3    cmove rax, rbx
        assertThat(X86Runner.code("48 0f 44 c3").set("rax", 1).set("rbx", 2).flags(0x40).run().reg("rax")).isEqualTo(2);
        assertThat(X86Runner.code("48 0f 44 c3").set("rax", 1).set("rbx", 2).flags(0).run().reg("rax")).isEqualTo(1);
        // 0f 42 ca    cmovb ecx, edx: false, but the 32-bit destination is still zero-extended
        assertThat(X86Runner.code("0f 42 ca").set("rcx", -1).flags(0).run().reg("rcx")).isEqualTo(0xFFFF_FFFFL);
        // 0f 94 c0    sete al
        assertThat(X86Runner.code("0f 94 c0").set("rax", 0x100).flags(0x40).run().reg("rax")).isEqualTo(0x101);
        // 0f 9f 07    setg byte ptr [rdi]: ZF = 0 and SF = OF
        assertThat(X86Runner.code("0f 9f 07").set("rdi", D).flags(0x880).run().mem64(D)).isEqualTo(1);
        assertThat(X86Runner.code("0f 9f 07").set("rdi", D).flags(0x080).run().mem64(D)).isEqualTo(0);
    }

    @Test
    void XLAT() {
        // d7    xlat
        X86Runner r = X86Runner.code("d7").set("rbx", D).set("rax", 0x1203).mem(D + 3, new byte[] {0x7E}).run();
        assertThat(r.reg("rax")).isEqualTo(0x127E);
    }
}

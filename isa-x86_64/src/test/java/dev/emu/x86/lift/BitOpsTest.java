package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class BitOpsTest {
    static final long D = X86Runner.DATA;

    @Test
    void BT_BTS_BTR_BTC() {
        // 0f ba e0 05    bt eax, 5
        assertThat(X86Runner.code("0f ba e0 05").set("rax", 0x20).run().flagNames()).isEqualTo("CF");
        // 48 0f ba 2f 46    bts qword ptr [rdi], 70  (imm masked to 6)
        X86Runner r = X86Runner.code("48 0f ba 2f 46").set("rdi", D).run();
        assertThat(r.mem64(D)).isEqualTo(0x40);
        assertThat(r.flagNames()).isEqualTo("");
        // 48 0f b3 0f    btr [rdi], rcx  with rcx = 70: the register offset reaches the next qword
        r = X86Runner.code("48 0f b3 0f").set("rdi", D).set("rcx", 70).mem64(D + 8, -1).run();
        assertThat(r.mem64(D + 8)).isEqualTo(~0x40L);
        assertThat(r.flagNames()).isEqualTo("CF");
        // ... and a negative one the previous
        r = X86Runner.code("48 0f b3 0f").set("rdi", D + 8).set("rcx", -1).mem64(D, -1).run();
        assertThat(r.mem64(D)).isEqualTo(Long.MAX_VALUE);
        // 0f bb d1    btc ecx, edx
        assertThat(X86Runner.code("0f bb d1").set("rcx", -1L).set("rdx", 33).run().reg("rcx")).isEqualTo(0xFFFF_FFFDL);
        // f0 0f ab 07    lock bts dword ptr [rdi], eax
        assertThat(X86Runner.code("f0 0f ab 07").set("rdi", D).set("rax", 3).run().mem64(D)).isEqualTo(8);
    }

    @Test
    void BSF_BSR() {
        // 48 0f bc c3    bsf rax, rbx
        X86Runner r = X86Runner.code("48 0f bc c3").set("rbx", 0x100).run();
        assertThat(r.reg("rax")).isEqualTo(8);
        assertThat(r.rflags() & 0x40).isZero();
        // zero source: ZF, destination unchanged
        r = X86Runner.code("48 0f bc c3").set("rbx", 0).set("rax", 1234).run();
        assertThat(r.reg("rax")).isEqualTo(1234);
        assertThat(r.rflags() & 0x40).isEqualTo(0x40);
        // 0f bd ca    bsr ecx, edx
        assertThat(X86Runner.code("0f bd ca").set("rdx", 0x8000_0001L).set("rcx", -1).run().reg("rcx")).isEqualTo(31);
    }

    @Test
    void TZCNT_LZCNT_POPCNT() {
        // f3 0f bc c3    tzcnt eax, ebx
        X86Runner r = X86Runner.code("f3 0f bc c3").set("rbx", 0).run();
        assertThat(r.reg("rax")).isEqualTo(32);
        assertThat(r.flagNames()).isEqualTo("CF");
        // f3 48 0f bd c3    lzcnt rax, rbx
        r = X86Runner.code("f3 48 0f bd c3").set("rbx", 1).run();
        assertThat(r.reg("rax")).isEqualTo(63);
        // 66 f3 0f bc c3    tzcnt ax, bx ; 66 f3 0f bd ca    lzcnt cx, dx
        assertThat(X86Runner.code("66 f3 0f bc c3").set("rbx", 0).run().reg("rax")).isEqualTo(16);
        assertThat(X86Runner.code("66 f3 0f bd ca").set("rdx", 0x10).run().reg("rcx")).isEqualTo(11);
        // f3 48 0f b8 c3    popcnt rax, rbx
        r = X86Runner.code("f3 48 0f b8 c3").set("rbx", -1).flags(0x8D5).run();
        assertThat(r.reg("rax")).isEqualTo(64);
        assertThat(r.flagNames()).isEqualTo("");
    }
}

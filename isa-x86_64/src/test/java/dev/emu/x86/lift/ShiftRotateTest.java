package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class ShiftRotateTest {
    static final long D = X86Runner.DATA;

    @Test
    void SHL() {
        // d1 e0    shl eax, 1
        X86Runner r = X86Runner.code("d1 e0").set("rax", 0xC000_0000L).run();
        assertThat(r.reg("rax")).isEqualTo(0x8000_0000L);
        assertThat(r.flagNames()).isEqualTo("CF PF SF");
        // 48 c1 e0 3f    shl rax, 63
        r = X86Runner.code("48 c1 e0 3f").set("rax", 3).run();
        assertThat(r.reg("rax")).isEqualTo(Long.MIN_VALUE);
        assertThat(r.flagNames()).startsWith("CF");
        // 48 d3 e2    shl rdx, cl  with cl = 64: masked to 0, nothing changes (flags kept)
        r = X86Runner.code("48 d3 e2").set("rdx", 5).set("rcx", 64).flags(0x8C5).run();
        assertThat(r.reg("rdx")).isEqualTo(5);
        assertThat(r.rflags() & 0x8D5).isEqualTo(0x8C5);
        // c1 e0 00    shl eax, 0: flags kept, the register still zero-extended
        r = X86Runner.code("c1 e0 00").set("rax", -1).flags(0x1).run();
        assertThat(r.reg("rax")).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.flagNames()).isEqualTo("CF");
    }

    @Test
    void SHR_SAR() {
        // d0 e8    shr al, 1
        X86Runner r = X86Runner.code("d0 e8").set("rax", 0x181).run();
        assertThat(r.reg("rax")).isEqualTo(0x140);
        assertThat(r.flagNames()).isEqualTo("CF OF"); // OF = old MSB
        // d3 f9    sar ecx, cl  (cl = 4, shifting ecx itself: count read first)
        r = X86Runner.code("d3 f9").set("rcx", 0x8000_0004L).run();
        assertThat(r.reg("rcx")).isEqualTo(0xF800_0000L);
        // 66 41 c1 f8 0f    sar r8w, 15
        r = X86Runner.code("66 41 c1 f8 0f").set("r8", 0x8000).run();
        assertThat(r.reg("r8")).isEqualTo(0xFFFF);
        assertThat(r.rflags() & 1).isZero(); // the last bit out is bit 14
    }

    @Test
    void ROL_ROR() {
        // d0 c0    rol al, 1
        X86Runner r = X86Runner.code("d0 c0").set("rax", 0x80).run();
        assertThat(r.reg("rax")).isEqualTo(1);
        assertThat(r.flagNames()).isEqualTo("CF OF");
        // 48 c1 c8 04    ror rax, 4
        r = X86Runner.code("48 c1 c8 04").set("rax", 0x1234).run();
        assertThat(r.reg("rax")).isEqualTo(0x4000_0000_0000_0123L);
        // 66 d3 07    rol word ptr [rdi], cl  with cl = 20: rotates by 4
        r = X86Runner.code("66 d3 07").set("rdi", D).set("rcx", 20).mem(D, new byte[] {0x34, 0x12}).run();
        assertThat(r.m.read(D, 2)).containsExactly(0x41, 0x23);
    }

    @Test
    void RCL_RCR() {
        // d1 d0    rcl eax, 1
        X86Runner r = X86Runner.code("d1 d0").set("rax", 0x8000_0000L).flags(1).run();
        assertThat(r.reg("rax")).isEqualTo(1);
        assertThat(r.flagNames()).isEqualTo("CF OF");
        // c0 db 03    rcr bl, 3: 9-bit rotation of CF:BL
        r = X86Runner.code("c0 db 03").set("rbx", 0b0000_0101).flags(1).run();
        assertThat(r.reg("rbx")).isEqualTo(0x60);
        assertThat(r.rflags() & 1).isEqualTo(1);
    }

    @Test
    void SHLD_SHRD() {
        // 48 0f a4 d8 04    shld rax, rbx, 4
        X86Runner r = X86Runner.code("48 0f a4 d8 04").set("rax", 0x1000_0000_0000_0001L).set("rbx", 0xA000_0000_0000_0000L).run();
        assertThat(r.reg("rax")).isEqualTo(0x0000_0000_0000_001AL);
        assertThat(r.rflags() & 1).isEqualTo(1); // bit 60 of rax went out last
        // 0f ad d0    shrd eax, edx, cl  (cl = 8)
        r = X86Runner.code("0f ad d0").set("rax", 0x1234_5678).set("rdx", 0xAB).set("rcx", 8).run();
        assertThat(r.reg("rax")).isEqualTo(0xAB12_3456L);
        // 66 0f a4 d8 01    shld ax, bx, 1
        r = X86Runner.code("66 0f a4 d8 01").set("rax", 0x4000).set("rbx", 0x8000).run();
        assertThat(r.reg("rax")).isEqualTo(0x8001);
        assertThat(r.flagNames()).contains("OF").contains("SF");
        // with cl = 0 nothing changes, not even for 64 bits
        r = X86Runner.code("48 0f a5 d8").set("rax", 5).set("rbx", -1).set("rcx", 64).run();
        assertThat(r.reg("rax")).isEqualTo(5);
    }
}

package dev.emu.x86;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.isa.Isa;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;

import org.junit.jupiter.api.Test;

class X86_64IsaTest {
    @Test
    void foundThroughTheServiceLoaderAndMatchesX8664ElfFiles() {
        Isa isa = Isa.byName("x86_64");
        assertThat(isa).isInstanceOf(X86_64Isa.class);
        assertThat(isa.matchesElf(62, 2, false, 0)).isTrue();
        assertThat(isa.matchesElf(62, 1, false, 0)).isFalse(); // i386 files are ELFCLASS32
        assertThat(isa.matchesElf(183, 2, false, 0)).isFalse();
        assertThat(isa.addressBits()).isEqualTo(64);
    }

    @Test
    void registerNames() {
        var regs = new X86_64Isa().registers();
        assertThat(regs.get("rax").slot()).isZero();
        assertThat(regs.get("r15").slot()).isEqualTo(15);
        assertThat(regs.get("sp").slot()).isEqualTo(X86Registers.RSP);
        assertThat(regs.pcSlot()).isEqualTo(X86Registers.RIP);
        assertThat(regs.get("xmm15").bits()).isEqualTo(128);
        var cpu = new X86_64Isa().newCpu(new AddressSpace(64));
        assertThat(cpu.get("mxcsr")).isEqualTo(0x1F80);
    }

    @Test
    void disassemblyNamesTheRowAndTheBytes() {
        AddressSpace m = new AddressSpace(64);
        m.map(0x1000, 0x1000, Prot.RWX);
        m.poke(0x1000, new byte[] {0x48, 0x01, (byte) 0xd8}, 0, 3); // add rax, rbx
        assertThat(new X86_64Isa().disassemble(m, 0x1000, 0)).isEqualTo("ADD_Ev_Gv 48 01 d8");
    }
}

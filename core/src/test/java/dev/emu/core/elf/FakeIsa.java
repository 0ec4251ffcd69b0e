package dev.emu.core.elf;

import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;

import java.nio.ByteOrder;

/**
 * A CPU core that exists only for tests of ISA selection: registered through the test-scope
 * META-INF/services file, it claims 64-bit little-endian files of machine {@link #MACHINE}
 * whose e_flags have bit 0 set, so every argument of matchesElf is exercised. No real
 * machine uses the number.
 */
public final class FakeIsa implements Isa {
    public static final int MACHINE = 0xbeef;

    private static final RegisterFile REGISTERS;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        b.add("r0", 64);
        b.pc("pc", 64);
        REGISTERS = b.build();
    }

    @Override
    public String name() {
        return "fake-elf-test";
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public int addressBits() {
        return 64;
    }

    @Override
    public RegisterFile registers() {
        return REGISTERS;
    }

    @Override
    public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) {
        return machine == MACHINE && elfClass == ElfImage.ELFCLASS64 && !bigEndian && (flags & 1) != 0;
    }

    @Override
    public Block lift(LiftRequest request) {
        throw new UnsupportedOperationException("the fake core lifts nothing");
    }
}

package dev.emu.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;

import java.nio.ByteOrder;

/** The AArch64 core (user mode, EL0). */
public final class Arm64Isa implements Isa {
    public static final int EM_AARCH64 = 183;
    public static final int ELFCLASS64 = 2;

    @Override
    public String name() {
        return "arm64";
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
        return Arm64Registers.FILE;
    }

    @Override
    public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) {
        return machine == EM_AARCH64 && elfClass == ELFCLASS64 && !bigEndian;
    }

    @Override
    public Block lift(LiftRequest request) {
        AddressSpace mem = request.mem();
        return Arm64Lifter.lift(mem::fetch32le, request);
    }

    /**
     * The decoder row's name, the encoding and its fields by letter, e.g.
     * {@code "LDR_imm 0xf9400420 i=1 n=1 t=0"}; not assembler syntax, but enough to read a trace
     * against the row's pattern.
     */
    @Override
    public String disassemble(AddressSpace mem, long pc, int mode) {
        return describe(mem.fetch32le(pc));
    }

    static String describe(int word) {
        var e = A64Decoder.TABLE.lookup(word);
        StringBuilder sb = new StringBuilder(e == null ? "(unallocated)" : e.name());
        sb.append(String.format(" 0x%08x", word));
        if (e != null) {
            for (char letter : e.pattern().fieldLetters().toCharArray()) {
                int v = e.pattern().field(word, letter);
                sb.append(' ').append(letter).append('=').append(v < 10 ? Integer.toString(v) : "0x" + Integer.toHexString(v));
            }
        }
        return sb.toString();
    }

    @Override
    public CpuState newCpu(AddressSpace mem) {
        CpuState s = new CpuState(Arm64Registers.FILE, mem);
        s.regs[Arm64Registers.EXCL_ADDR] = -1;
        return s;
    }
}

package dev.emu.ppc64le;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;

import java.nio.ByteOrder;

/** The 64-bit little-endian Power core (user mode, problem state), ELF v2 ABI. */
public final class Ppc64Isa implements Isa {
    public static final int EM_PPC64 = 21;
    public static final int ELFCLASS64 = 2;
    /** e_flags of the ELF v2 ABI (the only one for little-endian ppc64). */
    public static final int EF_PPC64_ABI_V2 = 2;

    @Override
    public String name() {
        return "ppc64le";
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
        return PpcRegisters.FILE;
    }

    /** Little-endian ELF64 for EM_PPC64; an ABI version of 0 (unspecified) is accepted as v2. */
    @Override
    public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) {
        int abi = flags & 3;
        return machine == EM_PPC64 && elfClass == ELFCLASS64 && !bigEndian && (abi == 0 || abi == EF_PPC64_ABI_V2);
    }

    @Override
    public Block lift(LiftRequest request) {
        return PpcLifter.lift(request.mem(), request);
    }

    /**
     * The decoder row's name, the word and its fields by letter, e.g.
     * {@code "addi 0x38630001 t=3 a=3 i=1"}: not assembler syntax, but enough to read a trace
     * against the row's pattern.
     */
    @Override
    public String disassemble(AddressSpace mem, long pc, int mode) {
        return describe(mem.fetch32le(pc));
    }

    static String describe(int word) {
        var e = PpcDecoder.TABLE.lookup(word);
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
        CpuState s = new CpuState(PpcRegisters.FILE, mem);
        s.regs[PpcRegisters.RESERVE_ADDR] = -1;
        return s;
    }
}

package dev.emu.x86;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.x86.decode.X86Decoder;
import dev.emu.x86.decode.X86Insn;

import java.nio.ByteOrder;

/** The x86-64 core (64-bit mode, user level). */
public final class X86_64Isa implements Isa {
    public static final int EM_X86_64 = 62;
    public static final int ELFCLASS64 = 2;

    @Override
    public String name() {
        return "x86_64";
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
        return X86Registers.FILE;
    }

    @Override
    public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) {
        return machine == EM_X86_64 && elfClass == ELFCLASS64 && !bigEndian;
    }

    @Override
    public Block lift(LiftRequest request) {
        AddressSpace mem = request.mem();
        return X86Lifter.lift(mem::fetch8, request);
    }

    /** The opcode-map row's name and the instruction bytes, e.g. {@code "ADD_Ev_Gv 48 01 d8"}. */
    @Override
    public String disassemble(AddressSpace mem, long pc, int mode) {
        X86Insn i = X86Decoder.decode(mem::fetch8, pc);
        StringBuilder sb = new StringBuilder(i.name());
        for (int k = 0; k < Math.min(i.length, 8); k++) {
            sb.append(String.format(" %02x", (i.head >>> (8 * k)) & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public CpuState newCpu(AddressSpace mem) {
        CpuState s = new CpuState(X86Registers.FILE, mem);
        s.regs[X86Registers.MXCSR] = X86Registers.MXCSR_DEFAULT;
        s.regs[X86Registers.FCW] = X86Registers.FCW_DEFAULT;
        return s;
    }
}

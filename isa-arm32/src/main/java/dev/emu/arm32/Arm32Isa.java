package dev.emu.arm32;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;

import java.nio.ByteOrder;

/**
 * The AArch32 core, user mode: A32 and Thumb (Thumb-2) in little-endian, for both of
 * Debian's ABIs, armhf (EABI5, hard float) and armel (EABI5, soft float); the e_flags of
 * the ELF header tell them apart ({@link #isHardFloat}), and both run here.
 *
 * <p>Translation modes: 0 is A32, 1 Thumb outside an IT block, and 2 + k Thumb inside one,
 * k numbering the 240 ITSTATE values with a non-zero mask (ITSTATE[3:0] != 0): the code
 * cache keeps 8 bits of mode, and ITSTATE with the Thumb bit would need 9.
 */
public final class Arm32Isa implements Isa {
    public static final int EM_ARM = 40;
    public static final int ELFCLASS32 = 1;
    /** EF_ARM_EABIMASK and the EABI version 5 Debian's armhf and armel binaries carry. */
    public static final int EF_ARM_EABIMASK = 0xFF00_0000;
    public static final int EF_ARM_EABI_VER5 = 0x0500_0000;
    public static final int EF_ARM_ABI_FLOAT_SOFT = 0x200;
    public static final int EF_ARM_ABI_FLOAT_HARD = 0x400;

    @Override
    public String name() {
        return "arm32";
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public int addressBits() {
        return 32;
    }

    @Override
    public RegisterFile registers() {
        return Arm32Registers.FILE;
    }

    @Override
    public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) {
        return machine == EM_ARM && elfClass == ELFCLASS32 && !bigEndian;
    }

    /** Whether e_flags name the hard-float procedure call standard (armhf) rather than soft float (armel). */
    public static boolean isHardFloat(int flags) {
        return (flags & EF_ARM_ABI_FLOAT_HARD) != 0;
    }

    @Override
    public Block lift(LiftRequest request) {
        return Arm32Lifter.lift(CodeSource.of(request.mem()), request);
    }

    @Override
    public boolean hasModes() {
        return true;
    }

    /** T and ITSTATE: the lifter writes them only when a branch interworks or an IT block advances. */
    @Override
    public int[] modeSlots() {
        return new int[] {Arm32Registers.T, Arm32Registers.ITSTATE};
    }

    @Override
    public int mode(CpuState state) {
        return modeOf(state.regs[Arm32Registers.T] != 0, (int) state.regs[Arm32Registers.ITSTATE]);
    }

    /** The translation mode of an instruction set and IT state. */
    public static int modeOf(boolean thumb, int itState) {
        if (!thumb) {
            return 0;
        }
        int mask = itState & 0xF;
        if (mask == 0) {
            return 1;
        }
        return 2 + (itState >>> 4 & 0xF) * 15 + mask - 1;
    }

    public static boolean isThumbMode(int mode) {
        return mode != 0;
    }

    /** The ITSTATE a mode stands for (0 outside an IT block). */
    public static int itStateOfMode(int mode) {
        if (mode < 2) {
            return 0;
        }
        int k = mode - 2;
        return (k / 15) << 4 | (k % 15 + 1);
    }

    /** The decoder row's name and the encoding, e.g. {@code "ADD_imm e2811001"}. */
    @Override
    public String disassemble(AddressSpace mem, long pc, int mode) {
        if (!isThumbMode(mode)) {
            int w = mem.fetch32le(pc);
            var e = (w >>> 28) == 0xF ? A32Decoder.UNCONDITIONAL.lookup(w) : A32Decoder.CONDITIONAL.lookup(w);
            return (e == null ? "(undefined)" : e.name()) + String.format(" %08x", w);
        }
        int hw1 = mem.fetch16le(pc) & 0xFFFF;
        if (Arm32Lifter.isThumb32(hw1)) {
            int w = hw1 << 16 | (mem.fetch16le(pc + 2) & 0xFFFF);
            var e = T32Decoder.THUMB32.lookup(w);
            return (e == null ? "(undefined)" : e.name()) + String.format(" %04x %04x", hw1, w & 0xFFFF);
        }
        var e = T32Decoder.THUMB16.lookup(hw1 << 16);
        return (e == null ? "(undefined)" : e.name()) + String.format(" %04x", hw1);
    }

    @Override
    public CpuState newCpu(AddressSpace mem) {
        CpuState s = new CpuState(Arm32Registers.FILE, mem);
        s.regs[Arm32Registers.EXCL_ADDR] = -1;
        return s;
    }
}

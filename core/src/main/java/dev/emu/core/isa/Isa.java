package dev.emu.core.isa;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One CPU core, found through {@link ServiceLoader}: its registers, how it recognises its
 * ELF files, and its lifter from guest code to IR. A core knows nothing of Linux.
 */
public interface Isa {
    /** Short name: "arm64", "arm32", "x86_64", "ppc64le", "s390x", "mips". */
    String name();

    ByteOrder byteOrder();

    /** 32 or 64. */
    int addressBits();

    RegisterFile registers();

    /** Whether an ELF file with this header belongs to this core. */
    boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags);

    /** Lifts one block. Unimplemented encodings become a TRAP(ILLEGAL_INSTRUCTION). */
    Block lift(LiftRequest request);

    /** The translation mode the next block runs in (Thumb, say); part of the code-cache key. */
    default int mode(CpuState state) {
        return 0;
    }

    /** Whether {@link #mode} can be non-zero; the engine skips asking when not. */
    default boolean hasModes() {
        return false;
    }

    /**
     * The register slots {@link #mode} reads, which only the lifted code's SET_REG changes
     * (or code between blocks: signal delivery, sigreturn): a block that sets none of them
     * leaves in the mode it ran in, so tier 2 may join it to a region of that mode. Empty
     * when the ISA has no modes, or when it cannot say (then it runs without regions).
     */
    default int[] modeSlots() {
        return new int[0];
    }

    /** One-line disassembly of the instruction at pc for tracing, or null if the core has none. */
    default String disassemble(dev.emu.core.mem.AddressSpace mem, long pc, int mode) {
        return null;
    }

    /** A fresh register file state for a new CPU. */
    default CpuState newCpu(dev.emu.core.mem.AddressSpace mem) {
        return new CpuState(registers(), mem);
    }

    static List<Isa> all() {
        List<Isa> out = new ArrayList<>();
        ServiceLoader.load(Isa.class).forEach(out::add);
        return out;
    }

    static Isa byName(String name) {
        for (Isa isa : all()) {
            if (isa.name().equals(name)) {
                return isa;
            }
        }
        throw new IllegalArgumentException("no CPU core named '" + name + "' on the class path; have: "
                + all().stream().map(Isa::name).toList());
    }
}

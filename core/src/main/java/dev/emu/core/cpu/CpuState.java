package dev.emu.core.cpu;

import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;

/**
 * The state of one guest thread: its register slots, the address space it shares with
 * the other threads of its process, and the bookkeeping the engine and the blocks share.
 */
public final class CpuState {
    /** Register slots, laid out by the ISA's {@link RegisterFile}. */
    public final long[] regs;
    public final RegisterFile registerFile;
    public final int pcSlot;
    /** The guest address space; replaced on execve. */
    public AddressSpace mem;
    /** Guest instructions retired. Blocks add to it at each exit and on a fault. */
    public long icount;
    /** Set by a TRAP terminator; the engine handles it and clears it. */
    public TrapKind trap;
    /** The trap's kind-specific detail (an encoding, an immediate). */
    public long trapDetail;
    /** Which exit of the block last ran left it (successor caching). */
    public int exitIndex;
    /** Set from another thread to make the engine stop at the next block boundary. */
    public volatile boolean interruptRequested;
    /** What the OS layer attaches to this thread (its Linux thread, say). */
    public Object osThread;

    public CpuState(RegisterFile registerFile, AddressSpace mem) {
        this.registerFile = registerFile;
        this.regs = new long[registerFile.numSlots()];
        this.pcSlot = registerFile.pcSlot();
        this.mem = mem;
    }

    public long pc() {
        return regs[pcSlot];
    }

    public void setPc(long pc) {
        regs[pcSlot] = pc;
    }

    /** Reads the register called {@code name}; for a 128-bit register, its low half. */
    public long get(String name) {
        return regs[registerFile.get(name).slot()];
    }

    public void set(String name, long value) {
        RegisterFile.Register r = registerFile.get(name);
        regs[r.slot()] = r.bits() >= 64 ? value : value & ((1L << r.bits()) - 1);
    }

    /** A copy of the registers for a new thread or a forked process, sharing nothing mutable. */
    public CpuState copy(AddressSpace mem) {
        CpuState c = new CpuState(registerFile, mem);
        System.arraycopy(regs, 0, c.regs, 0, regs.length);
        c.icount = icount;
        return c;
    }
}

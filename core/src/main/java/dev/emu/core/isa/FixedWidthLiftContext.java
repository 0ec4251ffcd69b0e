package dev.emu.core.isa;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;

/**
 * The part of a lift context every fixed-width (4-byte word) ISA shares: the IR builder, the
 * instruction's pc and word, the request to end the block, and the illegal-instruction trap.
 * Each ISA's context extends it with its register and flag conventions.
 */
public abstract class FixedWidthLiftContext {
    public final IrBuilder b;
    private long pc;
    private int word;
    private boolean endBlock;

    protected FixedWidthLiftContext(IrBuilder b) {
        this.b = b;
    }

    /** Starts the instruction at {@code pc}. */
    public void begin(long pc, int word) {
        this.pc = pc;
        this.word = word;
    }

    public long pc() {
        return pc;
    }

    public long nextPc() {
        return pc + 4;
    }

    public int word() {
        return word;
    }

    /** Asks the lifter to end the block after this instruction (an EXIT to the next pc). */
    public void endBlock() {
        endBlock = true;
    }

    public boolean blockEnded() {
        return endBlock || b.isTerminated();
    }

    /** An unallocated, invalid-form or unimplemented encoding: SIGILL at this instruction. */
    public void illegal() {
        b.trap(TrapKind.ILLEGAL_INSTRUCTION, pc, word & 0xFFFF_FFFFL);
    }
}

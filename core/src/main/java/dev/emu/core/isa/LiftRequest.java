package dev.emu.core.isa;

import dev.emu.core.mem.AddressSpace;

/**
 * What the engine asks a lifter for: the block at {@code pc} in translation mode
 * {@code mode}, fetched from {@code mem}, at most {@code maxInsns} guest instructions, and
 * ending before {@code stopPc} if the block would reach it (an embedder's "until" address;
 * -1 for none). A fetch fault on the first instruction propagates as a GuestFault; on a
 * later one the block ends before it.
 */
public record LiftRequest(AddressSpace mem, long pc, int mode, int maxInsns, long stopPc) {
    public static final int DEFAULT_MAX_INSNS = 64;

    public static LiftRequest at(AddressSpace mem, long pc, int mode) {
        return new LiftRequest(mem, pc, mode, DEFAULT_MAX_INSNS, -1);
    }

    /** Whether the instruction at {@code next}, the {@code count}+1-th, may still join the block. */
    public boolean mayContinue(long next, int count) {
        return count < maxInsns && next != stopPc;
    }
}

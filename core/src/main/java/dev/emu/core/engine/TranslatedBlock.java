package dev.emu.core.engine;

import dev.emu.core.ir.Block;

/**
 * A block in the code cache: its IR, the code that currently runs it (interpreted until
 * it is hot, then compiled), and one cached successor per exit so the engine follows hot
 * paths without hashing.
 */
final class TranslatedBlock {
    final long pc;
    final int mode;
    final long endPc;
    final Block ir;
    volatile BlockCode code;
    /** Executions while interpreted; races between guest threads only delay the tier-up. */
    int executions;
    boolean compileAttempted;
    final TranslatedBlock[] successors;
    volatile boolean valid = true;
    /** Whether a region starting here was tried (tier 2); the attempt is made once. */
    boolean regionAttempted;
    /**
     * While {@link #code} runs a region headed here, the block's own code, for runs that must
     * stop inside the region (an instruction count, a stop pc in {@link #regionRanges}).
     */
    volatile BlockCode ownCode;
    /** [start, end) pairs of the region's blocks after the head; null without a region. */
    long[] regionRanges;
    /** While {@link #code} runs a region, one cached successor per exit of the region (numbered across its blocks). */
    TranslatedBlock[] regionSuccessors;

    TranslatedBlock(Block ir, BlockCode code) {
        this.pc = ir.startPc;
        this.mode = ir.mode;
        this.endPc = ir.endPc;
        this.ir = ir;
        this.code = code;
        this.successors = new TranslatedBlock[ir.numExits];
    }

    boolean isAt(long pc, int mode) {
        return this.pc == pc && this.mode == mode && valid;
    }

    /** Whether a run that stops at {@code untilPc} or counts instructions must not use the region code. */
    boolean regionOverruns(boolean counting, long untilPc) {
        if (counting) {
            return true;
        }
        for (int i = 0; i < regionRanges.length; i += 2) {
            if (untilPc >= regionRanges[i] && untilPc < regionRanges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code addr} lies strictly inside the block (not at its first instruction). */
    boolean containsAfterStart(long addr) {
        return addr > pc && addr < endPc;
    }
}

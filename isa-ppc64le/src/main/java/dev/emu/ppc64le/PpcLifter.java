package dev.emu.ppc64le;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.FixedWidthLifter;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.ppc64le.lift.Fields;
import dev.emu.ppc64le.lift.LiftContext;

/**
 * Lifts a run of Power instructions (little-endian words) into one {@link Block}: an
 * INSN_START per instruction, until a branch, sc, trap or context-synchronizing instruction
 * ends it, or the request says stop. An encoding without a row traps as illegal (SIGILL with
 * the word).
 */
public final class PpcLifter {
    private PpcLifter() {}

    public static Block lift(AddressSpace mem, LiftRequest req) {
        // a misaligned pc is an instruction fetch alignment fault (only a branch to one, a signal
        // return or an embedder can get there)
        return FixedWidthLifter.lift(req, new LiftContext(new IrBuilder()), mem::fetch32le,
                PpcDecoder.TABLE,
                (ctx, e, word) -> e.handler().lift(ctx, new Fields(word, e.pattern())));
    }
}

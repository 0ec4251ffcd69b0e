package dev.emu.arm64;

import dev.emu.arm64.lift.Fields;
import dev.emu.arm64.lift.LiftContext;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.FixedWidthLifter;
import dev.emu.core.isa.LiftRequest;

/**
 * Lifts a run of A64 instructions into one {@link Block}: an INSN_START per instruction,
 * until a branch, exception-generating or system instruction ends it, or the request says
 * stop (then an EXIT to the next pc). An encoding without a table entry traps as illegal.
 */
public final class Arm64Lifter {
    private Arm64Lifter() {}

    public static Block lift(CodeSource code, LiftRequest req) {
        // a misaligned pc is an instruction fetch alignment fault (only a branch to one, a signal
        // return or an embedder can get there)
        return FixedWidthLifter.lift(req, new LiftContext(new IrBuilder()), code::fetch32, A64Decoder.TABLE,
                (ctx, e, word) -> e.handler().lift(ctx, new Fields(word, e.pattern())));
    }
}

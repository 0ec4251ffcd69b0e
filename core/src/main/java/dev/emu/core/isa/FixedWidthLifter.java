package dev.emu.core.isa;

import dev.emu.core.decode.DecodeTable;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.mem.GuestFault;

/**
 * The block loop of a fixed-width ISA (4-byte aligned words): an INSN_START per instruction,
 * the table's handler (or an illegal-instruction trap for a word without a row), until the
 * handler terminates or ends the block, or the request says stop (then an EXIT to the next
 * pc). A misaligned start pc is an instruction fetch alignment fault; a fetch fault on the
 * first instruction propagates, on a later one the block ends before it.
 */
public final class FixedWidthLifter {
    private FixedWidthLifter() {}

    /** Reads the instruction word at a pc. */
    @FunctionalInterface
    public interface Fetch {
        int fetch32(long pc);
    }

    /** Runs one decoded row's handler on the context. */
    @FunctionalInterface
    public interface Dispatch<H, C extends FixedWidthLiftContext> {
        void lift(C ctx, DecodeTable.Entry<H> entry, int word);
    }

    public static <H, C extends FixedWidthLiftContext> Block lift(
            LiftRequest req, C ctx, Fetch fetch, DecodeTable<H> table, Dispatch<H, C> dispatch) {
        IrBuilder b = ctx.b;
        long pc = req.pc();
        if ((pc & 3) != 0) {
            throw new GuestFault(pc, GuestFault.Access.EXECUTE, GuestFault.Reason.ALIGNMENT);
        }
        int count = 0;
        while (true) {
            int word;
            try {
                word = fetch.fetch32(pc);
            } catch (GuestFault f) {
                if (count == 0) {
                    throw f;
                }
                b.exit(pc); // the next block faults on its first instruction, precisely
                break;
            }
            b.insnStart(pc);
            ctx.begin(pc, word);
            DecodeTable.Entry<H> e = table.lookup(word);
            if (e == null) {
                ctx.illegal();
            } else {
                dispatch.lift(ctx, e, word);
            }
            count++;
            pc += 4;
            if (b.isTerminated()) {
                break;
            }
            if (ctx.blockEnded() || !req.mayContinue(pc, count)) {
                b.exit(pc);
                break;
            }
        }
        return b.build(req.pc(), pc, 0);
    }
}

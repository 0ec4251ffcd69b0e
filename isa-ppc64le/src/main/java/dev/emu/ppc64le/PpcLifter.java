package dev.emu.ppc64le;

import dev.emu.core.decode.DecodeTable;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.ppc64le.lift.Fields;
import dev.emu.ppc64le.lift.Handler;
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
        IrBuilder b = new IrBuilder();
        LiftContext ctx = new LiftContext(b);
        DecodeTable<Handler> table = PpcDecoder.TABLE;
        long pc = req.pc();
        if ((pc & 3) != 0) {
            // the branch instructions ignore the low two bits, so only a signal return or an
            // embedder can get here: an instruction fetch alignment fault
            throw new GuestFault(pc, GuestFault.Access.EXECUTE, GuestFault.Reason.ALIGNMENT);
        }
        int count = 0;
        while (true) {
            int word;
            try {
                word = mem.fetch32le(pc);
            } catch (GuestFault f) {
                if (count == 0) {
                    throw f;
                }
                b.exit(pc); // the next block faults on its first instruction, precisely
                break;
            }
            b.insnStart(pc);
            ctx.begin(pc, word);
            DecodeTable.Entry<Handler> e = table.lookup(word);
            if (e == null) {
                ctx.illegal();
            } else {
                e.handler().lift(ctx, new Fields(word, e.pattern()));
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

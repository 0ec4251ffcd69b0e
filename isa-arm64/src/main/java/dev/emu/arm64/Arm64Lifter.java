package dev.emu.arm64;

import dev.emu.arm64.lift.Fields;
import dev.emu.arm64.lift.Handler;
import dev.emu.arm64.lift.LiftContext;
import dev.emu.core.decode.DecodeTable;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.GuestFault;

/**
 * Lifts a run of A64 instructions into one {@link Block}: an INSN_START per instruction,
 * until a branch, exception-generating or system instruction ends it, or the request says
 * stop (then an EXIT to the next pc). An encoding without a table entry traps as illegal.
 */
public final class Arm64Lifter {
    private Arm64Lifter() {}

    public static Block lift(CodeSource code, LiftRequest req) {
        IrBuilder b = new IrBuilder();
        LiftContext ctx = new LiftContext(b);
        DecodeTable<Handler> table = A64Decoder.TABLE;
        long pc = req.pc();
        if ((pc & 3) != 0) {
            // a branch to a misaligned address: PC alignment fault, SIGBUS as Linux sends it
            throw new GuestFault(pc, GuestFault.Access.EXECUTE, GuestFault.Reason.ALIGNMENT);
        }
        int count = 0;
        while (true) {
            int word;
            try {
                word = code.fetch32(pc);
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

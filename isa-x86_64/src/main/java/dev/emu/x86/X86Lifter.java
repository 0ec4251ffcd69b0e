package dev.emu.x86;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.GuestFault;
import dev.emu.x86.decode.X86Decoder;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.lift.LiftContext;

/**
 * Lifts a run of x86-64 instructions into one {@link Block}: an INSN_START per instruction,
 * until a branch, trap or REP iteration ends it, or the request says stop (then an EXIT to
 * the next pc). An undefined or unimplemented encoding traps as illegal, with its first
 * bytes as the detail; it is never skipped.
 */
public final class X86Lifter {
    private X86Lifter() {}

    public static Block lift(ByteSource code, LiftRequest req) {
        IrBuilder b = new IrBuilder();
        LiftContext ctx = new LiftContext(b);
        long pc = req.pc();
        int count = 0;
        while (true) {
            X86Insn insn;
            try {
                insn = X86Decoder.decode(code, pc);
            } catch (GuestFault f) {
                if (count == 0) {
                    throw f;
                }
                b.exit(pc); // the next block faults on its first instruction, precisely
                break;
            }
            b.insnStart(pc);
            ctx.begin(insn);
            if (insn.entry == null) {
                ctx.illegal();
            } else {
                insn.entry.handler().lift(ctx, insn);
            }
            count++;
            pc += insn.length;
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

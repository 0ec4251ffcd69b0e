package dev.emu.arm32;

import dev.emu.arm32.lift.Fields;
import dev.emu.arm32.lift.Handler;
import dev.emu.arm32.lift.LiftContext;
import dev.emu.core.decode.DecodeTable;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.GuestFault;

/**
 * Lifts a run of A32 or Thumb instructions into one {@link Block}, in the instruction set and
 * IT state the block's mode names ({@link Arm32Isa#mode}): an INSN_START per instruction, the
 * condition test (A32 cond field, Thumb IT block), the handler, until a branch or trap ends
 * it or the request says stop. An encoding without a table row traps as illegal.
 */
public final class Arm32Lifter {
    private Arm32Lifter() {}

    /** Whether a Thumb halfword is the first of a 32-bit instruction (A6.1). */
    public static boolean isThumb32(int hw1) {
        return (hw1 >>> 11) >= 0b11101;
    }

    public static Block lift(CodeSource code, LiftRequest req) {
        boolean thumb = Arm32Isa.isThumbMode(req.mode());
        int it = Arm32Isa.itStateOfMode(req.mode());
        IrBuilder b = new IrBuilder();
        LiftContext ctx = new LiftContext(b, it);
        long pc = req.pc();
        int count = 0;
        while (true) {
            int word;
            int size;
            try {
                if (thumb) {
                    int hw1 = code.fetch16(pc);
                    if (isThumb32(hw1)) {
                        word = hw1 << 16 | code.fetch16(pc + 2);
                        size = 4;
                    } else {
                        word = hw1 << 16;
                        size = 2;
                    }
                } else {
                    word = code.fetch32(pc);
                    size = 4;
                }
            } catch (GuestFault f) {
                if (count == 0) {
                    throw f;
                }
                ctx.syncItSlot();
                b.exit(pc); // the next block faults on its first instruction, precisely
                break;
            }
            b.insnStart(pc);
            ctx.begin(pc, word, size, thumb, it);
            if (thumb) {
                liftThumb(ctx, word, size, it);
            } else {
                liftA32(ctx, word);
            }
            ctx.finishInsn();
            count++;
            pc += size;
            it = ctx.itAfter();
            if (b.isTerminated()) {
                break;
            }
            if (ctx.blockEnded() || !req.mayContinue(pc, count)) {
                ctx.syncItSlot();
                b.exit(pc);
                break;
            }
        }
        return b.build(req.pc(), pc, req.mode());
    }

    private static void liftA32(LiftContext ctx, int word) {
        int cond = word >>> 28;
        DecodeTable.Entry<Handler> e;
        if (cond == 0xF) {
            e = A32Decoder.UNCONDITIONAL.lookup(word);
        } else {
            e = A32Decoder.CONDITIONAL.lookup(word);
            ctx.conditionalOn(cond);
        }
        if (e == null) {
            ctx.illegal();
        } else {
            e.handler().lift(ctx, new Fields(word, e.pattern()));
        }
    }

    private static void liftThumb(LiftContext ctx, int word, int size, int it) {
        DecodeTable.Entry<Handler> e = size == 2 ? T32Decoder.THUMB16.lookup(word) : T32Decoder.THUMB32.lookup(word);
        if ((it & 0xF) != 0) {
            ctx.conditionalOn(it >>> 4);
        }
        if (e == null) {
            ctx.illegal();
        } else {
            e.handler().lift(ctx, new Fields(word, e.pattern()));
        }
    }
}

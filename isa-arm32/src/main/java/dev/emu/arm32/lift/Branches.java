package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.LR;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/** A5.5 and A5.2.12 branches: B, BL, BLX (immediate and register), BX; the Thumb forms share them. */
public final class Branches {
    private Branches() {}

    /** B (A8.8 B, encoding A1): imm24 words from PC + 8. */
    public static void B(LiftContext c, Fields f) {
        c.branchTo(c.pcValue() + ((long) f.signed('i') << 2), false);
    }

    /** BL (A8.8 BL, BLX (immediate), encoding A1). */
    public static void BL(LiftContext c, Fields f) {
        c.setReg(LR, c.c32(c.nextPc()));
        c.branchTo(c.pcValue() + ((long) f.signed('i') << 2), false);
    }

    /** BLX (immediate) (A8.8 BL, BLX (immediate), encoding A2): to Thumb, H is bit 1 of the target. */
    public static void BLX_imm(LiftContext c, Fields f) {
        c.setReg(LR, c.c32(c.nextPc()));
        c.branchTo(c.pcValue() + ((long) f.signed('i') << 2) + ((long) f.get('h') << 1), true);
    }

    /** BX (A8.8 BX): interworking on bit 0 of Rm. */
    public static void BX(LiftContext c, Fields f) {
        c.bxWritePc(c.reg(f.get('m')));
    }

    /** BLX (register) (A8.8 BLX (register)): the target is read before LR is written. */
    public static void BLX_reg(LiftContext c, Fields f) {
        int m = f.get('m');
        if (m == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value target = c.reg(m);
        long ret = c.nextPc() | (c.thumb() ? 1 : 0);
        c.setReg(LR, b.c32(ret));
        c.bxWritePc(target);
    }
}

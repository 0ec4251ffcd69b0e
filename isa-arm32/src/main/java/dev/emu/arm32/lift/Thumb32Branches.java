package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.LR;

import dev.emu.core.ir.IrBuilder;

/**
 * A6.3.4 Branches and miscellaneous control of 32-bit Thumb: B (T3 conditional, T4), BL,
 * BLX (immediate), and the hints, barriers and status-register moves that live beside them.
 * Branch offsets: 'S' sign, 'j'/'k' J1/J2, 'h' high part, 'l' low part (A8.8 B, BL).
 */
public final class Thumb32Branches {
    private Thumb32Branches() {}

    /** I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S); the offset S:I1:I2:imm10:imm11:'0' sign-extended. */
    private static long offset24(Fields f) {
        int s = f.get('S');
        int i1 = ~(f.get('j') ^ s) & 1;
        int i2 = ~(f.get('k') ^ s) & 1;
        int imm = s << 24 | i1 << 23 | i2 << 22 | f.get('h') << 12 | f.get('l') << 1;
        return imm << 7 >> 7;
    }

    /** B T3: S:J2:J1:imm6:imm11:'0', conditional, not in an IT block. */
    public static void B_T3(LiftContext c, Fields f) {
        if (c.inItBlock() || f.get('c') >= 14) { // cond 111x is the miscellaneous control space
            c.illegal();
            return;
        }
        int imm = f.get('S') << 20 | f.get('k') << 19 | f.get('j') << 18 | f.get('h') << 12 | f.get('l') << 1;
        long target = (c.pcValue() + (imm << 11 >> 11)) & 0xFFFF_FFFFL;
        IrBuilder b = c.b;
        b.exitIf(c.condition(f.get('c')), b.c64(target));
        c.endBlock();
    }

    public static void B_T4(LiftContext c, Fields f) {
        if (c.inItBlock() && !c.lastInItBlock()) {
            c.illegal();
            return;
        }
        c.branchTo(c.pcValue() + offset24(f), true);
    }

    /** BL T1: LR = next instruction | 1. */
    public static void BL_T1(LiftContext c, Fields f) {
        if (c.inItBlock() && !c.lastInItBlock()) {
            c.illegal();
            return;
        }
        c.setReg(LR, c.c32(c.nextPc() | 1));
        c.branchTo(c.pcValue() + offset24(f), true);
    }

    /** BLX (immediate) T2: to A32 at Align(PC, 4) + offset. */
    public static void BLX_imm_T2(LiftContext c, Fields f) {
        if (c.inItBlock() && !c.lastInItBlock() || (f.get('l') & 1) != 0) {
            c.illegal();
            return;
        }
        c.setReg(LR, c.c32(c.nextPc() | 1));
        c.branchTo((c.alignedPc() + offset24(f)) & ~3L, false);
    }

    /** MSR (register) T1: APSR fields by mask ('m'). */
    public static void MSR_T1(LiftContext c, Fields f) {
        SystemInsns.MSR_reg(c, f);
    }

    public static void MRS_T1(LiftContext c, Fields f) {
        SystemInsns.MRS(c, f);
    }
}

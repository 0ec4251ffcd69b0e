package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.X30;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * Branches, from the C4.1 group "Branches, exception generating and system instructions":
 * immediate, conditional, compare and test, register.
 */
public final class Branches {
    private Branches() {}

    /** B (C6.2.25): imm26 words from pc. */
    public static void B_uncond(LiftContext c, Fields f) {
        c.b.exit(c.pc() + ((long) f.signed('i') << 2));
    }

    /** BL (C6.2.34). */
    public static void BL(LiftContext c, Fields f) {
        c.b.setReg(X30, c.b.c64(c.nextPc()));
        c.b.exit(c.pc() + ((long) f.signed('i') << 2));
    }

    private static void branchIf(LiftContext c, Value cond, long target) {
        IrBuilder b = c.b;
        b.exitIf(cond, b.c64(target));
        b.exit(c.nextPc());
    }

    /** B.cond (C6.2.26). */
    public static void B_cond(LiftContext c, Fields f) {
        long target = c.pc() + ((long) f.signed('i') << 2);
        int cond = f.get('c');
        if (cond >= 14) {
            c.b.exit(target);
        } else {
            branchIf(c, c.condition(cond), target);
        }
    }

    private static void compareBranch(LiftContext c, Fields f, boolean nonZero) {
        int sf = f.get('z');
        Value v = c.reg(sf, f.get('t'));
        Value zero = c.imm(sf, 0);
        branchIf(c, nonZero ? c.b.cmpNe(v, zero) : c.b.cmpEq(v, zero), c.pc() + ((long) f.signed('i') << 2));
    }

    public static void CBZ(LiftContext c, Fields f) { compareBranch(c, f, false); }
    public static void CBNZ(LiftContext c, Fields f) { compareBranch(c, f, true); }

    private static void testBranch(LiftContext c, Fields f, boolean ifSet) {
        int bit = f.get('b');
        Value v = c.x(f.get('t'));
        IrBuilder b = c.b;
        Value set = b.cmpNe(b.and(v, b.c64(1L << bit)), b.c64(0));
        branchIf(c, ifSet ? set : b.xor(set, b.c32(1)), c.pc() + ((long) f.signed('i') << 2));
    }

    public static void TBZ(LiftContext c, Fields f) { testBranch(c, f, false); }
    public static void TBNZ(LiftContext c, Fields f) { testBranch(c, f, true); }

    /** BR (C6.2.37). */
    public static void BR(LiftContext c, Fields f) {
        c.b.exit(c.x(f.get('n')));
    }

    /** BLR (C6.2.35): the target is read before X30 is written (BLR X30 works). */
    public static void BLR(LiftContext c, Fields f) {
        Value target = c.x(f.get('n'));
        c.b.setReg(X30, c.b.c64(c.nextPc()));
        c.b.exit(target);
    }

    /** RET (C6.2.254). */
    public static void RET(LiftContext c, Fields f) {
        c.b.exit(c.x(f.get('n')));
    }
}

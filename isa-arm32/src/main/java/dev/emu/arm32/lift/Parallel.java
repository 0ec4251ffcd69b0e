package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.GE;

import dev.emu.arm32.Arm32Helpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A5.4.1/A5.4.2 (A32) and A6.3.13 (Thumb) parallel addition and subtraction, signed and
 * unsigned, plain (setting GE), saturating and halving; and SEL, which reads GE (glibc's
 * string functions use UADD8/USUB8 and SEL).
 */
public final class Parallel {
    private Parallel() {}

    private static final Helper ADD_SUB = Helper.of(Arm32Helpers.class, "parallelAddSub");
    private static final Helper SELECT = Helper.of(Arm32Helpers.class, "select");

    /** A32 op2 (bits 7:5) to the helper's operation; 5 and 6 are unallocated. */
    private static final int[] A32_OPS = {0, 1, 2, 3, 4, -1, -1, 5};
    /** Thumb op1 (hw1 6:4) to the helper's operation. */
    private static final int[] T32_OPS = {4, 0, 1, -1, 5, 3, 2, -1};
    /** Thumb op2 (hw2 6:4) to the helper's kind. */
    private static final int[] T32_KINDS = {0, 1, 2, -1, 3, 4, 5, -1};

    private static void lift(LiftContext c, int kind, int op, int d, int n, int m) {
        if (op < 0 || kind < 0 || d == 15 || n == 15 || m == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value r = b.call(ADD_SUB, b.c32(kind), b.c32(op), c.reg(n), c.reg(m));
        if (kind == Arm32Helpers.S || kind == Arm32Helpers.U) {
            b.setReg(GE, b.trunc32(b.shr(r, b.c64(32))));
        }
        c.setReg(d, b.trunc32(r));
    }

    // A32 rows, one per kind: 'o' op2, 'n', 'd', 'm'
    public static void SADD_SSUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.S); }
    public static void QADD_QSUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.QS); }
    public static void SHADD_SHSUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.SH); }
    public static void UADD_USUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.U); }
    public static void UQADD_UQSUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.UQ); }
    public static void UHADD_UHSUB(LiftContext c, Fields f) { a32(c, f, Arm32Helpers.UH); }

    private static void a32(LiftContext c, Fields f, int kind) {
        lift(c, kind, A32_OPS[f.get('o')], f.get('d'), f.get('n'), f.get('m'));
    }

    /** Thumb: 'o' op1, 'k' op2. */
    public static void PARALLEL_T1(LiftContext c, Fields f) {
        lift(c, T32_KINDS[f.get('k')], T32_OPS[f.get('o')], f.get('d'), f.get('n'), f.get('m'));
    }

    /** SEL (A8.8 SEL). */
    public static void SEL(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (d == 15 || n == 15 || m == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.call(SELECT, b.getReg32(GE), c.reg(n), c.reg(m)));
    }
}

package dev.emu.arm32.lift;

import dev.emu.arm32.lift.DataProcessing.Alu;
import dev.emu.arm32.lift.Shifter.Shifted;
import dev.emu.core.ir.IrBuilder;

/**
 * A6.3.1 Data-processing (modified immediate), A6.3.3 (plain binary immediate), A6.3.11
 * (shifted register) and A6.3.12 (register) of 32-bit Thumb. Fields: 'S' setflags, 'n', 'd',
 * 'm', 'i' i:imm3:imm8, 'a' imm3:imm2 (shift amount), 't' shift type.
 */
public final class Thumb32DataProcessing {
    private Thumb32DataProcessing() {}

    private static void apply(LiftContext c, Fields f, Alu op, Shifted operand, boolean s) {
        int d = op.compare() ? 0 : f.get('d');
        int n = op.usesRn() ? f.get('n') : 0;
        if (!op.compare() && d == 15) { // Rn = PC reads PC + 4 (UNPREDICTABLE; QEMU's choice)
            c.illegal();
            return;
        }
        DataProcessing.apply(c, op, s, d, n, operand);
    }

    /** {@code <op>{S}.W Rd, Rn, #<const>} (ThumbExpandImm). */
    public static void imm(LiftContext c, Fields f, Alu op) {
        boolean s = op.compare() || f.get('S') == 1;
        long v = Shifter.thumbExpandImm(f.get('i'));
        if (v < 0) {
            c.illegal();
            return;
        }
        apply(c, f, op, Shifter.thumbImm(c, f.get('i'), s && op.logical()), s);
    }

    /** {@code <op>{S}.W Rd, Rn, Rm{, <shift> #n}}. */
    public static void reg(LiftContext c, Fields f, Alu op) {
        boolean s = op.compare() || f.get('S') == 1;
        apply(c, f, op, Shifter.immShift(c, c.reg(f.get('m')), f.get('t'), f.get('a'), s && op.logical()), s);
    }

    /** LSL, LSR, ASR, ROR (register) T2: Rd = Rn shifted by Rm[7:0]. */
    public static void SHIFT_reg(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (d == 15 || n == 15 || m == 15) {
            c.illegal();
            return;
        }
        boolean s = f.get('S') == 1;
        Shifted sh = Shifter.regShift(c, c.reg(n), f.get('t'), c.reg(m), s);
        DataProcessing.apply(c, Alu.MOV, s, d, 0, sh);
    }

    /** ADDW / ADR T3 (Rn = PC): Rd = Rn + imm12, no flags. */
    public static void ADDW(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n');
        if (d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.add(LoadStore.base(c, n), b.c32(f.get('i'))));
    }

    /** SUBW / ADR T2 (Rn = PC). */
    public static void SUBW(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n');
        if (d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.sub(LoadStore.base(c, n), b.c32(f.get('i'))));
    }

    /** MOVW T3 and MOVT T1: imm16 = imm4 ('h') : i ('I') : imm3:imm8 ('i'). */
    private static int imm16(Fields f) {
        return f.get('h') << 12 | f.get('I') << 11 | f.get('i');
    }

    public static void MOVW(LiftContext c, Fields f) {
        int d = f.get('d');
        if (d == 13 || d == 15) {
            c.illegal();
            return;
        }
        c.setReg(d, c.c32(imm16(f)));
    }

    public static void MOVT(LiftContext c, Fields f) {
        int d = f.get('d');
        if (d == 13 || d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.or(b.and(c.reg(d), b.c32(0xFFFF)), b.c32((long) imm16(f) << 16)));
    }

    /** SBFX, UBFX T1 (lsb = imm3:imm2 in 'l'), BFI/BFC T1 ('k' msb). */
    public static void SBFX(LiftContext c, Fields f) { Media.SBFX(c, f); }
    public static void UBFX(LiftContext c, Fields f) { Media.UBFX(c, f); }
    public static void BFI(LiftContext c, Fields f) { Media.BFI(c, f); }
}

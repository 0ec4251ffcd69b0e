package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.AF;
import static dev.emu.x86.X86Registers.CF;
import static dev.emu.x86.X86Registers.OF;
import static dev.emu.x86.X86Registers.PF;
import static dev.emu.x86.X86Registers.SF;
import static dev.emu.x86.X86Registers.ZF;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * The arithmetic flags (SDM Vol. 1 3.4.3.1, Appendix A "EFLAGS Cross-Reference") computed
 * from an operation's operands and result, all zero-extended values of operand size
 * {@code size}. Each flag goes to its own slot as I32 0/1 (see {@code X86Registers} for why).
 */
public final class Flags {
    private Flags() {}

    /** The most significant bit of a zero-extended value of {@code size} bits, as I32 0/1. */
    public static Value msb(LiftContext c, int size, Value v) {
        IrBuilder b = c.b;
        if (size == 64) {
            return b.trunc32(b.shr(v, b.c64(63)));
        }
        return b.shr(b.trunc32(v), b.c32(size - 1));
    }

    /** PF: set when the low byte of the result has an even number of ones. */
    public static Value parity(LiftContext c, Value r) {
        IrBuilder b = c.b;
        Value low = b.and(b.trunc32(r), b.c32(0xFF));
        return b.xor(b.and(b.popcnt(low), b.c32(1)), b.c32(1));
    }

    public static Value isZero(LiftContext c, int size, Value r) {
        return c.b.cmpEq(r, c.konst(size, 0));
    }

    /** AF: the carry or borrow out of bit 3, which is bit 4 of a ^ b ^ r. */
    public static Value auxCarry(LiftContext c, Value a, Value bv, Value r) {
        IrBuilder b = c.b;
        Value x = b.trunc32(b.xor(b.xor(a, bv), r));
        return b.and(b.shr(x, b.c32(4)), b.c32(1));
    }

    /** SF, ZF and PF from a result. */
    public static void setSZP(LiftContext c, int size, Value r) {
        c.b.setReg(SF, msb(c, size, r));
        c.b.setReg(ZF, isZero(c, size, r));
        c.b.setReg(PF, parity(c, r));
    }

    /**
     * ADD / ADC: r = a + b (+ carryIn) truncated. With carry in, the sum wrapped iff r <= a;
     * without, iff r < a. OF: both operands have the sign the result lacks.
     */
    public static void add(LiftContext c, int size, Value a, Value bv, Value r, Value carryIn) {
        IrBuilder b = c.b;
        Value cf = carryIn == null ? b.cmpLtu(r, a) : b.select(carryIn, b.cmpLeu(r, a), b.cmpLtu(r, a));
        Value of = msb(c, size, b.and(b.xor(a, r), b.xor(bv, r)));
        b.setReg(CF, cf);
        b.setReg(OF, of);
        b.setReg(AF, auxCarry(c, a, bv, r));
        setSZP(c, size, r);
    }

    /** SUB / SBB / CMP / NEG: r = a - b (- borrowIn). CF is the borrow; OF: a and b differ in sign and r's differs from a. */
    public static void sub(LiftContext c, int size, Value a, Value bv, Value r, Value borrowIn) {
        IrBuilder b = c.b;
        Value cf = borrowIn == null ? b.cmpLtu(a, bv) : b.select(borrowIn, b.cmpLeu(a, bv), b.cmpLtu(a, bv));
        Value of = msb(c, size, b.and(b.xor(a, bv), b.xor(a, r)));
        b.setReg(CF, cf);
        b.setReg(OF, of);
        b.setReg(AF, auxCarry(c, a, bv, r));
        setSZP(c, size, r);
    }

    /**
     * AND / OR / XOR / TEST: CF = OF = 0, SF ZF PF from the result. AF is undefined
     * (the SDM's words); it is cleared here, as current Intel and AMD parts do.
     */
    public static void logic(LiftContext c, int size, Value r) {
        IrBuilder b = c.b;
        b.setReg(CF, b.c32(0));
        b.setReg(OF, b.c32(0));
        b.setReg(AF, b.c32(0));
        setSZP(c, size, r);
    }

    /** INC / DEC: as ADD / SUB of 1 but CF is kept. */
    public static void incDec(LiftContext c, int size, Value a, Value r, boolean dec) {
        IrBuilder b = c.b;
        Value one = c.konst(size, 1);
        Value of = dec ? msb(c, size, b.and(a, b.xor(a, r))) : msb(c, size, b.and(r, b.xor(a, r)));
        b.setReg(OF, of);
        b.setReg(AF, auxCarry(c, a, one, r));
        setSZP(c, size, r);
    }
}

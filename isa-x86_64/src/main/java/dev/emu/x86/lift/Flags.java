package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.CC_AUX;
import static dev.emu.x86.X86Registers.CC_DST;
import static dev.emu.x86.X86Registers.CC_OP;
import static dev.emu.x86.X86Registers.CC_SRC;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Registers;

/**
 * The arithmetic flags (SDM Vol. 1 3.4.3.1, Appendix A "EFLAGS Cross-Reference"), lazily:
 * a flag-setting instruction stores its operation, result and operand in the cc slots
 * ({@link X86Flags}); a reader computes only the flags it needs. Within a block the lifter
 * knows the last operation and its IR values ({@link State}), so {@code cmp; jl} becomes
 * one signed compare and {@code cmp; je} one test of the result; where it does not (a
 * block that starts by reading flags), ZF and SF come from the result slot and the rest
 * from one pure helper call.
 *
 * <p>Values passed in are zero-extended values of operand size {@code size}, I32 up to 32
 * bits. Flag values handed out are I32 0/1.
 */
public final class Flags {
    private Flags() {}

    static final Helper FLAGS = Helper.of(X86Flags.class, "flags");

    /**
     * What the lifter knows of the flags at the current point of the block: the last
     * flag-setting operation with its IR values, or ({@link X86Flags#EAGER}) the six flags
     * as one I32 of RFLAGS bits. A context with no state knows nothing (block entry, after a
     * helper that set flags).
     */
    static final class State {
        final int kind;
        final int size;
        /** First operand, second operand (RESULT: the CF OF AF bits), result; carry in or kept CF (I32 0/1) or null. */
        final Value a;
        final Value src;
        final Value r;
        final Value aux;
        /** RESULT: the constant CF OF AF bits if they are one, else -1. EAGER: the flags word. */
        final long constBits;
        final Value packed;

        State(int kind, int size, Value a, Value src, Value r, Value aux, long constBits, Value packed) {
            this.kind = kind;
            this.size = size;
            this.a = a;
            this.src = src;
            this.r = r;
            this.aux = aux;
            this.constBits = constBits;
            this.packed = packed;
        }
    }

    // ---------------------------------------------------------------- setting

    private static void lazy(LiftContext c, int kind, int size, Value a, Value src, Value r, Value aux, long constBits) {
        IrBuilder b = c.b;
        b.setReg(CC_OP, b.c32(X86Flags.op(kind, size)));
        b.setReg(CC_DST, r);
        b.setReg(CC_SRC, src);
        if (aux != null) {
            b.setReg(CC_AUX, aux);
        }
        c.flagState = new State(kind, size, a, src, r, aux, constBits, null);
    }

    /** ADD / ADC: r = a + b (+ carryIn) truncated. */
    public static void add(LiftContext c, int size, Value a, Value bv, Value r, Value carryIn) {
        lazy(c, carryIn == null ? X86Flags.ADD : X86Flags.ADC, size, a, bv, r, carryIn, -1);
    }

    /** SUB / SBB / CMP / NEG: r = a - b (- borrowIn) truncated. */
    public static void sub(LiftContext c, int size, Value a, Value bv, Value r, Value borrowIn) {
        lazy(c, borrowIn == null ? X86Flags.SUB : X86Flags.SBB, size, a, bv, r, borrowIn, -1);
    }

    /**
     * AND / OR / XOR / TEST: CF = OF = 0, SF ZF PF from the result. AF is undefined
     * (the SDM's words); it is cleared here, as current Intel and AMD parts do.
     */
    public static void logic(LiftContext c, int size, Value r) {
        lazy(c, X86Flags.RESULT, size, null, c.b.c32(0), r, null, 0);
    }

    /** SF ZF PF from the result r, CF OF AF from {@code bits} (an I32 of RFLAGS bits): shifts, multiplies. */
    public static void result(LiftContext c, int size, Value r, Value bits) {
        lazy(c, X86Flags.RESULT, size, null, bits, r, null, -1);
    }

    /**
     * As {@link #result}, but when {@code keep} (I32 0/1, or null for never) is set at run
     * time every flag stays as it was: a shift by a count register holding zero.
     */
    public static void resultUnless(LiftContext c, Value keep, int size, Value r, Value bits) {
        if (keep == null) {
            result(c, size, r, bits);
            return;
        }
        IrBuilder b = c.b;
        b.setReg(CC_OP, b.select(keep, b.getReg64(CC_OP), b.c64(X86Flags.op(X86Flags.RESULT, size))));
        b.setReg(CC_DST, b.select(keep, b.getReg64(CC_DST), b.zext64(r)));
        b.setReg(CC_SRC, b.select(keep, b.getReg64(CC_SRC), b.zext64(bits)));
        c.flagState = null;
    }

    /** INC / DEC: as ADD / SUB of 1 but CF is kept. */
    public static void incDec(LiftContext c, int size, Value a, Value r, boolean dec) {
        Value cf = c.flagState != null ? read(c, X86Registers.CF_BIT) : carryIntoAux(c);
        lazy(c, dec ? X86Flags.DEC : X86Flags.INC, size, a, c.konst(size, 1), r, cf, -1);
    }

    /**
     * CF of flags set in an earlier block, written to cc_aux (where INC and DEC keep it) and
     * read back. A {@code dec; jnz} loop counter at the top of a block reads CF after every
     * kind of operation, so the common kinds are computed inline and only ADC/SBB call the
     * helper (in a branch, as IR temps cannot merge).
     */
    private static Value carryIntoAux(LiftContext c) {
        IrBuilder b = c.b;
        Value op = b.getReg32(CC_OP);
        Value dst = b.getReg64(CC_DST);
        Value src = b.getReg64(CC_SRC);
        Value aux = b.getReg64(CC_AUX);
        Value kind = b.shr(op, b.c32(2));
        Value width = b.shl(b.c32(8), b.and(op, b.c32(3)));
        Value mask = b.shr(b.c64(-1), b.zext64(b.sub(b.c32(64), width)));
        Value subCf = ltu64(c, b.and(b.add(dst, src), mask), src);   // a = dst + src borrowed iff a < src
        Value addCf = ltu64(c, dst, b.and(b.sub(dst, src), mask));   // wrapped iff dst < a
        Value bitCf = b.trunc32(b.and(src, b.c64(1)));              // EAGER, RESULT: CF is bit 0 of cc_src
        Value keptCf = b.trunc32(b.and(aux, b.c64(1)));             // INC, DEC
        Value cf = b.select(b.cmpEq(kind, b.c32(X86Flags.SUB)), subCf,
                b.select(b.cmpEq(kind, b.c32(X86Flags.ADD)), addCf,
                b.select(b.cmpLts(kind, b.c32(X86Flags.INC)), bitCf, keptCf)));
        b.setReg(CC_AUX, cf);
        dev.emu.core.ir.Label done = b.newLabel();
        Value withCarryIn = b.or(b.cmpEq(kind, b.c32(X86Flags.ADC)), b.cmpEq(kind, b.c32(X86Flags.SBB)));
        b.brIf(b.xor(withCarryIn, b.c32(1)), done);
        b.setReg(CC_AUX, b.and(b.call(FLAGS, b.zext64(op), dst, src, aux), b.c64(1)));
        b.label(done);
        return b.getReg32(CC_AUX);
    }

    /** Unsigned x < y of I64 values as a signed compare, which the JIT emits without a call. */
    private static Value ltu64(LiftContext c, Value x, Value y) {
        IrBuilder b = c.b;
        return b.cmpLts(b.xor(x, b.c64(Long.MIN_VALUE)), b.xor(y, b.c64(Long.MIN_VALUE)));
    }

    /** Sets all six flags from {@code packed}, an I32 holding them at their RFLAGS bits (and nothing else). */
    public static void setPacked(LiftContext c, Value packed) {
        IrBuilder b = c.b;
        b.setReg(CC_OP, b.c32(X86Flags.EAGER));
        b.setReg(CC_SRC, packed);
        c.flagState = new State(X86Flags.EAGER, 0, null, null, null, null, -1, packed);
    }

    /**
     * Sets the flags in {@code mask} to the bits of {@code bits} (RFLAGS positions, nothing
     * outside mask) and keeps the others; with {@code keep} set at run time, keeps all.
     */
    public static void update(LiftContext c, int mask, Value bits, Value keep) {
        IrBuilder b = c.b;
        Value old = packed(c);
        Value f = b.or(b.and(old, b.c32(~mask & X86Flags.ARITH)), bits);
        setPacked(c, keep == null ? f : b.select(keep, old, f));
    }

    public static void update(LiftContext c, int mask, Value bits) {
        update(c, mask, bits, null);
    }

    /** A flag (I32 0/1) moved to RFLAGS bit {@code bit}. */
    public static Value at(LiftContext c, Value flag, int bit) {
        return bit == 0 ? flag : c.b.shl(flag, c.b.c32(bit));
    }

    /** After a helper that may have written the flags through the CpuState: nothing is known. */
    public static void unknown(LiftContext c) {
        c.flagState = null;
    }

    /** After a helper that set all six flags through {@code X86Registers.setArithFlags}: they are in cc_src. */
    public static void setByHelper(LiftContext c) {
        c.flagState = new State(X86Flags.EAGER, 0, null, null, null, null, -1, c.b.getReg32(CC_SRC));
    }

    // ---------------------------------------------------------------- reading

    /** The flag at RFLAGS bit {@code bit} (CF PF AF ZF SF OF) as I32 0/1. */
    public static Value read(LiftContext c, int bit) {
        IrBuilder b = c.b;
        State s = c.flagState;
        if (s == null) {
            if (bit == X86Registers.ZF_BIT || bit == X86Registers.SF_BIT) {
                return dynamicZeroOrSign(c, bit == X86Registers.ZF_BIT);
            }
            s = dynamic(c);
        }
        if (s.kind == X86Flags.EAGER) {
            return b.and(b.shr(s.packed, b.c32(bit)), b.c32(1));
        }
        int size = s.size;
        return switch (bit) {
            case X86Registers.ZF_BIT -> isZero(c, size, s.r);
            case X86Registers.SF_BIT -> msb(c, size, s.r);
            case X86Registers.PF_BIT -> parity(c, s.r);
            case X86Registers.CF_BIT -> carry(c, s);
            case X86Registers.OF_BIT -> overflow(c, s);
            case X86Registers.AF_BIT -> auxCarry(c, s);
            default -> throw new IllegalArgumentException("flag bit " + bit);
        };
    }

    /** The six flags as an I32 of RFLAGS bits. */
    public static Value packed(LiftContext c) {
        State s = c.flagState;
        if (s == null) {
            s = dynamic(c);
        }
        if (s.kind == X86Flags.EAGER) {
            return s.packed;
        }
        IrBuilder b = c.b;
        Value f = null;
        for (int bit : new int[] {X86Registers.CF_BIT, X86Registers.PF_BIT, X86Registers.AF_BIT, X86Registers.ZF_BIT,
            X86Registers.SF_BIT, X86Registers.OF_BIT}) {
            Value v = at(c, read(c, bit), bit);
            f = f == null ? v : b.or(f, v);
        }
        return f;
    }

    /** The helper's answer for flags set in an earlier block, remembered for the rest of this one. */
    private static State dynamic(LiftContext c) {
        IrBuilder b = c.b;
        Value f = b.trunc32(b.call(FLAGS, b.getReg64(CC_OP), b.getReg64(CC_DST), b.getReg64(CC_SRC), b.getReg64(CC_AUX)));
        State s = new State(X86Flags.EAGER, 0, null, null, null, null, -1, f);
        c.flagState = s;
        return s;
    }

    /**
     * ZF or SF set in an earlier block, without the helper: every operation but EAGER takes
     * them from its zero-extended result, whose size is cc_op's low two bits.
     */
    private static Value dynamicZeroOrSign(LiftContext c, boolean zero) {
        IrBuilder b = c.b;
        Value op = b.getReg32(CC_OP);
        Value dst = b.getReg64(CC_DST);
        Value eager = b.cmpLts(op, b.c32(4));
        int bit = zero ? X86Registers.ZF_BIT : X86Registers.SF_BIT;
        Value fromEager = b.and(b.shr(b.getReg32(CC_SRC), b.c32(bit)), b.c32(1));
        Value fromResult;
        if (zero) {
            fromResult = b.cmpEq(dst, b.c64(0));
        } else {
            Value top = b.sub(b.shl(b.c32(8), b.and(op, b.c32(3))), b.c32(1));
            fromResult = b.trunc32(b.and(b.shr(dst, b.zext64(top)), b.c64(1)));
        }
        return b.select(eager, fromEager, fromResult);
    }

    private static Value carry(LiftContext c, State s) {
        IrBuilder b = c.b;
        int size = s.size;
        switch (s.kind) {
            case X86Flags.ADD, X86Flags.ADC -> {
                if (size == 64) {
                    return s.aux == null ? b.cmpLtu(s.r, s.a) : b.select(s.aux, b.cmpLeu(s.r, s.a), b.cmpLtu(s.r, s.a));
                }
                // the sum of two zero-extended operands (and a carry) has the carry at bit `size`
                if (size == 32) {
                    Value sum = b.add(b.zext64(s.a), b.zext64(s.src));
                    if (s.aux != null) {
                        sum = b.add(sum, b.zext64(s.aux));
                    }
                    return b.trunc32(b.shr(sum, b.c64(32)));
                }
                Value sum = b.add(s.a, s.src);
                if (s.aux != null) {
                    sum = b.add(sum, s.aux);
                }
                return b.shr(sum, b.c32(size));
            }
            case X86Flags.SUB, X86Flags.SBB -> {
                if (size == 64) {
                    return s.aux == null ? b.cmpLtu(s.a, s.src) : b.select(s.aux, b.cmpLeu(s.a, s.src), b.cmpLtu(s.a, s.src));
                }
                // a borrow makes the difference of the zero-extended operands negative
                if (size == 32) {
                    Value d = b.sub(b.zext64(s.a), b.zext64(s.src));
                    if (s.aux != null) {
                        d = b.sub(d, b.zext64(s.aux));
                    }
                    return b.trunc32(b.shr(d, b.c64(63)));
                }
                Value d = b.sub(s.a, s.src);
                if (s.aux != null) {
                    d = b.sub(d, s.aux);
                }
                return b.shr(d, b.c32(31));
            }
            case X86Flags.INC, X86Flags.DEC -> {
                return s.aux;
            }
            default -> { // RESULT
                return resultBit(c, s, X86Registers.CF_BIT);
            }
        }
    }

    private static Value overflow(LiftContext c, State s) {
        IrBuilder b = c.b;
        int size = s.size;
        return switch (s.kind) {
            case X86Flags.ADD, X86Flags.ADC -> msb(c, size, b.and(b.xor(s.a, s.r), b.xor(s.src, s.r)));
            case X86Flags.SUB, X86Flags.SBB -> msb(c, size, b.and(b.xor(s.a, s.src), b.xor(s.a, s.r)));
            case X86Flags.INC -> msb(c, size, b.and(s.r, b.xor(s.a, s.r)));
            case X86Flags.DEC -> msb(c, size, b.and(s.a, b.xor(s.a, s.r)));
            default -> resultBit(c, s, X86Registers.OF_BIT);
        };
    }

    private static Value auxCarry(LiftContext c, State s) {
        if (s.kind == X86Flags.RESULT) {
            return resultBit(c, s, X86Registers.AF_BIT);
        }
        return auxCarry(c, s.a, s.src, s.r);
    }

    private static Value resultBit(LiftContext c, State s, int bit) {
        IrBuilder b = c.b;
        if (s.constBits >= 0) {
            return b.c32((s.constBits >> bit) & 1);
        }
        return b.and(b.shr(s.src, b.c32(bit)), b.c32(1));
    }

    /** The condition {@code cc} of Jcc/SETcc/CMOVcc (SDM Appendix B.1.4.7) as an I32 0/1. */
    public static Value condition(LiftContext c, int cc) {
        IrBuilder b = c.b;
        State s = c.flagState;
        boolean negate = (cc & 1) != 0;
        if (s != null && s.kind != X86Flags.EAGER && cc >> 1 == 2) {
            // E / NE: the result is (not) zero, one compare the JIT fuses into the branch
            return negate ? b.cmpNe(s.r, c.konst(s.size, 0)) : b.cmpEq(s.r, c.konst(s.size, 0));
        }
        if (s != null && s.kind == X86Flags.SUB) {
            // after CMP/SUB the orderings are plain compares of the operands (negated: swapped)
            int form = cc >> 1;
            if (form == 3 && s.size == 64) {
                return negate ? b.cmpLtu(s.src, s.a) : b.cmpLeu(s.a, s.src);
            }
            if (form == 6 || form == 7) {
                Value x = signed(c, s.size, s.a);
                Value y = signed(c, s.size, s.src);
                if (form == 6) {
                    return negate ? b.cmpLes(y, x) : b.cmpLts(x, y);
                }
                return negate ? b.cmpLts(y, x) : b.cmpLes(x, y);
            }
        }
        Value r = null;
        if (s != null && s.kind == X86Flags.RESULT && s.constBits == 0) {
            // after a logic op CF = OF = 0
            switch (cc >> 1) {
                case 0, 1 -> r = b.c32(0);
                case 3 -> r = read(c, X86Registers.ZF_BIT);
                case 6 -> r = read(c, X86Registers.SF_BIT);
                case 7 -> r = b.or(read(c, X86Registers.ZF_BIT), read(c, X86Registers.SF_BIT));
                default -> { }
            }
        }
        if (r == null) {
            r = switch (cc >> 1) {
                case 0 -> read(c, X86Registers.OF_BIT);
                case 1 -> read(c, X86Registers.CF_BIT);
                case 2 -> read(c, X86Registers.ZF_BIT);
                case 3 -> b.or(read(c, X86Registers.CF_BIT), read(c, X86Registers.ZF_BIT));
                case 4 -> read(c, X86Registers.SF_BIT);
                case 5 -> read(c, X86Registers.PF_BIT);
                case 6 -> b.xor(read(c, X86Registers.SF_BIT), read(c, X86Registers.OF_BIT));
                default -> b.or(read(c, X86Registers.ZF_BIT),
                        b.xor(read(c, X86Registers.SF_BIT), read(c, X86Registers.OF_BIT)));
            };
        }
        return negate ? b.xor(r, b.c32(1)) : r;
    }

    /** A zero-extended operand of {@code size} bits as a signed value of its I32/I64 type. */
    private static Value signed(LiftContext c, int size, Value v) {
        return size >= 32 ? v : c.b.sext(v, size, dev.emu.core.ir.Type.I32);
    }

    // ---------------------------------------------------------------- formulas

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
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.C;
import static dev.emu.arm64.Arm64Registers.N;
import static dev.emu.arm64.Arm64Registers.SP;
import static dev.emu.arm64.Arm64Registers.V;
import static dev.emu.arm64.Arm64Registers.X0;
import static dev.emu.arm64.Arm64Registers.Z;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.isa.FixedWidthLiftContext;

/**
 * What a handler lifts with: the IR builder, the instruction's pc and word, and the A64
 * register conventions (register 31 is XZR or SP depending on the operand; a W write
 * zero-extends; flags live in four 0/1 slots).
 */
public final class LiftContext extends FixedWidthLiftContext {
    public LiftContext(IrBuilder b) {
        super(b);
    }

    // ---------------------------------------------------------------- general registers
    public static Type type(int sf) {
        return sf != 0 ? Type.I64 : Type.I32;
    }

    /** X<n> (or W<n> if sf = 0), register 31 reading as zero. */
    public Value reg(int sf, int n) {
        Type t = type(sf);
        return n == 31 ? b.konst(t, 0) : b.getReg(t, X0 + n);
    }

    /** X<n> or W<n>, register 31 being SP. */
    public Value regSp(int sf, int n) {
        return b.getReg(type(sf), n == 31 ? SP : X0 + n);
    }

    public Value x(int n) {
        return reg(1, n);
    }

    public Value xsp(int n) {
        return regSp(1, n);
    }

    /** Writes X<d> (a W value zero-extends); writes to register 31 (XZR) are dropped. */
    public void setReg(int d, Value v) {
        if (d != 31) {
            b.setReg(X0 + d, v);
        }
    }

    /** Writes X<d>, register 31 being SP. */
    public void setRegSp(int d, Value v) {
        b.setReg(d == 31 ? SP : X0 + d, v.type() == Type.I64 ? v : b.zext64(v));
    }

    public Value imm(int sf, long v) {
        return b.konst(type(sf), v);
    }

    /** A constant of the same type as {@code like}. */
    public Value konst(Value like, long v) {
        return b.konst(like.type(), v);
    }

    // ---------------------------------------------------------------- flags
    public void setNZCV(Value n, Value z, Value c, Value v) {
        b.setReg(N, n);
        b.setReg(Z, z);
        b.setReg(C, c);
        b.setReg(V, v);
    }

    /** N and Z from a result, C and V cleared (logical ops). */
    public void setNZFromLogical(Value r) {
        Value zero = konst(r, 0);
        setNZCV(b.cmpLts(r, zero), b.cmpEq(r, zero), b.c32(0), b.c32(0));
    }

    /** Sets NZCV from 4 bits (N at bit 3). */
    public void setNZCVImm(int nzcv) {
        setNZCV(b.c32(nzcv >> 3 & 1), b.c32(nzcv >> 2 & 1), b.c32(nzcv >> 1 & 1), b.c32(nzcv & 1));
    }

    /**
     * AddWithCarry(a, b, carryIn) of the manual (J1): {result, N, Z, C, V}, the flags as I32
     * 0/1. {@code carryIn} is an I32 0/1, or null for the constant {@code carryConst}.
     */
    public Value[] addWithCarryAndFlags(Value a, Value bv, Value carryIn, int carryConst) {
        Value r = addWithCarry(a, bv, carryIn, carryConst, false);
        Value zero = konst(r, 0);
        Value carry;
        if (carryIn == null) {
            // with carry in 1 the sum wraps when r <= a; with 0 when r < a
            carry = carryConst != 0 ? b.cmpLeu(r, a) : b.cmpLtu(r, a);
        } else {
            carry = b.select(carryIn, b.cmpLeu(r, a), b.cmpLtu(r, a));
        }
        Value overflow = b.cmpLts(b.and(b.xor(a, r), b.xor(bv, r)), zero);
        return new Value[] {r, b.cmpLts(r, zero), b.cmpEq(r, zero), carry, overflow};
    }

    /** AddWithCarry's sum, setting NZCV if {@code setFlags}. */
    public Value addWithCarry(Value a, Value bv, Value carryIn, int carryConst, boolean setFlags) {
        if (setFlags) {
            Value[] f = addWithCarryAndFlags(a, bv, carryIn, carryConst);
            setNZCV(f[1], f[2], f[3], f[4]);
            return f[0];
        }
        Value r;
        if (carryIn == null) {
            r = b.add(a, bv);
            if (carryConst != 0) {
                r = b.add(r, konst(a, 1));
            }
        } else {
            Value cin = a.type() == Type.I64 ? b.zext64(carryIn) : carryIn;
            r = b.add(b.add(a, bv), cin);
        }
        return r;
    }

    /** a + b, setting flags if asked. */
    public Value addFlags(Value a, Value bv, boolean setFlags) {
        return addWithCarry(a, bv, null, 0, setFlags);
    }

    /** a - b = a + NOT(b) + 1, setting flags if asked. */
    public Value subFlags(Value a, Value bv, boolean setFlags) {
        if (!setFlags) {
            return b.sub(a, bv);
        }
        return addWithCarry(a, b.not(bv), null, 1, true);
    }

    /** ConditionHolds(cond) (J1): an I32 0/1. */
    public Value condition(int cond) {
        Value r = switch (cond >> 1) {
            case 0 -> b.getReg32(Z); // EQ
            case 1 -> b.getReg32(C); // CS
            case 2 -> b.getReg32(N); // MI
            case 3 -> b.getReg32(V); // VS
            case 4 -> b.and(b.getReg32(C), b.xor(b.getReg32(Z), b.c32(1))); // HI
            case 5 -> b.cmpEq(b.getReg32(N), b.getReg32(V)); // GE
            case 6 -> b.and(b.cmpEq(b.getReg32(N), b.getReg32(V)), b.xor(b.getReg32(Z), b.c32(1))); // GT
            default -> b.c32(1); // AL
        };
        if ((cond & 1) != 0 && cond != 15) {
            r = b.xor(r, b.c32(1));
        }
        return r;
    }

    // ---------------------------------------------------------------- shifts and extends
    /** ShiftReg (C6): type 0 LSL, 1 LSR, 2 ASR, 3 ROR by a constant amount. */
    public Value shift(Value v, int type, int amount) {
        if (amount == 0) {
            return v;
        }
        Value a = konst(v, amount);
        return switch (type) {
            case 0 -> b.shl(v, a);
            case 1 -> b.shr(v, a);
            case 2 -> b.sar(v, a);
            default -> b.rotr(v, a);
        };
    }

    /**
     * ExtendReg (C6): extend the low bits of {@code v} per option (UXTB, UXTH, UXTW, UXTX,
     * SXTB, SXTH, SXTW, SXTX), then shift left by {@code shift}; the result has v's type.
     */
    public Value extend(Value v, int option, int shift) {
        Type t = v.type();
        int bits = 8 << (option & 3);
        Value r = bits >= t.bits ? v : (option & 4) != 0 ? b.sext(v, bits, t) : b.zext(v, bits, t);
        return shift == 0 ? r : b.shl(r, konst(r, shift));
    }

    // ---------------------------------------------------------------- memory (little-endian)
    public Value load(Type t, Value addr, int size, boolean signed) {
        return b.load(t, addr, size, signed, false);
    }

    public void store(Value addr, Value v, int size) {
        b.store(addr, v, size, false);
    }

    private static final dev.emu.core.ir.Helper CHECK_ALIGNED =
            dev.emu.core.ir.Helper.of(dev.emu.arm64.Arm64Helpers.class, "checkAligned");

    /** X<n>|SP as the address of an access that must be naturally aligned to {@code size} bytes. */
    public Value alignedAddress(int n, int size, boolean write) {
        Value addr = xsp(n);
        return size == 1 ? addr : b.call(CHECK_ALIGNED, addr, b.c32(size), b.c32(write ? 1 : 0));
    }

    /** addr + offset, folding a zero offset away. */
    public Value offset(Value addr, long offset) {
        return offset == 0 ? addr : b.add(addr, b.c64(offset));
    }
}

package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.CR0;
import static dev.emu.ppc64le.PpcRegisters.R0;
import static dev.emu.ppc64le.PpcRegisters.XER_SO;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.isa.FixedWidthLiftContext;

/**
 * What a handler lifts with: the IR builder, the instruction's pc and word, and the Power
 * conventions: (RA|0) addressing, CR fields as 4-bit slots (LT=8, GT=4, EQ=2, SO=1), record
 * forms comparing the 64-bit result with zero, little-endian storage.
 */
public final class LiftContext extends FixedWidthLiftContext {
    public LiftContext(IrBuilder b) {
        super(b);
    }

    // ---------------------------------------------------------------- general registers
    public Value gpr(int n) {
        return b.getReg64(R0 + n);
    }

    /** The low word of GPR n. */
    public Value gpr32(int n) {
        return b.trunc32(gpr(n));
    }

    /** (RA|0): GPR n, or zero when n is 0 (the base of D/X-form addresses and addi). */
    public Value gprOrZero(int n) {
        return n == 0 ? b.c64(0) : gpr(n);
    }

    public void setGpr(int n, Value v) {
        b.setReg(R0 + n, v.type() == Type.I64 ? v : b.zext64(v));
    }

    /** Writes a 32-bit value sign-extended to 64 bits. */
    public void setGprSigned32(int n, Value v32) {
        b.setReg(R0 + n, b.sext64(v32));
    }

    // ---------------------------------------------------------------- condition register
    /** CR field f as a 4-bit I32. */
    public Value crField(int f) {
        return b.getReg32(CR0 + f);
    }

    public void setCrField(int f, Value v) {
        b.setReg(CR0 + f, v);
    }

    /** CR bit {@code bi} (0 = CR0.LT ... 31 = CR7.SO) as an I32 0/1. */
    public Value crBit(int bi) {
        Value field = crField(bi >> 2);
        int shift = 3 - (bi & 3);
        Value v = shift == 0 ? field : b.shr(field, b.c32(shift));
        return b.and(v, b.c32(1));
    }

    /** Sets CR bit {@code bi} to the I32 0/1 {@code bit}. */
    public void setCrBit(int bi, Value bit) {
        int shift = 3 - (bi & 3);
        Value field = crField(bi >> 2);
        Value cleared = b.and(field, b.c32(~(1 << shift) & 0xF));
        setCrField(bi >> 2, b.or(cleared, shift == 0 ? bit : b.shl(bit, b.c32(shift))));
    }

    /** XER.SO as an I32 0/1. */
    public Value so() {
        return b.getReg32(XER_SO);
    }

    /**
     * A compare's CR field: LT, GT or EQ from {@code a} against {@code bv} (signed or
     * unsigned), and SO copied from XER.
     */
    public Value compareField(Value a, Value bv, boolean signed) {
        Value lt = signed ? b.cmpLts(a, bv) : b.cmpLtu(a, bv);
        Value eq = b.cmpEq(a, bv);
        Value ltGtEq = b.select(lt, b.c32(8), b.select(eq, b.c32(2), b.c32(4)));
        return b.or(ltGtEq, so());
    }

    /** A record form (Rc=1): CR0 from the 64-bit result compared with zero, and SO. */
    public void recordCr0(Value result) {
        Value r = result.type() == Type.I64 ? result : b.sext64(result);
        setCrField(0, compareField(r, b.c64(0), true));
    }

    /** {@link #recordCr0} when the instruction's Rc bit is set. */
    public void recordIf(boolean rc, Value result) {
        if (rc) {
            recordCr0(result);
        }
    }

    // ---------------------------------------------------------------- memory (little-endian)
    public Value load(Type t, Value addr, int size, boolean signed) {
        return b.load(t, addr, size, signed, false);
    }

    public void store(Value addr, Value v, int size) {
        b.store(addr, v, size, false);
    }

    /** addr + offset, folding a zero offset away. */
    public Value offset(Value addr, long offset) {
        return offset == 0 ? addr : b.add(addr, b.c64(offset));
    }

    public Value c64(long v) {
        return b.c64(v);
    }

    public Value c32(long v) {
        return b.c32(v);
    }
}

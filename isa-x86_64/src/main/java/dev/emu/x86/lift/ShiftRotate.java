package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RCX;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * Group 2 shifts and rotates (C0/C1 by Ib, D0/D1 by 1, D2/D3 by CL; SDM "SAL/SAR/SHL/SHR",
 * "RCL/RCR/ROL/ROR"). The count is masked to 5 bits (6 with a 64-bit operand); a masked
 * count of 0 changes no flag. Flags, for a non-zero count: SHL/SHR/SAR set CF to the last
 * bit shifted out and SF ZF PF from the result, OF for a count of 1 (computed by the same
 * formula otherwise: undefined there), AF undefined (cleared here); ROL/ROR/RCL/RCR set
 * only CF and OF. The result is written even for a zero count, so a 32-bit register
 * destination is zero-extended, as on hardware.
 */
public final class ShiftRotate {
    private ShiftRotate() {}

    static final Helper RCL = Helper.of(X86Helpers.class, "rcl");
    static final Helper RCR = Helper.of(X86Helpers.class, "rcr");

    /** Group 2: ModRM.reg picks the operation; the count source comes from the opcode. */
    public static void group2(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        int countMask = size == 64 ? 63 : 31;
        Value count;
        Integer known = null;
        switch (i.opcode) {
            case 0xC0, 0xC1 -> known = (int) (i.imm & countMask);
            case 0xD0, 0xD1 -> known = 1;
            default -> count = null;
        }
        count = known != null ? b.c32(known) : b.and(b.getReg32(RCX), b.c32(countMask));
        if (known != null && known == 0) {
            c.writeRm(size, c.readRm(size)); // no flags; the write still zero-extends a 32-bit register
            return;
        }
        Value a = c.readRm(size);
        Value zeroCount = known != null ? null : b.cmpEq(count, b.c32(0));
        int op = i.regOp();
        switch (op) {
            case 0, 1 -> rotate(c, size, a, count, zeroCount, op == 0);
            case 2, 3 -> rotateCarry(c, size, a, count, zeroCount, op == 2);
            default -> shift(c, size, a, count, zeroCount, op);
        }
    }

    /** CF and OF (I32 0/1) as RFLAGS bits. */
    private static Value cfOf(LiftContext c, Value cf, Value of) {
        return c.b.or(cf, Flags.at(c, of, X86Registers.OF_BIT));
    }

    private static Value bit(LiftContext c, Value v, Value pos) {
        IrBuilder b = c.b;
        if (v.type() == Type.I64) {
            return b.trunc32(b.and(b.shr(v, b.zext64(pos)), b.c64(1)));
        }
        return b.and(b.shr(v, pos), b.c32(1));
    }

    private static void shift(LiftContext c, int size, Value a, Value n, Value zeroCount, int op) {
        IrBuilder b = c.b;
        Value r;
        Value cf;
        Value of;
        Value nMinus1 = b.and(b.sub(n, b.c32(1)), b.c32(63));
        if (size == 64) {
            Value n64 = b.zext64(n);
            switch (op) {
                case 5 -> { // SHR
                    r = b.shr(a, n64);
                    cf = bit(c, a, nMinus1);
                    of = Flags.msb(c, 64, a);
                }
                case 7 -> { // SAR
                    r = b.sar(a, n64);
                    cf = bit(c, a, nMinus1);
                    of = b.c32(0);
                }
                default -> { // SHL, SAL (/4, /6)
                    r = b.shl(a, n64);
                    cf = bit(c, a, b.and(b.sub(b.c32(64), n), b.c32(63)));
                    of = b.xor(Flags.msb(c, 64, r), cf);
                }
            }
        } else {
            // at most 32-bit values shifted by at most 31: exact in 64 bits
            Value n64 = b.zext64(n);
            switch (op) {
                case 5 -> {
                    Value w = b.zext64(a);
                    r = c.trunc(size, b.shr(w, n64));
                    cf = bit(c, w, nMinus1);
                    of = Flags.msb(c, size, a);
                }
                case 7 -> {
                    Value w = c.sext(size, a, 64);
                    r = c.trunc(size, b.sar(w, n64));
                    cf = bit(c, w, nMinus1);
                    of = b.c32(0);
                }
                default -> {
                    Value full = b.shl(b.zext64(a), n64);
                    r = c.trunc(size, full);
                    cf = bit(c, full, b.c32(size));
                    of = b.xor(Flags.msb(c, size, r), cf);
                }
            }
        }
        c.writeRm(size, r);
        Flags.resultUnless(c, zeroCount, size, r, cfOf(c, cf, of));
    }

    private static void rotate(LiftContext c, int size, Value a, Value n, Value zeroCount, boolean left) {
        IrBuilder b = c.b;
        Value r;
        if (size >= 32) {
            Value k = size == 64 ? b.zext64(n) : n;
            r = left ? b.rotl(a, k) : b.rotr(a, k);
        } else {
            Value k = b.and(n, b.c32(size - 1));
            Value back = b.sub(b.c32(size), k);
            r = left ? b.or(b.shl(a, k), b.shr(a, back)) : b.or(b.shr(a, k), b.shl(a, back));
            r = c.trunc(size, r);
        }
        c.writeRm(size, r);
        Value msb = Flags.msb(c, size, r);
        Value cf;
        Value of;
        if (left) {
            cf = b.trunc32(b.and(b.zext64(r), b.c64(1)));
            of = b.xor(msb, cf);
        } else {
            cf = msb;
            Value next = size == 64 ? b.trunc32(b.and(b.shr(r, b.c64(62)), b.c64(1)))
                    : b.and(b.shr(b.trunc32(r), b.c32(size - 2)), b.c32(1));
            of = b.xor(msb, next);
        }
        Flags.update(c, X86Flags.CF | X86Flags.OF, cfOf(c, cf, of), zeroCount);
    }

    /**
     * RCL / RCR: rotate through CF, a (size + 1)-bit rotation done by helpers. The helpers
     * return the result, and the new CF separately; OF for a count of 1 follows SDM "RCL":
     * RCL: MSB(result) ^ CF after; RCR: MSB(operand) ^ CF before.
     */
    private static void rotateCarry(LiftContext c, int size, Value a, Value n, Value zeroCount, boolean left) {
        IrBuilder b = c.b;
        Value cfIn = Flags.read(c, X86Registers.CF_BIT);
        Value a64 = b.zext64(a);
        Value res = b.call(left ? RCL : RCR, a64, n, cfIn, b.c32(size));
        Value cfOut = b.trunc32(b.call(left ? X86Helpers.RCL_CARRY : X86Helpers.RCR_CARRY, a64, n, cfIn, b.c32(size)));
        Value r = c.trunc(size, res);
        c.writeRm(size, r);
        Value of = left ? b.xor(Flags.msb(c, size, r), cfOut) : b.xor(Flags.msb(c, size, a), cfIn);
        Flags.update(c, X86Flags.CF | X86Flags.OF, cfOf(c, cfOut, of), zeroCount);
    }

    /**
     * SHLD / SHRD (0F A4/AC by Ib, 0F A5/AD by CL): shift the destination, filling from the
     * source register. Count masked to 5 bits (6 for 64-bit); zero changes nothing. CF is the
     * last bit shifted out of the destination, SF ZF PF from the result, OF (a count of 1)
     * the sign change, AF undefined (cleared here). A 16-bit count above 16 gives an
     * undefined result (and CF, OF); whatever falls out of the 32-bit pair here.
     */
    public static void SHLD_SHRD(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        boolean left = i.opcode == 0xA4 || i.opcode == 0xA5;
        boolean byCl = i.opcode == 0xA5 || i.opcode == 0xAD;
        int countMask = size == 64 ? 63 : 31;
        Value n = byCl ? b.and(b.getReg32(RCX), b.c32(countMask)) : b.c32(i.imm & countMask);
        if (!byCl && (i.imm & countMask) == 0) {
            c.writeRm(size, c.readRm(size));
            return;
        }
        Value zeroCount = byCl ? b.cmpEq(n, b.c32(0)) : null;
        Value d = c.readRm(size);
        Value s = c.readReg(size);
        Value n64 = b.zext64(n);
        Value r;
        Value cf;
        if (size == 64) {
            Value back = b.zext64(b.and(b.sub(b.c32(64), n), b.c32(63)));
            r = left ? b.or(b.shl(d, n64), b.shr(s, back)) : b.or(b.shr(d, n64), b.shl(s, back));
            cf = left ? bit(c, d, b.and(b.sub(b.c32(64), n), b.c32(63))) : bit(c, d, b.and(b.sub(n, b.c32(1)), b.c32(63)));
            if (zeroCount != null) {
                r = b.select(zeroCount, d, r); // the fill would be the whole source
            }
        } else {
            // both operands in one 64-bit value, shifted as a whole
            Value dd = b.zext64(d);
            Value ss = b.zext64(s);
            Value sz = b.c64(size);
            if (left) {
                Value pair = b.or(b.shl(dd, sz), ss);
                r = c.trunc(size, b.shr(b.shl(pair, n64), sz));
                cf = bit(c, pair, b.and(b.sub(b.c32(2 * size), n), b.c32(63)));
            } else {
                Value pair = b.or(b.shl(ss, sz), dd);
                r = c.trunc(size, b.shr(pair, n64));
                cf = bit(c, pair, b.and(b.sub(n, b.c32(1)), b.c32(63)));
            }
        }
        c.writeRm(size, r);
        Flags.resultUnless(c, zeroCount, size, r, cfOf(c, cf, b.xor(Flags.msb(c, size, r), Flags.msb(c, size, d))));
    }
}

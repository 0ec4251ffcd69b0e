package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RAX;
import static dev.emu.x86.X86Registers.RDX;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.decode.X86Insn;

/**
 * MUL, IMUL (one-, two- and three-operand forms), DIV, IDIV (SDM Vol. 2). MUL and IMUL set
 * CF = OF = "the upper half is significant"; SF, ZF, AF and PF are undefined (here: from
 * the low half, AF clear). DIV and IDIV leave every flag unchanged (all undefined) and raise #DE
 * (SIGFPE) at the instruction on a zero divisor or a quotient too large.
 */
public final class MulDiv {
    private MulDiv() {}

    static final Helper DIVIDE = Helper.of(X86Helpers.class, "divide");

    /** CF = OF = overflow; SF ZF PF (undefined) from the low result; AF (undefined) cleared. */
    private static void setCfOf(LiftContext c, int size, Value low, Value overflow) {
        Flags.result(c, size, low, c.b.select(overflow, c.b.c32(X86Flags.CF | X86Flags.OF), c.b.c32(0)));
    }

    /** MUL r/m (F6/F7 /4): unsigned AX = AL * r/m8, DX:AX, EDX:EAX, RDX:RAX. */
    public static void MUL(LiftContext c, X86Insn i) {
        widening(c, i, false);
    }

    /** IMUL r/m (F6/F7 /5): the signed one-operand form. */
    public static void IMUL_1(LiftContext c, X86Insn i) {
        widening(c, i, true);
    }

    private static void widening(LiftContext c, X86Insn i, boolean signed) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readRm(size);
        Value acc = c.getReg(size, RAX);
        if (size == 64) {
            Value lo = b.mul(acc, src);
            Value hi = signed ? b.mulhs(acc, src) : b.mulhu(acc, src);
            b.setReg(RAX, lo);
            b.setReg(RDX, hi);
            setCfOf(c, 64, lo, b.cmpNe(hi, signed ? b.sar(lo, b.c64(63)) : b.c64(0)));
            return;
        }
        Value p = signed ? b.mul(c.sext(size, acc, 64), c.sext(size, src, 64))
                : b.mul(b.zext64(acc), b.zext64(src));
        Value lo = c.trunc(size, p);
        Value hi = c.trunc(size, b.shr(p, b.c64(size)));
        Value overflow = signed ? b.cmpNe(p, c.sext(size, lo, 64)) : b.cmpNe(hi, b.c32(0));
        if (size == 8) {
            c.setReg(16, RAX, b.trunc32(b.and(p, b.c64(0xFFFF))));
        } else {
            c.setReg(size, RAX, lo);
            c.setReg(size, RDX, hi);
        }
        setCfOf(c, size, lo, overflow);
    }

    /** IMUL reg, r/m (0F AF). */
    public static void IMUL_2(LiftContext c, X86Insn i) {
        truncating(c, i, c.readReg(i.opSize), c.readRm(i.opSize));
    }

    /** IMUL reg, r/m, imm (69 Iz, 6B Ib sign-extended). */
    public static void IMUL_3(LiftContext c, X86Insn i) {
        truncating(c, i, c.readRm(i.opSize), c.imm(i.opSize));
    }

    private static void truncating(LiftContext c, X86Insn i, Value a, Value bv) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value r;
        Value overflow;
        if (size == 64) {
            r = b.mul(a, bv);
            overflow = b.cmpNe(b.mulhs(a, bv), b.sar(r, b.c64(63)));
        } else {
            Value p = b.mul(c.sext(size, a, 64), c.sext(size, bv, 64));
            r = c.trunc(size, p);
            overflow = b.cmpNe(p, c.sext(size, r, 64));
        }
        c.writeReg(size, r);
        setCfOf(c, size, r, overflow);
    }

    /** DIV r/m (F6/F7 /6). */
    public static void DIV(LiftContext c, X86Insn i) {
        divide(c, i, 0);
    }

    /** IDIV r/m (F6/F7 /7). */
    public static void IDIV(LiftContext c, X86Insn i) {
        divide(c, i, 1);
    }

    private static void divide(LiftContext c, X86Insn i, int signed) {
        IrBuilder b = c.b;
        Value d = b.zext64(c.readRm(i.opSize));
        Value fault = b.call(DIVIDE, d, b.c32(i.opSize), b.c32(signed));
        // the helper raised the trap: leave with the pc of the divide (#DE is a fault)
        b.exitIf(fault, b.c64(c.pc()));
    }
}

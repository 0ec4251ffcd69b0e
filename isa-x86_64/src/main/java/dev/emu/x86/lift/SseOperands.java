package dev.emu.x86.lift;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Label;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.SseHelpers;

/**
 * XMM operands for the SSE lifters: a register is its two 64-bit slots (low, high); the
 * ModRM r/m operand is a register or memory of 128, 64 or 32 bits. Legacy-SSE 128-bit memory
 * operands must be 16-byte aligned except where the SDM says otherwise (MOVUPS, MOVDQU,
 * LDDQU, ...): a misaligned one is #GP, which Linux turns into SIGSEGV.
 */
final class SseOperands {
    private SseOperands() {}

    static final Helper MISALIGNED = Helper.of(SseHelpers.class, "generalProtection");

    static Value lo(LiftContext c, int xmm) {
        return c.b.getReg64(X86Registers.xmmLo(xmm));
    }

    static Value hi(LiftContext c, int xmm) {
        return c.b.getReg64(X86Registers.xmmHi(xmm));
    }

    static void set(LiftContext c, int xmm, Value lo, Value hi) {
        c.b.setReg(X86Registers.xmmLo(xmm), lo);
        c.b.setReg(X86Registers.xmmHi(xmm), hi);
    }

    static void setLo(LiftContext c, int xmm, Value lo) {
        c.b.setReg(X86Registers.xmmLo(xmm), lo);
    }

    static void setHi(LiftContext c, int xmm, Value hi) {
        c.b.setReg(X86Registers.xmmHi(xmm), hi);
    }

    /** Leaves the block with #GP unless addr is 16-byte aligned. */
    static void requireAligned(LiftContext c, Value addr) {
        IrBuilder b = c.b;
        generalProtectionUnless(c, b.cmpEq(b.and(addr, b.c64(15)), b.c64(0)));
    }

    /** Leaves the block with #GP (SIGSEGV, at this instruction) unless {@code ok} (an I32 0/1). */
    static void generalProtectionUnless(LiftContext c, Value ok) {
        IrBuilder b = c.b;
        Label pass = b.newLabel();
        b.brIf(ok, pass);
        b.call(MISALIGNED);
        b.exitIf(b.c32(1), b.c64(c.pc()));
        b.label(pass);
    }

    /** The 128-bit r/m operand {low, high}; {@code aligned}: a memory operand must be 16-byte aligned. */
    static Value[] rm128(LiftContext c, X86Insn i, boolean aligned) {
        if (i.mod == 3) {
            return new Value[] {lo(c, i.rm), hi(c, i.rm)};
        }
        Value a = c.ea();
        if (aligned) {
            requireAligned(c, a);
        }
        Value l = c.load(64, a);
        Value h = c.load(64, c.b.add(a, c.b.c64(8)));
        return new Value[] {l, h};
    }

    /** The low 64 bits of the r/m operand (a register's low half, or m64). */
    static Value rm64(LiftContext c, X86Insn i) {
        return i.mod == 3 ? lo(c, i.rm) : c.load(64, c.ea());
    }

    /** The low 32 bits of the r/m operand, zero-extended to an I64. */
    static Value rm32(LiftContext c, X86Insn i) {
        return i.mod == 3 ? c.b.and(lo(c, i.rm), c.b.c64(0xFFFF_FFFFL)) : c.b.zext64(c.load(32, c.ea()));
    }

    /**
     * Stores 128 bits at the r/m memory operand, the high half first: a fault there leaves
     * memory untouched. Not modelled: a store straddling a read-only page and a writable one
     * (the low half's page faulting) leaves the high half written, which hardware would not.
     */
    static void store128(LiftContext c, Value lo, Value hi, boolean aligned) {
        Value a = c.ea();
        if (aligned) {
            requireAligned(c, a);
        }
        c.store(c.b.add(a, c.b.c64(8)), hi, 64);
        c.store(a, lo, 64);
    }
}

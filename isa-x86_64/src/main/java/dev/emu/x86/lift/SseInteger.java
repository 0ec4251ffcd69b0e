package dev.emu.x86.lift;

import static dev.emu.x86.lift.SseOperands.hi;
import static dev.emu.x86.lift.SseOperands.lo;
import static dev.emu.x86.lift.SseOperands.rm128;
import static dev.emu.x86.lift.SseOperands.set;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.PackedInt;
import dev.emu.x86.sse.SseHelpers;

import java.util.function.BinaryOperator;

/**
 * SSE2 128-bit integer instructions (SDM Vol. 1 11.4.3) and the shuffles/unpacks of packed
 * floats that share their bodies: the bitwise ones (PAND PANDN POR PXOR and the PS/PD forms)
 * in IR, the rest one {@link PackedInt} helper call each.
 */
public final class SseInteger {
    private SseInteger() {}

    static final Helper PACKED_INT = Helper.of(SseHelpers.class, "packedInt");

    /** A handler computing {@code op(xmm, xmm/m128 [, imm8])} into xmm; the memory operand must be aligned. */
    public static Handler binary(PackedInt op) {
        return (c, i) -> {
            Value[] src = rm128(c, i, true);
            call(c, op, i.reg, src[0], src[1], (int) i.imm);
        };
    }

    /** Groups 12-14 (66 0F 71/72/73 /r ib): shift the register ModRM.rm by imm8. */
    public static Handler shiftImm(PackedInt op) {
        return (c, i) -> call(c, op, i.rm, c.b.c64(0), c.b.c64(0), (int) i.imm);
    }

    private static void call(LiftContext c, PackedInt op, int dst, Value bLo, Value bHi, int imm) {
        IrBuilder b = c.b;
        b.call(PACKED_INT, b.c32(op.ordinal()), b.c32(dst), bLo, bHi, b.c32(imm & 0xFF));
    }

    private static void bitwise(LiftContext c, X86Insn i, BinaryOperator<Value> f, boolean invertDst) {
        Value[] src = rm128(c, i, true);
        IrBuilder b = c.b;
        Value dl = lo(c, i.reg);
        Value dh = hi(c, i.reg);
        if (invertDst) {
            dl = b.not(dl);
            dh = b.not(dh);
        }
        set(c, i.reg, f.apply(dl, src[0]), f.apply(dh, src[1]));
    }

    /** PAND ANDPS ANDPD (66 0F DB, 0F 54, 66 0F 54). */
    public static void AND(LiftContext c, X86Insn i) {
        bitwise(c, i, c.b::and, false);
    }

    /** PANDN ANDNPS ANDNPD: NOT dst AND src (66 0F DF, 0F 55, 66 0F 55). */
    public static void ANDN(LiftContext c, X86Insn i) {
        bitwise(c, i, c.b::and, true);
    }

    /** POR ORPS ORPD (66 0F EB, 0F 56, 66 0F 56). */
    public static void OR(LiftContext c, X86Insn i) {
        bitwise(c, i, c.b::or, false);
    }

    /** PXOR XORPS XORPD (66 0F EF, 0F 57, 66 0F 57); the zeroing idiom falls out of IR folding. */
    public static void XOR(LiftContext c, X86Insn i) {
        bitwise(c, i, c.b::xor, false);
    }
}

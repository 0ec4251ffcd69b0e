package dev.emu.x86.lift;

import static dev.emu.x86.lift.SseOperands.rm128;
import static dev.emu.x86.lift.SseOperands.rm32;
import static dev.emu.x86.lift.SseOperands.rm64;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.SseHelpers;
import dev.emu.x86.sse.SseHelpers.Cvt;
import dev.emu.x86.sse.SseHelpers.FpOp;

/**
 * SSE/SSE2 floating point (SDM Vol. 1 10.4.2, 11.4.1; the rules in {@code SseFloat}):
 * ADD SUB MUL DIV MIN MAX SQRT RCP RSQRT CMP in PS/PD/SS/SD shapes, COMISS UCOMISS COMISD
 * UCOMISD, and the conversions. Each is one helper call; a non-zero result means the helper
 * raised #XM (an unmasked exception) and the block leaves at this instruction.
 */
public final class SseArith {
    private SseArith() {}

    static final Helper FP_ARITH = Helper.of(SseHelpers.class, "fpArith");
    static final Helper CONVERT = Helper.of(SseHelpers.class, "convert");
    static final Helper TO_GPR = Helper.of(SseHelpers.class, "toGpr");
    static final Helper COMI = Helper.of(SseHelpers.class, "comi");

    /** The source of an FP row by shape: xmm/m128 (aligned), xmm/m32 or xmm/m64. */
    private static Value[] source(LiftContext c, X86Insn i, int shape) {
        Value zero = c.b.c64(0);
        return switch (shape) {
            case SseHelpers.SS -> new Value[] {rm32(c, i), zero};
            case SseHelpers.SD -> new Value[] {rm64(c, i), zero};
            default -> rm128(c, i, true);
        };
    }

    private static void faultExit(LiftContext c, Value fault) {
        c.b.exitIf(fault, c.b.c64(c.pc()));
    }

    /** ADDPS ... CMPSD: {@code op} on xmm and the source of {@code shape}. */
    public static Handler arith(FpOp op, int shape) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value[] src = source(c, i, shape);
            int imm = op == FpOp.CMP ? (int) (i.imm & 7) : (int) (i.imm & 0xFF);
            faultExit(c, b.call(FP_ARITH, b.c32(op.ordinal()), b.c32(shape), b.c32(i.reg), src[0], src[1], b.c32(imm)));
        };
    }

    /** COMISS UCOMISS (0F 2F, 0F 2E) and COMISD UCOMISD (66 0F 2F, 66 0F 2E). */
    public static Handler comi(boolean isDouble, boolean signaling) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value src = isDouble ? rm64(c, i) : rm32(c, i);
            faultExit(c, b.call(COMI, b.c32(isDouble ? 1 : 0), b.c32(signaling ? 1 : 0), b.c32(i.reg), src));
            Flags.setByHelper(c); // past the fault exit the helper has set them
        };
    }

    /**
     * A conversion between XMM registers; {@code srcBits}: 128 (aligned m128), 64 or 32 bits
     * of the r/m operand, or 0 for CVTSI2SS/SD's general register or memory integer (32 bits,
     * 64 with REX.W, sign-extended).
     */
    public static Handler convert(Cvt op, int srcBits) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value[] src = switch (srcBits) {
                case 128 -> rm128(c, i, true);
                case 64 -> new Value[] {rm64(c, i), b.c64(0)};
                case 32 -> new Value[] {rm32(c, i), b.c64(0)};
                default -> new Value[] {i.rexW() ? c.readRm(64) : b.sext64(c.readRm(32)), b.c64(0)};
            };
            faultExit(c, b.call(CONVERT, b.c32(op.ordinal()), b.c32(i.reg), src[0], src[1]));
        };
    }

    /** CVTSS2SI CVTTSS2SI CVTSD2SI CVTTSD2SI r32/r64, xmm/m32 or m64 (F3/F2 0F 2D, 2C). */
    public static Handler toGpr(boolean isDouble, boolean truncate) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value src = isDouble ? rm64(c, i) : rm32(c, i);
            int bits = i.rexW() ? 64 : 32;
            faultExit(c, b.call(TO_GPR, b.c32(isDouble ? 1 : 0), b.c32(truncate ? 1 : 0), b.c32(bits), b.c32(i.reg),
                    src));
        };
    }
}

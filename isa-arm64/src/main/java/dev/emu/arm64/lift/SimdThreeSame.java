package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;
import static dev.emu.arm64.lift.SimdLift.hi;
import static dev.emu.arm64.lift.SimdLift.lo;
import static dev.emu.arm64.lift.SimdLift.setV;

import dev.emu.arm64.fp.FpVectorHelpers;
import dev.emu.arm64.simd.ThreeSameHelpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * C4.1 Advanced SIMD three same (vector) and Advanced SIMD scalar three same. The bitwise
 * group (opcode 00011: AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF) is IR on the two halves;
 * the rest call helpers.
 */
public final class SimdThreeSame {
    private SimdThreeSame() {}

    private static final Helper VECTOR = SimdLift.helper(ThreeSameHelpers.class, "vector");
    private static final Helper SCALAR = SimdLift.helper(ThreeSameHelpers.class, "scalar");
    private static final Helper FP_VECTOR = SimdLift.helper(FpVectorHelpers.class, "threeSame");
    private static final Helper FP_SCALAR = SimdLift.helper(FpVectorHelpers.class, "threeSameScalar");

    /** 0Q U01110 size 1 Rm opcode 1 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        int w = f.word();
        int opcode = w >>> 11 & 0x1F;
        int size = w >>> 22 & 3, u = w >>> 29 & 1;
        boolean q = (w >>> 30 & 1) != 0;
        if (opcode == 0b00011) {
            logic(c, w);
        } else if ((opcode == 0b10000 || opcode == 0b10001) && (size != 3 || q)) {
            swar(c, w, opcode == 0b10000 ? (u == 0 ? 0 : 1) : (u == 0 ? 2 : 3));
        } else if (opcode >= 0b11000) {
            callOrIllegal(c, FpVectorHelpers.validThreeSame(w), FP_VECTOR);
        } else {
            callOrIllegal(c, ThreeSameHelpers.validVector(w), VECTOR);
        }
    }

    /** 01 U11110 size 1 Rm opcode 1 Rn Rd. */
    public static void scalar(LiftContext c, Fields f) {
        int w = f.word();
        if ((w >>> 11 & 0x1F) >= 0b11000) {
            callOrIllegal(c, FpVectorHelpers.validThreeSameScalar(w), FP_SCALAR);
        } else {
            callOrIllegal(c, ThreeSameHelpers.validScalar(w), SCALAR);
        }
    }

    /** ADD (0), SUB (1), CMTST (2), CMEQ (3) as lane-parallel IR. */
    private static void swar(LiftContext c, int w, int op) {
        boolean q = (w >>> 30 & 1) != 0;
        int e = 8 << (w >>> 22 & 3);
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        Value l = swarHalf(c.b, op, lo(c, n), lo(c, m), e);
        Value h = q ? swarHalf(c.b, op, hi(c, n), hi(c, m), e) : null;
        setV(c, d, l, h, q);
    }

    private static Value swarHalf(IrBuilder b, int op, Value x, Value y, int e) {
        return switch (op) {
            case 0 -> Swar.add(b, x, y, e);
            case 1 -> Swar.sub(b, x, y, e);
            case 2 -> Swar.nonzeroMask(b, b.and(x, y), e);
            default -> Swar.zeroMask(b, b.xor(x, y), e);
        };
    }

    private static void logic(LiftContext c, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int op = (w >>> 29 & 1) << 2 | (w >>> 22 & 3);
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        Value lo = logicHalf(c.b, op, lo(c, n), lo(c, m), op >= 5 ? lo(c, d) : null);
        Value hi = q ? logicHalf(c.b, op, hi(c, n), hi(c, m), op >= 5 ? hi(c, d) : null) : null;
        setV(c, d, lo, hi, q);
    }

    private static Value logicHalf(IrBuilder b, int op, Value n, Value m, Value d) {
        return switch (op) {
            case 0 -> b.and(n, m);                         // AND
            case 1 -> b.and(n, b.not(m));                  // BIC
            case 2 -> b.or(n, m);                          // ORR (MOV when n = m)
            case 3 -> b.or(n, b.not(m));                   // ORN
            case 4 -> b.xor(n, m);                         // EOR
            case 5 -> b.xor(m, b.and(b.xor(m, n), d));     // BSL
            case 6 -> b.xor(d, b.and(b.xor(d, n), m));     // BIT
            default -> b.xor(d, b.and(b.xor(d, n), b.not(m))); // BIF
        };
    }
}

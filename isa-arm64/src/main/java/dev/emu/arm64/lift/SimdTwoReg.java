package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.TwoRegHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Advanced SIMD two-register miscellaneous, vector and scalar (lanes in {@link dev.emu.arm64.simd.TwoRegHelpers}). */
public final class SimdTwoReg {
    private SimdTwoReg() {}

    private static final Helper VECTOR = SimdLift.helper(TwoRegHelpers.class, "vector");

    /** 0 Q U 01110 size 10000 opcode 10 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        int w = f.word();
        int key = (w >>> 29 & 1) << 5 | (w >>> 12 & 31);
        boolean q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3;
        if (key == 0b001001 && (size != 3 || q)) { // CMEQ (zero) as lane-parallel IR
            int n = w >>> 5 & 31, d = w & 31, e = 8 << size;
            dev.emu.core.ir.Value lo = Swar.zeroMask(c.b, SimdLift.lo(c, n), e);
            dev.emu.core.ir.Value hi = q ? Swar.zeroMask(c.b, SimdLift.hi(c, n), e) : null;
            SimdLift.setV(c, d, lo, hi, q);
            return;
        }
        callOrIllegal(c, TwoRegHelpers.validVector(w), VECTOR);
    }

    private static final Helper SCALAR = SimdLift.helper(TwoRegHelpers.class, "scalar");

    /** 01 U 11110 size 10000 opcode 10 Rn Rd. */
    public static void scalar(LiftContext c, Fields f) {
        callOrIllegal(c, TwoRegHelpers.validScalar(f.word()), SCALAR);
    }
}

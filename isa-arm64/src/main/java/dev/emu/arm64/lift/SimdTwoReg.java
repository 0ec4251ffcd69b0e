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
        callOrIllegal(c, TwoRegHelpers.validVector(f.word()), VECTOR);
    }

    private static final Helper SCALAR = SimdLift.helper(TwoRegHelpers.class, "scalar");

    /** 01 U 11110 size 10000 opcode 10 Rn Rd. */
    public static void scalar(LiftContext c, Fields f) {
        callOrIllegal(c, TwoRegHelpers.validScalar(f.word()), SCALAR);
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.LaneHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Advanced SIMD across lanes and scalar pairwise. */
public final class SimdAcrossLanes {
    private SimdAcrossLanes() {}

    private static final Helper VECTOR = SimdLift.helper(LaneHelpers.class, "across");

    /** 0 Q U 01110 size 11000 opcode 10 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        callOrIllegal(c, LaneHelpers.validAcross(f.word()), VECTOR);
    }

    private static final Helper SCALARPAIRWISE = SimdLift.helper(LaneHelpers.class, "scalarPairwise");

    /** 01 U 11110 size 11000 opcode 10 Rn Rd. */
    public static void scalarPairwise(LiftContext c, Fields f) {
        callOrIllegal(c, LaneHelpers.validScalarPairwise(f.word()), SCALARPAIRWISE);
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.WideningHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Advanced SIMD three different and (scalar) x indexed element. */
public final class SimdThreeDifferent {
    private SimdThreeDifferent() {}

    private static final Helper VECTOR = SimdLift.helper(WideningHelpers.class, "threeDifferent");

    /** 0 Q U 01110 size 1 Rm opcode 00 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        callOrIllegal(c, WideningHelpers.validThreeDifferent(f.word()), VECTOR);
    }

    private static final Helper INDEXED = SimdLift.helper(WideningHelpers.class, "indexed");

    /** 0 Q U 01111 size L M Rm opcode H 0 Rn Rd, and the scalar form 01 U 11111. */
    public static void indexed(LiftContext c, Fields f) {
        callOrIllegal(c, WideningHelpers.validIndexed(f.word()), INDEXED);
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.ShiftImmHelpers;
import dev.emu.core.ir.Helper;

/**
 * C4.1 Advanced SIMD shift by immediate (vector and scalar). With immh = 0000 the vector
 * encoding space is Advanced SIMD modified immediate, which shares the row.
 */
public final class SimdShiftImm {
    private SimdShiftImm() {}

    private static final Helper EXEC = SimdLift.helper(ShiftImmHelpers.class, "exec");

    /** 0 Q U 011110 immh immb opcode 1 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        int w = f.word();
        if ((w >>> 19 & 15) == 0) {
            SimdModifiedImm.lift(c, w);
        } else {
            callOrIllegal(c, ShiftImmHelpers.valid(w), EXEC);
        }
    }

    /** 01 U 111110 immh immb opcode 1 Rn Rd (immh = 0000 is unallocated). */
    public static void scalar(LiftContext c, Fields f) {
        int w = f.word();
        callOrIllegal(c, (w >>> 19 & 15) != 0 && ShiftImmHelpers.valid(w), EXEC);
    }
}

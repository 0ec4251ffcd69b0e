package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.LaneHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Advanced SIMD permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT) and table lookup (TBL, TBX). */
public final class SimdPermute {
    private SimdPermute() {}

    private static final Helper PERMUTE = SimdLift.helper(LaneHelpers.class, "permute");

    /** 0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd. */
    public static void permute(LiftContext c, Fields f) {
        callOrIllegal(c, LaneHelpers.validPermute(f.word()), PERMUTE);
    }

    private static final Helper EXTRACT = SimdLift.helper(LaneHelpers.class, "extract");

    /** 0 Q 101110 000 Rm 0 imm4 0 Rn Rd. */
    public static void extract(LiftContext c, Fields f) {
        callOrIllegal(c, LaneHelpers.validExtract(f.word()), EXTRACT);
    }

    private static final Helper TABLELOOKUP = SimdLift.helper(LaneHelpers.class, "tableLookup");

    /** 0 Q 001110 000 Rm 0 len op 00 Rn Rd. */
    public static void tableLookup(LiftContext c, Fields f) {
        callOrIllegal(c, true, TABLELOOKUP);
    }
}

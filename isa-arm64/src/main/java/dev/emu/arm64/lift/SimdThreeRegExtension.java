package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.ExtensionHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Advanced SIMD (scalar) three-register extension: SDOT, UDOT, SQRDMLAH, SQRDMLSH. */
public final class SimdThreeRegExtension {
    private SimdThreeRegExtension() {}

    private static final Helper EXEC = SimdLift.helper(ExtensionHelpers.class, "exec");

    /** 0 Q U 01110 size 0 Rm 1 opcode 1 Rn Rd, and the scalar form 01 U 11110. */
    public static void lift(LiftContext c, Fields f) {
        callOrIllegal(c, ExtensionHelpers.valid(f.word()), EXEC);
    }
}

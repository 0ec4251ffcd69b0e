package dev.emu.ppc64le.lift;

import dev.emu.core.ir.Helper;
import dev.emu.ppc64le.vec.VecHelpers;

/**
 * The register-to-register VMX (primary 4) and VSX (primary 60) instructions: each lifts to one
 * call of a state-touching helper that runs the instruction's entry of its opcode table
 * ({@link dev.emu.ppc64le.vec.VmxInteger#VX}, {@link dev.emu.ppc64le.vec.VmxPermute#VA},
 * {@link dev.emu.ppc64le.vec.Vsx}), re-reading the fields from the word.
 */
public final class VecOps {
    private VecOps() {}

    private static final Helper VX = Helper.of(VecHelpers.class, "vx");
    private static final Helper VA = Helper.of(VecHelpers.class, "va");
    private static final Helper XX2 = Helper.of(VecHelpers.class, "xx2");
    private static final Helper XX3 = Helper.of(VecHelpers.class, "xx3");
    private static final Helper XX4 = Helper.of(VecHelpers.class, "xx4");

    public static void vx(LiftContext c, Fields f) {
        c.b.call(VX, c.c32(f.word()));
    }

    public static void va(LiftContext c, Fields f) {
        c.b.call(VA, c.c32(f.word()));
    }

    public static void xx2(LiftContext c, Fields f) {
        c.b.call(XX2, c.c32(f.word()));
    }

    public static void xx3(LiftContext c, Fields f) {
        c.b.call(XX3, c.c32(f.word()));
    }

    public static void xx4(LiftContext c, Fields f) {
        c.b.call(XX4, c.c32(f.word()));
    }
}

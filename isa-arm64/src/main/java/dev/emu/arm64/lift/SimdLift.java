package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Value;

/**
 * Shared plumbing of the SIMD&FP lifters. Most SIMD&FP encodings lift to one call of a
 * state-touching helper that takes the instruction word and re-reads its fields: the lifter
 * decides at lift time whether the encoding is allocated and implemented (otherwise an
 * illegal-instruction trap), the helper does the lanes.
 */
final class SimdLift {
    private SimdLift() {}

    static Helper helper(Class<?> owner, String name) {
        return Helper.of(owner, name);
    }

    /** Emits {@code h(state, word)} when {@code ok}, an illegal-instruction trap otherwise. */
    static void callOrIllegal(LiftContext c, boolean ok, Helper h) {
        if (ok) {
            c.b.call(h, c.b.c32(c.word()));
        } else {
            c.illegal();
        }
    }

    static Value lo(LiftContext c, int r) {
        return c.b.getReg64(vlo(r));
    }

    static Value hi(LiftContext c, int r) {
        return c.b.getReg64(vhi(r));
    }

    /** Writes V<r> from two halves; a null or 64-bit-only write (q = false) clears the upper half. */
    static void setV(LiftContext c, int r, Value lo, Value hi, boolean q) {
        c.b.setReg(vlo(r), lo);
        c.b.setReg(vhi(r), q && hi != null ? hi : c.b.c64(0));
    }

    /** The format of FP ftype 00 single, 01 double, 11 half; -1 for the reserved 10. */
    static int fmt(int ftype) {
        return switch (ftype) {
            case 0 -> dev.emu.core.rt.armfp.Fp.S;
            case 1 -> dev.emu.core.rt.armfp.Fp.D;
            case 3 -> dev.emu.core.rt.armfp.Fp.H;
            default -> -1;
        };
    }

    /** The scalar of format fmt in the low bits of V<n>, zero-extended. */
    static Value scalar(LiftContext c, int n, int fmt) {
        Value v = lo(c, n);
        return switch (fmt) {
            case dev.emu.core.rt.armfp.Fp.D -> v;
            case dev.emu.core.rt.armfp.Fp.S -> c.b.and(v, c.b.c64(0xFFFF_FFFFL));
            default -> c.b.and(v, c.b.c64(0xFFFFL));
        };
    }

    /** Writes a scalar (already zero-extended) to V<d>, clearing the rest of the register. */
    static void setScalar(LiftContext c, int d, Value v) {
        setV(c, d, v, null, false);
    }
}

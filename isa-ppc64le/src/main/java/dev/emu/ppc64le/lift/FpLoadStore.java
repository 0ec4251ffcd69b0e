package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.fpr;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.vec.VecHelpers;

/**
 * Book I 4.6.2-4.6.3 floating-point loads and stores (D- and X-form, with update) and
 * lfiwax/lfiwzx/stfiwx. Single-precision loads widen the word to the double an FPR holds and
 * stores narrow it by the ISA's bit selection, neither raising exceptions. An update form with
 * RA = 0 is an invalid form (SIGILL). Doubleword 1 of the VSX register becomes 0 (QEMU's choice
 * for what the ISA leaves undefined).
 */
public final class FpLoadStore {
    private FpLoadStore() {}

    static final Helper SINGLE_TO_DOUBLE = Helper.of(VecHelpers.class, "singleToDouble");
    static final Helper DOUBLE_TO_SINGLE = Helper.of(VecHelpers.class, "doubleToStoredSingle");

    enum Kind { SINGLE, DOUBLE, WORD_SIGNED, WORD_ZERO }

    static Value ea(LiftContext c, Fields f, boolean indexed, boolean update) {
        int a = f.get('a');
        Value base = update ? c.gpr(a) : c.gprOrZero(a);
        return indexed ? c.b.add(base, c.gpr(f.get('b'))) : c.offset(base, f.signed('i'));
    }

    static void load(LiftContext c, Fields f, Kind k, boolean indexed, boolean update) {
        int a = f.get('a');
        if (update && a == 0) {
            c.illegal();
            return;
        }
        Value ea = ea(c, f, indexed, update);
        Value v = loadValue(c, ea, k);
        c.b.setReg(fpr(f.get('t')), v);
        c.b.setReg(vsrLow(f.get('t')), c.c64(0)); // as QEMU: doubleword 1 is undefined in the ISA
        if (update) {
            c.setGpr(a, ea);
        }
    }

    /** The doubleword an FPR (or VSX doubleword 0) receives from a load of kind {@code k}. */
    static Value loadValue(LiftContext c, Value ea, Kind k) {
        return switch (k) {
            case DOUBLE -> c.load(Type.I64, ea, 8, false);
            case SINGLE -> c.b.call(SINGLE_TO_DOUBLE, c.load(Type.I32, ea, 4, false));
            case WORD_SIGNED -> c.load(Type.I64, ea, 4, true);
            case WORD_ZERO -> c.load(Type.I64, ea, 4, false);
        };
    }

    static void store(LiftContext c, Fields f, Kind k, boolean indexed, boolean update) {
        int a = f.get('a');
        if (update && a == 0) {
            c.illegal();
            return;
        }
        Value ea = ea(c, f, indexed, update);
        storeValue(c, ea, c.b.getReg64(fpr(f.get('t'))), k);
        if (update) {
            c.setGpr(a, ea);
        }
    }

    /** Stores FPR (or VSX doubleword 0) value {@code v} as kind {@code k} (WORD_*: its low word). */
    static void storeValue(LiftContext c, Value ea, Value v, Kind k) {
        switch (k) {
            case DOUBLE -> c.store(ea, v, 8);
            case SINGLE -> c.store(ea, c.b.call(DOUBLE_TO_SINGLE, v), 4);
            default -> c.store(ea, c.b.trunc32(v), 4);
        }
    }

    /**
     * lfdp/lfdpx/stfdp/stfdpx (4.6.2-3, load/store floating-point double pair): FRTp must be
     * even. In Little-Endian mode the doubleword at EA goes with FRTp+1 and the one at EA+8
     * with FRTp, as QEMU does.
     */
    private static void pair(LiftContext c, Fields f, boolean indexed, boolean store) {
        int t = f.get('t');
        if ((t & 1) != 0) {
            c.illegal();
            return;
        }
        Value base = c.gprOrZero(f.get('a'));
        Value ea = indexed ? c.b.add(base, c.gpr(f.get('b'))) : c.offset(base, (long) f.signed('i') << 2);
        Value second = c.offset(ea, 8);
        if (store) {
            c.store(ea, c.b.getReg64(fpr(t + 1)), 8);
            c.store(second, c.b.getReg64(fpr(t)), 8);
        } else {
            Value lo = c.load(Type.I64, ea, 8, false), hi = c.load(Type.I64, second, 8, false);
            c.b.setReg(fpr(t + 1), lo);
            c.b.setReg(vsrLow(t + 1), c.c64(0));
            c.b.setReg(fpr(t), hi);
            c.b.setReg(vsrLow(t), c.c64(0));
        }
    }

    public static void lfdp(LiftContext c, Fields f) { pair(c, f, false, false); }
    public static void lfdpx(LiftContext c, Fields f) { pair(c, f, true, false); }
    public static void stfdp(LiftContext c, Fields f) { pair(c, f, false, true); }
    public static void stfdpx(LiftContext c, Fields f) { pair(c, f, true, true); }

    public static void lfs(LiftContext c, Fields f) { load(c, f, Kind.SINGLE, false, false); }
    public static void lfsu(LiftContext c, Fields f) { load(c, f, Kind.SINGLE, false, true); }
    public static void lfsx(LiftContext c, Fields f) { load(c, f, Kind.SINGLE, true, false); }
    public static void lfsux(LiftContext c, Fields f) { load(c, f, Kind.SINGLE, true, true); }
    public static void lfd(LiftContext c, Fields f) { load(c, f, Kind.DOUBLE, false, false); }
    public static void lfdu(LiftContext c, Fields f) { load(c, f, Kind.DOUBLE, false, true); }
    public static void lfdx(LiftContext c, Fields f) { load(c, f, Kind.DOUBLE, true, false); }
    public static void lfdux(LiftContext c, Fields f) { load(c, f, Kind.DOUBLE, true, true); }
    public static void lfiwax(LiftContext c, Fields f) { load(c, f, Kind.WORD_SIGNED, true, false); }
    public static void lfiwzx(LiftContext c, Fields f) { load(c, f, Kind.WORD_ZERO, true, false); }
    public static void stfs(LiftContext c, Fields f) { store(c, f, Kind.SINGLE, false, false); }
    public static void stfsu(LiftContext c, Fields f) { store(c, f, Kind.SINGLE, false, true); }
    public static void stfsx(LiftContext c, Fields f) { store(c, f, Kind.SINGLE, true, false); }
    public static void stfsux(LiftContext c, Fields f) { store(c, f, Kind.SINGLE, true, true); }
    public static void stfd(LiftContext c, Fields f) { store(c, f, Kind.DOUBLE, false, false); }
    public static void stfdu(LiftContext c, Fields f) { store(c, f, Kind.DOUBLE, false, true); }
    public static void stfdx(LiftContext c, Fields f) { store(c, f, Kind.DOUBLE, true, false); }
    public static void stfdux(LiftContext c, Fields f) { store(c, f, Kind.DOUBLE, true, true); }
    public static void stfiwx(LiftContext c, Fields f) { store(c, f, Kind.WORD_ZERO, true, false); }
}

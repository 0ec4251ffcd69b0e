package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.vsrHigh;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.lift.FpLoadStore.Kind;

/**
 * Book I 7.6.1.1-2 VSX loads and stores (XX1-form, Little-Endian mode) and 7.6.1.3 moves
 * between VSRs and GPRs. lxvd2x/stxvd2x move doubleword 0 at EA and doubleword 1 at EA + 8,
 * each little-endian (the element order is not reversed: glibc follows them with xxswapd);
 * lxvw4x/stxvw4x do the same per word. Scalar loads write doubleword 0 and leave doubleword 1
 * as it was, as QEMU does (the ISA leaves it undefined).
 */
public final class VsxLoadStore {
    private VsxLoadStore() {}

    static int xt(Fields f) {
        return f.get('x') << 5 | f.get('t');
    }

    static Value ea(LiftContext c, Fields f) {
        return c.b.add(c.gprOrZero(f.get('a')), c.gpr(f.get('b')));
    }

    public static void lxvd2x(LiftContext c, Fields f) {
        Value ea = ea(c, f);
        Value d0 = c.load(Type.I64, ea, 8, false), d1 = c.load(Type.I64, c.offset(ea, 8), 8, false);
        c.b.setReg(vsrHigh(xt(f)), d0);
        c.b.setReg(vsrLow(xt(f)), d1);
    }

    public static void stxvd2x(LiftContext c, Fields f) {
        Value ea = ea(c, f);
        c.store(ea, c.b.getReg64(vsrHigh(xt(f))), 8);
        c.store(c.offset(ea, 8), c.b.getReg64(vsrLow(xt(f))), 8);
    }

    /** Two little-endian words at EA as doubleword bits: the first word is the high half. */
    private static Value words(LiftContext c, Value ea) {
        return c.b.rotl(c.load(Type.I64, ea, 8, false), c.c64(32));
    }

    public static void lxvw4x(LiftContext c, Fields f) {
        Value ea = ea(c, f);
        Value d0 = words(c, ea), d1 = words(c, c.offset(ea, 8));
        c.b.setReg(vsrHigh(xt(f)), d0);
        c.b.setReg(vsrLow(xt(f)), d1);
    }

    public static void stxvw4x(LiftContext c, Fields f) {
        Value ea = ea(c, f);
        c.store(ea, c.b.rotl(c.b.getReg64(vsrHigh(xt(f))), c.c64(32)), 8);
        c.store(c.offset(ea, 8), c.b.rotl(c.b.getReg64(vsrLow(xt(f))), c.c64(32)), 8);
    }

    public static void lxvdsx(LiftContext c, Fields f) {
        Value d = c.load(Type.I64, ea(c, f), 8, false);
        c.b.setReg(vsrHigh(xt(f)), d);
        c.b.setReg(vsrLow(xt(f)), d);
    }

    private static void loadScalar(LiftContext c, Fields f, Kind k) {
        Value v = FpLoadStore.loadValue(c, ea(c, f), k);
        c.b.setReg(vsrHigh(xt(f)), v);
    }

    private static void storeScalar(LiftContext c, Fields f, Kind k) {
        FpLoadStore.storeValue(c, ea(c, f), c.b.getReg64(vsrHigh(xt(f))), k);
    }

    public static void lxsdx(LiftContext c, Fields f) { loadScalar(c, f, Kind.DOUBLE); }
    public static void lxsspx(LiftContext c, Fields f) { loadScalar(c, f, Kind.SINGLE); }
    public static void lxsiwax(LiftContext c, Fields f) { loadScalar(c, f, Kind.WORD_SIGNED); }
    public static void lxsiwzx(LiftContext c, Fields f) { loadScalar(c, f, Kind.WORD_ZERO); }
    public static void stxsdx(LiftContext c, Fields f) { storeScalar(c, f, Kind.DOUBLE); }
    public static void stxsspx(LiftContext c, Fields f) { storeScalar(c, f, Kind.SINGLE); }
    public static void stxsiwx(LiftContext c, Fields f) { storeScalar(c, f, Kind.WORD_ZERO); }

    // ---- 7.6.1.3 moves: the VSR is XS/XT (t field + x bit), the GPR is RA
    public static void mfvsrd(LiftContext c, Fields f) {
        c.setGpr(f.get('a'), c.b.getReg64(vsrHigh(xt(f))));
    }

    public static void mfvsrwz(LiftContext c, Fields f) {
        c.setGpr(f.get('a'), c.b.and(c.b.getReg64(vsrHigh(xt(f))), c.c64(0xFFFF_FFFFL)));
    }

    public static void mtvsrd(LiftContext c, Fields f) {
        c.b.setReg(vsrHigh(xt(f)), c.gpr(f.get('a')));
    }

    public static void mtvsrwa(LiftContext c, Fields f) {
        c.b.setReg(vsrHigh(xt(f)), c.b.sext64(c.gpr32(f.get('a'))));
    }

    public static void mtvsrwz(LiftContext c, Fields f) {
        c.b.setReg(vsrHigh(xt(f)), c.b.and(c.gpr(f.get('a')), c.c64(0xFFFF_FFFFL)));
    }
}

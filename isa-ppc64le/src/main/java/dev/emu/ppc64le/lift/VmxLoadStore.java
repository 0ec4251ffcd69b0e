package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.vrHigh;
import static dev.emu.ppc64le.PpcRegisters.vrLow;

import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Book I 6.7 VMX loads and stores in Little-Endian mode: lvx/stvx (and their LRU-hint twins
 * lvxl/stvxl) move the aligned quadword as one little-endian 128-bit value; the element forms
 * lve*x/stve*x move one element at its place in that value (the other elements of the target
 * keep their contents); lvsl/lvsr build the permute controls from the low four bits of the
 * address.
 */
public final class VmxLoadStore {
    private VmxLoadStore() {}

    /** (RA|0) + RB. */
    static Value ea(LiftContext c, Fields f) {
        return c.b.add(c.gprOrZero(f.get('a')), c.gpr(f.get('b')));
    }

    public static void lvx(LiftContext c, Fields f) {
        Value ea = c.b.and(ea(c, f), c.c64(~15L));
        Value lo = c.load(Type.I64, ea, 8, false);
        Value hi = c.load(Type.I64, c.offset(ea, 8), 8, false);
        int t = f.get('t');
        c.b.setReg(vrLow(t), lo);
        c.b.setReg(vrHigh(t), hi);
    }

    public static void stvx(LiftContext c, Fields f) {
        Value ea = c.b.and(ea(c, f), c.c64(~15L));
        int s = f.get('t');
        c.store(ea, c.b.getReg64(vrLow(s)), 8);
        c.store(c.offset(ea, 8), c.b.getReg64(vrHigh(s)), 8);
    }

    private static void loadElement(LiftContext c, Fields f, int size) {
        Value ea = c.b.and(ea(c, f), c.c64(-size));
        Value v = c.load(Type.I64, ea, size, false);
        Value off = c.b.and(ea, c.c64(15));
        Value inLow = c.b.cmpLtu(off, c.c64(8));
        Value sh = c.b.shl(c.b.and(off, c.c64(7)), c.c64(3));
        Value mask = c.b.shl(c.c64(size == 8 ? -1L : (1L << (8 * size)) - 1), sh);
        Value placed = c.b.shl(v, sh);
        int t = f.get('t');
        Value lo = c.b.getReg64(vrLow(t)), hi = c.b.getReg64(vrHigh(t));
        c.b.setReg(vrLow(t), c.b.select(inLow, c.b.or(c.b.and(lo, c.b.not(mask)), placed), lo));
        c.b.setReg(vrHigh(t), c.b.select(inLow, hi, c.b.or(c.b.and(hi, c.b.not(mask)), placed)));
    }

    private static void storeElement(LiftContext c, Fields f, int size) {
        Value ea = c.b.and(ea(c, f), c.c64(-size));
        Value off = c.b.and(ea, c.c64(15));
        Value inLow = c.b.cmpLtu(off, c.c64(8));
        Value sh = c.b.shl(c.b.and(off, c.c64(7)), c.c64(3));
        int s = f.get('t');
        Value dw = c.b.select(inLow, c.b.getReg64(vrLow(s)), c.b.getReg64(vrHigh(s)));
        c.store(ea, c.b.shr(dw, sh), size);
    }

    public static void lvebx(LiftContext c, Fields f) { loadElement(c, f, 1); }
    public static void lvehx(LiftContext c, Fields f) { loadElement(c, f, 2); }
    public static void lvewx(LiftContext c, Fields f) { loadElement(c, f, 4); }
    public static void stvebx(LiftContext c, Fields f) { storeElement(c, f, 1); }
    public static void stvehx(LiftContext c, Fields f) { storeElement(c, f, 2); }
    public static void stvewx(LiftContext c, Fields f) { storeElement(c, f, 4); }

    /**
     * lvsl: bytes sh, sh+1, ... sh+15 (sh = EA & 15); lvsr: 16-sh ... 31-sh. Byte i of the
     * register is (start + i): doubleword 0 is start * 0x0101..01 + 0x0001020304050607.
     */
    private static void shiftControl(LiftContext c, Fields f, boolean right) {
        Value sh = c.b.and(ea(c, f), c.c64(15));
        Value start = right ? c.b.sub(c.c64(16), sh) : sh;
        Value splat = c.b.mul(start, c.c64(0x0101_0101_0101_0101L));
        int t = f.get('t');
        c.b.setReg(vrHigh(t), c.b.add(splat, c.c64(0x0001_0203_0405_0607L)));
        c.b.setReg(vrLow(t), c.b.add(splat, c.c64(0x0809_0A0B_0C0D_0E0FL)));
    }

    public static void lvsl(LiftContext c, Fields f) { shiftControl(c, f, false); }

    /** dst, dstst, dss: data stream hints; like a cache touch they change no state. */
    public static void hint(LiftContext c, Fields f) {
    }
    public static void lvsr(LiftContext c, Fields f) { shiftControl(c, f, true); }
}

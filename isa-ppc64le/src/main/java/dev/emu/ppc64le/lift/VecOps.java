package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.vsrHigh;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.vec.VecHelpers;

import java.util.Map;

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

    // ---------------------------------------------------------------- IR forms of the frequent ones
    /** A bitwise operation on two doublewords in IR. */
    private interface Bitwise {
        Value apply(IrBuilder b, Value x, Value y);
    }

    private static final Map<String, Bitwise> LOGICAL = Map.of(
            "and", (b, x, y) -> b.and(x, y), "andc", (b, x, y) -> b.and(x, b.not(y)),
            "or", (b, x, y) -> b.or(x, y), "xor", (b, x, y) -> b.xor(x, y),
            "nor", (b, x, y) -> b.not(b.or(x, y)), "orc", (b, x, y) -> b.or(x, b.not(y)),
            "nand", (b, x, y) -> b.not(b.and(x, y)), "eqv", (b, x, y) -> b.not(b.xor(x, y)));

    /**
     * The IR handler of a table instruction that glibc's string and memory routines run in their
     * loops (the VMX and VSX logical instructions, xxpermdi), or null: those lift to a few IR
     * operations on the doublewords instead of a helper call that makes compiled code write its
     * cached registers back. The table entry stays the reference; the qemu oracle checks both.
     */
    public static Handler irFor(String name) {
        if (name.startsWith("xxpermdi")) {
            return VecOps::xxpermdi;
        }
        if (name.startsWith("vcmpequb")) {
            return VecOps::vcmpequb;
        }
        boolean vsx = name.startsWith("xxl");
        String op = vsx ? name.substring(3) : name.startsWith("v") ? name.substring(1) : "";
        Bitwise f = LOGICAL.get(op);
        if (f == null) {
            return null;
        }
        return (c, fl) -> logical(c, fl.word(), vsx, f);
    }

    /** VRT/XT = f(VRA/XA, VRB/XB) on both doublewords. */
    private static void logical(LiftContext c, int w, boolean vsx, Bitwise f) {
        int t = w >>> 21 & 31, a = w >>> 16 & 31, b = w >>> 11 & 31;
        if (vsx) {
            t |= (w & 1) << 5;
            a |= (w >>> 2 & 1) << 5;
            b |= (w >>> 1 & 1) << 5;
        } else {
            t += 32;
            a += 32;
            b += 32;
        }
        Value hi = f.apply(c.b, c.b.getReg64(vsrHigh(a)), c.b.getReg64(vsrHigh(b)));
        Value lo = f.apply(c.b, c.b.getReg64(vsrLow(a)), c.b.getReg64(vsrLow(b)));
        c.b.setReg(vsrHigh(t), hi);
        c.b.setReg(vsrLow(t), lo);
    }

    /**
     * vcmpequb(.): 0xFF in each byte where VRA and VRB agree. Per doubleword, x = a ^ b has a
     * zero byte exactly where they agree; ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..) has 0x80 in
     * exactly those bytes (no carry crosses a byte), spread to 0xFF by a multiply. The record
     * form sets CR6 to 8 when every byte agreed, 2 when none did.
     */
    private static void vcmpequb(LiftContext c, Fields f) {
        int w = f.word(), t = 32 + (w >>> 21 & 31), a = 32 + (w >>> 16 & 31), b = 32 + (w >>> 11 & 31);
        Value hi = equalBytes(c, c.b.getReg64(vsrHigh(a)), c.b.getReg64(vsrHigh(b)));
        Value lo = equalBytes(c, c.b.getReg64(vsrLow(a)), c.b.getReg64(vsrLow(b)));
        c.b.setReg(vsrHigh(t), hi);
        c.b.setReg(vsrLow(t), lo);
        if ((w & 0x400) != 0) {
            Value all = c.b.and(c.b.cmpEq(hi, c.c64(-1)), c.b.cmpEq(lo, c.c64(-1)));
            Value none = c.b.and(c.b.cmpEq(hi, c.c64(0)), c.b.cmpEq(lo, c.c64(0)));
            c.setCrField(6, c.b.or(c.b.shl(all, c.c32(3)), c.b.shl(none, c.c32(1))));
        }
    }

    private static Value equalBytes(LiftContext c, Value x, Value y) {
        long low7 = 0x7F7F_7F7F_7F7F_7F7FL;
        Value d = c.b.xor(x, y);
        Value z = c.b.not(c.b.or(c.b.or(c.b.add(c.b.and(d, c.c64(low7)), c.c64(low7)), d), c.c64(low7)));
        return c.b.mul(c.b.shr(z, c.c64(7)), c.c64(0xFF));
    }

    /** xxpermdi XT, XA, XB, DM: doubleword DM[0] of XA, then DM[1] of XB. */
    private static void xxpermdi(LiftContext c, Fields f) {
        int w = f.word(), dm = w >>> 8 & 3;
        int t = (w & 1) << 5 | w >>> 21 & 31, a = (w >>> 2 & 1) << 5 | w >>> 16 & 31, b = (w >>> 1 & 1) << 5 | w >>> 11 & 31;
        Value hi = c.b.getReg64((dm & 2) == 0 ? vsrHigh(a) : vsrLow(a));
        Value lo = c.b.getReg64((dm & 1) == 0 ? vsrHigh(b) : vsrLow(b));
        c.b.setReg(vsrHigh(t), hi);
        c.b.setReg(vsrLow(t), lo);
    }
}

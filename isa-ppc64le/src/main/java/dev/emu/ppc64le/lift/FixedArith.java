package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.XER_CA;
import static dev.emu.ppc64le.PpcRegisters.XER_CA32;
import static dev.emu.ppc64le.PpcRegisters.XER_OV;
import static dev.emu.ppc64le.PpcRegisters.XER_OV32;
import static dev.emu.ppc64le.PpcRegisters.XER_SO;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.PpcHelpers;

/**
 * Book I 3.3.9 fixed-point arithmetic: add/subtract in every carrying, extended, OE and
 * record form, multiply (low, high, multiply-add), divide (incl. extended) and modulo.
 *
 * <p>Every add and subtract is {@code x + y + carry-in} with x, y in {RA, ~RA, RB, imm, 0, -1}
 * (the manual's own definitions: subf is ~RA + RB + 1). CA/CA32 are the carries out of bits 0
 * and 32 (the manual's numbering), OV/OV32 the signed overflows of the 64- and 32-bit sums.
 * Results the manual leaves undefined (division by zero, the most negative number divided by
 * -1) are QEMU's, which the differential tests compare against.
 */
public final class FixedArith {
    private FixedArith() {}

    private static final Helper MADDHD = Helper.of(PpcHelpers.class, "maddhd");
    private static final Helper MADDHDU = Helper.of(PpcHelpers.class, "maddhdu");
    private static final Helper DIVWE = Helper.of(PpcHelpers.class, "divwe");
    private static final Helper DIVWEU = Helper.of(PpcHelpers.class, "divweu");
    private static final Helper DIVDE = Helper.of(PpcHelpers.class, "divde");
    private static final Helper DIVDEU = Helper.of(PpcHelpers.class, "divdeu");
    private static final Helper EXT_OVERFLOW = Helper.of(PpcHelpers.class, "extendedDivideOverflows");

    /** Where the carry-in of a sum comes from. */
    private enum CarryIn { ZERO, ONE, CA }

    /** x + y + carry-in, setting CA/CA32 if {@code setCarry} and OV/OV32/SO if {@code setOv}. */
    private static Value sum(LiftContext c, Value x, Value y, CarryIn cin, boolean setCarry, boolean setOv) {
        IrBuilder b = c.b;
        Value r = b.add(x, y);
        switch (cin) {
            case ONE -> r = b.add(r, c.c64(1));
            case CA -> r = b.add(r, b.zext64(b.getReg32(XER_CA)));
            default -> { }
        }
        if (setCarry) {
            // carry out of the top: (x & y) | ((x | y) & ~r); into bit 32: x ^ y ^ r
            Value carries = b.or(b.and(x, y), b.and(b.or(x, y), b.not(r)));
            b.setReg(XER_CA, b.trunc32(b.shr(carries, c.c64(63))));
            b.setReg(XER_CA32, b.trunc32(b.and(b.shr(b.xor(b.xor(x, y), r), c.c64(32)), c.c64(1))));
        }
        if (setOv) {
            Value ov = b.and(b.xor(x, r), b.xor(y, r));
            setOverflow(c, b.trunc32(b.shr(ov, c.c64(63))), b.trunc32(b.and(b.shr(ov, c.c64(31)), c.c64(1))));
        }
        return r;
    }

    /** OV and OV32 from I32 0/1 values; SO is sticky. */
    static void setOverflow(LiftContext c, Value ov, Value ov32) {
        IrBuilder b = c.b;
        b.setReg(XER_OV, ov);
        b.setReg(XER_OV32, ov32);
        b.setReg(XER_SO, b.or(b.getReg32(XER_SO), ov));
    }

    /** The XO-form add/subtract family: RT = x + y + cin, CA if carrying, OV if OE, CR0 if Rc. */
    private static void xoSum(LiftContext c, Fields f, Value x, Value y, CarryIn cin, boolean setCarry) {
        Value r = sum(c, x, y, cin, setCarry, f.get('o') != 0);
        c.setGpr(f.get('t'), r);
        c.recordIf(f.rc(), r);
    }

    private static Value ra(LiftContext c, Fields f) {
        return c.gpr(f.get('a'));
    }

    private static Value notRa(LiftContext c, Fields f) {
        return c.b.not(c.gpr(f.get('a')));
    }

    private static Value rb(LiftContext c, Fields f) {
        return c.gpr(f.get('b'));
    }

    // ---- D-form
    public static void addi(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.add(c.gprOrZero(f.get('a')), c.c64(f.signed('i'))));
    }

    public static void addis(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.add(c.gprOrZero(f.get('a')), c.c64((long) f.signed('i') << 16)));
    }

    public static void addic(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), sum(c, ra(c, f), c.c64(f.signed('i')), CarryIn.ZERO, true, false));
    }

    public static void addic_rc(LiftContext c, Fields f) {
        Value r = sum(c, ra(c, f), c.c64(f.signed('i')), CarryIn.ZERO, true, false);
        c.setGpr(f.get('t'), r);
        c.recordCr0(r);
    }

    public static void subfic(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), sum(c, notRa(c, f), c.c64(f.signed('i')), CarryIn.ONE, true, false));
    }

    public static void mulli(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.mul(ra(c, f), c.c64(f.signed('i'))));
    }

    // ---- XO-form add and subtract
    public static void add(LiftContext c, Fields f) { xoSum(c, f, ra(c, f), rb(c, f), CarryIn.ZERO, false); }
    public static void subf(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), rb(c, f), CarryIn.ONE, false); }
    public static void addc(LiftContext c, Fields f) { xoSum(c, f, ra(c, f), rb(c, f), CarryIn.ZERO, true); }
    public static void subfc(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), rb(c, f), CarryIn.ONE, true); }
    public static void adde(LiftContext c, Fields f) { xoSum(c, f, ra(c, f), rb(c, f), CarryIn.CA, true); }
    public static void subfe(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), rb(c, f), CarryIn.CA, true); }
    public static void addme(LiftContext c, Fields f) { xoSum(c, f, ra(c, f), c.c64(-1), CarryIn.CA, true); }
    public static void subfme(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), c.c64(-1), CarryIn.CA, true); }
    public static void addze(LiftContext c, Fields f) { xoSum(c, f, ra(c, f), c.c64(0), CarryIn.CA, true); }
    public static void subfze(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), c.c64(0), CarryIn.CA, true); }
    public static void neg(LiftContext c, Fields f) { xoSum(c, f, notRa(c, f), c.c64(0), CarryIn.ONE, false); }

    // ---- multiply
    /** Writes RT, then OV/OV32 (both the same: the product does not fit) if OE, then CR0 if Rc. */
    private static void result(LiftContext c, Fields f, Value r, Value overflow) {
        if (f.pattern().hasField('o') && f.get('o') != 0) {
            setOverflow(c, overflow, overflow);
        }
        c.setGpr(f.get('t'), r);
        c.recordIf(f.rc(), r);
    }

    public static void mullw(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value p = b.mul(b.sext64(c.gpr32(f.get('a'))), b.sext64(c.gpr32(f.get('b'))));
        result(c, f, p, b.cmpNe(p, b.sext64(b.trunc32(p))));
    }

    public static void mulld(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value x = ra(c, f);
        Value y = rb(c, f);
        Value lo = b.mul(x, y);
        Value overflow = f.get('o') != 0 ? b.cmpNe(b.mulhs(x, y), b.sar(lo, c.c64(63))) : null;
        result(c, f, lo, overflow);
    }

    /** mulhw/mulhwu: the high word of the 64-bit product, zero-extended as QEMU leaves it. */
    private static void mulhWord(LiftContext c, Fields f, boolean signed) {
        IrBuilder b = c.b;
        Value x = signed ? b.sext64(c.gpr32(f.get('a'))) : b.zext64(c.gpr32(f.get('a')));
        Value y = signed ? b.sext64(c.gpr32(f.get('b'))) : b.zext64(c.gpr32(f.get('b')));
        result(c, f, b.shr(b.mul(x, y), c.c64(32)), null);
    }

    public static void mulhw(LiftContext c, Fields f) { mulhWord(c, f, true); }
    public static void mulhwu(LiftContext c, Fields f) { mulhWord(c, f, false); }
    public static void mulhd(LiftContext c, Fields f) { result(c, f, c.b.mulhs(ra(c, f), rb(c, f)), null); }
    public static void mulhdu(LiftContext c, Fields f) { result(c, f, c.b.mulhu(ra(c, f), rb(c, f)), null); }

    // VA-form multiply-add (3.3.9, ISA 3.0): RT RA RB RC
    public static void maddld(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.add(c.b.mul(ra(c, f), rb(c, f)), c.gpr(f.get('c'))));
    }

    public static void maddhd(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.call(MADDHD, ra(c, f), rb(c, f), c.gpr(f.get('c'))));
    }

    public static void maddhdu(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.call(MADDHDU, ra(c, f), rb(c, f), c.gpr(f.get('c'))));
    }

    // ---- divide
    /**
     * divw/divwu/divd/divdu: the undefined cases (divisor 0, MIN / -1) divide by 1 as QEMU
     * does; word forms zero-extend the quotient. OV/OV32 report exactly those cases.
     */
    private static void divide(LiftContext c, Fields f, boolean word, boolean signed) {
        IrBuilder b = c.b;
        Value x = word ? c.gpr32(f.get('a')) : ra(c, f);
        Value y = word ? c.gpr32(f.get('b')) : rb(c, f);
        Value zero = c.b.konst(x.type(), 0);
        Value undefined = b.cmpEq(y, zero);
        if (signed) {
            long min = word ? Integer.MIN_VALUE : Long.MIN_VALUE;
            Value minByMinusOne = b.and(b.cmpEq(x, b.konst(x.type(), min)), b.cmpEq(y, b.konst(x.type(), -1)));
            undefined = b.or(undefined, minByMinusOne);
        }
        Value divisor = b.select(undefined, b.konst(x.type(), 1), y);
        Value q = signed ? b.divs(x, divisor) : b.divu(x, divisor);
        result(c, f, word ? b.zext64(q) : q, undefined);
    }

    public static void divw(LiftContext c, Fields f) { divide(c, f, true, true); }
    public static void divwu(LiftContext c, Fields f) { divide(c, f, true, false); }
    public static void divd(LiftContext c, Fields f) { divide(c, f, false, true); }
    public static void divdu(LiftContext c, Fields f) { divide(c, f, false, false); }

    /** The extended divides go through helpers (a 128-bit dividend); the quotient is 0 when it does not fit. */
    private static void divideExtended(LiftContext c, Fields f, Helper h, int kind) {
        IrBuilder b = c.b;
        Value x = ra(c, f);
        Value y = rb(c, f);
        Value q = b.call(h, x, y);
        Value overflow = f.get('o') != 0 ? b.call(EXT_OVERFLOW, x, y, c.c32(kind)) : null;
        result(c, f, q, overflow);
    }

    public static void divwe(LiftContext c, Fields f) { divideExtended(c, f, DIVWE, PpcHelpers.DIVWE); }
    public static void divweu(LiftContext c, Fields f) { divideExtended(c, f, DIVWEU, PpcHelpers.DIVWEU); }
    public static void divde(LiftContext c, Fields f) { divideExtended(c, f, DIVDE, PpcHelpers.DIVDE); }
    public static void divdeu(LiftContext c, Fields f) { divideExtended(c, f, DIVDEU, PpcHelpers.DIVDEU); }

    // ---- modulo (X-form, ISA 3.0): the undefined cases give 0 as in QEMU
    private static void modulo(LiftContext c, Fields f, boolean word, boolean signed) {
        IrBuilder b = c.b;
        Value x = word ? c.gpr32(f.get('a')) : ra(c, f);
        Value y = word ? c.gpr32(f.get('b')) : rb(c, f);
        Value zero = b.konst(x.type(), 0);
        // REMS gives 0 for MIN % -1 already; only the zero divisor needs the select
        Value r = b.select(b.cmpEq(y, zero), zero, signed ? b.rems(x, y) : b.remu(x, y));
        c.setGpr(f.get('t'), word ? (signed ? b.sext64(r) : b.zext64(r)) : r);
    }

    public static void modsw(LiftContext c, Fields f) { modulo(c, f, true, true); }
    public static void moduw(LiftContext c, Fields f) { modulo(c, f, true, false); }
    public static void modsd(LiftContext c, Fields f) { modulo(c, f, false, true); }
    public static void modud(LiftContext c, Fields f) { modulo(c, f, false, false); }
}

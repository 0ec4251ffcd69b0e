package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.FPSCR;
import static dev.emu.ppc64le.PpcRegisters.fpr;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.fp.FpHelpers;
import dev.emu.ppc64le.fp.Fpscr;
import dev.emu.ppc64le.vec.VecTests;

/**
 * Book I 4.6.4-4.6.10: the FP move instructions (fmr, fneg, fabs, fnabs, fcpsgn) as IR on the
 * sign bit; arithmetic, multiply-add, round/convert and compare through {@link FpHelpers}
 * (FPSCR rounding modes, flags, FPRF, CR1 for record forms); the FPSCR moves.
 *
 * <p>FPSCR's exception enable bits (VE OE UE ZE XE) and NI are not modelled: an mtfsf, mtfsfi
 * or mtfsb1 that would set one raises SIGILL with its encoding and changes nothing, so a guest
 * never runs on as if its FP exceptions were enabled.
 */
public final class FpArith {
    private FpArith() {}

    private static final Helper ARITH_VALUE = Helper.of(FpHelpers.class, "arithValue");
    private static final Helper ARITH_FPSCR = Helper.of(FpHelpers.class, "arithFpscr");
    private static final Helper CONVERT = Helper.of(FpHelpers.class, "convert");
    private static final Helper COMPARE = Helper.of(FpHelpers.class, "compare");
    private static final Helper MFFS = Helper.of(FpHelpers.class, "mffs");
    private static final Helper MCRFS = Helper.of(FpHelpers.class, "mcrfs");
    private static final Helper MOVE_TO = Helper.of(FpHelpers.class, "moveTo");

    private static final long SIGN = Long.MIN_VALUE;

    /** A-form arithmetic of primaries 59 and 63 (and fsel): two pure helper calls, FRT and the FPSCR. */
    public static void arith(LiftContext c, Fields f) {
        int w = f.word();
        Value a = c.b.getReg64(fpr(w >>> 16 & 31)), b = c.b.getReg64(fpr(w >>> 11 & 31));
        Value cc = c.b.getReg64(fpr(w >>> 6 & 31)), fpscr = c.b.getReg64(FPSCR);
        Value r = c.b.call(ARITH_VALUE, c.c32(w), a, b, cc, fpscr);
        Value next = c.b.call(ARITH_FPSCR, c.c32(w), a, b, cc, fpscr);
        int t = w >>> 21 & 31;
        c.b.setReg(fpr(t), r);
        c.b.setReg(vsrLow(t), c.c64(0));
        c.b.setReg(FPSCR, next);
        recordCr1(c, f);
    }

    /** frsp, fcti*, fcfid*, fri*. */
    public static void convert(LiftContext c, Fields f) {
        c.b.call(CONVERT, c.c32(f.word()));
    }

    /** fcmpu, fcmpo (bits 9:10 and 31 must be 0). */
    public static void compare(LiftContext c, Fields f) {
        c.b.call(COMPARE, c.c32(f.word()));
    }

    private static void recordCr1(LiftContext c, Fields f) {
        if (f.rc()) {
            Value fpscr = c.b.getReg32(FPSCR);
            c.setCrField(1, c.b.and(c.b.shr(fpscr, c.c32(28)), c.c32(0xF)));
        }
    }

    private interface SignOp {
        Value apply(LiftContext c, Value a, Value b);
    }

    private static void move(LiftContext c, Fields f, SignOp op) {
        boolean hasA = f.pattern().fieldLetters().indexOf('a') >= 0; // only fcpsgn reads FRA
        Value a = hasA ? c.b.getReg64(fpr(f.get('a'))) : null, b = c.b.getReg64(fpr(f.get('b')));
        c.b.setReg(fpr(f.get('t')), op.apply(c, a, b));
        c.b.setReg(vsrLow(f.get('t')), c.c64(0)); // doubleword 1 of an FPR's VSR: 0, as QEMU
        recordCr1(c, f);
    }

    public static void fmr(LiftContext c, Fields f) { move(c, f, (x, a, b) -> b); }
    public static void fneg(LiftContext c, Fields f) { move(c, f, (x, a, b) -> x.b.xor(b, x.c64(SIGN))); }
    public static void fabs(LiftContext c, Fields f) { move(c, f, (x, a, b) -> x.b.and(b, x.c64(~SIGN))); }
    public static void fnabs(LiftContext c, Fields f) { move(c, f, (x, a, b) -> x.b.or(b, x.c64(SIGN))); }

    public static void fcpsgn(LiftContext c, Fields f) {
        move(c, f, (x, a, b) -> x.b.or(x.b.and(a, x.c64(SIGN)), x.b.and(b, x.c64(~SIGN))));
    }

    private static final Helper TEST_FLOAT = Helper.of(VecTests.class, "testFloat");

    /** ftdiv BF, FRA, FRB. */
    public static void testDivide(LiftContext c, Fields f) {
        c.b.call(TEST_FLOAT, c.c32(f.word()), c.c32(0), c.c32(0));
    }

    /** ftsqrt BF, FRB. */
    public static void testSqrt(LiftContext c, Fields f) {
        c.b.call(TEST_FLOAT, c.c32(f.word()), c.c32(1), c.c32(0));
    }

    /** fmrgew / fmrgow: the even (high) or odd (low) words of FRA and FRB. */
    private static void mergeWords(LiftContext c, Fields f, boolean odd) {
        Value a = c.b.getReg64(fpr(f.get('a'))), b = c.b.getReg64(fpr(f.get('b')));
        Value hi = odd ? c.b.shl(a, c.c64(32)) : c.b.and(a, c.c64(0xFFFF_FFFF_0000_0000L));
        Value lo = odd ? c.b.and(b, c.c64(0xFFFF_FFFFL)) : c.b.shr(b, c.c64(32));
        c.b.setReg(fpr(f.get('t')), c.b.or(hi, lo));
        c.b.setReg(vsrLow(f.get('t')), c.c64(0));
    }

    public static void fmrgew(LiftContext c, Fields f) { mergeWords(c, f, false); }
    public static void fmrgow(LiftContext c, Fields f) { mergeWords(c, f, true); }

    public static void mffs(LiftContext c, Fields f) {
        c.b.call(MFFS, c.c32(f.word()));
    }

    public static void mcrfs(LiftContext c, Fields f) {
        c.b.call(MCRFS, c.c32(f.word()));
    }

    /**
     * mtfsf, mtfsfi, mtfsb0, mtfsb1: the new FPSCR is stored only when it keeps the enables
     * and NI clear; otherwise the instruction traps (the block ends here either way).
     */
    public static void moveToFpscr(LiftContext c, Fields f) {
        Value old = c.b.getReg64(FPSCR);
        Value frb = c.b.getReg64(fpr(f.word() >>> 11 & 31)); // mtfsf's FRB; the others ignore it
        Value next = c.b.call(MOVE_TO, old, frb, c.c32(f.word()));
        Value ok = c.b.cmpEq(c.b.and(next, c.c64(Fpscr.UNSUPPORTED_CONTROLS)), c.c64(0));
        c.b.setReg(FPSCR, c.b.select(ok, next, old));
        if (f.rc()) {
            Value cr1 = c.b.trunc32(c.b.and(c.b.shr(next, c.c64(28)), c.c64(0xF)));
            c.setCrField(1, c.b.select(ok, cr1, c.crField(1)));
        }
        c.b.exitIf(ok, c.b.c64(c.nextPc()));
        c.b.trap(TrapKind.ILLEGAL_INSTRUCTION, c.pc(), f.word() & 0xFFFF_FFFFL);
    }
}

package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.Q;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A5.4.3 saturation in A32 and A6.3.3 in Thumb: SSAT, USAT (of a shifted register) and their
 * halfword forms SSAT16, USAT16; Q is set when a value saturates. Fields: 's' saturate_to
 * field, 'a' imm5, 't' sh (0 LSL, 1 ASR), 'd', 'n'.
 */
public final class Saturate {
    private Saturate() {}

    /** v clamped to [lo, hi] (I32 values compared signed), setting Q if it was outside. */
    private static Value clamp(LiftContext c, Value v, long lo, long hi) {
        IrBuilder b = c.b;
        Value low = b.cmpLts(v, b.c32(lo));
        Value high = b.cmpLts(b.c32(hi), v);
        b.setReg(Q, b.or(b.getReg32(Q), b.or(low, high)));
        return b.select(low, b.c32(lo), b.select(high, b.c32(hi), v));
    }

    private static boolean bad(LiftContext c, int d, int n) {
        if (d == 15 || n == 15) {
            c.illegal();
            return true;
        }
        return false;
    }

    private static void saturate(LiftContext c, Fields f, boolean signed) {
        int d = f.get('d'), n = f.get('n');
        int sh = f.get('t'), imm5 = f.get('a');
        if (c.thumb() && sh == 1 && imm5 == 0) {
            halves(c, f, signed); // SSAT16 T1, USAT16 T1
            return;
        }
        if (bad(c, d, n)) {
            return;
        }
        Value operand = Shifter.immShift(c, c.reg(n), sh == 1 ? Shifter.ASR : Shifter.LSL, imm5);
        int sat = f.get('s') + (signed ? 1 : 0);
        long lo = signed ? -(1L << (sat - 1)) : 0;
        long hi = signed ? (1L << (sat - 1)) - 1 : (1L << sat) - 1;
        c.setReg(d, clamp(c, operand, lo, hi));
    }

    /** SSAT (A8.8 SSAT): to saturate_to + 1 signed bits. */
    public static void SSAT(LiftContext c, Fields f) { saturate(c, f, true); }

    /** USAT (A8.8 USAT): to saturate_to unsigned bits. */
    public static void USAT(LiftContext c, Fields f) { saturate(c, f, false); }

    private static void halves(LiftContext c, Fields f, boolean signed) {
        int d = f.get('d'), n = f.get('n');
        int satField = f.get('s');
        if (bad(c, d, n) || satField > 15) {
            if (satField > 15 && !(d == 15 || n == 15)) {
                c.illegal();
            }
            return;
        }
        IrBuilder b = c.b;
        int sat = satField + (signed ? 1 : 0);
        long lo = signed ? -(1L << (sat - 1)) : 0;
        long hi = signed ? (1L << (sat - 1)) - 1 : (1L << sat) - 1;
        Value x = c.reg(n);
        Value low = clamp(c, b.sext(x, 16, Type.I32), lo, hi);
        Value high = clamp(c, b.sar(x, b.c32(16)), lo, hi);
        c.setReg(d, b.or(b.and(low, b.c32(0xFFFF)), b.shl(high, b.c32(16))));
    }

    public static void SSAT16(LiftContext c, Fields f) { halves(c, f, true); }
    public static void USAT16(LiftContext c, Fields f) { halves(c, f, false); }

    /** SignedSat32 of an I64 value, setting Q when it saturates. */
    private static Value sat32(LiftContext c, Value v64) {
        IrBuilder b = c.b;
        Value low = b.cmpLts(v64, b.c64(Integer.MIN_VALUE));
        Value high = b.cmpLts(b.c64(Integer.MAX_VALUE), v64);
        b.setReg(Q, b.or(b.getReg32(Q), b.or(low, high)));
        return b.trunc32(b.select(low, b.c64(Integer.MIN_VALUE), b.select(high, b.c64(Integer.MAX_VALUE), v64)));
    }

    /** QADD, QSUB, QDADD, QDSUB: Rd = sat(Rm +/- (doubled ? sat(2 * Rn) : Rn)). */
    private static void q(LiftContext c, Fields f, boolean subtract, boolean doubled) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (d == 15 || n == 15 || m == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value rn = c.reg(n);
        if (doubled) {
            rn = sat32(c, b.shl(b.sext64(rn), b.c64(1)));
        }
        Value x = b.sext64(c.reg(m));
        Value y = b.sext64(rn);
        c.setReg(d, sat32(c, subtract ? b.sub(x, y) : b.add(x, y)));
    }

    public static void QADD(LiftContext c, Fields f) { q(c, f, false, false); }
    public static void QSUB(LiftContext c, Fields f) { q(c, f, true, false); }
    public static void QDADD(LiftContext c, Fields f) { q(c, f, false, true); }
    public static void QDSUB(LiftContext c, Fields f) { q(c, f, true, true); }

    /** PKHBT (tb = 0: Rn bottom, Rm LSL top), PKHTB (tb = 1: Rn top, Rm ASR bottom) (A8.8 PKHBT, PKHTB). */
    public static void PKH(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (d == 15 || n == 15 || m == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        boolean tb = f.get('t') == 1;
        Value op2 = Shifter.immShift(c, c.reg(m), tb ? Shifter.ASR : Shifter.LSL, f.get('a'));
        Value rn = c.reg(n);
        Value r = tb ? b.or(b.and(rn, b.c32(0xFFFF_0000L)), b.and(op2, b.c32(0xFFFF)))
                : b.or(b.and(rn, b.c32(0xFFFF)), b.and(op2, b.c32(0xFFFF_0000L)));
        c.setReg(d, r);
    }
}

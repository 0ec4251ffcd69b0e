package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.Q;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A5.4.4 signed multiplies (A32) and their Thumb forms in A6.3.16/A6.3.17: the dual 16-bit
 * multiplies SMUAD, SMLAD, SMUSD, SMLSD, SMLALD, SMLSLD, the most-significant-word
 * multiplies SMMUL, SMMLA, SMMLS, and USAD8/USADA8. Fields: 'd' Rd (or 'h' RdHi, 'l'
 * RdLo), 'a' Ra (1111: none), 'n', 'm', 'M' swap halves of Rm / round.
 */
public final class DualMultiply {
    private DualMultiply() {}

    private static boolean bad(LiftContext c, int... regs) {
        for (int r : regs) {
            if (r == 15) { // SP in Thumb is UNPREDICTABLE: QEMU uses it, so do we
                c.illegal();
                return true;
            }
        }
        return false;
    }

    /** The two 16x16 signed products of Rn and (optionally swapped) Rm, as I64. */
    private static Value[] products(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value n = c.reg(f.get('n'));
        Value m = c.reg(f.get('m'));
        if (f.get('M') == 1) {
            m = b.rotr(m, b.c32(16));
        }
        Value lo = b.mul(b.sext(n, 16, Type.I32), b.sext(m, 16, Type.I32));
        Value hi = b.mul(b.sar(n, b.c32(16)), b.sar(m, b.c32(16)));
        return new Value[] {b.sext64(lo), b.sext64(hi)};
    }

    private static void dual(LiftContext c, Fields f, boolean subtract) {
        int d = f.get('d'), a = f.get('a');
        if (bad(c, d)) { // source registers = PC read PC + 8 (UNPREDICTABLE; QEMU's choice)
            return;
        }
        IrBuilder b = c.b;
        Value[] p = products(c, f);
        Value r = subtract ? b.sub(p[0], p[1]) : b.add(p[0], p[1]);
        if (a != 15) {
            r = b.add(r, b.sext64(c.reg(a)));
        }
        Value overflow = b.cmpNe(b.sext64(b.trunc32(r)), r);
        b.setReg(Q, b.or(b.getReg32(Q), overflow));
        c.setReg(d, b.trunc32(r));
    }

    /** SMLAD, SMUAD (Ra = 1111) (A8.8 SMLAD, SMUAD). */
    public static void SMLAD(LiftContext c, Fields f) { dual(c, f, false); }

    /** SMLSD, SMUSD (A8.8 SMLSD, SMUSD). */
    public static void SMLSD(LiftContext c, Fields f) { dual(c, f, true); }

    private static void dualLong(LiftContext c, Fields f, boolean subtract) {
        int hi = f.get('h'), lo = f.get('l');
        if (bad(c, hi, lo)) {
            return;
        }
        IrBuilder b = c.b;
        Value[] p = products(c, f);
        Value acc = b.or(b.shl(b.zext64(c.reg(hi)), b.c64(32)), b.zext64(c.reg(lo)));
        Value r = b.add(acc, subtract ? b.sub(p[0], p[1]) : b.add(p[0], p[1]));
        c.setReg(lo, b.trunc32(r));
        c.setReg(hi, b.trunc32(b.shr(r, b.c64(32))));
    }

    /** SMLALD (A8.8 SMLALD). */
    public static void SMLALD(LiftContext c, Fields f) { dualLong(c, f, false); }

    /** SMLSLD (A8.8 SMLSLD). */
    public static void SMLSLD(LiftContext c, Fields f) { dualLong(c, f, true); }

    private static void mostSignificant(LiftContext c, Fields f, boolean subtract) {
        int d = f.get('d'), a = f.get('a');
        if (bad(c, d) || subtract && a == 15) {
            if (subtract && a == 15 && d != 15) {
                c.illegal();
            }
            return;
        }
        IrBuilder b = c.b;
        Value p = b.mul(b.sext64(c.reg(f.get('n'))), b.sext64(c.reg(f.get('m'))));
        Value r = p;
        if (a != 15) {
            Value acc = b.shl(b.zext64(c.reg(a)), b.c64(32));
            r = subtract ? b.sub(acc, p) : b.add(acc, p);
        }
        if (f.get('M') == 1) {
            r = b.add(r, b.c64(0x8000_0000L));
        }
        c.setReg(d, b.trunc32(b.shr(r, b.c64(32))));
    }

    /** SMMLA, SMMUL (Ra = 1111), with R rounding (A8.8 SMMLA, SMMUL). */
    public static void SMMLA(LiftContext c, Fields f) { mostSignificant(c, f, false); }

    /** SMMLS (A8.8 SMMLS). */
    public static void SMMLS(LiftContext c, Fields f) { mostSignificant(c, f, true); }

    /** USAD8, USADA8 (Ra = 1111 is USAD8): sum of absolute byte differences. */
    public static void USADA8(LiftContext c, Fields f) {
        int d = f.get('d'), a = f.get('a');
        if (bad(c, d)) { // source registers = PC read PC + 8 (UNPREDICTABLE; QEMU's choice)
            return;
        }
        IrBuilder b = c.b;
        Value n = c.reg(f.get('n'));
        Value m = c.reg(f.get('m'));
        Value sum = a == 15 ? b.c32(0) : c.reg(a);
        for (int i = 0; i < 4; i++) {
            Value x = b.and(b.shr(n, b.c32(8 * i)), b.c32(0xFF));
            Value y = b.and(b.shr(m, b.c32(8 * i)), b.c32(0xFF));
            Value diff = b.sub(x, y);
            Value abs = b.select(b.cmpLts(diff, b.c32(0)), b.neg(diff), diff);
            sum = b.add(sum, abs);
        }
        c.setReg(d, sum);
    }
}

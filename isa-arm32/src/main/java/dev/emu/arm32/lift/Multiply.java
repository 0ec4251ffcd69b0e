package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.Q;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A5.2.5 Multiply and multiply accumulate, A5.2.7 halfword multiplies, and the divides of
 * A5.4.4; shared by the Thumb encodings (which pass the same fields). Fields: 'd' Rd (or
 * RdHi 'h' and RdLo 'l'), 'n', 'm', 'a' Ra, 'S' setflags, 'x'/'y' halves (N and M bits).
 */
public final class Multiply {
    private Multiply() {}

    private static boolean anyPc(int... regs) {
        for (int r : regs) {
            if (r == 15) {
                return true;
            }
        }
        return false;
    }

    private static void nz(LiftContext c, Value r) {
        c.setNZ(r, null);
    }

    /** MUL (A8.8 MUL): N and Z only when S; C and V unchanged (ARMv6 and later). */
    public static void MUL(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (anyPc(d, n, m)) {
            c.illegal();
            return;
        }
        Value r = c.b.mul(c.reg(n), c.reg(m));
        if (f.has('S') && f.get('S') == 1) {
            nz(c, r);
        }
        c.setReg(d, r);
    }

    /** MLA (A8.8 MLA). */
    public static void MLA(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m'), a = f.get('a');
        if (anyPc(d, n, m, a)) {
            c.illegal();
            return;
        }
        Value r = c.b.add(c.b.mul(c.reg(n), c.reg(m)), c.reg(a));
        if (f.has('S') && f.get('S') == 1) {
            nz(c, r);
        }
        c.setReg(d, r);
    }

    /** MLS (A8.8 MLS): Ra - Rn * Rm. */
    public static void MLS(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m'), a = f.get('a');
        if (anyPc(d, n, m, a)) {
            c.illegal();
            return;
        }
        c.setReg(d, c.b.sub(c.reg(a), c.b.mul(c.reg(n), c.reg(m))));
    }

    private static void longMultiply(LiftContext c, Fields f, boolean signed, boolean accumulate) {
        IrBuilder b = c.b;
        int hi = f.get('h'), lo = f.get('l'), n = f.get('n'), m = f.get('m');
        if (anyPc(hi, lo, n, m)) { // RdHi = RdLo is UNPREDICTABLE: RdHi wins, as in QEMU
            c.illegal();
            return;
        }
        Value x = signed ? b.sext64(c.reg(n)) : b.zext64(c.reg(n));
        Value y = signed ? b.sext64(c.reg(m)) : b.zext64(c.reg(m));
        Value r = b.mul(x, y);
        if (accumulate) {
            r = b.add(r, b.or(b.shl(b.zext64(c.reg(hi)), b.c64(32)), b.zext64(c.reg(lo))));
        }
        if (f.has('S') && f.get('S') == 1) {
            c.setNZCV(b.cmpLts(r, b.c64(0)), b.cmpEq(r, b.c64(0)), null, null);
        }
        c.setReg(lo, b.trunc32(r));
        c.setReg(hi, b.trunc32(b.shr(r, b.c64(32))));
    }

    public static void UMULL(LiftContext c, Fields f) { longMultiply(c, f, false, false); }
    public static void UMLAL(LiftContext c, Fields f) { longMultiply(c, f, false, true); }
    public static void SMULL(LiftContext c, Fields f) { longMultiply(c, f, true, false); }
    public static void SMLAL(LiftContext c, Fields f) { longMultiply(c, f, true, true); }

    /** UMAAL (A8.8 UMAAL): RdHi:RdLo = Rn * Rm + RdHi + RdLo, which cannot overflow 64 bits. */
    public static void UMAAL(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int hi = f.get('h'), lo = f.get('l'), n = f.get('n'), m = f.get('m');
        if (anyPc(hi, lo, n, m) || hi == lo) {
            c.illegal();
            return;
        }
        Value r = b.add(b.add(b.mul(b.zext64(c.reg(n)), b.zext64(c.reg(m))), b.zext64(c.reg(hi))), b.zext64(c.reg(lo)));
        c.setReg(lo, b.trunc32(r));
        c.setReg(hi, b.trunc32(b.shr(r, b.c64(32))));
    }

    /** The signed bottom (0) or top (1) halfword of v. */
    private static Value half(IrBuilder b, Value v, int top) {
        return top == 1 ? b.sar(v, b.c32(16)) : b.sext(v, 16, Type.I32);
    }

    /** a + b, setting Q if the signed 32-bit sum overflows. */
    private static Value addSettingQ(LiftContext c, Value x, Value y) {
        IrBuilder b = c.b;
        Value r = b.add(x, y);
        Value overflow = b.cmpLts(b.and(b.xor(x, r), b.xor(y, r)), b.c32(0));
        c.b.setReg(Q, b.or(b.getReg32(Q), overflow));
        return r;
    }

    /** SMULBB, SMULBT, SMULTB, SMULTT (A8.8 SMULBB...). */
    public static void SMULxy(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m');
        if (anyPc(d, n, m)) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.mul(half(b, c.reg(n), f.get('x')), half(b, c.reg(m), f.get('y'))));
    }

    /** SMLABB ... (A8.8 SMLABB...): sets Q on overflow of the accumulation. */
    public static void SMLAxy(LiftContext c, Fields f) {
        int d = f.get('d'), n = f.get('n'), m = f.get('m'), a = f.get('a');
        if (anyPc(d, n, m, a)) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value p = b.mul(half(b, c.reg(n), f.get('x')), half(b, c.reg(m), f.get('y')));
        c.setReg(d, addSettingQ(c, p, c.reg(a)));
    }

    /** (Rn * Rm<half>) >> 16 in 48 bits, the product of SMULWy and SMLAWy. */
    private static Value wordByHalf(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value p = b.mul(b.sext64(c.reg(f.get('n'))), b.sext64(half(b, c.reg(f.get('m')), f.get('y'))));
        return b.trunc32(b.sar(p, b.c64(16)));
    }

    /** SMULWB, SMULWT (A8.8 SMULWB, SMULWT). */
    public static void SMULWy(LiftContext c, Fields f) {
        if (anyPc(f.get('d'), f.get('n'), f.get('m'))) {
            c.illegal();
            return;
        }
        c.setReg(f.get('d'), wordByHalf(c, f));
    }

    /** SMLAWB, SMLAWT (A8.8 SMLAWB, SMLAWT). */
    public static void SMLAWy(LiftContext c, Fields f) {
        if (anyPc(f.get('d'), f.get('n'), f.get('m'), f.get('a'))) {
            c.illegal();
            return;
        }
        c.setReg(f.get('d'), addSettingQ(c, wordByHalf(c, f), c.reg(f.get('a'))));
    }

    /** SMLALBB ... (A8.8 SMLALBB...): 64-bit accumulate of a 16x16 product, no flags. */
    public static void SMLALxy(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int hi = f.get('h'), lo = f.get('l'), n = f.get('n'), m = f.get('m');
        if (anyPc(hi, lo, n, m) || hi == lo) {
            c.illegal();
            return;
        }
        Value p = b.sext64(b.mul(half(b, c.reg(n), f.get('x')), half(b, c.reg(m), f.get('y'))));
        Value r = b.add(p, b.or(b.shl(b.zext64(c.reg(hi)), b.c64(32)), b.zext64(c.reg(lo))));
        c.setReg(lo, b.trunc32(r));
        c.setReg(hi, b.trunc32(b.shr(r, b.c64(32))));
    }

    /** SDIV (A8.8 SDIV): division by zero gives 0 (no trap, as Linux configures it); MIN / -1 = MIN. */
    public static void SDIV(LiftContext c, Fields f) {
        if (anyPc(f.get('d'), f.get('n'), f.get('m'))) {
            c.illegal();
            return;
        }
        c.setReg(f.get('d'), c.b.divs(c.reg(f.get('n')), c.reg(f.get('m'))));
    }

    /** UDIV (A8.8 UDIV). */
    public static void UDIV(LiftContext c, Fields f) {
        if (anyPc(f.get('d'), f.get('n'), f.get('m'))) {
            c.illegal();
            return;
        }
        c.setReg(f.get('d'), c.b.divu(c.reg(f.get('n')), c.reg(f.get('m'))));
    }
}

package dev.emu.arm32.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A5.4 Media instructions and the miscellaneous bit operations: CLZ, REV, REV16, REVSH, RBIT,
 * the extends with optional add (SXTB, UXTAH, SXTB16...), and the bitfield instructions
 * UBFX, SBFX, BFI, BFC. Fields: 'd' Rd, 'n' Rn, 'm' Rm, 'r' rotation/8, 'l' lsb,
 * 'w' widthm1 (extracts) or 'k' msb (inserts). The Thumb encodings share the handlers.
 */
public final class Media {
    private Media() {}

    private static boolean badRegs(LiftContext c, int... regs) {
        for (int r : regs) {
            if (r == 15) { // SP in Thumb is UNPREDICTABLE: QEMU uses it, so do we
                c.illegal();
                return true;
            }
        }
        return false;
    }

    /** CLZ (A8.8 CLZ). */
    public static void CLZ(LiftContext c, Fields f) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        c.setReg(f.get('d'), c.b.clz(c.reg(f.get('m'))));
    }

    /** REV (A8.8 REV). */
    public static void REV(LiftContext c, Fields f) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        c.setReg(f.get('d'), c.b.bswap(c.reg(f.get('m'))));
    }

    /** REV16 (A8.8 REV16): bytes swapped within each halfword. */
    public static void REV16(LiftContext c, Fields f) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = c.reg(f.get('m'));
        Value r = b.or(b.and(b.shl(x, b.c32(8)), b.c32(0xFF00FF00L)), b.and(b.shr(x, b.c32(8)), b.c32(0x00FF00FF)));
        c.setReg(f.get('d'), r);
    }

    /** REVSH (A8.8 REVSH): the low halfword byte-swapped and sign-extended. */
    public static void REVSH(LiftContext c, Fields f) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = c.reg(f.get('m'));
        Value r = b.or(b.shl(b.sext(x, 8, Type.I32), b.c32(8)), b.and(b.shr(x, b.c32(8)), b.c32(0xFF)));
        c.setReg(f.get('d'), r);
    }

    /** RBIT (A8.8 RBIT). */
    public static void RBIT(LiftContext c, Fields f) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = c.reg(f.get('m'));
        // swap bits, pairs, nibbles, then the bytes
        x = b.or(b.and(b.shr(x, b.c32(1)), b.c32(0x55555555)), b.shl(b.and(x, b.c32(0x55555555)), b.c32(1)));
        x = b.or(b.and(b.shr(x, b.c32(2)), b.c32(0x33333333)), b.shl(b.and(x, b.c32(0x33333333)), b.c32(2)));
        x = b.or(b.and(b.shr(x, b.c32(4)), b.c32(0x0F0F0F0F)), b.shl(b.and(x, b.c32(0x0F0F0F0F)), b.c32(4)));
        c.setReg(f.get('d'), b.bswap(x));
    }

    // ---------------------------------------------------------------- extends
    private static Value rotated(LiftContext c, Fields f) {
        int rot = f.has('r') ? f.get('r') * 8 : 0;
        Value x = c.reg(f.get('m'));
        return rot == 0 ? x : c.b.rotr(x, c.b.c32(rot));
    }

    /** {S,U}XT{A}{B,H}: Rd = (Rn or 0) + extend(ROR(Rm, rotation)). */
    private static void extend(LiftContext c, Fields f, int bits, boolean signed, boolean accumulate) {
        int n = accumulate ? f.get('n') : 0;
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = rotated(c, f);
        Value r = signed ? b.sext(x, bits, Type.I32) : b.zext(x, bits, Type.I32);
        if (accumulate) {
            r = b.add(c.reg(n), r);
        }
        c.setReg(f.get('d'), r);
    }

    public static void SXTB(LiftContext c, Fields f) { extend(c, f, 8, true, false); }
    public static void SXTH(LiftContext c, Fields f) { extend(c, f, 16, true, false); }
    public static void UXTB(LiftContext c, Fields f) { extend(c, f, 8, false, false); }
    public static void UXTH(LiftContext c, Fields f) { extend(c, f, 16, false, false); }
    public static void SXTAB(LiftContext c, Fields f) { extend(c, f, 8, true, true); }
    public static void SXTAH(LiftContext c, Fields f) { extend(c, f, 16, true, true); }
    public static void UXTAB(LiftContext c, Fields f) { extend(c, f, 8, false, true); }
    public static void UXTAH(LiftContext c, Fields f) { extend(c, f, 16, false, true); }

    /** {S,U}XT{A}B16: both bytes 0 and 2 of the rotated Rm, extended to halfwords (and added per halfword). */
    private static void extend16(LiftContext c, Fields f, boolean signed, boolean accumulate) {
        if (badRegs(c, f.get('d'), f.get('m'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = rotated(c, f);
        Value lo = signed ? b.sext(x, 8, Type.I32) : b.zext(x, 8, Type.I32);
        Value hi8 = b.shr(x, b.c32(16));
        Value hi = signed ? b.sext(hi8, 8, Type.I32) : b.zext(hi8, 8, Type.I32);
        if (accumulate) {
            Value rn = c.reg(f.get('n'));
            lo = b.add(rn, lo);
            hi = b.add(b.shr(rn, b.c32(16)), hi);
        }
        c.setReg(f.get('d'), b.or(b.and(lo, b.c32(0xFFFF)), b.shl(hi, b.c32(16))));
    }

    public static void SXTB16(LiftContext c, Fields f) { extend16(c, f, true, false); }
    public static void UXTB16(LiftContext c, Fields f) { extend16(c, f, false, false); }
    public static void SXTAB16(LiftContext c, Fields f) { extend16(c, f, true, true); }
    public static void UXTAB16(LiftContext c, Fields f) { extend16(c, f, false, true); }

    // ---------------------------------------------------------------- bitfields
    private static void extract(LiftContext c, Fields f, boolean signed) {
        int lsb = f.get('l'), width = f.get('w') + 1;
        if (lsb + width > 32) {
            c.illegal();
            return;
        }
        if (badRegs(c, f.get('d'), f.get('n'))) {
            return;
        }
        IrBuilder b = c.b;
        Value x = b.shl(c.reg(f.get('n')), b.c32(32 - lsb - width));
        c.setReg(f.get('d'), signed ? b.sar(x, b.c32(32 - width)) : b.shr(x, b.c32(32 - width)));
    }

    /** UBFX (A8.8 UBFX). */
    public static void UBFX(LiftContext c, Fields f) { extract(c, f, false); }

    /** SBFX (A8.8 SBFX). */
    public static void SBFX(LiftContext c, Fields f) { extract(c, f, true); }

    /** BFI (A8.8 BFI); Rn = 15 is BFC (A8.8 BFC), inserting zeros. */
    public static void BFI(LiftContext c, Fields f) {
        int lsb = f.get('l'), msb = f.get('k'), d = f.get('d'), n = f.get('n');
        if (msb < lsb || d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        long mask = ((1L << (msb - lsb + 1)) - 1) << lsb;
        Value src = n == 15 ? b.c32(0) : b.and(b.shl(c.reg(n), b.c32(lsb)), b.c32(mask));
        c.setReg(d, b.or(b.and(c.reg(d), b.c32(~mask)), src));
    }
}

package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.CTR;
import static dev.emu.ppc64le.PpcRegisters.DSCR;
import static dev.emu.ppc64le.PpcRegisters.LR;
import static dev.emu.ppc64le.PpcRegisters.TAR;
import static dev.emu.ppc64le.PpcRegisters.VRSAVE;
import static dev.emu.ppc64le.PpcRegisters.XER_BC;
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
 * Book I 3.3.17 move to/from system registers: mfspr/mtspr for the SPRs a user program may
 * touch (XER 1, DSCR 3, LR 8, CTR 9, VRSAVE 256, TB 268, TBU 269, TAR 815), mftb, mfcr,
 * mfocrf, mtcrf, mtocrf. Any other SPR number raises SIGILL, as the kernel does for a
 * privileged or unimplemented SPR.
 */
public final class SpecialRegs {
    private SpecialRegs() {}

    private static final Helper TIME_BASE = Helper.of(PpcHelpers.class, "timeBase");

    public static final int XER = 1, DSCR_USER = 3, LR_SPR = 8, CTR_SPR = 9, VRSAVE_SPR = 256, TB = 268,
            TBU = 269, TAR_SPR = 815;

    /** The SPR number of an XFX-form: its two 5-bit halves are encoded swapped. */
    static int sprNumber(Fields f) {
        int v = f.get('s');
        return ((v & 31) << 5) | (v >>> 5);
    }

    /** The XER bits kept in their own slots: SO, OV, CA (bits 32..34), OV32, CA32 (44, 45). */
    static final long XER_FLAGS = 1L << 31 | 1L << 30 | 1L << 29 | 1L << 19 | 1L << 18;

    /** XER as mfxer reads it: the five flags in place over the other bits of the low word mtxer wrote. */
    static Value readXer(LiftContext c) {
        IrBuilder b = c.b;
        Value v = b.or(b.shl(b.getReg32(XER_SO), c.c32(31)), b.shl(b.getReg32(XER_OV), c.c32(30)));
        v = b.or(v, b.shl(b.getReg32(XER_CA), c.c32(29)));
        v = b.or(v, b.shl(b.getReg32(XER_OV32), c.c32(19)));
        v = b.or(v, b.shl(b.getReg32(XER_CA32), c.c32(18)));
        return b.or(b.zext64(v), b.getReg64(XER_BC));
    }

    static void writeXer(LiftContext c, Value v64) {
        IrBuilder b = c.b;
        Value v = b.trunc32(v64);
        b.setReg(XER_SO, bit(c, v, 31));
        b.setReg(XER_OV, bit(c, v, 30));
        b.setReg(XER_CA, bit(c, v, 29));
        b.setReg(XER_OV32, bit(c, v, 19));
        b.setReg(XER_CA32, bit(c, v, 18));
        b.setReg(XER_BC, b.and(v64, c.c64(0xFFFF_FFFFL & ~XER_FLAGS)));
    }

    private static Value bit(LiftContext c, Value v, int n) {
        return c.b.and(c.b.shr(v, c.c32(n)), c.c32(1));
    }

    public static void mfspr(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value v = switch (sprNumber(f)) {
            case XER -> readXer(c);
            case DSCR_USER -> b.getReg64(DSCR);
            case LR_SPR -> b.getReg64(LR);
            case CTR_SPR -> b.getReg64(CTR);
            case VRSAVE_SPR -> b.zext64(b.getReg32(VRSAVE));
            case TB -> b.call(TIME_BASE);
            case TBU -> b.shr(b.call(TIME_BASE), c.c64(32));
            case TAR_SPR -> b.getReg64(TAR);
            default -> null;
        };
        if (v == null) {
            c.illegal();
            return;
        }
        c.setGpr(f.get('t'), v);
    }

    public static void mtspr(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value rs = c.gpr(f.get('t'));
        switch (sprNumber(f)) {
            case XER -> writeXer(c, rs);
            case DSCR_USER -> b.setReg(DSCR, rs);
            case LR_SPR -> b.setReg(LR, rs);
            case CTR_SPR -> b.setReg(CTR, rs);
            case VRSAVE_SPR -> b.setReg(VRSAVE, b.trunc32(rs));
            case TAR_SPR -> b.setReg(TAR, rs);
            default -> c.illegal();
        }
    }

    /** mftb: TBR 268 is the time base, 269 its upper word. */
    public static void mftb(LiftContext c, Fields f) {
        int tbr = sprNumber(f);
        if (tbr != TB && tbr != TBU) {
            c.illegal();
            return;
        }
        Value tb = c.b.call(TIME_BASE);
        c.setGpr(f.get('t'), tbr == TB ? tb : c.b.shr(tb, c.c64(32)));
    }

    /** The whole CR as a 32-bit value, CR0 in the top nibble. */
    static Value readCr(LiftContext c) {
        IrBuilder b = c.b;
        Value v = c.crField(7);
        for (int i = 6; i >= 0; i--) {
            v = b.or(v, b.shl(c.crField(i), c.c32(4 * (7 - i))));
        }
        return v;
    }

    public static void mfcr(LiftContext c, Fields f) {
        c.setGpr(f.get('t'), c.b.zext64(readCr(c)));
    }

    /** mfocrf: with exactly one FXM bit, that field in place and zeros elsewhere; otherwise RT stays (QEMU). */
    public static void mfocrf(LiftContext c, Fields f) {
        int fxm = f.get('f');
        if (Integer.bitCount(fxm) != 1) {
            return;
        }
        int field = 7 - Integer.numberOfTrailingZeros(fxm);
        c.setGpr(f.get('t'), c.b.zext64(c.b.shl(c.crField(field), c.c32(4 * (7 - field)))));
    }

    private static void moveToFields(LiftContext c, Fields f, int fxm) {
        Value rs = c.gpr32(f.get('t'));
        for (int field = 0; field < 8; field++) {
            if ((fxm & (0x80 >> field)) != 0) {
                c.setCrField(field, c.b.and(c.b.shr(rs, c.c32(4 * (7 - field))), c.c32(0xF)));
            }
        }
    }

    public static void mtcrf(LiftContext c, Fields f) {
        moveToFields(c, f, f.get('f'));
    }

    /** mtocrf: one FXM bit moves that field; any other FXM changes nothing (QEMU). */
    public static void mtocrf(LiftContext c, Fields f) {
        int fxm = f.get('f');
        if (Integer.bitCount(fxm) == 1) {
            moveToFields(c, f, fxm);
        }
    }
}

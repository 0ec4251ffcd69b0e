package dev.emu.arm64.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/** Data processing -- immediate (one of the C4.1 encoding groups). */
public final class DataProcessingImm {
    private DataProcessingImm() {}

    // ---- Add/subtract (immediate)
    private static void addSubImm(LiftContext c, Fields f, boolean sub, boolean setFlags) {
        int sf = f.get('z');
        long imm = (long) f.get('i') << (f.get('h') * 12);
        Value a = c.regSp(sf, f.get('n'));
        Value r = sub ? c.subFlags(a, c.imm(sf, imm), setFlags) : c.addFlags(a, c.imm(sf, imm), setFlags);
        if (setFlags) {
            c.setReg(f.get('d'), r);
        } else {
            c.setRegSp(f.get('d'), r);
        }
    }

    public static void ADD_imm(LiftContext c, Fields f) { addSubImm(c, f, false, false); }
    public static void ADDS_imm(LiftContext c, Fields f) { addSubImm(c, f, false, true); }
    public static void SUB_imm(LiftContext c, Fields f) { addSubImm(c, f, true, false); }
    public static void SUBS_imm(LiftContext c, Fields f) { addSubImm(c, f, true, true); }

    // ---- PC-rel. addressing
    public static void ADR(LiftContext c, Fields f) {
        long imm = ((long) f.signed('h') << 2) | f.get('l');
        c.setReg(f.get('d'), c.b.c64(c.pc() + imm));
    }

    public static void ADRP(LiftContext c, Fields f) {
        long imm = (((long) f.signed('h') << 2) | f.get('l')) << 12;
        c.setReg(f.get('d'), c.b.c64((c.pc() & ~0xFFFL) + imm));
    }

    // ---- Move wide (immediate)
    private static int moveWideShift(LiftContext c, Fields f) {
        int hw = f.get('h');
        if (f.get('z') == 0 && hw >= 2) {
            c.illegal();
            return -1;
        }
        return hw * 16;
    }

    public static void MOVN(LiftContext c, Fields f) {
        int sh = moveWideShift(c, f);
        if (sh >= 0) {
            c.setReg(f.get('d'), c.imm(f.get('z'), ~((long) f.get('i') << sh)));
        }
    }

    public static void MOVZ(LiftContext c, Fields f) {
        int sh = moveWideShift(c, f);
        if (sh >= 0) {
            c.setReg(f.get('d'), c.imm(f.get('z'), (long) f.get('i') << sh));
        }
    }

    public static void MOVK(LiftContext c, Fields f) {
        int sh = moveWideShift(c, f);
        if (sh >= 0) {
            int sf = f.get('z');
            int d = f.get('d');
            Value old = c.reg(sf, d);
            Value kept = c.b.and(old, c.imm(sf, ~(0xFFFFL << sh)));
            c.setReg(d, c.b.or(kept, c.imm(sf, (long) f.get('i') << sh)));
        }
    }

    // ---- Logical (immediate)
    private enum Logic { AND, ORR, EOR, ANDS }

    private static void logicalImm(LiftContext c, Fields f, Logic op) {
        int sf = f.get('z');
        int n = f.get('N');
        long mask = sf == 0 && n == 1 ? 0 : Bitmasks.logicalImmediate(n, f.get('s'), f.get('r'), sf != 0 ? 64 : 32);
        if (mask == 0) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value a = c.reg(sf, f.get('n'));
        Value m = c.imm(sf, mask);
        Value r = switch (op) {
            case AND, ANDS -> b.and(a, m);
            case ORR -> b.or(a, m);
            case EOR -> b.xor(a, m);
        };
        if (op == Logic.ANDS) {
            c.setNZFromLogical(r);
            c.setReg(f.get('d'), r);
        } else {
            c.setRegSp(f.get('d'), r);
        }
    }

    public static void AND_imm(LiftContext c, Fields f) { logicalImm(c, f, Logic.AND); }
    public static void ORR_imm(LiftContext c, Fields f) { logicalImm(c, f, Logic.ORR); }
    public static void EOR_imm(LiftContext c, Fields f) { logicalImm(c, f, Logic.EOR); }
    public static void ANDS_imm(LiftContext c, Fields f) { logicalImm(c, f, Logic.ANDS); }

    // ---- Bitfield
    private static boolean bitfieldAllocated(Fields f) {
        int sf = f.get('z');
        return f.get('N') == sf && (sf == 1 || ((f.get('r') | f.get('s')) & 0x20) == 0);
    }

    private static long ones(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /** SBFM (C6.2.268): aliases ASR, SBFIZ, SBFX, SXTB, SXTH, SXTW. */
    public static void SBFM(LiftContext c, Fields f) {
        if (!bitfieldAllocated(f)) {
            c.illegal();
            return;
        }
        int sf = f.get('z');
        int w = sf != 0 ? 64 : 32;
        int r = f.get('r');
        int s = f.get('s');
        Value src = c.reg(sf, f.get('n'));
        // bring the field's top bit (s) to the top, then shift it down arithmetically
        Value top = c.shift(src, 0, w - 1 - s);
        Value res = s >= r ? c.shift(top, 2, w - 1 - s + r) : c.shift(c.shift(top, 2, w - 1 - s), 0, w - r);
        c.setReg(f.get('d'), res);
    }

    /** UBFM (C6.2.385): aliases LSL, LSR, UBFIZ, UBFX, UXTB, UXTH. */
    public static void UBFM(LiftContext c, Fields f) {
        if (!bitfieldAllocated(f)) {
            c.illegal();
            return;
        }
        int sf = f.get('z');
        int w = sf != 0 ? 64 : 32;
        int r = f.get('r');
        int s = f.get('s');
        IrBuilder b = c.b;
        Value src = c.reg(sf, f.get('n'));
        Value res;
        if (s >= r) {
            res = b.and(c.shift(src, 1, r), c.imm(sf, ones(s - r + 1)));
        } else {
            res = c.shift(b.and(src, c.imm(sf, ones(s + 1))), 0, w - r);
        }
        c.setReg(f.get('d'), res);
    }

    /** BFM (C6.2.30): aliases BFC, BFI, BFXIL. */
    public static void BFM(LiftContext c, Fields f) {
        if (!bitfieldAllocated(f)) {
            c.illegal();
            return;
        }
        int sf = f.get('z');
        int w = sf != 0 ? 64 : 32;
        int r = f.get('r');
        int s = f.get('s');
        IrBuilder b = c.b;
        int d = f.get('d');
        Value src = c.reg(sf, f.get('n'));
        Value field;
        long mask;
        if (s >= r) {
            mask = ones(s - r + 1);
            field = b.and(c.shift(src, 1, r), c.imm(sf, mask));
        } else {
            mask = ones(s + 1) << (w - r);
            field = c.shift(b.and(src, c.imm(sf, ones(s + 1))), 0, w - r);
        }
        Value kept = b.and(c.reg(sf, d), c.imm(sf, ~mask));
        c.setReg(d, b.or(kept, field));
    }

    // ---- Extract
    public static void EXTR(LiftContext c, Fields f) {
        int sf = f.get('z');
        int lsb = f.get('s');
        if (f.get('N') != sf || (sf == 0 && lsb >= 32)) {
            c.illegal();
            return;
        }
        int w = sf != 0 ? 64 : 32;
        IrBuilder b = c.b;
        Value lo = c.reg(sf, f.get('m'));
        Value res = lo;
        if (lsb != 0) {
            Value hi = c.reg(sf, f.get('n'));
            res = b.or(c.shift(lo, 1, lsb), c.shift(hi, 0, w - lsb));
        }
        c.setReg(f.get('d'), res);
    }
}

package dev.emu.ppc64le.lift;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.PpcHelpers;

/**
 * Book I 3.3.13 fixed-point logical instructions (and/or/xor families, extend sign, count
 * leading/trailing zeros, population count, parity, cmpb, bpermd), 3.3.12 isel and setb.
 * X-form logical instructions read RS ('t') and write RA ('a').
 */
public final class FixedLogical {
    private FixedLogical() {}

    private static final Helper BPERMD = Helper.of(PpcHelpers.class, "bpermd");

    private interface Op2 {
        Value apply(IrBuilder b, Value x, Value y);
    }

    /** RA = op(RS, RB), CR0 if Rc. */
    private static void logical(LiftContext c, Fields f, Op2 op) {
        Value r = op.apply(c.b, c.gpr(f.get('t')), c.gpr(f.get('b')));
        c.setGpr(f.get('a'), r);
        c.recordIf(f.rc(), r);
    }

    public static void and(LiftContext c, Fields f) { logical(c, f, IrBuilder::and); }
    public static void or(LiftContext c, Fields f) { logical(c, f, IrBuilder::or); }
    public static void xor(LiftContext c, Fields f) { logical(c, f, IrBuilder::xor); }
    public static void andc(LiftContext c, Fields f) { logical(c, f, (b, x, y) -> b.and(x, b.not(y))); }
    public static void orc(LiftContext c, Fields f) { logical(c, f, (b, x, y) -> b.or(x, b.not(y))); }
    public static void nand(LiftContext c, Fields f) { logical(c, f, (b, x, y) -> b.not(b.and(x, y))); }
    public static void nor(LiftContext c, Fields f) { logical(c, f, (b, x, y) -> b.not(b.or(x, y))); }
    public static void eqv(LiftContext c, Fields f) { logical(c, f, (b, x, y) -> b.not(b.xor(x, y))); }

    /** D-form: RA = op(RS, UI) (andi. and andis. always record). */
    private static void immediate(LiftContext c, Fields f, Op2 op, int shift, boolean record) {
        Value r = op.apply(c.b, c.gpr(f.get('t')), c.c64((long) f.get('i') << shift));
        c.setGpr(f.get('a'), r);
        c.recordIf(record, r);
    }

    public static void andi_rc(LiftContext c, Fields f) { immediate(c, f, IrBuilder::and, 0, true); }
    public static void andis_rc(LiftContext c, Fields f) { immediate(c, f, IrBuilder::and, 16, true); }
    public static void ori(LiftContext c, Fields f) { immediate(c, f, IrBuilder::or, 0, false); }
    public static void oris(LiftContext c, Fields f) { immediate(c, f, IrBuilder::or, 16, false); }
    public static void xori(LiftContext c, Fields f) { immediate(c, f, IrBuilder::xor, 0, false); }
    public static void xoris(LiftContext c, Fields f) { immediate(c, f, IrBuilder::xor, 16, false); }

    private interface Op1 {
        Value apply(LiftContext c, Value rs);
    }

    /** RA = op(RS), CR0 if the row has Rc and it is set. */
    private static void unary(LiftContext c, Fields f, Op1 op) {
        Value r = op.apply(c, c.gpr(f.get('t')));
        c.setGpr(f.get('a'), r);
        c.recordIf(f.rc(), r);
    }

    public static void extsb(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.sext(v, 8, v.type())); }
    public static void extsh(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.sext(v, 16, v.type())); }
    public static void extsw(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.sext(v, 32, v.type())); }
    public static void cntlzw(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.zext64(x.b.clz(x.b.trunc32(v)))); }
    public static void cntlzd(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.clz(v)); }
    public static void cnttzw(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.zext64(x.b.ctz(x.b.trunc32(v)))); }
    public static void cnttzd(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.ctz(v)); }
    public static void popcntd(LiftContext c, Fields f) { unary(c, f, (x, v) -> x.b.popcnt(v)); }

    /** Per-byte population counts, the first steps of the SWAR popcount. */
    private static Value byteCounts(LiftContext c, Value v) {
        IrBuilder b = c.b;
        Value x = b.sub(v, b.and(b.shr(v, c.c64(1)), c.c64(0x5555_5555_5555_5555L)));
        x = b.add(b.and(x, c.c64(0x3333_3333_3333_3333L)), b.and(b.shr(x, c.c64(2)), c.c64(0x3333_3333_3333_3333L)));
        return b.and(b.add(x, b.shr(x, c.c64(4))), c.c64(0x0F0F_0F0F_0F0F_0F0FL));
    }

    public static void popcntb(LiftContext c, Fields f) { unary(c, f, FixedLogical::byteCounts); }

    public static void popcntw(LiftContext c, Fields f) {
        unary(c, f, (x, v) -> {
            IrBuilder b = x.b;
            Value bytes = byteCounts(x, v);
            Value halves = b.add(bytes, b.shr(bytes, x.c64(8)));
            Value words = b.add(halves, b.shr(halves, x.c64(16)));
            return b.and(words, x.c64(0x0000_003F_0000_003FL));
        });
    }

    /** The parity of the least significant bit of each byte, per word (prtyw) or doubleword. */
    public static void prtyw(LiftContext c, Fields f) {
        unary(c, f, (x, v) -> {
            IrBuilder b = x.b;
            Value lsbs = b.and(v, x.c64(0x0101_0101_0101_0101L));
            Value p = b.xor(lsbs, b.shr(lsbs, x.c64(16)));
            p = b.xor(p, b.shr(p, x.c64(8)));
            return b.and(p, x.c64(0x0000_0001_0000_0001L));
        });
    }

    public static void prtyd(LiftContext c, Fields f) {
        unary(c, f, (x, v) -> {
            IrBuilder b = x.b;
            Value lsbs = b.and(v, x.c64(0x0101_0101_0101_0101L));
            return b.and(b.popcnt(lsbs), x.c64(1));
        });
    }

    /** cmpb: each byte of RA is 0xFF where the bytes of RS and RB are equal, else 0. */
    public static void cmpb(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value diff = b.xor(c.gpr(f.get('t')), c.gpr(f.get('b')));
        // a byte of diff is zero iff its bytes are equal; fold each byte's bits into its top bit
        Value low7 = c.c64(0x7F7F_7F7F_7F7F_7F7FL);
        Value nonzeroTop = b.or(b.add(b.and(diff, low7), low7), diff);
        Value zeroTop = b.and(b.not(nonzeroTop), c.c64(0x8080_8080_8080_8080L));
        // 0x80 -> 0xFF per byte
        Value r = b.sub(b.shl(zeroTop, c.c64(1)), b.shr(zeroTop, c.c64(7)));
        c.setGpr(f.get('a'), r);
    }

    public static void bpermd(LiftContext c, Fields f) {
        c.setGpr(f.get('a'), c.b.call(BPERMD, c.gpr(f.get('t')), c.gpr(f.get('b'))));
    }

    /** isel (3.3.12): RT = CR[BC] ? (RA|0) : RB. */
    public static void isel(LiftContext c, Fields f) {
        Value bit = c.crBit(f.get('c'));
        c.setGpr(f.get('t'), c.b.select(bit, c.gprOrZero(f.get('a')), c.gpr(f.get('b'))));
    }

    /** setb (ISA 3.0): RT = -1 if CR[BFA].LT, else 1 if CR[BFA].GT, else 0. */
    public static void setb(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value field = c.crField(f.get('a'));
        Value lt = b.and(field, c.c32(8));
        Value gt = b.and(field, c.c32(4));
        Value r = b.select(b.cmpNe(lt, c.c32(0)), c.c64(-1), b.select(b.cmpNe(gt, c.c32(0)), c.c64(1), c.c64(0)));
        c.setGpr(f.get('t'), r);
    }
}

package dev.emu.ppc64le.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

/**
 * Book I 3.3.10 fixed-point compare (cmp, cmpl, cmpi, cmpli with L choosing 32 or 64 bits;
 * cmprb and cmpeqb of ISA 3.0) and 3.3.11 trap (tw, twi, td, tdi: SIGTRAP when TO matches).
 * BF is the 't' field's top 3 bits, L its lowest bit.
 */
public final class FixedCompare {
    private FixedCompare() {}

    private static int bf(Fields f) {
        return f.get('t') >> 2;
    }

    private static boolean wide(Fields f) {
        return (f.get('t') & 1) != 0;
    }

    /** The operand as compared: all 64 bits (L=1) or the low word extended by signedness. */
    private static Value operand(LiftContext c, Value v, boolean wide, boolean signed) {
        if (wide) {
            return v;
        }
        Value w = c.b.trunc32(v);
        return signed ? c.b.sext64(w) : c.b.zext64(w);
    }

    private static void compare(LiftContext c, Fields f, Value other, boolean signed) {
        boolean l = wide(f);
        Value a = operand(c, c.gpr(f.get('a')), l, signed);
        Value b = operand(c, other, l, signed);
        c.setCrField(bf(f), c.compareField(a, b, signed));
    }

    public static void cmp(LiftContext c, Fields f) { compare(c, f, c.gpr(f.get('b')), true); }
    public static void cmpl(LiftContext c, Fields f) { compare(c, f, c.gpr(f.get('b')), false); }
    public static void cmpi(LiftContext c, Fields f) { compare(c, f, c.c64(f.signed('i')), true); }
    public static void cmpli(LiftContext c, Fields f) { compare(c, f, c.c64(f.get('i')), false); }

    /**
     * cmprb (ISA 3.0): GT = whether byte RA[56:63] lies in the range RB[56:63] (low) ..
     * RB[48:55] (high), or (L=1) in either that range or RB[40:47]..RB[32:39]; the other bits of
     * BF are 0.
     */
    public static void cmprb(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value x = b.and(c.gpr32(f.get('a')), c.c32(0xFF));
        Value rb = c.gpr32(f.get('b'));
        Value in = inRange(c, x, rb, 0);
        if (wide(f)) {
            in = b.or(in, inRange(c, x, rb, 16));
        }
        c.setCrField(bf(f), b.shl(in, c.c32(2)));
    }

    private static Value inRange(LiftContext c, Value x, Value rb, int shift) {
        IrBuilder b = c.b;
        Value lo = b.and(b.shr(rb, c.c32(shift)), c.c32(0xFF));
        Value hi = b.and(b.shr(rb, c.c32(shift + 8)), c.c32(0xFF));
        return b.and(b.cmpLeu(lo, x), b.cmpLeu(x, hi));
    }

    /** cmpeqb (ISA 3.0): GT = whether byte RA[56:63] equals any byte of RB. */
    public static void cmpeqb(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value x = b.and(c.gpr(f.get('a')), c.c64(0xFF));
        // the classic zero-byte test on RB ^ (x replicated to every byte)
        Value v = b.xor(c.gpr(f.get('b')), b.mul(x, c.c64(0x0101_0101_0101_0101L)));
        Value zeroBytes = b.and(b.and(b.sub(v, c.c64(0x0101_0101_0101_0101L)), b.not(v)), c.c64(0x8080_8080_8080_8080L));
        c.setCrField(bf(f), b.shl(b.cmpNe(zeroBytes, c.c64(0)), c.c32(2)));
    }

    // ---- traps: TO bits 16 (<), 8 (>), 4 (=), 2 (<u), 1 (>u)
    private static void trap(LiftContext c, int to, Value a, Value bv) {
        IrBuilder b = c.b;
        if (to == 0) {
            return;
        }
        Value hit = null;
        Value[] conds = {
            (to & 16) != 0 ? b.cmpLts(a, bv) : null,
            (to & 8) != 0 ? b.cmpLts(bv, a) : null,
            (to & 4) != 0 ? b.cmpEq(a, bv) : null,
            (to & 2) != 0 ? b.cmpLtu(a, bv) : null,
            (to & 1) != 0 ? b.cmpLtu(bv, a) : null,
        };
        for (Value v : conds) {
            if (v != null) {
                hit = hit == null ? v : b.or(hit, v);
            }
        }
        if (to == 31) {
            c.b.trap(TrapKind.TRAP_INSTRUCTION, c.pc(), c.word() & 0xFFFF_FFFFL);
            return;
        }
        // a TRAP ends the block, so a conditional trap does too: on to the next pc when it misses
        b.exitIf(b.xor(hit, c.c32(1)), c.c64(c.nextPc()));
        c.b.trap(TrapKind.TRAP_INSTRUCTION, c.pc(), c.word() & 0xFFFF_FFFFL);
    }

    private static Value word(LiftContext c, Value v) {
        return c.b.sext64(c.b.trunc32(v));
    }

    public static void tw(LiftContext c, Fields f) {
        trap(c, f.get('t'), word(c, c.gpr(f.get('a'))), word(c, c.gpr(f.get('b'))));
    }

    public static void twi(LiftContext c, Fields f) {
        trap(c, f.get('t'), word(c, c.gpr(f.get('a'))), c.c64(f.signed('i')));
    }

    public static void td(LiftContext c, Fields f) {
        trap(c, f.get('t'), c.gpr(f.get('a')), c.gpr(f.get('b')));
    }

    public static void tdi(LiftContext c, Fields f) {
        trap(c, f.get('t'), c.gpr(f.get('a')), c.c64(f.signed('i')));
    }
}

package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.XER_CA;
import static dev.emu.ppc64le.PpcRegisters.XER_CA32;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * Book I 3.3.14 fixed-point rotate and shift. Rotates read RS ('t') and write RA ('a').
 * Masks are the manual's MASK(mb, me) with bits numbered from the most significant, wrapping
 * when mb > me. The word rotates rotate the low word doubled into both halves (ROTL32).
 */
public final class FixedRotate {
    private FixedRotate() {}

    /** MASK(mb, me) (1.7): ones from bit mb through bit me, wrapping around when mb > me. */
    static long mask(int mb, int me) {
        long fromMb = -1L >>> mb;
        long toMe = -1L << (63 - me);
        return mb <= me ? fromMb & toMe : fromMb | toMe;
    }

    /** An MD/MDS/XS 6-bit field as encoded (bits [1:5] then bit [0]) to its value. */
    static int sixBit(int encoded) {
        return ((encoded & 1) << 5) | (encoded >>> 1);
    }

    /** ROTL32(RS[32:63], n): the low word replicated into both halves and rotated. */
    private static Value rotl32(LiftContext c, Value rs, Value n) {
        IrBuilder b = c.b;
        Value lo = b.zext64(b.trunc32(rs));
        Value doubled = b.or(lo, b.shl(lo, c.c64(32)));
        return b.rotl(doubled, n);
    }

    private static void write(LiftContext c, Fields f, Value r) {
        c.setGpr(f.get('a'), r);
        c.recordIf(f.rc(), r);
    }

    // ---- M-form: SH/RB in 'b', MB in 'n', ME in 'e' (word masks: +32)
    public static void rlwinm(LiftContext c, Fields f) {
        Value r = rotl32(c, c.gpr(f.get('t')), c.c64(f.get('b')));
        write(c, f, c.b.and(r, c.c64(mask(f.get('n') + 32, f.get('e') + 32))));
    }

    public static void rlwnm(LiftContext c, Fields f) {
        Value n = c.b.and(c.gpr(f.get('b')), c.c64(31));
        Value r = rotl32(c, c.gpr(f.get('t')), n);
        write(c, f, c.b.and(r, c.c64(mask(f.get('n') + 32, f.get('e') + 32))));
    }

    public static void rlwimi(LiftContext c, Fields f) {
        Value r = rotl32(c, c.gpr(f.get('t')), c.c64(f.get('b')));
        insert(c, f, r, mask(f.get('n') + 32, f.get('e') + 32));
    }

    /** RA = (r & m) | (RA & ~m). */
    private static void insert(LiftContext c, Fields f, Value r, long m) {
        IrBuilder b = c.b;
        Value kept = b.and(c.gpr(f.get('a')), c.c64(~m));
        write(c, f, b.or(b.and(r, c.c64(m)), kept));
    }

    // ---- MD-form: sh in 'h', mb/me in 'm' (both encoded)
    private static Value rotlImm(LiftContext c, Fields f) {
        int sh = sixBit(f.get('h'));
        Value rs = c.gpr(f.get('t'));
        return sh == 0 ? rs : c.b.rotl(rs, c.c64(sh));
    }

    public static void rldicl(LiftContext c, Fields f) {
        write(c, f, c.b.and(rotlImm(c, f), c.c64(mask(sixBit(f.get('m')), 63))));
    }

    public static void rldicr(LiftContext c, Fields f) {
        write(c, f, c.b.and(rotlImm(c, f), c.c64(mask(0, sixBit(f.get('m'))))));
    }

    public static void rldic(LiftContext c, Fields f) {
        int sh = sixBit(f.get('h'));
        write(c, f, c.b.and(rotlImm(c, f), c.c64(mask(sixBit(f.get('m')), 63 - sh))));
    }

    public static void rldimi(LiftContext c, Fields f) {
        int sh = sixBit(f.get('h'));
        insert(c, f, rotlImm(c, f), mask(sixBit(f.get('m')), 63 - sh));
    }

    // ---- MDS-form: RB in 'b'
    private static Value rotlReg(LiftContext c, Fields f) {
        return c.b.rotl(c.gpr(f.get('t')), c.b.and(c.gpr(f.get('b')), c.c64(63)));
    }

    public static void rldcl(LiftContext c, Fields f) {
        write(c, f, c.b.and(rotlReg(c, f), c.c64(mask(sixBit(f.get('m')), 63))));
    }

    public static void rldcr(LiftContext c, Fields f) {
        write(c, f, c.b.and(rotlReg(c, f), c.c64(mask(0, sixBit(f.get('m'))))));
    }

    // ---- shifts (X-form): RS 't', RA 'a', RB 'b'
    /** slw/srw: the amount is RB[58:63]; 32 or more gives 0; the result is the zero-extended word. */
    private static void shiftWord(LiftContext c, Fields f, boolean left) {
        IrBuilder b = c.b;
        Value n = b.and(c.gpr(f.get('b')), c.c64(63));
        Value x = b.zext64(c.gpr32(f.get('t')));
        Value shifted = left ? b.and(b.shl(x, n), c.c64(0xFFFF_FFFFL)) : b.shr(x, n);
        // a 64-bit shift of the zero-extended word by 32..63 already gives 0 to the right;
        // to the left the mask keeps the word, which is 0 for amounts of 32 and more
        write(c, f, shifted);
    }

    public static void slw(LiftContext c, Fields f) { shiftWord(c, f, true); }
    public static void srw(LiftContext c, Fields f) { shiftWord(c, f, false); }

    /** sld/srd: the amount is RB[57:63]; 64 or more gives 0. */
    private static void shiftDouble(LiftContext c, Fields f, boolean left) {
        IrBuilder b = c.b;
        Value n = b.and(c.gpr(f.get('b')), c.c64(127));
        Value x = c.gpr(f.get('t'));
        Value shifted = left ? b.shl(x, n) : b.shr(x, n);
        write(c, f, b.select(b.cmpLtu(n, c.c64(64)), shifted, c.c64(0)));
    }

    public static void sld(LiftContext c, Fields f) { shiftDouble(c, f, true); }
    public static void srd(LiftContext c, Fields f) { shiftDouble(c, f, false); }

    /**
     * The algebraic right shifts: RA = x >> n (x already sign-extended to 64 bits, n clamped
     * to 63, which gives the all-sign result of larger amounts); CA = CA32 = x negative and
     * a 1 bit shifted out.
     */
    private static void shiftAlgebraic(LiftContext c, Fields f, Value x, Value n, Value beyond) {
        IrBuilder b = c.b;
        Value r = b.sar(x, n);
        Value lost = b.cmpNe(b.shl(r, n), x);
        if (beyond != null) {
            lost = b.or(lost, beyond); // an amount of 64 or more shifts out bit 0 as well
        }
        Value ca = b.and(b.cmpLts(x, c.c64(0)), lost);
        b.setReg(XER_CA, ca);
        b.setReg(XER_CA32, ca);
        write(c, f, r);
    }

    private static Value clamp63(LiftContext c, Value n) {
        return c.b.select(c.b.cmpLtu(n, c.c64(64)), n, c.c64(63));
    }

    public static void sraw(LiftContext c, Fields f) {
        Value n = c.b.and(c.gpr(f.get('b')), c.c64(63));
        // amounts of 32..63 on the sign-extended word give its sign, like 31 does
        shiftAlgebraic(c, f, c.b.sext64(c.gpr32(f.get('t'))), c.b.select(c.b.cmpLtu(n, c.c64(32)), n, c.c64(63)), null);
    }

    public static void srawi(LiftContext c, Fields f) {
        shiftAlgebraic(c, f, c.b.sext64(c.gpr32(f.get('t'))), c.c64(f.get('b')), null);
    }

    public static void srad(LiftContext c, Fields f) {
        Value n = c.b.and(c.gpr(f.get('b')), c.c64(127));
        shiftAlgebraic(c, f, c.gpr(f.get('t')), clamp63(c, n), c.b.cmpLeu(c.c64(64), n));
    }

    public static void sradi(LiftContext c, Fields f) {
        shiftAlgebraic(c, f, c.gpr(f.get('t')), c.c64(sixBit(f.get('h'))), null);
    }

    /** extswsli (ISA 3.0): RA = EXTS(RS[32:63]) << sh. */
    public static void extswsli(LiftContext c, Fields f) {
        Value x = c.b.sext64(c.gpr32(f.get('t')));
        write(c, f, c.b.shl(x, c.c64(sixBit(f.get('h')))));
    }
}

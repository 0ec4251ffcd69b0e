package dev.emu.testkit.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Power ISA (64-bit, little-endian) encoder for test programs: the instruction forms
 * as static encoders ({@link #d}, {@link #x}, {@link #xo}, {@link #m}, {@link #md} ...) with
 * fields in the manual's order, mnemonics for what tests and the differential harness use,
 * 64-bit constants, branches to labels, and raw {@link #word} for anything else. Encodings
 * from the Power ISA v3.0B, Book I (instruction formats in 1.6).
 */
public final class P64Asm {
    /** A position in the code, bound once. */
    public static final class Label {
        private int offset = -1;
    }

    /** A branch to {@code label}, or (with {@code from}) a D-form immediate of label - from. */
    private record Fixup(int at, Label label, boolean conditional, Label from) {
        Fixup(int at, Label label, boolean conditional) {
            this(at, label, conditional, null);
        }
    }

    private final long origin;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final List<Fixup> fixups = new ArrayList<>();

    public P64Asm(long origin) {
        this.origin = origin;
    }

    // ------------------------------------------------------------------ forms (1.6)
    /** D-form: PO RT RA D (16 bits). */
    public static int d(int po, int rt, int ra, int imm16) {
        return po << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (imm16 & 0xFFFF);
    }

    /** DS-form: PO RT RA DS (14 bits, the offset / 4) XO. */
    public static int ds(int po, int rt, int ra, int offset, int xo) {
        if ((offset & 3) != 0) {
            throw new IllegalArgumentException("DS offset not a multiple of 4: " + offset);
        }
        return po << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (offset & 0xFFFC) | xo;
    }

    /** X-form: PO RT RA RB XO(10) Rc. */
    public static int x(int po, int rt, int ra, int rb, int xo, boolean rc) {
        return po << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (rb & 31) << 11 | xo << 1 | (rc ? 1 : 0);
    }

    /** X-form of primary 31. */
    public static int x31(int rt, int ra, int rb, int xo, boolean rc) {
        return x(31, rt, ra, rb, xo, rc);
    }

    /** XO-form of primary 31: RT RA RB OE XO(9) Rc. */
    public static int xo(int rt, int ra, int rb, boolean oe, int xo, boolean rc) {
        return 31 << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (rb & 31) << 11 | (oe ? 1 << 10 : 0) | xo << 1
                | (rc ? 1 : 0);
    }

    /** XL-form of primary 19: BT/BO BA/BI BB XO(10) LK. */
    public static int xl(int bt, int ba, int bb, int xo, boolean lk) {
        return 19 << 26 | (bt & 31) << 21 | (ba & 31) << 16 | (bb & 31) << 11 | xo << 1 | (lk ? 1 : 0);
    }

    /** XFX-form for mfspr/mtspr/mftb: the SPR number's halves swapped as encoded. */
    public static int xfx(int rt, int spr, int xo) {
        int swapped = (spr & 31) << 5 | (spr >>> 5) & 31;
        return 31 << 26 | (rt & 31) << 21 | swapped << 11 | xo << 1;
    }

    /** M-form: PO RS RA RB/SH MB ME Rc. */
    public static int m(int po, int rs, int ra, int sh, int mb, int me, boolean rc) {
        return po << 26 | (rs & 31) << 21 | (ra & 31) << 16 | (sh & 31) << 11 | (mb & 31) << 6 | (me & 31) << 1
                | (rc ? 1 : 0);
    }

    /** A 6-bit MD/MDS/XS field value as encoded: bits [1:5] then bit [0]. */
    private static int six(int v) {
        return (v & 31) << 1 | (v >>> 5) & 1;
    }

    /** MD-form of primary 30: RS RA sh mb/me XO(3) Rc. */
    public static int md(int rs, int ra, int sh, int mbe, int xo, boolean rc) {
        return 30 << 26 | (rs & 31) << 21 | (ra & 31) << 16 | (sh & 31) << 11 | six(mbe) << 5 | xo << 2
                | ((sh >>> 5) & 1) << 1 | (rc ? 1 : 0);
    }

    /** MDS-form of primary 30: RS RA RB mb/me XO(4) Rc. */
    public static int mds(int rs, int ra, int rb, int mbe, int xo, boolean rc) {
        return 30 << 26 | (rs & 31) << 21 | (ra & 31) << 16 | (rb & 31) << 11 | six(mbe) << 5 | xo << 1
                | (rc ? 1 : 0);
    }

    /** XS-form of primary 31: RS RA sh XO(9) Rc (sradi, extswsli). */
    public static int xs(int rs, int ra, int sh, int xo, boolean rc) {
        return 31 << 26 | (rs & 31) << 21 | (ra & 31) << 16 | (sh & 31) << 11 | xo << 2 | ((sh >>> 5) & 1) << 1
                | (rc ? 1 : 0);
    }

    /** A-form: PO RT RA RB RC XO(5) Rc (isel: BC in the RC field). */
    public static int a(int po, int rt, int ra, int rb, int rc5, int xo, boolean rc) {
        return po << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (rb & 31) << 11 | (rc5 & 31) << 6 | xo << 1
                | (rc ? 1 : 0);
    }

    /** VA-form of primary 4: RT RA RB RC XO(6). */
    public static int va(int rt, int ra, int rb, int rc5, int xo) {
        return 4 << 26 | (rt & 31) << 21 | (ra & 31) << 16 | (rb & 31) << 11 | (rc5 & 31) << 6 | xo;
    }

    // ------------------------------------------------------------------ code
    /** The address of the next instruction. */
    public long pc() {
        return origin + buf.size();
    }

    public Label newLabel() {
        return new Label();
    }

    public P64Asm bind(Label l) {
        if (l.offset >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        l.offset = buf.size();
        return this;
    }

    public long address(Label l) {
        if (l.offset < 0) {
            throw new IllegalStateException("label not bound");
        }
        return origin + l.offset;
    }

    public P64Asm word(int w) {
        for (int k = 0; k < 4; k++) {
            buf.write(w >>> (8 * k));
        }
        return this;
    }

    public P64Asm words(int... ws) {
        for (int w : ws) {
            word(w);
        }
        return this;
    }

    // ------------------------------------------------------------------ mnemonics
    public P64Asm addi(int rt, int ra, int si) { return word(d(14, rt, ra, si)); }
    public P64Asm addis(int rt, int ra, int si) { return word(d(15, rt, ra, si)); }
    public P64Asm li(int rt, int si) { return addi(rt, 0, si); }
    public P64Asm ori(int ra, int rs, int ui) { return word(d(24, rs, ra, ui)); }
    public P64Asm oris(int ra, int rs, int ui) { return word(d(25, rs, ra, ui)); }
    public P64Asm or(int ra, int rs, int rb) { return word(x31(rs, ra, rb, 444, false)); }
    public P64Asm mr(int ra, int rs) { return or(ra, rs, rs); }
    public P64Asm add(int rt, int ra, int rb) { return word(xo(rt, ra, rb, false, 266, false)); }
    public P64Asm subf(int rt, int ra, int rb) { return word(xo(rt, ra, rb, false, 40, false)); }
    public P64Asm cmpdi(int bf, int ra, int si) { return word(d(11, bf << 2 | 1, ra, si)); }
    /** rldicr ra, rs, sh, me. */
    public P64Asm rldicr(int ra, int rs, int sh, int me) { return word(md(rs, ra, sh, me, 1, false)); }
    /** rldicl ra, rs, sh, mb. */
    public P64Asm rldicl(int ra, int rs, int sh, int mb) { return word(md(rs, ra, sh, mb, 0, false)); }

    public P64Asm ld(int rt, int ra, int off) { return word(ds(58, rt, ra, off, 0)); }
    public P64Asm std(int rs, int ra, int off) { return word(ds(62, rs, ra, off, 0)); }
    public P64Asm ldu(int rt, int ra, int off) { return word(ds(58, rt, ra, off, 1)); }
    public P64Asm stdu(int rs, int ra, int off) { return word(ds(62, rs, ra, off, 1)); }
    public P64Asm lwz(int rt, int ra, int off) { return word(d(32, rt, ra, off)); }
    public P64Asm stw(int rs, int ra, int off) { return word(d(36, rs, ra, off)); }
    public P64Asm lbz(int rt, int ra, int off) { return word(d(34, rt, ra, off)); }
    public P64Asm stb(int rs, int ra, int off) { return word(d(38, rs, ra, off)); }

    public static final int SPR_XER = 1, SPR_LR = 8, SPR_CTR = 9;

    public P64Asm mfspr(int rt, int spr) { return word(xfx(rt, spr, 339)); }
    public P64Asm mtspr(int spr, int rs) { return word(xfx(rs, spr, 467)); }
    public P64Asm mflr(int rt) { return mfspr(rt, SPR_LR); }
    public P64Asm mtlr(int rs) { return mtspr(SPR_LR, rs); }
    public P64Asm mfctr(int rt) { return mfspr(rt, SPR_CTR); }
    public P64Asm mtctr(int rs) { return mtspr(SPR_CTR, rs); }
    public P64Asm mfxer(int rt) { return mfspr(rt, SPR_XER); }
    public P64Asm mtxer(int rs) { return mtspr(SPR_XER, rs); }
    public P64Asm mfcr(int rt) { return word(31 << 26 | rt << 21 | 19 << 1); }
    /** mtcrf 0xff, rs: all eight fields. */
    public P64Asm mtcr(int rs) { return word(31 << 26 | rs << 21 | 0xFF << 12 | 144 << 1); }

    public P64Asm sc() { return word(0x4400_0002); }
    public P64Asm blr() { return word(xl(20, 0, 0, 16, false)); }
    public P64Asm bctr() { return word(xl(20, 0, 0, 528, false)); }
    public P64Asm bctrl() { return word(xl(20, 0, 0, 528, true)); }
    public P64Asm trap() { return word(x31(31, 0, 0, 4, false)); }

    /** b label (relative, LK=0). */
    public P64Asm b(Label l) {
        fixups.add(new Fixup(buf.size(), l, false));
        return word(18 << 26);
    }

    /** bl label. */
    public P64Asm bl(Label l) {
        fixups.add(new Fixup(buf.size(), l, false));
        return word(18 << 26 | 1);
    }

    /** bc BO, BI, label (14-bit displacement). */
    public P64Asm bc(int bo, int bi, Label l) {
        fixups.add(new Fixup(buf.size(), l, true));
        return word(16 << 26 | bo << 21 | bi << 16);
    }

    /** addi rt, ra, (to - from): a position-independent address from a base label's address in ra. */
    public P64Asm addiDistance(int rt, int ra, Label from, Label to) {
        fixups.add(new Fixup(buf.size(), to, false, from));
        return word(d(14, rt, ra, 0));
    }

    /** BO values: branch if CR bit set / clear; decrement CTR and branch if non-zero. */
    public static final int BO_TRUE = 12, BO_FALSE = 4, BO_DNZ = 16;

    /** Loads any 64-bit constant into rt (up to five instructions). */
    public P64Asm li64(int rt, long v) {
        if (v == (short) v) {
            return li(rt, (int) v);
        }
        if (v == (int) v) {
            addis(rt, 0, (int) (v >> 16));
            return (v & 0xFFFF) != 0 ? ori(rt, rt, (int) v & 0xFFFF) : this;
        }
        li64(rt, v >> 32);
        rldicr(rt, rt, 32, 31);
        if (((v >>> 16) & 0xFFFF) != 0) {
            oris(rt, rt, (int) (v >>> 16) & 0xFFFF);
        }
        if ((v & 0xFFFF) != 0) {
            ori(rt, rt, (int) v & 0xFFFF);
        }
        return this;
    }

    /** The code, with every label reference resolved. */
    public byte[] bytes() {
        byte[] out = buf.toByteArray();
        for (Fixup f : fixups) {
            if (f.label.offset < 0) {
                throw new IllegalStateException("label not bound");
            }
            int disp = f.label.offset - (f.from != null ? f.from.offset : f.at);
            int w = (out[f.at] & 0xFF) | (out[f.at + 1] & 0xFF) << 8 | (out[f.at + 2] & 0xFF) << 16
                    | (out[f.at + 3] & 0xFF) << 24;
            if (f.from != null) {
                if (f.from.offset < 0 || disp != (short) disp) {
                    throw new IllegalStateException("label distance unbound or out of range: " + disp);
                }
                w |= disp & 0xFFFF;
            } else if (f.conditional) {
                if (disp != (short) disp) {
                    throw new IllegalStateException("conditional branch out of range: " + disp);
                }
                w |= disp & 0xFFFC;
            } else {
                if (disp >= 1 << 25 || disp < -(1 << 25)) {
                    throw new IllegalStateException("branch out of range: " + disp);
                }
                w |= disp & 0x03FF_FFFC;
            }
            for (int k = 0; k < 4; k++) {
                out[f.at + k] = (byte) (w >>> (8 * k));
            }
        }
        return out;
    }
}

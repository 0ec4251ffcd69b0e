package dev.emu.ppc64le;

import dev.emu.core.decode.DecodeTable;
import dev.emu.ppc64le.lift.Handler;

/**
 * Decoder rows by Power ISA instruction form. Each method spells the form's pattern with its
 * fixed opcode bits and the field letters handlers read:
 *
 * <pre>
 *  t  RT, RS, BF (the first 5-bit field), FRT, VRT, T     a  RA, FRA, VRA, A
 *  b  RB, SH (M-form), FRB, VRB, B                       c  RC, FRC, VRC, BC (A-form)
 *  i  D, SI, UI, DS (immediate)                           o  OE
 *  r  Rc (record)                                         l  LK (branches)
 *  h  sh (MD/XS forms: sh[0:4] then sh[5])                m  mb/me (MD/MDS: the 6-bit field as encoded)
 *  n  mb (M-form)                                         e  me (M-form)
 *  x  TX/SX (XX1), AX, BX, CX: the VSX register high bits, one letter each as named below
 * </pre>
 *
 * Rows are tried in order: a specific row must come before a general one that matches the same
 * words (the table rejects a row nothing can reach).
 */
public final class Rows {
    private final DecodeTable.Builder<Handler> b = DecodeTable.<Handler>builder().bucketBits(6);

    /** A row with an explicit pattern (for encodings no form helper spells). */
    public Rows insn(String name, String pattern, Handler h) {
        b.add(name, pattern, h);
        return this;
    }

    private static String bits(int value, int width) {
        StringBuilder s = new StringBuilder(Integer.toBinaryString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        if (s.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " bits");
        }
        return s.toString();
    }

    /** D-form: PO RT RA D. */
    public Rows D(String name, int po, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_iiiiiiiiiiiiiiii", h);
    }

    /** DS-form: PO RT RA DS XO(2). */
    public Rows DS(String name, int po, int xo, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_iiiiiiiiiiiiii_" + bits(xo, 2), h);
    }

    /** X-form: PO RT RA RB XO(10) and bit 31 as {@code last}: "r" (Rc field), "0" or "1". */
    public Rows X(String name, int po, int xo, String last, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_" + bits(xo, 10) + "_" + last, h);
    }

    /** X-form of primary 31 with Rc. */
    public Rows Xr(String name, int xo, Handler h) {
        return X(name, 31, xo, "r", h);
    }

    /** X-form of primary 31 whose bit 31 must be 0. */
    public Rows X0(String name, int xo, Handler h) {
        return X(name, 31, xo, "0", h);
    }

    /** XO-form of primary 31: RT RA RB OE XO(9) Rc. */
    public Rows XO(String name, int xo, Handler h) {
        return insn(name, "011111_ttttt_aaaaa_bbbbb_o_" + bits(xo, 9) + "_r", h);
    }

    /** XO-form without OE (the bit is reserved and must be 0): mulhw, mulhd ... */
    public Rows XOnoOE(String name, int xo, Handler h) {
        return insn(name, "011111_ttttt_aaaaa_bbbbb_0_" + bits(xo, 9) + "_r", h);
    }

    /** XL-form of primary 19: BT/BO BA/BI BB XO(10) and bit 31 as {@code last} ("l" for LK, "0"). */
    public Rows XL(String name, int xo, String last, Handler h) {
        return insn(name, "010011_ttttt_aaaaa_bbbbb_" + bits(xo, 10) + "_" + last, h);
    }

    /** XFX-form of primary 31: RT, a 10-bit SPR/TBR field (halves swapped as encoded), XO(10). */
    public Rows XFX(String name, int xo, Handler h) {
        return insn(name, "011111_ttttt_ssssssssss_" + bits(xo, 10) + "_0", h);
    }

    /** XS-form of primary 31: RS RA sh[0:4] XO(9) sh[5] Rc. */
    public Rows XS(String name, int xo, Handler h) {
        return insn(name, "011111_ttttt_aaaaa_hhhhh_" + bits(xo, 9) + "_h_r", h);
    }

    /** M-form: PO RS RA RB/SH MB ME Rc. */
    public Rows M(String name, int po, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_nnnnn_eeeee_r", h);
    }

    /** MD-form of primary 30: RS RA sh[0:4] mb/me(6, encoded) XO(3) sh[5] Rc. */
    public Rows MD(String name, int xo, Handler h) {
        return insn(name, "011110_ttttt_aaaaa_hhhhh_mmmmmm_" + bits(xo, 3) + "_h_r", h);
    }

    /** MDS-form of primary 30: RS RA RB mb/me(6, encoded) XO(4) Rc. */
    public Rows MDS(String name, int xo, Handler h) {
        return insn(name, "011110_ttttt_aaaaa_bbbbb_mmmmmm_" + bits(xo, 4) + "_r", h);
    }

    /** A-form: PO FRT FRA FRB FRC XO(5) Rc (isel: RT RA RB BC). */
    public Rows A(String name, int po, int xo, String last, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_ccccc_" + bits(xo, 5) + "_" + last, h);
    }

    /** VA-form of primary 4: VRT VRA VRB VRC XO(6). */
    public Rows VA(String name, int xo, Handler h) {
        return insn(name, "000100_ttttt_aaaaa_bbbbb_ccccc_" + bits(xo, 6), h);
    }

    /** VX-form of primary 4: VRT VRA VRB XO(11). */
    public Rows VX(String name, int xo, Handler h) {
        return insn(name, "000100_ttttt_aaaaa_bbbbb_" + bits(xo, 11), h);
    }

    /** VC-form of primary 4: VRT VRA VRB Rc XO(10). */
    public Rows VC(String name, int xo, Handler h) {
        return insn(name, "000100_ttttt_aaaaa_bbbbb_r_" + bits(xo, 10), h);
    }

    /** XX1-form: T RA RB XO(10) TX (letter x). */
    public Rows XX1(String name, int po, int xo, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_" + bits(xo, 10) + "_x", h);
    }

    /** XX2-form: T (5 bits ignored or a field given as {@code mid}) B XO(9) BX (letter y) TX (x). */
    public Rows XX2(String name, int po, String mid, int xo, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_" + mid + "_bbbbb_" + bits(xo, 9) + "_yx", h);
    }

    /** XX3-form: T A B XO(8) AX (z) BX (y) TX (x). */
    public Rows XX3(String name, int po, int xo, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_" + bits(xo, 8) + "_zyx", h);
    }

    /** XX4-form: T A B C XO(2) CX (w) AX (z) BX (y) TX (x). */
    public Rows XX4(String name, int po, int xo, Handler h) {
        return insn(name, bits(po, 6) + "_ttttt_aaaaa_bbbbb_ccccc_" + bits(xo, 2) + "_wzyx", h);
    }

    DecodeTable<Handler> build() {
        return b.build();
    }
}

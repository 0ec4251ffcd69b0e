package dev.emu.arm32.lift;

import dev.emu.arm32.lift.LoadStore.Kind;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A6.3.5 Load/store multiple, A6.3.6 load/store dual, exclusive and table branch, A6.3.7-A6.3.10
 * loads and A6.3.10 stores of single data items, in 32-bit Thumb. Fields: 'n' Rn, 't' Rt,
 * 'u' Rt2 (or U), 'i' immediate, 'm' Rm, 'a' shift (imm2), 'P' 'U' 'W' index bits, 'r' list,
 * 'd' status register of a store-exclusive.
 */
public final class Thumb32Memory {
    private Thumb32Memory() {}

    // ---------------------------------------------------------------- single items
    /** imm12 offset, added: LDR{B,H,SB,SH}.W / STR{B,H}.W Rt, [Rn, #imm12]; Rn = PC is the literal form (U in 'U'). */
    private static void imm12(LiftContext c, Fields f, boolean load, Kind kind) {
        int t = f.get('t'), n = f.has('n') ? f.get('n') : 15; // the literal rows fix Rn = PC
        if (load && t == 15 && kind != Kind.WORD) {
            return; // PLD, PLI: preload hints
        }
        if (!load && n == 15) {
            c.illegal();
            return;
        }
        boolean add = n != 15 || f.get('U') == 1;
        LoadStore.single(c, load, kind, t, n, c.c32(f.get('i')), add, true, false);
    }

    /** imm8 with P, U, W: offset (negative), pre- or post-indexed; P=1 U=1 W=0 is the unprivileged form. */
    private static void imm8(LiftContext c, Fields f, boolean load, Kind kind) {
        int t = f.get('t'), n = f.get('n');
        int p = f.get('P'), u = f.get('U'), w = f.get('W');
        if (load && t == 15 && kind != Kind.WORD && p == 1 && u == 0 && w == 0) {
            return; // PLD, PLI (immediate, negative offset)
        }
        if (n == 15 || p == 0 && w == 0) {
            c.illegal();
            return;
        }
        LoadStore.single(c, load, kind, t, n, c.c32(f.get('i')), u == 1, p == 1, w == 1);
    }

    /** [Rn, Rm, LSL #imm2]. */
    private static void reg(LiftContext c, Fields f, boolean load, Kind kind) {
        int t = f.get('t'), n = f.get('n'), m = f.get('m');
        if (load && t == 15 && kind != Kind.WORD) {
            return; // PLD, PLI (register)
        }
        if (n == 15 || m == 13 || m == 15) {
            c.illegal();
            return;
        }
        Value offset = Shifter.immShift(c, c.reg(m), Shifter.LSL, f.get('a'));
        LoadStore.single(c, load, kind, t, n, offset, true, true, false);
    }

    public static void STR_imm12(LiftContext c, Fields f) { imm12(c, f, false, Kind.WORD); }
    public static void STRB_imm12(LiftContext c, Fields f) { imm12(c, f, false, Kind.BYTE); }
    public static void STRH_imm12(LiftContext c, Fields f) { imm12(c, f, false, Kind.HALF); }
    public static void LDR_imm12(LiftContext c, Fields f) { imm12(c, f, true, Kind.WORD); }
    public static void LDRB_imm12(LiftContext c, Fields f) { imm12(c, f, true, Kind.BYTE); }
    public static void LDRH_imm12(LiftContext c, Fields f) { imm12(c, f, true, Kind.HALF); }
    public static void LDRSB_imm12(LiftContext c, Fields f) { imm12(c, f, true, Kind.SBYTE); }
    public static void LDRSH_imm12(LiftContext c, Fields f) { imm12(c, f, true, Kind.SHALF); }
    public static void STR_imm8(LiftContext c, Fields f) { imm8(c, f, false, Kind.WORD); }
    public static void STRB_imm8(LiftContext c, Fields f) { imm8(c, f, false, Kind.BYTE); }
    public static void STRH_imm8(LiftContext c, Fields f) { imm8(c, f, false, Kind.HALF); }
    public static void LDR_imm8(LiftContext c, Fields f) { imm8(c, f, true, Kind.WORD); }
    public static void LDRB_imm8(LiftContext c, Fields f) { imm8(c, f, true, Kind.BYTE); }
    public static void LDRH_imm8(LiftContext c, Fields f) { imm8(c, f, true, Kind.HALF); }
    public static void LDRSB_imm8(LiftContext c, Fields f) { imm8(c, f, true, Kind.SBYTE); }
    public static void LDRSH_imm8(LiftContext c, Fields f) { imm8(c, f, true, Kind.SHALF); }
    public static void STR_reg(LiftContext c, Fields f) { reg(c, f, false, Kind.WORD); }
    public static void STRB_reg(LiftContext c, Fields f) { reg(c, f, false, Kind.BYTE); }
    public static void STRH_reg(LiftContext c, Fields f) { reg(c, f, false, Kind.HALF); }
    public static void LDR_reg(LiftContext c, Fields f) { reg(c, f, true, Kind.WORD); }
    public static void LDRB_reg(LiftContext c, Fields f) { reg(c, f, true, Kind.BYTE); }
    public static void LDRH_reg(LiftContext c, Fields f) { reg(c, f, true, Kind.HALF); }
    public static void LDRSB_reg(LiftContext c, Fields f) { reg(c, f, true, Kind.SBYTE); }
    public static void LDRSH_reg(LiftContext c, Fields f) { reg(c, f, true, Kind.SHALF); }

    // ---------------------------------------------------------------- dual, exclusive, table branch
    private static void dual(LiftContext c, Fields f, boolean load) {
        int p = f.bit(24), w = f.bit(21);
        int t = f.get('t'), t2 = f.get('u');
        if (!load && f.get('n') == 15) {
            c.illegal();
            return;
        }
        LoadStore.dual(c, load, t, t2, f.get('n'), c.c32(f.get('i') * 4L), f.bit(23) == 1, p == 1, w == 1);
    }

    public static void LDRD_imm(LiftContext c, Fields f) { dual(c, f, true); }
    public static void STRD_imm(LiftContext c, Fields f) { dual(c, f, false); }

    /** LDREX T1: [Rn, #imm8 * 4]. */
    public static void LDREX(LiftContext c, Fields f) {
        Exclusive.loadExclusive(c, f.get('n'), f.get('t'), 0, 4, f.get('i') * 4L);
    }

    public static void STREX(LiftContext c, Fields f) {
        Exclusive.storeExclusive(c, f.get('d'), f.get('n'), f.get('t'), f.get('t'), 4, f.get('i') * 4L);
    }

    public static void LDREXB(LiftContext c, Fields f) { Exclusive.loadExclusive(c, f.get('n'), f.get('t'), 0, 1); }
    public static void LDREXH(LiftContext c, Fields f) { Exclusive.loadExclusive(c, f.get('n'), f.get('t'), 0, 2); }
    public static void LDREXD(LiftContext c, Fields f) { Exclusive.loadExclusive(c, f.get('n'), f.get('t'), f.get('u'), 8); }

    public static void STREXB(LiftContext c, Fields f) {
        Exclusive.storeExclusive(c, f.get('d'), f.get('n'), f.get('t'), f.get('t'), 1);
    }

    public static void STREXH(LiftContext c, Fields f) {
        Exclusive.storeExclusive(c, f.get('d'), f.get('n'), f.get('t'), f.get('t'), 2);
    }

    public static void STREXD(LiftContext c, Fields f) {
        Exclusive.storeExclusive(c, f.get('d'), f.get('n'), f.get('t'), f.get('u'), 8);
    }

    /** TBB, TBH (A8.8 TBB, TBH): PC + 4 + 2 * table entry; 'h' selects halfword entries. */
    public static void TBB_TBH(LiftContext c, Fields f) {
        int n = f.get('n'), m = f.get('m');
        if (n == 13 || m == 13 || m == 15 || c.inItBlock() && !c.lastInItBlock()) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        boolean half = f.get('h') == 1;
        Value index = half ? b.shl(c.reg(m), b.c32(1)) : c.reg(m);
        Value entry = c.load(b.add(c.reg(n), index), half ? 2 : 1, false);
        c.branchWritePc(b.add(b.c32(c.pcValue()), b.shl(entry, b.c32(1))));
    }

    // ---------------------------------------------------------------- multiple
    private static void multiple(LiftContext c, Fields f, boolean load, boolean increment) {
        int list = f.get('r');
        int n = f.get('n');
        boolean wback = f.get('W') == 1;
        // fewer than two registers, SP in the list, PC in a store list, PC and LR both loaded:
        // UNPREDICTABLE, done as QEMU does them; the base in the list with writeback traps
        if (list == 0 || wback && (list & (1 << n)) != 0) {
            c.illegal();
            return;
        }
        LoadStoreMultiple.transfer(c, load, n, list, increment, !increment, wback);
    }

    public static void STM_T2(LiftContext c, Fields f) { multiple(c, f, false, true); }
    public static void LDM_T2(LiftContext c, Fields f) { multiple(c, f, true, true); }
    public static void STMDB_T1(LiftContext c, Fields f) { multiple(c, f, false, false); }
    public static void LDMDB_T1(LiftContext c, Fields f) { multiple(c, f, true, false); }
}

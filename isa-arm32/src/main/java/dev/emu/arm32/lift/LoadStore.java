package dev.emu.arm32.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A5.3 Load/store word and unsigned byte, A5.2.8 extra load/store instructions (halfword,
 * signed byte, doubleword), in every addressing mode: offset, pre-indexed and post-indexed
 * with writeback, immediate or (shifted) register offsets. The Thumb encodings call
 * {@link #single} and {@link #dual} with their own fields.
 *
 * <p>Every access happens before any register is written, so a fault leaves the registers
 * as they were. The unprivileged forms (LDRT, STRBT...; P = 0, W = 1) behave as the
 * post-indexed ones in user mode.
 */
public final class LoadStore {
    private LoadStore() {}

    /** The kinds of single transfer: bytes, and whether the load sign-extends. */
    public enum Kind {
        WORD(4, false), BYTE(1, false), HALF(2, false), SBYTE(1, true), SHALF(2, true);

        final int size;
        final boolean signed;

        Kind(int size, boolean signed) {
            this.size = size;
            this.signed = signed;
        }
    }

    /** R<n> as a base: the PC reads as Align(PC, 4) (literal loads). */
    public static Value base(LiftContext c, int n) {
        return n == 15 ? c.c32(c.alignedPc()) : c.reg(n);
    }

    /**
     * One load or store of {@code kind}: address = index ? Rn +/- offset : Rn; writeback of
     * Rn +/- offset when {@code wback}. A load into the PC interworks (LoadWritePC).
     */
    public static void single(LiftContext c, boolean load, Kind kind, int t, int n, Value offset, boolean add,
                              boolean index, boolean wback) {
        IrBuilder b = c.b;
        // Rn = Rt with writeback is UNPREDICTABLE; like QEMU, a store stores the old Rt and a
        // load's value wins over the writeback
        if (wback && n == 15) {
            c.illegal();
            return;
        }
        if (t == 15 && (kind != Kind.WORD || !load && c.thumb())) {
            c.illegal();
            return;
        }
        Value rn = base(c, n);
        Value offsetAddr = add ? b.add(rn, offset) : b.sub(rn, offset);
        Value address = index ? offsetAddr : rn;
        if (load) {
            Value v = c.load(address, kind.size, kind.signed);
            if (wback) {
                c.setReg(n, offsetAddr);
            }
            if (t == 15) {
                c.loadWritePc(v);
            } else {
                c.setReg(t, v);
            }
        } else {
            c.store(address, c.reg(t), kind.size);
            if (wback) {
                c.setReg(n, offsetAddr);
            }
        }
    }

    /** LDRD/STRD: Rt and Rt2 at address and address + 4. */
    public static void dual(LiftContext c, boolean load, int t, int t2, int n, Value offset, boolean add,
                            boolean index, boolean wback) {
        IrBuilder b = c.b;
        // Rn = Rt or Rt2 with writeback is UNPREDICTABLE: as QEMU, stores store the old values
        // and loaded values win over the writeback
        if (wback && n == 15 || t == 15 || t2 == 15) {
            c.illegal();
            return;
        }
        Value rn = base(c, n);
        Value offsetAddr = add ? b.add(rn, offset) : b.sub(rn, offset);
        Value address = c.aligned(index ? offsetAddr : rn, 4, !load);
        Value second = b.add(address, b.c32(4));
        if (load) {
            Value lo = c.load(address, 4, false);
            Value hi = c.load(second, 4, false);
            if (wback) {
                c.setReg(n, offsetAddr);
            }
            c.setReg(t, lo);
            c.setReg(t2, hi);
        } else {
            c.store(address, c.reg(t), 4);
            c.store(second, c.reg(t2), 4);
            if (wback) {
                c.setReg(n, offsetAddr);
            }
        }
    }

    // ---------------------------------------------------------------- A32 forms
    // Fields: 'p' index, 'u' add, 'w' W bit, 'n', 't', 'i' imm12 or imm4H:imm4L, 'a' imm5,
    // 'y' shift type, 'm' Rm.
    private static boolean wback(Fields f) {
        return f.get('p') == 0 || f.get('w') == 1;
    }

    private static void immForm(LiftContext c, Fields f, boolean load, Kind kind) {
        single(c, load, kind, f.get('t'), f.get('n'), c.c32(f.get('i')), f.get('u') == 1, f.get('p') == 1, wback(f));
    }

    private static void regForm(LiftContext c, Fields f, boolean load, Kind kind) {
        int m = f.get('m'); // Rm = PC reads as PC + 8, as QEMU does (UNPREDICTABLE)
        Value offset = f.has('a') ? Shifter.immShift(c, c.reg(m), f.get('y'), f.get('a')) : c.reg(m);
        single(c, load, kind, f.get('t'), f.get('n'), offset, f.get('u') == 1, f.get('p') == 1, wback(f));
    }

    public static void STR_imm(LiftContext c, Fields f) { immForm(c, f, false, Kind.WORD); }
    public static void LDR_imm(LiftContext c, Fields f) { immForm(c, f, true, Kind.WORD); }
    public static void STRB_imm(LiftContext c, Fields f) { immForm(c, f, false, Kind.BYTE); }
    public static void LDRB_imm(LiftContext c, Fields f) { immForm(c, f, true, Kind.BYTE); }
    public static void STR_reg(LiftContext c, Fields f) { regForm(c, f, false, Kind.WORD); }
    public static void LDR_reg(LiftContext c, Fields f) { regForm(c, f, true, Kind.WORD); }
    public static void STRB_reg(LiftContext c, Fields f) { regForm(c, f, false, Kind.BYTE); }
    public static void LDRB_reg(LiftContext c, Fields f) { regForm(c, f, true, Kind.BYTE); }
    public static void STRH_imm(LiftContext c, Fields f) { immForm(c, f, false, Kind.HALF); }
    public static void LDRH_imm(LiftContext c, Fields f) { immForm(c, f, true, Kind.HALF); }
    public static void LDRSB_imm(LiftContext c, Fields f) { immForm(c, f, true, Kind.SBYTE); }
    public static void LDRSH_imm(LiftContext c, Fields f) { immForm(c, f, true, Kind.SHALF); }
    public static void STRH_reg(LiftContext c, Fields f) { regForm(c, f, false, Kind.HALF); }
    public static void LDRH_reg(LiftContext c, Fields f) { regForm(c, f, true, Kind.HALF); }
    public static void LDRSB_reg(LiftContext c, Fields f) { regForm(c, f, true, Kind.SBYTE); }
    public static void LDRSH_reg(LiftContext c, Fields f) { regForm(c, f, true, Kind.SHALF); }

    private static void dualForm(LiftContext c, Fields f, boolean load, boolean register) {
        int t = f.get('t');
        if ((t & 1) != 0 || f.get('p') == 0 && f.get('w') == 1) {
            c.illegal();
            return;
        }
        Value offset;
        if (register) {
            int m = f.get('m');
            if (m == 15 || load && (m == t || m == t + 1)) {
                c.illegal();
                return;
            }
            offset = c.reg(m);
        } else {
            offset = c.c32(f.get('i'));
        }
        dual(c, load, t, t + 1, f.get('n'), offset, f.get('u') == 1, f.get('p') == 1, wback(f));
    }

    public static void LDRD_imm(LiftContext c, Fields f) { dualForm(c, f, true, false); }
    public static void STRD_imm(LiftContext c, Fields f) { dualForm(c, f, false, false); }
    public static void LDRD_reg(LiftContext c, Fields f) { dualForm(c, f, true, true); }
    public static void STRD_reg(LiftContext c, Fields f) { dualForm(c, f, false, true); }
}

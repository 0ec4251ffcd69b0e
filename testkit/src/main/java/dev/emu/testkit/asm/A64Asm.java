package dev.emu.testkit.asm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small AArch64 encoder for test programs: one method per instruction form, no text parser.
 * It covers what the differential harness needs around the instructions under test (building
 * constants, addresses, loads and stores of X/D/Q registers, the PSTATE/FP system registers,
 * SVC, branches) and {@link #word(int)} for anything else.
 *
 * <p>Register numbers are 0..31; in the forms whose manual operand is {@code <Xn|SP>} register
 * 31 is SP, elsewhere it is XZR. Section numbers refer to the Arm Architecture Reference
 * Manual for A-profile (DDI 0487), chapter C6 (A64 base instructions) and C7 (SIMD&FP).
 *
 * <p>{@link #origin()} is the address of the first word; it matters only for {@link #adrp} and
 * the absolute-address helpers. Branches to {@link Label}s are pc-relative and resolved by
 * {@link #words()}.
 */
public final class A64Asm {
    public static final int SP = 31;
    public static final int XZR = 31;

    /** Condition codes, C1.2.4 of the Arm ARM. */
    public enum Cond { EQ, NE, CS, CC, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE, AL, NV }

    /** A system register as its (op0, op1, CRn, CRm, op2) encoding. */
    public enum SysReg {
        NZCV(3, 3, 4, 2, 0), FPCR(3, 3, 4, 4, 0), FPSR(3, 3, 4, 4, 1), TPIDR_EL0(3, 3, 13, 0, 2);

        final int field; // bits 20..5 of MRS/MSR (register)

        SysReg(int op0, int op1, int crn, int crm, int op2) {
            this.field = (op0 - 2) << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
        }
    }

    /** A position in the code, bound once, referenced before or after. */
    public static final class Label {
        private int index = -1;

        public boolean isBound() {
            return index >= 0;
        }
    }

    private enum FixKind { B26, IMM19, IMM14, ADR }

    private record Fixup(int at, Label label, FixKind kind) {}

    private final long origin;
    private int[] buf = new int[64];
    private int size;
    private final List<Fixup> fixups = new ArrayList<>();

    /** An assembler whose code is position independent (no {@link #adrp} to absolute addresses). */
    public A64Asm() {
        this(0);
    }

    public A64Asm(long origin) {
        if ((origin & 3) != 0) {
            throw new IllegalArgumentException("code must be 4-byte aligned: 0x" + Long.toHexString(origin));
        }
        this.origin = origin;
    }

    public long origin() {
        return origin;
    }

    /** The address of the next word. */
    public long pc() {
        return origin + 4L * size;
    }

    public int size() {
        return size;
    }

    /** Emits a raw instruction word (an instruction under test, say). */
    public A64Asm word(int insn) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = insn;
        return this;
    }

    public A64Asm words(int... insns) {
        for (int w : insns) {
            word(w);
        }
        return this;
    }

    public Label newLabel() {
        return new Label();
    }

    public A64Asm bind(Label l) {
        if (l.isBound()) {
            throw new IllegalStateException("label bound twice");
        }
        l.index = size;
        return this;
    }

    /** The absolute address of a bound label. */
    public long address(Label l) {
        if (!l.isBound()) {
            throw new IllegalStateException("label not bound yet");
        }
        return origin + 4L * l.index;
    }

    /** The code with every label reference resolved. */
    public int[] words() {
        int[] out = Arrays.copyOf(buf, size);
        for (Fixup f : fixups) {
            if (!f.label.isBound()) {
                throw new IllegalStateException("branch at word " + f.at + " to a label never bound");
            }
            long off = 4L * (f.label.index - f.at);
            out[f.at] = switch (f.kind) {
                case B26 -> out[f.at] | simm(off >> 2, 26, "branch offset");
                case IMM19 -> out[f.at] | simm(off >> 2, 19, "branch offset") << 5;
                case IMM14 -> out[f.at] | simm(off >> 2, 14, "branch offset") << 5;
                case ADR -> out[f.at] | adrImm(off);
            };
        }
        return out;
    }

    /** The code as little-endian bytes (A64 instructions are little-endian whatever the data order). */
    public byte[] bytes() {
        int[] w = words();
        byte[] b = new byte[w.length * 4];
        for (int i = 0; i < w.length; i++) {
            b[4 * i] = (byte) w[i];
            b[4 * i + 1] = (byte) (w[i] >>> 8);
            b[4 * i + 2] = (byte) (w[i] >>> 16);
            b[4 * i + 3] = (byte) (w[i] >>> 24);
        }
        return b;
    }

    // ------------------------------------------------------------------ move wide

    /** MOVZ Xd, #imm16, LSL #shift (shift 0/16/32/48). */
    public A64Asm movz(int rd, int imm16, int shift) {
        return word(0xD2800000 | hw(shift) << 21 | u(imm16, 16, "imm16") << 5 | reg(rd));
    }

    /** MOVK Xd, #imm16, LSL #shift. */
    public A64Asm movk(int rd, int imm16, int shift) {
        return word(0xF2800000 | hw(shift) << 21 | u(imm16, 16, "imm16") << 5 | reg(rd));
    }

    /** MOVN Xd, #imm16, LSL #shift. */
    public A64Asm movn(int rd, int imm16, int shift) {
        return word(0x92800000 | hw(shift) << 21 | u(imm16, 16, "imm16") << 5 | reg(rd));
    }

    /** MOVZ Wd, #imm16, LSL #shift (shift 0/16). */
    public A64Asm movzW(int rd, int imm16, int shift) {
        if (shift != 0 && shift != 16) {
            throw new IllegalArgumentException("32-bit MOVZ shift must be 0 or 16: " + shift);
        }
        return word(0x52800000 | hw(shift) << 21 | u(imm16, 16, "imm16") << 5 | reg(rd));
    }

    /**
     * Xd = value in the fewest MOVZ/MOVN + MOVK words (one to four). Xd must not be SP.
     */
    public A64Asm mov64(int rd, long value) {
        int zeroHalves = 0;
        int onesHalves = 0;
        for (int s = 0; s < 64; s += 16) {
            int h = (int) (value >>> s) & 0xFFFF;
            zeroHalves += h == 0 ? 1 : 0;
            onesHalves += h == 0xFFFF ? 1 : 0;
        }
        boolean inverted = onesHalves > zeroHalves;
        int skip = inverted ? 0xFFFF : 0;
        boolean first = true;
        for (int s = 0; s < 64; s += 16) {
            int h = (int) (value >>> s) & 0xFFFF;
            if (h == skip) {
                continue;
            }
            if (first) {
                if (inverted) {
                    movn(rd, ~h & 0xFFFF, s);
                } else {
                    movz(rd, h, s);
                }
                first = false;
            } else {
                movk(rd, h, s);
            }
        }
        if (first) { // value is 0 or -1
            if (inverted) {
                movn(rd, 0, 0);
            } else {
                movz(rd, 0, 0);
            }
        }
        return this;
    }

    // ------------------------------------------------------------------ pc-relative addresses

    /** ADR Xd, label. */
    public A64Asm adr(int rd, Label target) {
        fixups.add(new Fixup(size, target, FixKind.ADR));
        return word(0x10000000 | reg(rd));
    }

    /** ADR Xd, #byteOffset (relative to this instruction, within +-1 MiB). */
    public A64Asm adr(int rd, long byteOffset) {
        return word(0x10000000 | adrImm(byteOffset) | reg(rd));
    }

    /** ADRP Xd, the 4 KiB page of absolute address {@code target}. */
    public A64Asm adrp(int rd, long target) {
        long pages = (target >> 12) - (pc() >> 12);
        return word(0x90000000 | adrImm(pages) | reg(rd));
    }

    /** Xd = absolute address {@code target} with ADRP + ADD (within +-4 GiB of this code). */
    public A64Asm addressOf(int rd, long target) {
        adrp(rd, target);
        int lo = (int) (target & 0xFFF);
        if (lo != 0) {
            addImm(rd, rd, lo);
        }
        return this;
    }

    // ------------------------------------------------------------------ add/sub immediate

    /** ADD Xd|SP, Xn|SP, #imm12 (or an imm12 multiple of 4096). Flags untouched. */
    public A64Asm addImm(int rd, int rn, int imm) {
        return word(0x91000000 | addSubImm(imm) | reg(rn) << 5 | reg(rd));
    }

    /** SUB Xd|SP, Xn|SP, #imm12 (or an imm12 multiple of 4096). */
    public A64Asm subImm(int rd, int rn, int imm) {
        return word(0xD1000000 | addSubImm(imm) | reg(rn) << 5 | reg(rd));
    }

    /** MOV Xd|SP, Xn|SP (ADD #0): the way to read or write SP. */
    public A64Asm movSp(int rd, int rn) {
        return addImm(rd, rn, 0);
    }

    /** MOV Xd, Xm (ORR Xd, XZR, Xm). */
    public A64Asm mov(int rd, int rm) {
        return word(0xAA0003E0 | reg(rm) << 16 | reg(rd));
    }

    /** LSL Xd, Xn, #shift (UBFM alias). */
    public A64Asm lslImm(int rd, int rn, int shift) {
        u(shift, 6, "shift");
        return ubfm(rd, rn, (64 - shift) & 63, 63 - shift);
    }

    /** LSR Xd, Xn, #shift (UBFM alias). */
    public A64Asm lsrImm(int rd, int rn, int shift) {
        u(shift, 6, "shift");
        return ubfm(rd, rn, shift, 63);
    }

    /** UBFM Xd, Xn, #immr, #imms (64-bit). */
    public A64Asm ubfm(int rd, int rn, int immr, int imms) {
        return word(0xD3400000 | u(immr, 6, "immr") << 16 | u(imms, 6, "imms") << 10 | reg(rn) << 5 | reg(rd));
    }

    // ------------------------------------------------------------------ loads and stores, unsigned offset

    /** LDR Xt, [Xn|SP, #off] (off a multiple of 8, 0..32760). */
    public A64Asm ldrX(int rt, int rn, int off) {
        return word(0xF9400000 | uoff(off, 3) | reg(rn) << 5 | reg(rt));
    }

    /** STR Xt, [Xn|SP, #off]. */
    public A64Asm strX(int rt, int rn, int off) {
        return word(0xF9000000 | uoff(off, 3) | reg(rn) << 5 | reg(rt));
    }

    /** LDR Wt, [Xn|SP, #off] (off a multiple of 4). */
    public A64Asm ldrW(int rt, int rn, int off) {
        return word(0xB9400000 | uoff(off, 2) | reg(rn) << 5 | reg(rt));
    }

    /** STR Wt, [Xn|SP, #off]. */
    public A64Asm strW(int rt, int rn, int off) {
        return word(0xB9000000 | uoff(off, 2) | reg(rn) << 5 | reg(rt));
    }

    /** LDRB Wt, [Xn|SP, #off]. */
    public A64Asm ldrb(int rt, int rn, int off) {
        return word(0x39400000 | uoff(off, 0) | reg(rn) << 5 | reg(rt));
    }

    /** STRB Wt, [Xn|SP, #off]. */
    public A64Asm strb(int rt, int rn, int off) {
        return word(0x39000000 | uoff(off, 0) | reg(rn) << 5 | reg(rt));
    }

    /** LDR Dt, [Xn|SP, #off] (off a multiple of 8). */
    public A64Asm ldrD(int rt, int rn, int off) {
        return word(0xFD400000 | uoff(off, 3) | reg(rn) << 5 | reg(rt));
    }

    /** STR Dt, [Xn|SP, #off]. */
    public A64Asm strD(int rt, int rn, int off) {
        return word(0xFD000000 | uoff(off, 3) | reg(rn) << 5 | reg(rt));
    }

    /** LDR Qt, [Xn|SP, #off] (off a multiple of 16, 0..65520). */
    public A64Asm ldrQ(int rt, int rn, int off) {
        return word(0x3DC00000 | uoff(off, 4) | reg(rn) << 5 | reg(rt));
    }

    /** STR Qt, [Xn|SP, #off]. */
    public A64Asm strQ(int rt, int rn, int off) {
        return word(0x3D800000 | uoff(off, 4) | reg(rn) << 5 | reg(rt));
    }

    // ------------------------------------------------------------------ load/store pair

    /** Addressing mode of a pair access. */
    public enum Index {
        /** [Xn, #off]: signed offset, base unchanged. */
        OFFSET(0b010),
        /** [Xn], #off: access at Xn, then Xn += off. */
        POST(0b001),
        /** [Xn, #off]!: Xn += off, then access at Xn. */
        PRE(0b011);

        final int bits; // bits 25..23

        Index(int bits) {
            this.bits = bits;
        }
    }

    /** LDP Xt1, Xt2, [Xn|SP, #off] (off a multiple of 8, -512..504). */
    public A64Asm ldpX(int rt1, int rt2, int rn, int off) {
        return pair(0b10, false, true, Index.OFFSET, rt1, rt2, rn, off);
    }

    /** STP Xt1, Xt2, [Xn|SP, #off]. */
    public A64Asm stpX(int rt1, int rt2, int rn, int off) {
        return pair(0b10, false, false, Index.OFFSET, rt1, rt2, rn, off);
    }

    /** LDP Qt1, Qt2, [Xn|SP, #off] (off a multiple of 16, -1024..1008). */
    public A64Asm ldpQ(int rt1, int rt2, int rn, int off) {
        return pair(0b10, true, true, Index.OFFSET, rt1, rt2, rn, off);
    }

    /** STP Qt1, Qt2, [Xn|SP, #off]. */
    public A64Asm stpQ(int rt1, int rt2, int rn, int off) {
        return pair(0b10, true, false, Index.OFFSET, rt1, rt2, rn, off);
    }

    /** LDP/STP of X registers with any addressing mode. */
    public A64Asm pairX(boolean load, Index mode, int rt1, int rt2, int rn, int off) {
        return pair(0b10, false, load, mode, rt1, rt2, rn, off);
    }

    /** LDP/STP of D registers with any addressing mode. */
    public A64Asm pairD(boolean load, Index mode, int rt1, int rt2, int rn, int off) {
        return pair(0b01, true, load, mode, rt1, rt2, rn, off);
    }

    /** LDP/STP of Q registers with any addressing mode. */
    public A64Asm pairQ(boolean load, Index mode, int rt1, int rt2, int rn, int off) {
        return pair(0b10, true, load, mode, rt1, rt2, rn, off);
    }

    private A64Asm pair(int opc, boolean simd, boolean load, Index mode, int rt1, int rt2, int rn, int off) {
        // opc:101:V:idx:L:imm7:Rt2:Rn:Rt; the scale is 4 << opc for SIMD&FP, 2 + opc>>1 for X/W.
        int scale = simd ? 2 + opc : 2 + (opc >> 1);
        if ((off & ((1 << scale) - 1)) != 0) {
            throw new IllegalArgumentException("pair offset " + off + " is not a multiple of " + (1 << scale));
        }
        int imm7 = simm(off >> scale, 7, "pair offset");
        return word(opc << 30 | 0b101 << 27 | (simd ? 1 : 0) << 26 | mode.bits << 23 | (load ? 1 : 0) << 22
                | imm7 << 15 | reg(rt2) << 10 | reg(rn) << 5 | reg(rt1));
    }

    // ------------------------------------------------------------------ system registers

    /** MRS Xt, sysreg. */
    public A64Asm mrs(int rt, SysReg r) {
        return word(0xD5300000 | r.field << 5 | reg(rt));
    }

    /** MSR sysreg, Xt. */
    public A64Asm msr(SysReg r, int rt) {
        return word(0xD5100000 | r.field << 5 | reg(rt));
    }

    // ------------------------------------------------------------------ exceptions, hints

    /** SVC #imm16. */
    public A64Asm svc(int imm16) {
        return word(0xD4000001 | u(imm16, 16, "imm16") << 5);
    }

    /** BRK #imm16. */
    public A64Asm brk(int imm16) {
        return word(0xD4200000 | u(imm16, 16, "imm16") << 5);
    }

    /** NOP. */
    public A64Asm nop() {
        return word(0xD503201F);
    }

    // ------------------------------------------------------------------ branches

    /** B label. */
    public A64Asm b(Label target) {
        fixups.add(new Fixup(size, target, FixKind.B26));
        return word(0x14000000);
    }

    /** B #byteOffset (relative to this instruction). */
    public A64Asm b(long byteOffset) {
        return word(0x14000000 | simm(branchWords(byteOffset), 26, "branch offset"));
    }

    /** BL label. */
    public A64Asm bl(Label target) {
        fixups.add(new Fixup(size, target, FixKind.B26));
        return word(0x94000000);
    }

    /** B.cond label. */
    public A64Asm bCond(Cond c, Label target) {
        fixups.add(new Fixup(size, target, FixKind.IMM19));
        return word(0x54000000 | c.ordinal());
    }

    /** CBZ Xt, label. */
    public A64Asm cbz(int rt, Label target) {
        fixups.add(new Fixup(size, target, FixKind.IMM19));
        return word(0xB4000000 | reg(rt));
    }

    /** CBNZ Xt, label. */
    public A64Asm cbnz(int rt, Label target) {
        fixups.add(new Fixup(size, target, FixKind.IMM19));
        return word(0xB5000000 | reg(rt));
    }

    /** TBZ Rt, #bit, label (bit 0..63). */
    public A64Asm tbz(int rt, int bit, Label target) {
        return testBranch(0x36000000, rt, bit, target);
    }

    /** TBNZ Rt, #bit, label. */
    public A64Asm tbnz(int rt, int bit, Label target) {
        return testBranch(0x37000000, rt, bit, target);
    }

    private A64Asm testBranch(int base, int rt, int bit, Label target) {
        u(bit, 6, "bit number");
        fixups.add(new Fixup(size, target, FixKind.IMM14));
        return word(base | (bit >> 5) << 31 | (bit & 31) << 19 | reg(rt));
    }

    /** BR Xn. */
    public A64Asm br(int rn) {
        return word(0xD61F0000 | reg(rn) << 5);
    }

    /** BLR Xn. */
    public A64Asm blr(int rn) {
        return word(0xD63F0000 | reg(rn) << 5);
    }

    /** RET (X30). */
    public A64Asm ret() {
        return word(0xD65F03C0);
    }

    // ------------------------------------------------------------------ field helpers

    private static int reg(int r) {
        if (r < 0 || r > 31) {
            throw new IllegalArgumentException("register number out of range: " + r);
        }
        return r;
    }

    private static int hw(int shift) {
        if (shift < 0 || shift > 48 || shift % 16 != 0) {
            throw new IllegalArgumentException("move-wide shift must be 0, 16, 32 or 48: " + shift);
        }
        return shift / 16;
    }

    private static int u(int v, int bits, String what) {
        if (v < 0 || v >= 1 << bits) {
            throw new IllegalArgumentException(what + " out of range for " + bits + " bits: " + v);
        }
        return v;
    }

    private static int simm(long v, int bits, String what) {
        long lim = 1L << (bits - 1);
        if (v < -lim || v >= lim) {
            throw new IllegalArgumentException(what + " out of range for a signed " + bits + "-bit field: " + v);
        }
        return (int) (v & ((1L << bits) - 1));
    }

    private static long branchWords(long byteOffset) {
        if ((byteOffset & 3) != 0) {
            throw new IllegalArgumentException("branch offset not a multiple of 4: " + byteOffset);
        }
        return byteOffset >> 2;
    }

    /** immlo (bits 30:29) and immhi (bits 23:5) of ADR/ADRP. */
    private static int adrImm(long imm) {
        int v = simm(imm, 21, "ADR/ADRP offset");
        return (v & 3) << 29 | (v >>> 2) << 5;
    }

    private static int addSubImm(int imm) {
        if (imm >= 0 && imm < 4096) {
            return imm << 10;
        }
        if ((imm & 0xFFF) == 0 && imm >= 0 && imm >>> 12 < 4096) {
            return 1 << 22 | (imm >>> 12) << 10;
        }
        throw new IllegalArgumentException("ADD/SUB immediate not encodable: " + imm);
    }

    private static int uoff(int off, int scale) {
        if (off < 0 || (off & ((1 << scale) - 1)) != 0 || off >> scale >= 4096) {
            throw new IllegalArgumentException("unsigned offset " + off + " not a multiple of " + (1 << scale)
                    + " in 0.." + (4095 << scale));
        }
        return (off >> scale) << 10;
    }
}

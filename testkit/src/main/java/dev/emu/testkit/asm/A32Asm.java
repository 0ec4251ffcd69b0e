package dev.emu.testkit.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small AArch32 encoder for test programs (little-endian): A32 forms for what the
 * differential harness needs around the code under test (constants with MOVW/MOVT, loads
 * and stores, LDM/STM, branches to labels, SVC, MRS/MSR, the TPIDRURW scratch register), a
 * few Thumb-2 forms for entering and leaving Thumb code, and raw {@link #word}/{@link #half}
 * for anything else. Encodings from the ARM ARM (DDI 0406C), chapters A5 (A32) and A6 (Thumb).
 */
public final class A32Asm {
    /** Condition codes (A8.3). */
    public enum Cond { EQ, NE, CS, CC, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE, AL }

    /** A position in the code, bound once. */
    public static final class Label {
        private int offset = -1;
    }

    private record Fixup(int at, Label label) {}

    private final long origin;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final List<Fixup> fixups = new ArrayList<>();

    public A32Asm(long origin) {
        this.origin = origin;
    }

    /** The address of the next byte. */
    public long pc() {
        return origin + buf.size();
    }

    public Label newLabel() {
        return new Label();
    }

    public A32Asm bind(Label l) {
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

    /** One A32 word (or a Thumb 32-bit instruction given as hw1 << 16 | hw2: use {@link #thumb32}). */
    public A32Asm word(int w) {
        for (int k = 0; k < 4; k++) {
            buf.write(w >>> (8 * k));
        }
        return this;
    }

    public A32Asm words(int... ws) {
        for (int w : ws) {
            word(w);
        }
        return this;
    }

    /** One Thumb halfword. */
    public A32Asm half(int h) {
        buf.write(h);
        buf.write(h >>> 8);
        return this;
    }

    public A32Asm halves(int... hs) {
        for (int h : hs) {
            half(h);
        }
        return this;
    }

    /** A 32-bit Thumb instruction: hw1 first in memory. */
    public A32Asm thumb32(int hw1, int hw2) {
        return half(hw1).half(hw2);
    }

    /** Pads with zero bytes to a multiple of {@code n}. */
    public A32Asm align(int n) {
        while (buf.size() % n != 0) {
            buf.write(0);
        }
        return this;
    }

    public byte[] bytes() {
        byte[] out = buf.toByteArray();
        for (Fixup f : fixups) {
            if (f.label.offset < 0) {
                throw new IllegalStateException("branch to an unbound label");
            }
            int imm24 = ((f.label.offset - (f.at + 8)) >> 2) & 0xFF_FFFF;
            out[f.at] = (byte) imm24;
            out[f.at + 1] = (byte) (imm24 >>> 8);
            out[f.at + 2] = (byte) (imm24 >>> 16);
        }
        return out;
    }

    // ---------------------------------------------------------------- A32
    /** MOVW Rd, #imm16 (A8.8 MOV (immediate) A2). */
    public A32Asm movw(int rd, int imm16) {
        return word(0xE300_0000 | (imm16 >>> 12 & 0xF) << 16 | rd << 12 | (imm16 & 0xFFF));
    }

    /** MOVT Rd, #imm16 (A8.8 MOVT A1). */
    public A32Asm movt(int rd, int imm16) {
        return word(0xE340_0000 | (imm16 >>> 12 & 0xF) << 16 | rd << 12 | (imm16 & 0xFFF));
    }

    /** Rd = value with MOVW (and MOVT when the top half is not zero). */
    public A32Asm mov32(int rd, long value) {
        movw(rd, (int) value & 0xFFFF);
        if ((value >>> 16 & 0xFFFF) != 0) {
            movt(rd, (int) (value >>> 16) & 0xFFFF);
        }
        return this;
    }

    /** MOV Rd, Rm. */
    public A32Asm mov(int rd, int rm) {
        return word(0xE1A0_0000 | rd << 12 | rm);
    }

    /** ADD Rd, Rn, #imm8. */
    public A32Asm addImm(int rd, int rn, int imm8) {
        return word(0xE280_0000 | rn << 16 | rd << 12 | checkImm8(imm8));
    }

    /** SUBS Rd, Rn, #imm8. */
    public A32Asm subsImm(int rd, int rn, int imm8) {
        return word(0xE250_0000 | rn << 16 | rd << 12 | checkImm8(imm8));
    }

    /** CMP Rn, #imm8. */
    public A32Asm cmpImm(int rn, int imm8) {
        return word(0xE350_0000 | rn << 16 | checkImm8(imm8));
    }

    /** ADD Rd, Rn, Rm. */
    public A32Asm add(int rd, int rn, int rm) {
        return word(0xE080_0000 | rn << 16 | rd << 12 | rm);
    }

    private static int checkImm8(int imm) {
        if (imm < 0 || imm > 255) {
            throw new IllegalArgumentException("immediate " + imm);
        }
        return imm;
    }

    /** LDR Rt, [Rn, #off] (0 <= off < 4096). */
    public A32Asm ldr(int rt, int rn, int off) {
        return word(0xE590_0000 | rn << 16 | rt << 12 | off);
    }

    /** STR Rt, [Rn, #off]. */
    public A32Asm str(int rt, int rn, int off) {
        return word(0xE580_0000 | rn << 16 | rt << 12 | off);
    }

    /** LDR Rt, [Rn], #4. */
    public A32Asm ldrPost4(int rt, int rn) {
        return word(0xE490_0004 | rn << 16 | rt << 12);
    }

    /** STR Rt, [Rn], #4. */
    public A32Asm strPost4(int rt, int rn) {
        return word(0xE480_0004 | rn << 16 | rt << 12);
    }

    /** LDM{IA} Rn, {list} (no writeback). */
    public A32Asm ldm(int rn, int list) {
        return word(0xE890_0000 | rn << 16 | list);
    }

    /** STMIB Rn, {list} (no writeback): the lowest register at Rn + 4. */
    public A32Asm stmib(int rn, int list) {
        return word(0xE980_0000 | rn << 16 | list);
    }

    /** B<cond> label. */
    public A32Asm b(Cond cond, Label l) {
        fixups.add(new Fixup(buf.size(), l));
        return word(cond.ordinal() << 28 | 0x0A00_0000);
    }

    public A32Asm b(Label l) {
        return b(Cond.AL, l);
    }

    /** BL label. */
    public A32Asm bl(Label l) {
        fixups.add(new Fixup(buf.size(), l));
        return word(0xEB00_0000);
    }

    /** BX Rm. */
    public A32Asm bx(int rm) {
        return word(0xE12F_FF10 | rm);
    }

    /** SVC #0. */
    public A32Asm svc() {
        return word(0xEF00_0000);
    }

    /** MRS Rd, APSR. */
    public A32Asm mrs(int rd) {
        return word(0xE10F_0000 | rd << 12);
    }

    /** MSR APSR_nzcvqg, Rn. */
    public A32Asm msr(int rn) {
        return word(0xE12C_F000 | rn);
    }

    /** MCR p15, 0, Rt, c13, c0, 2: TPIDRURW = Rt (user read/write scratch). */
    public A32Asm writeTpidrurw(int rt) {
        return word(0xEE0D_0F50 | rt << 12);
    }

    /** MRC p15, 0, Rt, c13, c0, 2: Rt = TPIDRURW. */
    public A32Asm readTpidrurw(int rt) {
        return word(0xEE1D_0F50 | rt << 12);
    }

    /** MOVW/MOVT Rd, #value; ADD Rd, Rn, Rd: Rd = Rn + value for any value. */
    public A32Asm addLarge(int rd, int rn, long value) {
        if (rd == rn) {
            throw new IllegalArgumentException("addLarge needs Rd != Rn");
        }
        mov32(rd, value);
        return add(rd, rn, rd);
    }

    /** VMSR FPSCR, Rt (A8.8 VMSR). */
    public A32Asm vmsrFpscr(int rt) {
        return word(0xEEE1_0A10 | rt << 12);
    }

    /** VMRS Rt, FPSCR (A8.8 VMRS). */
    public A32Asm vmrsFpscr(int rt) {
        return word(0xEEF1_0A10 | rt << 12);
    }

    /** VLDMIA Rn{!}, {D0-D15} or {D16-D31} (A8.8 VLDM). */
    public A32Asm vldmia16(int rn, boolean high, boolean writeback) {
        return word(0xEC90_0B20 | (high ? 1 << 22 : 0) | (writeback ? 1 << 21 : 0) | rn << 16);
    }

    /** VSTMIA Rn{!}, {D0-D15} or {D16-D31} (A8.8 VSTM). */
    public A32Asm vstmia16(int rn, boolean high, boolean writeback) {
        return word(0xEC80_0B20 | (high ? 1 << 22 : 0) | (writeback ? 1 << 21 : 0) | rn << 16);
    }

    // ---------------------------------------------------------------- Thumb
    /** MOVW Rd, #imm16 (A8.8 MOV (immediate) T3). */
    public A32Asm tMovw(int rd, int imm16) {
        return thumb32(0xF240 | (imm16 >>> 11 & 1) << 10 | (imm16 >>> 12 & 0xF),
                (imm16 >>> 8 & 7) << 12 | rd << 8 | (imm16 & 0xFF));
    }

    /** MOVT Rd, #imm16 (A8.8 MOVT T1). */
    public A32Asm tMovt(int rd, int imm16) {
        return thumb32(0xF2C0 | (imm16 >>> 11 & 1) << 10 | (imm16 >>> 12 & 0xF),
                (imm16 >>> 8 & 7) << 12 | rd << 8 | (imm16 & 0xFF));
    }

    public A32Asm tMov32(int rd, long value) {
        return tMovw(rd, (int) value & 0xFFFF).tMovt(rd, (int) (value >>> 16) & 0xFFFF);
    }

    /** STR.W Rt, [Rn, #imm12] (A8.8 STR (immediate, Thumb) T3). */
    public A32Asm tStr(int rt, int rn, int imm12) {
        return thumb32(0xF8C0 | rn, rt << 12 | imm12);
    }

    /** MCR p15, 0, Rt, c13, c0, 2 in Thumb (A8.8 MCR T1). */
    public A32Asm tWriteTpidrurw(int rt) {
        return thumb32(0xEE0D, 0x0F50 | rt << 12);
    }

    /** BX Rm (A8.8 BX T1). */
    public A32Asm tBx(int rm) {
        return half(0x4700 | rm << 3);
    }
}

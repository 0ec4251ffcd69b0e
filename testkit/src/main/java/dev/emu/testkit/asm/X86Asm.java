package dev.emu.testkit.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small x86-64 encoder for test programs: one method per instruction form, no text parser.
 * It covers what the differential harness needs around the instructions under test (moves
 * between registers and absolute addresses below 2 GiB, immediates, PUSHFQ/POPFQ, REP MOVSB,
 * CALL/RET/JMP/Jcc to labels, SYSCALL) and {@link #bytes} for anything else. Encodings from
 * the Intel SDM Vol. 2 (instruction pages) and its Appendix A opcode maps.
 *
 * <p>Registers are numbered as encoded: 0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6 RSI,
 * 7 RDI, 8..15 R8..R15. Absolute addresses are ModRM mod=00 rm=100 with a SIB of no base and
 * no index, so they must fit in a sign-extended 32-bit displacement.
 */
public final class X86Asm {
    public static final int RAX = 0;
    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int RSP = 4;
    public static final int RBP = 5;
    public static final int RSI = 6;
    public static final int RDI = 7;

    /** Condition codes of Jcc/SETcc/CMOVcc, in encoding order. */
    public enum Cond { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G }

    /** A position in the code, bound once, referenced before or after. */
    public static final class Label {
        private int offset = -1;

        public boolean isBound() {
            return offset >= 0;
        }
    }

    private record Fixup(int at, Label label, int size) {}

    private final long origin;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Fixup> fixups = new ArrayList<>();

    public X86Asm() {
        this(0);
    }

    public X86Asm(long origin) {
        this.origin = origin;
    }

    /** The address of the next byte. */
    public long pc() {
        return origin + out.size();
    }

    public int size() {
        return out.size();
    }

    public Label newLabel() {
        return new Label();
    }

    public void bind(Label l) {
        if (l.isBound()) {
            throw new IllegalStateException("label bound twice");
        }
        l.offset = out.size();
    }

    public long address(Label l) {
        if (!l.isBound()) {
            throw new IllegalStateException("label not bound");
        }
        return origin + l.offset;
    }

    public X86Asm bytes(int... bs) {
        for (int b : bs) {
            out.write(b);
        }
        return this;
    }

    public X86Asm bytes(byte[] bs) {
        out.writeBytes(bs);
        return this;
    }

    private void imm32(long v) {
        for (int k = 0; k < 4; k++) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    private void imm64(long v) {
        for (int k = 0; k < 8; k++) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    private static int rex(boolean w, int reg, int index, int base) {
        return 0x40 | (w ? 8 : 0) | ((reg >> 3) & 1) << 2 | ((index >> 3) & 1) << 1 | ((base >> 3) & 1);
    }

    private static void checkAbs(long addr) {
        if (addr != (int) addr) {
            throw new IllegalArgumentException("absolute address beyond 32 bits: 0x" + Long.toHexString(addr));
        }
    }

    /** ModRM + SIB for [disp32] (no base, no index). */
    private void absolute(int regField, long addr) {
        checkAbs(addr);
        out.write((regField & 7) << 3 | 0b100);
        out.write(0x25);
        imm32(addr);
    }

    /** MOV r64, [abs32] (REX.W 8B /r). */
    public X86Asm movLoad(int reg, long addr) {
        bytes(rex(true, reg, 0, 0), 0x8B);
        absolute(reg, addr);
        return this;
    }

    /** MOV [abs32], r64 (REX.W 89 /r). */
    public X86Asm movStore(long addr, int reg) {
        bytes(rex(true, reg, 0, 0), 0x89);
        absolute(reg, addr);
        return this;
    }

    /** MOV r64, imm64 (REX.W B8+r io). */
    public X86Asm movImm64(int reg, long imm) {
        bytes(rex(true, 0, 0, reg), 0xB8 + (reg & 7));
        imm64(imm);
        return this;
    }

    /** MOV r32, imm32 (B8+r id), zero-extending. */
    public X86Asm movImm32(int reg, int imm) {
        if (reg >= 8) {
            bytes(0x41);
        }
        bytes(0xB8 + (reg & 7));
        imm32(imm);
        return this;
    }

    /** MOV r64, r64 (REX.W 89 /r). */
    public X86Asm movReg(int dst, int src) {
        return bytes(rex(true, src, 0, dst), 0x89, 0xC0 | (src & 7) << 3 | (dst & 7));
    }

    /** PUSH qword [abs32] (FF /6). */
    public X86Asm pushAbs(long addr) {
        bytes(0xFF);
        absolute(6, addr);
        return this;
    }

    /** POP qword [abs32] (8F /0). */
    public X86Asm popAbs(long addr) {
        bytes(0x8F);
        absolute(0, addr);
        return this;
    }

    /** AND qword [abs32], imm32 sign-extended (REX.W 81 /4 id). */
    public X86Asm andAbs(long addr, int imm) {
        bytes(0x48, 0x81);
        absolute(4, addr);
        imm32(imm);
        return this;
    }

    public X86Asm pushfq() {
        return bytes(0x9C);
    }

    public X86Asm popfq() {
        return bytes(0x9D);
    }

    public X86Asm cld() {
        return bytes(0xFC);
    }

    /** REP MOVSB (F3 A4). */
    public X86Asm repMovsb() {
        return bytes(0xF3, 0xA4);
    }

    public X86Asm syscall() {
        return bytes(0x0F, 0x05);
    }

    public X86Asm ret() {
        return bytes(0xC3);
    }

    public X86Asm nop() {
        return bytes(0x90);
    }

    /** MOVDQU xmm, [abs32] (F3 0F 6F /r). */
    public X86Asm movdquLoad(int xmm, long addr) {
        bytes(0xF3);
        if (xmm >= 8) {
            bytes(0x44);
        }
        bytes(0x0F, 0x6F);
        absolute(xmm, addr);
        return this;
    }

    /** MOVDQU [abs32], xmm (F3 0F 7F /r). */
    public X86Asm movdquStore(long addr, int xmm) {
        bytes(0xF3);
        if (xmm >= 8) {
            bytes(0x44);
        }
        bytes(0x0F, 0x7F);
        absolute(xmm, addr);
        return this;
    }

    /** LDMXCSR [abs32] (0F AE /2) and STMXCSR [abs32] (0F AE /3). */
    public X86Asm ldmxcsr(long addr) {
        bytes(0x0F, 0xAE);
        absolute(2, addr);
        return this;
    }

    public X86Asm stmxcsr(long addr) {
        bytes(0x0F, 0xAE);
        absolute(3, addr);
        return this;
    }

    private void rel32(Label l) {
        fixups.add(new Fixup(out.size(), l, 4));
        imm32(0);
    }

    private void rel8(Label l) {
        fixups.add(new Fixup(out.size(), l, 1));
        out.write(0);
    }

    /** CALL rel32 (E8). */
    public X86Asm call(Label l) {
        bytes(0xE8);
        rel32(l);
        return this;
    }

    /** JMP rel32 (E9). */
    public X86Asm jmp(Label l) {
        bytes(0xE9);
        rel32(l);
        return this;
    }

    /** JMP rel8 (EB): the target must be within 127 bytes. */
    public X86Asm jmpShort(Label l) {
        bytes(0xEB);
        rel8(l);
        return this;
    }

    /** Jcc rel32 (0F 80+cc). */
    public X86Asm jcc(Cond c, Label l) {
        bytes(0x0F, 0x80 + c.ordinal());
        rel32(l);
        return this;
    }

    /** Jcc rel8 (70+cc). */
    public X86Asm jccShort(Cond c, Label l) {
        bytes(0x70 + c.ordinal());
        rel8(l);
        return this;
    }

    /** The code with every label reference resolved. */
    public byte[] toBytes() {
        byte[] b = out.toByteArray();
        for (Fixup f : fixups) {
            if (!f.label().isBound()) {
                throw new IllegalStateException("unbound label");
            }
            long rel = f.label().offset - (f.at() + f.size());
            if (f.size() == 1) {
                if (rel != (byte) rel) {
                    throw new IllegalStateException("short branch out of range: " + rel);
                }
                b[f.at()] = (byte) rel;
            } else {
                for (int k = 0; k < 4; k++) {
                    b[f.at() + k] = (byte) (rel >>> (8 * k));
                }
            }
        }
        return b;
    }
}

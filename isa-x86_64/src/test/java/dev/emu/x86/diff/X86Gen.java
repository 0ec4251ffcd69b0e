package dev.emu.x86.diff;

import dev.emu.testkit.diff.x86.X86DiffProgram;
import dev.emu.testkit.diff.x86.X86State;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Builds random encodings for the campaigns: prefixes, REX, ModRM with a register or a
 * memory operand that stays inside the window (its base register set to point there).
 */
final class X86Gen {
    static final int WINDOW_BYTES = 256;
    static final long W = X86DiffProgram.WINDOW;
    static final int RSP = 4;

    final Random r;
    final X86State s;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final StringBuilder asm = new StringBuilder();
    /** Operand size in bits chosen by {@link #size}. */
    int size = 32;
    /** Memory operands chosen by {@link #memForm} land on a multiple of this (16 for SSE's m128). */
    int memAlign = 1;
    int rex;
    boolean opsize;

    X86Gen(Random r) {
        this.r = r;
        this.s = X86State.random(r, WINDOW_BYTES);
    }

    /** Random arithmetic flags and, if asked, DF. */
    X86Gen flags(boolean df) {
        s.rflags = r.nextLong() & X86State.FLAG_BITS & (df ? -1L : ~0x400L);
        return this;
    }

    /** Chooses an operand size: 8 (if allowed), 16, 32 or 64, and the prefixes it needs. */
    X86Gen size(boolean byteForm) {
        if (byteForm) {
            size = 8;
        } else {
            size = new int[] {16, 32, 64, 32, 64}[r.nextInt(5)];
        }
        opsize = size == 16;
        rex = size == 64 ? 0x48 : (r.nextInt(3) == 0 ? 0x40 : 0);
        return this;
    }

    X86Gen fixedSize(int bits) {
        size = bits;
        opsize = bits == 16;
        rex = bits == 64 ? 0x48 : 0;
        return this;
    }

    int reg() {
        return r.nextInt(16);
    }

    /** A register operand other than RSP. */
    int regNoSp() {
        int x;
        do {
            x = r.nextInt(16);
        } while (x == RSP);
        return x;
    }

    /** Writes the prefixes: 66 if the size asks, then REX (with R, X, B from the operands) when needed. */
    void prefixes(int regField, int index, int base) {
        if (opsize) {
            out.write(0x66);
        }
        int rx = rex | (regField >> 3 & 1) << 2 | (index >> 3 & 1) << 1 | (base >> 3 & 1);
        if (rx != 0) {
            out.write(0x40 | rx);
        }
    }

    /** ModRM for a register operand: opcode bytes, then mod=3. */
    void regForm(int[] opcode, int regField, int rm) {
        prefixes(regField, 0, rm);
        for (int b : opcode) {
            out.write(b);
        }
        out.write(0xC0 | (regField & 7) << 3 | (rm & 7));
    }

    /**
     * ModRM for a memory operand inside the window: [base + disp8] or [base + index*scale +
     * disp8], the base (and index) registers set so the access of {@code bytes} stays in it.
     * Returns the chosen base register (the caller avoids reusing it as a data operand it
     * randomises afterwards).
     */
    int memForm(int[] opcode, int regField, int bytes, int... avoid) {
        int base;
        do {
            base = regNoSp();
        } while (contains(avoid, base) || base == regField);
        boolean sib = r.nextBoolean() || (base & 7) == 4;
        int index = -1;
        int scale = 0;
        long indexVal = 0;
        if (sib && r.nextBoolean()) {
            do {
                index = regNoSp();
            } while (index == base || contains(avoid, index) || index == regField);
            scale = r.nextInt(4);
            indexVal = r.nextInt(8);
            s.gpr[index] = indexVal;
        }
        int disp = r.nextInt(64) - 32;
        long target = (64 + r.nextInt(WINDOW_BYTES - 128 - bytes)) & -memAlign;
        s.gpr[base] = W + target - disp - (indexVal << scale);
        prefixes(regField, index < 0 ? 0 : index, base);
        for (int b : opcode) {
            out.write(b);
        }
        if (sib) {
            out.write(0x40 | (regField & 7) << 3 | 0b100);
            int idx = index < 0 ? 0b100 : index & 7;
            out.write(scale << 6 | idx << 3 | (base & 7));
        } else {
            out.write(0x40 | (regField & 7) << 3 | (base & 7));
        }
        out.write(disp);
        return base;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** An immediate of up to 32 bits: edges or random. */
    static long imm32(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(256) - 128;
            case 1 -> new long[] {0, 1, -1, 0x7FFFFFFF, 0x80000000L, 0xFFFF, 0x8000, 0x7F, 0x80}[r.nextInt(9)];
            default -> r.nextInt();
        };
    }

    void imm(int bytes, long v) {
        for (int k = 0; k < bytes; k++) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    void raw(int... bs) {
        for (int b : bs) {
            out.write(b);
        }
    }

    byte[] code() {
        return out.toByteArray();
    }
}

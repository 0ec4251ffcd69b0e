package dev.emu.x86.x87;

import static dev.emu.x86.X86Registers.FCW;
import static dev.emu.x86.X86Registers.FPU_TOP;
import static dev.emu.x86.X86Registers.FSW;
import static dev.emu.x86.X86Registers.FTW;
import static dev.emu.x86.X86Registers.MXCSR;

import dev.emu.x86.X86Registers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory images of the x87 and SSE state: the 512-byte FXSAVE area (SDM Vol. 1
 * 10.5.1, Table 10-2, 64-bit format) that FXSAVE/FXRSTOR and the Linux signal frame's
 * fpstate use, and the 28-byte protected-mode environment of FNSTENV/FLDENV (SDM Vol. 1
 * 8.1.10, Figure 8-9). The instruction and operand pointers and the last opcode are not
 * kept by the core: they are stored as zeros and ignored on load.
 */
public final class FpuImages {
    private FpuImages() {}

    public static final int FXSAVE_SIZE = 512;
    public static final int ENV_SIZE = 28;
    /** MXCSR_MASK: every MXCSR bit but the reserved ones is writable (DAZ included). */
    public static final int MXCSR_MASK = 0xFFFF;

    /** The status word with TOP in bits 13..11, as FNSTSW shows it. */
    public static int statusWord(long[] r) {
        return (int) ((r[FSW] & ~0x3800L) | (r[FPU_TOP] & 7) << 11) & 0xFFFF;
    }

    public static void setStatusWord(long[] r, int fsw) {
        r[FSW] = fsw & ~0x3800 & 0xFFFF;
        r[FPU_TOP] = (fsw >>> 11) & 7;
    }

    /**
     * The full tag word (two bits per physical register, SDM 8.1.7): 11 empty, else from
     * the contents: 01 zero, 10 special (NaN, infinity, denormal, unnormal), 00 valid.
     */
    public static int fullTagWord(long[] r) {
        int tw = 0;
        for (int i = 0; i < 8; i++) {
            int tag;
            if ((r[FTW] >>> i & 1) == 0) {
                tag = 3;
            } else {
                long m = r[X86Registers.fprMant(i)];
                int e = (int) r[X86Registers.fprExp(i)] & 0x7FFF;
                if (e == 0) {
                    tag = m == 0 ? 1 : 2;
                } else if (e == 0x7FFF || m >= 0) {
                    tag = 2; // NaN/infinity, or an unnormal (integer bit clear)
                } else {
                    tag = 0;
                }
            }
            tw |= tag << (2 * i);
        }
        return tw;
    }

    /** The abridged tag byte from a full tag word: a bit per register, set unless its tag is empty. */
    public static int abridge(int fullTags) {
        int ftw = 0;
        for (int i = 0; i < 8; i++) {
            if ((fullTags >>> (2 * i) & 3) != 3) {
                ftw |= 1 << i;
            }
        }
        return ftw;
    }

    /** FXSAVE: the x87 state, MXCSR and XMM0..15 into {@code out[off..off+512)}; reserved bytes untouched. */
    public static void fxsave(long[] r, byte[] out, int off) {
        ByteBuffer b = ByteBuffer.wrap(out, off, FXSAVE_SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) r[FCW]);
        b.putShort(2, (short) statusWord(r));
        b.put(4, (byte) r[FTW]);
        b.put(5, (byte) 0);
        b.putShort(6, (short) 0);
        b.putLong(8, 0);
        b.putLong(16, 0);
        b.putInt(24, (int) r[MXCSR]);
        b.putInt(28, MXCSR_MASK);
        int top = (int) r[FPU_TOP] & 7;
        for (int i = 0; i < 8; i++) {
            int phys = (top + i) & 7;
            b.putLong(32 + 16 * i, r[X86Registers.fprMant(phys)]);
            b.putShort(40 + 16 * i, (short) r[X86Registers.fprExp(phys)]);
            for (int k = 42; k < 48; k++) {
                b.put(k + 16 * i, (byte) 0);
            }
        }
        for (int i = 0; i < 16; i++) {
            b.putLong(160 + 16 * i, r[X86Registers.xmmLo(i)]);
            b.putLong(168 + 16 * i, r[X86Registers.xmmHi(i)]);
        }
    }

    /**
     * FXRSTOR from {@code in[off..off+512)}. Returns false (nothing changed) when the MXCSR
     * image sets a reserved bit, which is #GP.
     */
    public static boolean fxrstor(long[] r, byte[] in, int off) {
        ByteBuffer b = ByteBuffer.wrap(in, off, FXSAVE_SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        int mxcsr = b.getInt(24);
        if ((mxcsr & ~MXCSR_MASK) != 0) {
            return false;
        }
        r[FCW] = b.getShort(0) & 0xFFFF;
        setStatusWord(r, b.getShort(2) & 0xFFFF);
        r[FTW] = b.get(4) & 0xFF;
        r[MXCSR] = mxcsr & 0xFFFFFFFFL;
        int top = (int) r[FPU_TOP];
        for (int i = 0; i < 8; i++) {
            int phys = (top + i) & 7;
            r[X86Registers.fprMant(phys)] = b.getLong(32 + 16 * i);
            r[X86Registers.fprExp(phys)] = b.getShort(40 + 16 * i) & 0xFFFF;
        }
        for (int i = 0; i < 16; i++) {
            r[X86Registers.xmmLo(i)] = b.getLong(160 + 16 * i);
            r[X86Registers.xmmHi(i)] = b.getLong(168 + 16 * i);
        }
        return true;
    }

    /**
     * FNSTENV's 28-byte image: FCW, FSW, full FTW, then zeroed pointers; the reserved upper
     * halves of the first three dwords read as ones, as Intel hardware stores them.
     */
    public static void storeEnv(long[] r, byte[] out, int off) {
        ByteBuffer b = ByteBuffer.wrap(out, off, ENV_SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xFFFF0000 | (int) r[FCW] & 0xFFFF);
        b.putInt(4, 0xFFFF0000 | statusWord(r));
        b.putInt(8, 0xFFFF0000 | fullTagWord(r));
        for (int k = 12; k < ENV_SIZE; k += 4) {
            b.putInt(k, 0);
        }
    }

    /** FLDENV: FCW, FSW (TOP included) and the tags (only "empty" matters: other tags follow the contents). */
    public static void loadEnv(long[] r, byte[] in, int off) {
        ByteBuffer b = ByteBuffer.wrap(in, off, ENV_SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        r[FCW] = b.getShort(0) & 0xFFFF;
        setStatusWord(r, b.getShort(4) & 0xFFFF);
        r[FTW] = abridge(b.getShort(8) & 0xFFFF);
    }

    /** FNINIT / FINIT (and a signal handler's fresh FPU): FCW 037F, FSW 0, every register empty. */
    public static void init(long[] r) {
        r[FCW] = X86Registers.FCW_DEFAULT;
        r[FSW] = 0;
        r[FPU_TOP] = 0;
        r[FTW] = 0;
    }
}

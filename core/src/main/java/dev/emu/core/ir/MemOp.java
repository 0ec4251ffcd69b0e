package dev.emu.core.ir;

/**
 * Packs the size (1, 2, 4, 8 bytes), signedness and byte order of a LOAD, STORE or CAS into
 * the instruction's {@code imm}: bits 0-3 size, bit 4 signed, bit 5 big-endian.
 */
public final class MemOp {
    public static final int SIGNED = 1 << 4;
    public static final int BIG_ENDIAN = 1 << 5;

    private MemOp() {}

    public static long of(int size, boolean signed, boolean bigEndian) {
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new IllegalArgumentException("memory access size " + size);
        }
        return size | (signed ? SIGNED : 0) | (bigEndian ? BIG_ENDIAN : 0);
    }

    public static int size(long imm) {
        return (int) (imm & 0xF);
    }

    public static boolean signed(long imm) {
        return (imm & SIGNED) != 0;
    }

    public static boolean bigEndian(long imm) {
        return (imm & BIG_ENDIAN) != 0;
    }

    public static String describe(long imm) {
        return (signed(imm) ? "s" : "u") + size(imm) * 8 + (bigEndian(imm) ? "be" : "le");
    }
}

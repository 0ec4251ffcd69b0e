package dev.emu.ppc64le;

import dev.emu.core.cpu.RegisterFile;

/**
 * The Power ISA user register file (Book I) and the slot numbers lifters use.
 *
 * <p>XER is kept as its fields, each in its own slot (SO, OV, CA, OV32, CA32 as 0/1 and the
 * string byte count): carrying instructions write CA alone and C2 drops the writes nobody
 * reads. mfxer/mtxer assemble and split them.
 *
 * <p>CR is kept per field: eight slots of 4 bits (LT GT EQ SO from bit 3 down, the field's
 * bits in the manual's order). The common writers, a compare or a record form, produce one
 * field, so they write one slot instead of four; a conditional branch reads one slot and tests
 * one bit; only mfcr/mtcrf and the CR logical ops touch several.
 *
 * <p>The 64 VSX registers vs0..vs63 take two slots each, low doubleword first as every
 * 128-bit register of the {@link RegisterFile}: the slot {@code vsr(i) + 1} holds doubleword 0
 * (the most significant, in the manual's numbering) and {@code vsr(i)} doubleword 1. FPR n is
 * doubleword 0 of vs n; VR n is vs(32 + n).
 */
public final class PpcRegisters {
    private PpcRegisters() {}

    /** GPR0..GPR31 are slots 0..31. */
    public static final int R0 = 0;
    public static final int PC;
    public static final int LR;
    public static final int CTR;
    /**
     * XER fields: SO, OV, CA, OV32, CA32 (0/1 each), and in XER_BC the rest of what mtxer wrote:
     * the byte count of lswx/stswx (bits 57:63) and the other bits of XER's low word, which
     * the architecture leaves reserved and QEMU keeps for mfxer to read back.
     */
    public static final int XER_SO, XER_OV, XER_CA, XER_OV32, XER_CA32, XER_BC;
    /** CR0..CR7: 4 bits each (LT=8, GT=4, EQ=2, SO=1). */
    public static final int CR0;
    public static final int TAR;
    public static final int VRSAVE;
    public static final int DSCR;
    public static final int FPSCR;
    public static final int VSCR;
    /** vs0 low doubleword; vs i at {@code VS0 + 2 * i} (doubleword 1) and {@code + 1} (doubleword 0). */
    public static final int VS0;
    /**
     * The reservation of lwarx/ldarx/lbarx/lharx, kept the way QEMU keeps it: the address of
     * the last load-and-reserve (-1 when none) and the value it read; a store-conditional
     * succeeds by a compare-and-swap from that value.
     */
    public static final int RESERVE_ADDR, RESERVE_VAL, RESERVE_SIZE;

    public static final RegisterFile FILE;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        for (int i = 0; i < 32; i++) {
            b.add("r" + i, 64);
        }
        PC = b.pc("pc", 64);
        LR = b.add("lr", 64);
        CTR = b.add("ctr", 64);
        XER_SO = b.add("xer_so", 1);
        XER_OV = b.add("xer_ov", 1);
        XER_CA = b.add("xer_ca", 1);
        XER_OV32 = b.add("xer_ov32", 1);
        XER_CA32 = b.add("xer_ca32", 1);
        XER_BC = b.add("xer_bc", 32);
        int cr0 = -1;
        for (int i = 0; i < 8; i++) {
            int s = b.add("cr" + i, 4);
            if (i == 0) {
                cr0 = s;
            }
        }
        CR0 = cr0;
        TAR = b.add("tar", 64);
        VRSAVE = b.add("vrsave", 32);
        DSCR = b.add("dscr", 64);
        FPSCR = b.add("fpscr", 64);
        VSCR = b.add("vscr", 32);
        int vs0 = -1;
        for (int i = 0; i < 64; i++) {
            int s = b.add("vs" + i, 128);
            if (i == 0) {
                vs0 = s;
            }
        }
        VS0 = vs0;
        RESERVE_ADDR = b.add("reserve_addr", 64);
        RESERVE_VAL = b.add("reserve_val", 64);
        RESERVE_SIZE = b.add("reserve_size", 8);
        for (int i = 0; i < 32; i++) {
            b.alias("f" + i, VS0 + 2 * i + 1, 64);
            b.alias("v" + i, VS0 + 2 * (32 + i), 128);
        }
        b.alias("sp", R0 + 1, 64).alias("toc", R0 + 2, 64).alias("tp", R0 + 13, 64);
        FILE = b.build();
    }

    /** Slot of GPR n. */
    public static int gpr(int n) {
        return R0 + n;
    }

    /** Slot of CR field f (0..7). */
    public static int crField(int f) {
        return CR0 + f;
    }

    /** Slot of doubleword 1 (the low half) of vs i. */
    public static int vsrLow(int i) {
        return VS0 + 2 * i;
    }

    /** Slot of doubleword 0 (the high half) of vs i: FPR i for i < 32. */
    public static int vsrHigh(int i) {
        return VS0 + 2 * i + 1;
    }

    /** Slot of FPR n (doubleword 0 of vs n). */
    public static int fpr(int n) {
        return vsrHigh(n);
    }

    /** Slot of the low doubleword of VR n (vs 32+n). */
    public static int vrLow(int n) {
        return vsrLow(32 + n);
    }

    /** Slot of the high doubleword of VR n (vs 32+n). */
    public static int vrHigh(int n) {
        return vsrHigh(32 + n);
    }
}

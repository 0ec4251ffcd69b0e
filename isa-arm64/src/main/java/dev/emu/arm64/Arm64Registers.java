package dev.emu.arm64;

import dev.emu.core.cpu.RegisterFile;

/**
 * The AArch64 register file and the slot numbers lifters use. Flags each take a slot
 * holding 0 or 1; a vector register V<i> takes two slots, low half first.
 */
public final class Arm64Registers {
    private Arm64Registers() {}

    /** X0..X30 are slots 0..30. */
    public static final int X0 = 0;
    public static final int X30 = 30;
    public static final int SP;
    public static final int PC;
    public static final int N;
    public static final int Z;
    public static final int C;
    public static final int V;
    public static final int FPCR;
    public static final int FPSR;
    public static final int TPIDR_EL0;
    /** V0 low half; V<i> is at {@code V0 + 2 * i} (low) and {@code V0 + 2 * i + 1} (high). */
    public static final int V0;
    /**
     * Exclusive monitor (LDXR/STXR), kept the way QEMU keeps it: the address of the last
     * load-exclusive (-1 when the monitor is open) and the value(s) it read; a
     * store-exclusive succeeds by a compare-and-swap from that value.
     */
    public static final int EXCL_ADDR;
    public static final int EXCL_VAL;
    public static final int EXCL_VAL2;
    /**
     * Not architectural: a 128-bit slot where the SIMD helpers build a result lane by lane
     * before it replaces V<d> (which may also be a source), so they allocate nothing.
     */
    public static final int SIMD_RESULT;

    public static final RegisterFile FILE;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        for (int i = 0; i <= 30; i++) {
            b.add("x" + i, 64);
        }
        SP = b.add("sp", 64);
        PC = b.pc("pc", 64);
        N = b.add("n", 1);
        Z = b.add("z", 1);
        C = b.add("c", 1);
        V = b.add("v", 1);
        FPCR = b.add("fpcr", 32);
        FPSR = b.add("fpsr", 32);
        TPIDR_EL0 = b.add("tpidr_el0", 64);
        int v0 = -1;
        for (int i = 0; i < 32; i++) {
            int s = b.add("v" + i, 128);
            if (i == 0) {
                v0 = s;
            }
        }
        V0 = v0;
        EXCL_ADDR = b.add("excl_addr", 64);
        EXCL_VAL = b.add("excl_val", 64);
        EXCL_VAL2 = b.add("excl_val2", 64);
        SIMD_RESULT = b.add("simd_result", 128);
        b.alias("lr", X30, 64).alias("fp", 29, 64);
        b.fpControlStatus(FPCR, FPSR);
        FILE = b.build();
    }

    /** Slot of the low half of V<i>. */
    public static int vlo(int i) {
        return V0 + 2 * i;
    }

    /** Slot of the high half of V<i>. */
    public static int vhi(int i) {
        return V0 + 2 * i + 1;
    }
}

package dev.emu.arm32;

import dev.emu.core.cpu.RegisterFile;

/**
 * The AArch32 user-mode register file and the slot numbers lifters use. R0..R14 and the pc
 * (R15) hold 32-bit values; the pc slot holds the address of the next instruction to run
 * (bit 0 clear), and the Thumb bit {@link #T} says which instruction set runs there. Each
 * CPSR flag has a slot of its own (N, Z, C, V, Q as 0/1; GE as 4 bits); {@link #ITSTATE} is
 * the Thumb IT state, ITSTATE[7:0] as the ARM ARM (A2.5.2) lays it out. D0..D31 take one
 * 64-bit slot each, so Q<i> is the pair D<2i>, D<2i+1>.
 */
public final class Arm32Registers {
    private Arm32Registers() {}

    /** R0..R14 are slots 0..14; R15 is {@link #PC}. */
    public static final int R0 = 0;
    public static final int SP = 13;
    public static final int LR = 14;
    public static final int PC;
    public static final int N;
    public static final int Z;
    public static final int C;
    public static final int V;
    public static final int Q;
    /** GE[3:0] of the APSR (SIMD add/subtract). */
    public static final int GE;
    /** 1 while executing Thumb. */
    public static final int T;
    /** ITSTATE[7:0]: 0 outside an IT block. */
    public static final int ITSTATE;
    public static final int FPSCR;
    /** TPIDRURO (CP15 c13, c0, 3): the TLS pointer Linux sets and user code reads. */
    public static final int TPIDRURO;
    /** TPIDRURW (CP15 c13, c0, 2): user read/write thread ID register. */
    public static final int TPIDRURW;
    /** D0; D<i> is at {@code D0 + i}. */
    public static final int D0;
    /**
     * Exclusive monitor (LDREX/STREX), as the arm64 core keeps it: the address of the last
     * load-exclusive (-1 when open) and the value it read (both words for LDREXD).
     */
    public static final int EXCL_ADDR;
    public static final int EXCL_VAL;

    public static final RegisterFile FILE;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        for (int i = 0; i <= 14; i++) {
            b.add("r" + i, 32);
        }
        PC = b.pc("pc", 32);
        N = b.add("n", 1);
        Z = b.add("z", 1);
        C = b.add("c", 1);
        V = b.add("v", 1);
        Q = b.add("q", 1);
        GE = b.add("ge", 4);
        T = b.add("t", 1);
        ITSTATE = b.add("itstate", 8);
        FPSCR = b.add("fpscr", 32);
        TPIDRURO = b.add("tpidruro", 32);
        TPIDRURW = b.add("tpidrurw", 32);
        int d0 = -1;
        for (int i = 0; i < 32; i++) {
            int s = b.add("d" + i, 64);
            if (i == 0) {
                d0 = s;
            }
        }
        D0 = d0;
        EXCL_ADDR = b.add("excl_addr", 64);
        EXCL_VAL = b.add("excl_val", 64);
        b.alias("sp", SP, 32).alias("lr", LR, 32).alias("r15", PC, 32).alias("ip", 12, 32).alias("fp", 11, 32);
        for (int i = 0; i < 16; i++) {
            b.alias("q" + i, D0 + 2 * i, 128);
        }
        b.fpControlStatus(FPSCR, FPSCR);
        FILE = b.build();
    }

    /** The CPSR as MRS APSR reads it: N Z C V Q in bits 31..27, GE in 19..16, T in bit 5. */
    public static int cpsr(long[] regs) {
        return (int) (regs[N] << 31 | regs[Z] << 30 | regs[C] << 29 | regs[V] << 28 | regs[Q] << 27
                | regs[GE] << 16 | regs[T] << 5 | (regs[ITSTATE] & 3) << 25 | (regs[ITSTATE] >> 2) << 10);
    }

    /** Sets the flags, GE, T and ITSTATE from a CPSR value. */
    public static void setCpsr(long[] regs, int cpsr) {
        regs[N] = cpsr >>> 31 & 1;
        regs[Z] = cpsr >>> 30 & 1;
        regs[C] = cpsr >>> 29 & 1;
        regs[V] = cpsr >>> 28 & 1;
        regs[Q] = cpsr >>> 27 & 1;
        regs[GE] = cpsr >>> 16 & 0xF;
        regs[T] = cpsr >>> 5 & 1;
        regs[ITSTATE] = (cpsr >>> 25 & 3) | (cpsr >>> 10 & 0x3F) << 2;
    }
}

package dev.emu.arm32;

import dev.emu.core.mem.GuestFault;

/** Static helpers the AArch32 lifters call; shared by the interpreter and generated code. */
public final class Arm32Helpers {
    private Arm32Helpers() {}

    /**
     * The address, if its low bits under {@code mask} are clear; otherwise an alignment fault
     * (SIGBUS). LDRD, STRD, LDM, STM and the exclusives check alignment even with SCTLR.A
     * clear (A3.2.1). {@code write} names the access in the fault.
     */
    public static long checkAligned(long address, long mask, int write) {
        if ((address & mask) != 0) {
            throw new GuestFault(address, write != 0 ? GuestFault.Access.WRITE : GuestFault.Access.READ,
                    GuestFault.Reason.ALIGNMENT);
        }
        return address;
    }

    /** Kinds of parallel add/subtract (A5.4.1, A5.4.2), in the A32 op1 order without the gaps. */
    public static final int S = 0, QS = 1, SH = 2, U = 3, UQ = 4, UH = 5;
    /** Operations, in the A32 op2 order: ADD16, ASX, SAX, SUB16, ADD8, SUB8. */
    public static final int ADD16 = 0, ASX = 1, SAX = 2, SUB16 = 3, ADD8 = 4, SUB8 = 5;

    /**
     * The parallel add/subtract instructions (SADD16 ... UHSUB8): the result in the low 32
     * bits, the GE flags the plain signed and unsigned forms set in bits 35..32.
     */
    public static long parallelAddSub(int kind, int op, int a, int b) {
        boolean signed = kind <= SH;
        int result = 0;
        int ge = 0;
        int lanes = op >= ADD8 ? 4 : 2;
        int bits = op >= ADD8 ? 8 : 16;
        int mask = (1 << bits) - 1;
        for (int lane = 0; lane < lanes; lane++) {
            int other = lane;
            boolean add;
            switch (op) {
                case ASX -> {
                    other = 1 - lane;
                    add = lane == 1;
                }
                case SAX -> {
                    other = 1 - lane;
                    add = lane == 0;
                }
                case SUB16, SUB8 -> add = false;
                default -> add = true;
            }
            int x = a >>> (bits * lane) & mask;
            int y = b >>> (bits * other) & mask;
            if (signed) {
                x = x << (32 - bits) >> (32 - bits);
                y = y << (32 - bits) >> (32 - bits);
            }
            int v = add ? x + y : x - y;
            boolean geLane;
            int r;
            switch (kind) {
                case QS -> {
                    r = Math.max(-(1 << (bits - 1)), Math.min((1 << (bits - 1)) - 1, v));
                    geLane = false;
                }
                case UQ -> {
                    r = Math.max(0, Math.min(mask, v));
                    geLane = false;
                }
                case SH, UH -> {
                    r = v >> 1;
                    geLane = false;
                }
                case S -> {
                    r = v;
                    geLane = v >= 0;
                }
                default -> { // U
                    r = v;
                    geLane = add ? v > mask : v >= 0;
                }
            }
            result |= (r & mask) << (bits * lane);
            if (geLane) {
                ge |= (bits == 16 ? 3 : 1) << (lane * (bits / 8));
            }
        }
        return (result & 0xFFFF_FFFFL) | (long) ge << 32;
    }

    /** SEL: each byte from a where its GE bit is set, else from b. */
    public static int select(int ge, int a, int b) {
        int mask = 0;
        for (int i = 0; i < 4; i++) {
            if ((ge >>> i & 1) != 0) {
                mask |= 0xFF << (8 * i);
            }
        }
        return a & mask | b & ~mask;
    }
}

package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;

import dev.emu.core.cpu.CpuState;

/** Advanced SIMD three same, integer part (C4.1 "Advanced SIMD three same"), vector and scalar. */
public final class ThreeSameHelpers {
    private ThreeSameHelpers() {}

    private static final int ADDP = 0b10111, MAXP = 0b10100, MINP = 0b10101;

    private static boolean allows64(int opcode, int u) {
        return switch (opcode) {
            case 0b00001, 0b00101, 0b00110, 0b00111, 0b01000, 0b01001, 0b01010, 0b01011, 0b10000, 0b10001 -> true;
            case ADDP -> u == 0;
            default -> false;
        };
    }

    /** Whether the vector integer encoding (opcode not 00011 and not 11xxx) is allocated. */
    public static boolean validVector(int w) {
        int q = w >>> 30 & 1, u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 11 & 0x1F;
        if (opcode == 0b00011 || opcode >= 0b11000) {
            return false;
        }
        if (size == 3 && (q == 0 || !allows64(opcode, u))) {
            return false;
        }
        return switch (opcode) {
            case 0b10010 -> size != 3;                 // MLA, MLS
            case 0b10011 -> u == 0 ? size != 3 : size == 0; // MUL, PMUL
            case 0b10110 -> size == 1 || size == 2;    // SQDMULH, SQRDMULH
            case MAXP, MINP -> size != 3;
            case ADDP -> u == 0;
            default -> IntLanes.implemented(u << 5 | opcode);
        };
    }

    public static void vector(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 11 & 0x1F;
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        int e = 8 << size;
        int lanes = (q ? 128 : 64) / e;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), acc = Vec.at(d), r = Vec.result(s);
        if (opcode == ADDP || opcode == MAXP || opcode == MINP) {
            int uop = opcode == ADDP ? 0b10000 : u << 5 | (opcode == MAXP ? 0b01100 : 0b01101);
            int half = lanes / 2;
            for (int i = 0; i < lanes; i++) {
                int src = i < half ? a : b;
                int j = 2 * (i % half);
                set(v, r, i, e, IntLanes.op(s, uop, get(v, src, j, e), get(v, src, j + 1, e), 0, e));
            }
        } else {
            int uop = u << 5 | opcode;
            for (int i = 0; i < lanes; i++) {
                set(v, r, i, e, IntLanes.op(s, uop, get(v, a, i, e), get(v, b, i, e), get(v, acc, i, e), e));
            }
        }
        Vec.write(s, d, q);
    }

    /** Whether the scalar integer encoding (01U11110 size 1 ...) is allocated. */
    public static boolean validScalar(int w) {
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 11 & 0x1F;
        return switch (opcode) {
            case 0b00001, 0b00101, 0b01001, 0b01011 -> true;           // SQADD, SQSUB, SQSHL, SQRSHL (and U)
            case 0b00110, 0b00111, 0b01000, 0b01010, 0b10000, 0b10001 -> size == 3;
            case 0b10110 -> size == 1 || size == 2;                     // SQDMULH, SQRDMULH
            default -> false;
        };
    }

    public static void scalar(CpuState s, int w) {
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 11 & 0x1F;
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        int e = 8 << size;
        long[] v = s.regs;
        int r = Vec.result(s);
        set(v, r, 0, e, IntLanes.op(s, u << 5 | opcode, get(v, Vec.at(n), 0, e), get(v, Vec.at(m), 0, e), 0, e));
        Vec.write(s, d, false);
    }
}

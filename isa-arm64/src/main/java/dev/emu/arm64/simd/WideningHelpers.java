package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;
import static dev.emu.arm64.simd.Vec.sget;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;
import dev.emu.core.cpu.CpuState;

/** C4.1 Advanced SIMD three different (long, wide, narrow) and vector/scalar x indexed element. */
public final class WideningHelpers {
    private WideningHelpers() {}

    // ------------------------------------------------------------ three different
    public static boolean validThreeDifferent(int w) {
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 12 & 15;
        if (size == 3) {
            return opcode == 0b1110 && u == 0 && (w >>> 28 & 1) == 0; // PMULL, PMULL2 (1Q, FEAT_PMULL)
        }
        if ((w >>> 28 & 1) != 0) { // scalar: SQDMLAL, SQDMLSL, SQDMULL
            return u == 0 && (size == 1 || size == 2) && (opcode == 0b1001 || opcode == 0b1011 || opcode == 0b1101);
        }
        return switch (opcode) {
            case 0b1001, 0b1011, 0b1101 -> u == 0 && (size == 1 || size == 2); // SQDMLAL, SQDMLSL, SQDMULL
            case 0b1110 -> u == 0 && size == 0;                                 // PMULL (8-bit)
            case 0b1111 -> false;
            default -> true;
        };
    }

    public static void threeDifferent(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        boolean u = (w >>> 29 & 1) != 0;
        int size = w >>> 22 & 3, m = w >>> 16 & 31, opcode = w >>> 12 & 15, n = w >>> 5 & 31, d = w & 31;
        if (size == 3) {
            CryptoHelpers.pmull64(s, w);
            return;
        }
        int e = 8 << size, we = 2 * e, lanes = 64 / e;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), acc = Vec.at(d), r = Vec.result(s);
        if (opcode == 0b0100 || opcode == 0b0110) { // ADDHN, RADDHN, SUBHN, RSUBHN: wide in, narrow out
            for (int i = 0; i < lanes; i++) {
                long x = get(v, a, i, we), y = get(v, b, i, we);
                long sum = opcode == 0b0100 ? x + y : x - y;
                if (u) {
                    sum += 1L << (e - 1);
                }
                set(v, r, i, e, sum >>> e); // the high half of the 2e-bit result
            }
            Vec.writeNarrow(s, d, q);
            return;
        }
        boolean scalar = (w >>> 28 & 1) != 0;
        if (scalar) {
            q = false;
            lanes = 1;
        }
        int ah = q ? a + 1 : a, bh = q ? b + 1 : b;
        boolean wide = opcode == 0b0001 || opcode == 0b0011;
        for (int i = 0; i < lanes; i++) {
            long x = wide ? get(v, a, i, we) : u ? get(v, ah, i, e) : sget(v, ah, i, e);
            long y = u ? get(v, bh, i, e) : sget(v, bh, i, e);
            long old = get(v, acc, i, we);
            long res = switch (opcode) {
                case 0b0000, 0b0001 -> x + y;
                case 0b0010, 0b0011 -> x - y;
                case 0b0101 -> old + Math.abs(x - y);
                case 0b0111 -> Math.abs(x - y);
                case 0b1000 -> old + x * y;
                case 0b1010 -> old - x * y;
                case 0b1100 -> x * y;
                case 0b1001 -> IntLanes.sqadd(s, Vec.sx(old, we), sqdmull(s, x, y, e), we);
                case 0b1011 -> IntLanes.sqsub(s, Vec.sx(old, we), sqdmull(s, x, y, e), we);
                case 0b1101 -> sqdmull(s, x, y, e);
                default -> pmul8(get(v, ah, i, e), get(v, bh, i, e));
            };
            set(v, r, i, we, res);
        }
        Vec.write(s, d, !scalar);
    }

    /** SQDMULL lane: 2 * x * y saturated to 2e bits. */
    static long sqdmull(CpuState s, long x, long y, int e) {
        long p = x * y;
        if (e == 32 && p == 1L << 62) { // MIN * MIN doubled overflows
            Vec.saturated(s);
            return Long.MAX_VALUE;
        }
        return Vec.satS(s, 2 * p, 2 * e);
    }

    private static long pmul8(long a, long b) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            if ((b >>> i & 1) != 0) {
                r ^= a << i;
            }
        }
        return r;
    }

    // ------------------------------------------------------------ x indexed element
    /** Key U:opcode. */
    private static int key(int w) {
        return (w >>> 29 & 1) << 4 | (w >>> 12 & 15);
    }

    private static final int FMLA = 0x01, SMLAL = 0x02, SQDMLAL = 0x03, FMLS = 0x05, SMLSL = 0x06, SQDMLSL = 0x07,
            MUL = 0x08, FMUL = 0x09, SMULL = 0x0A, SQDMULL = 0x0B, SQDMULH = 0x0C, SQRDMULH = 0x0D, MLA = 0x10,
            UMLAL = 0x12, MLS = 0x14, UMLSL = 0x16, FMULX = 0x19, UMULL = 0x1A,
            SDOT = 0x0E, UDOT = 0x1E, SQRDMLAH = 0x1D, SQRDMLSH = 0x1F;

    private static boolean fp(int k) {
        return k == FMLA || k == FMLS || k == FMUL || k == FMULX;
    }

    public static boolean validIndexed(int w) {
        boolean scalar = (w >>> 28 & 1) != 0, q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3, l = w >>> 21 & 1, k = key(w);
        if (fp(k)) {
            if (size < 2 || (size == 3 && (l == 1 || (!q && !scalar)))) {
                return false; // size 00 is FP16
            }
            return true;
        }
        if (k == SDOT || k == UDOT) {
            return !scalar && size == 2;
        }
        if (size != 1 && size != 2) {
            return false;
        }
        if (k == SQRDMLAH || k == SQRDMLSH) {
            return true;
        }
        if (scalar) {
            return k == SQDMULH || k == SQRDMULH || k == SQDMULL || k == SQDMLAL || k == SQDMLSL;
        }
        return switch (k) {
            case SMLAL, SQDMLAL, SMLSL, SQDMLSL, MUL, SMULL, SQDMULL, SQDMULH, SQRDMULH, MLA, UMLAL, MLS, UMLSL, UMULL -> true;
            default -> false;
        };
    }

    public static void indexed(CpuState s, int w) {
        boolean scalar = (w >>> 28 & 1) != 0, q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3, l = w >>> 21 & 1, mBit = w >>> 20 & 1, rm = w >>> 16 & 15, h = w >>> 11 & 1;
        int n = w >>> 5 & 31, d = w & 31, k = key(w);
        int index, m;
        if (size == 1) {
            index = h << 2 | l << 1 | mBit;
            m = rm;
        } else {
            index = size == 3 ? h : h << 1 | l;
            m = mBit << 4 | rm;
        }
        int e = 8 << size;
        long[] v = s.regs;
        int a = Vec.at(n), acc = Vec.at(d), r = Vec.result(s);
        long elem = get(v, Vec.at(m), index, e);
        if (fp(k)) {
            int fmt = e == 64 ? Fp.D : Fp.S;
            int lanes = scalar ? 1 : (q ? 128 : 64) / e;
            for (int i = 0; i < lanes; i++) {
                long x = get(v, a, i, e);
                long res = switch (k) {
                    case FMLA -> FpFast.mulAdd(s, get(v, acc, i, e), x, elem, fmt);
                    case FMLS -> FpFast.mulAdd(s, get(v, acc, i, e), Fp.neg(x, fmt), elem, fmt);
                    case FMUL -> FpFast.mul(s, x, elem, fmt);
                    default -> Fp.mulx(s, x, elem, fmt);
                };
                set(v, r, i, e, res);
            }
            Vec.write(s, d, q && !scalar);
            return;
        }
        if (k == SDOT || k == UDOT) {
            for (int i = 0; i < (q ? 4 : 2); i++) {
                set(v, r, i, 32, get(v, acc, i, 32) + ExtensionHelpers.dot(v, a, i, Vec.at(m), index, k == UDOT));
            }
            Vec.write(s, d, q);
            return;
        }
        if (k == SQRDMLAH || k == SQRDMLSH) {
            int lanes = scalar ? 1 : (q ? 128 : 64) / e;
            for (int i = 0; i < lanes; i++) {
                set(v, r, i, e, ExtensionHelpers.rdmlah(s, sget(v, acc, i, e), sget(v, a, i, e), Vec.sx(elem, e), e,
                        k == SQRDMLSH));
            }
            Vec.write(s, d, q && !scalar);
            return;
        }
        boolean longForm = k == SMLAL || k == SQDMLAL || k == SMLSL || k == SQDMLSL || k == SMULL || k == SQDMULL
                || k == UMLAL || k == UMLSL || k == UMULL;
        boolean unsigned = k == UMLAL || k == UMLSL || k == UMULL;
        long y = unsigned ? elem : Vec.sx(elem, e);
        if (longForm) {
            int we = 2 * e, lanes = scalar ? 1 : 64 / e;
            int half = q && !scalar ? a + 1 : a;
            for (int i = 0; i < lanes; i++) {
                long x = unsigned ? get(v, half, i, e) : sget(v, half, i, e);
                long old = get(v, acc, i, we);
                long res = switch (k) {
                    case SMLAL, UMLAL -> old + x * y;
                    case SMLSL, UMLSL -> old - x * y;
                    case SMULL, UMULL -> x * y;
                    case SQDMULL -> sqdmull(s, x, y, e);
                    case SQDMLAL -> IntLanes.sqadd(s, Vec.sx(old, we), sqdmull(s, x, y, e), we);
                    default -> IntLanes.sqsub(s, Vec.sx(old, we), sqdmull(s, x, y, e), we);
                };
                set(v, r, i, we, res);
            }
            Vec.write(s, d, !scalar);
            return;
        }
        int lanes = scalar ? 1 : (q ? 128 : 64) / e;
        for (int i = 0; i < lanes; i++) {
            long x = get(v, a, i, e);
            long old = get(v, acc, i, e);
            long res = switch (k) {
                case MUL -> x * y;
                case MLA -> old + x * y;
                case MLS -> old - x * y;
                case SQDMULH -> IntLanes.op(s, 0b010110, x, elem, 0, e);
                default -> IntLanes.op(s, 0b110110, x, elem, 0, e);
            };
            set(v, r, i, e, res);
        }
        Vec.write(s, d, q && !scalar);
    }
}

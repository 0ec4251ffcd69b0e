package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.satS;
import static dev.emu.arm64.simd.Vec.saturated;
import static dev.emu.arm64.simd.Vec.sx;
import static dev.emu.arm64.simd.Vec.zx;

import dev.emu.core.cpu.CpuState;

/**
 * One lane of the integer "three same" operations (C4.1 Advanced SIMD three same, scalar
 * and vector), indexed by U:opcode. Operands arrive zero-extended; results are truncated by
 * the caller.
 */
public final class IntLanes {
    private IntLanes() {}

    /** Whether U:opcode (6 bits) is an integer lane op this class implements (not logic, not pairwise). */
    public static boolean implemented(int uop) {
        return switch (uop & 0x1F) {
            case 0b00000, 0b00001, 0b00010, 0b00100, 0b00101, 0b00110, 0b00111, 0b01000, 0b01001,
                    0b01010, 0b01011, 0b01100, 0b01101, 0b01110, 0b01111, 0b10000, 0b10001, 0b10010,
                    0b10011, 0b10110 -> true;
            default -> false;
        };
    }

    /** U:opcode lane op on a and b (zero-extended esize-bit values); acc is the old Rd lane. */
    public static long op(CpuState s, int uop, long a, long b, long acc, int e) {
        boolean u = (uop & 0x20) != 0;
        long sa = sx(a, e), sb = sx(b, e);
        switch (uop & 0x1F) {
            case 0b00000: // SHADD / UHADD
                return u ? uhalf(a, b, 0) : shalf(sa, sb, 0);
            case 0b00010: // SRHADD / URHADD
                return u ? uhalf(a, b, 1) : shalf(sa, sb, 1);
            case 0b00100: // SHSUB / UHSUB
                return u ? halfSub(a, b, e, false) : halfSub(sa, sb, e, true);
            case 0b00001: // SQADD / UQADD
                return u ? uqadd(s, a, b, e) : sqadd(s, sa, sb, e);
            case 0b00101: // SQSUB / UQSUB
                return u ? uqsub(s, a, b, e) : sqsub(s, sa, sb, e);
            case 0b00110: // CMGT / CMHI
                return (u ? Long.compareUnsigned(a, b) > 0 : sa > sb) ? -1 : 0;
            case 0b00111: // CMGE / CMHS
                return (u ? Long.compareUnsigned(a, b) >= 0 : sa >= sb) ? -1 : 0;
            case 0b01000: // SSHL / USHL
                return shiftReg(s, a, b, e, !u, false, false);
            case 0b01001: // SQSHL / UQSHL (register)
                return shiftReg(s, a, b, e, !u, false, true);
            case 0b01010: // SRSHL / URSHL
                return shiftReg(s, a, b, e, !u, true, false);
            case 0b01011: // SQRSHL / UQRSHL
                return shiftReg(s, a, b, e, !u, true, true);
            case 0b01100: // SMAX / UMAX
                return u ? (Long.compareUnsigned(a, b) >= 0 ? a : b) : Math.max(sa, sb);
            case 0b01101: // SMIN / UMIN
                return u ? (Long.compareUnsigned(a, b) <= 0 ? a : b) : Math.min(sa, sb);
            case 0b01110: // SABD / UABD
                return absDiff(a, b, sa, sb, u);
            case 0b01111: // SABA / UABA
                return acc + absDiff(a, b, sa, sb, u);
            case 0b10000: // ADD / SUB
                return u ? a - b : a + b;
            case 0b10001: // CMTST / CMEQ
                return (u ? a == b : (a & b) != 0) ? -1 : 0;
            case 0b10010: // MLA / MLS
                return u ? acc - a * b : acc + a * b;
            case 0b10011: // MUL / PMUL
                return u ? pmul(a, b, e) : a * b;
            case 0b10110: // SQDMULH / SQRDMULH
                return sqdmulh(s, sa, sb, e, u);
            default:
                throw new IllegalStateException("three same op " + uop);
        }
    }

    private static long uhalf(long a, long b, int round) {
        // (a + b + round) >> 1 without losing the carry out of 64 bits
        return (a >>> 1) + (b >>> 1) + (((a & 1) + (b & 1) + round) >>> 1);
    }

    private static long shalf(long a, long b, int round) {
        return (a >> 1) + (b >> 1) + (((a & 1) + (b & 1) + round) >> 1);
    }

    private static long halfSub(long a, long b, int e, boolean signed) {
        if (e < 64) {
            return (a - b) >> 1;
        }
        // 65-bit difference
        long d = a - b;
        boolean borrow = signed ? ((a ^ b) & (a ^ d)) < 0 : Long.compareUnsigned(a, b) < 0;
        long top = signed ? (borrow ? ~d & Long.MIN_VALUE : d & Long.MIN_VALUE) : (borrow ? Long.MIN_VALUE : 0);
        return (d >>> 1) | top;
    }

    private static long absDiff(long a, long b, long sa, long sb, boolean u) {
        if (u) {
            return Long.compareUnsigned(a, b) >= 0 ? a - b : b - a;
        }
        return sa >= sb ? sa - sb : sb - sa;
    }

    static long sqadd(CpuState s, long a, long b, int e) {
        if (e == 64) {
            long r = a + b;
            if (((a ^ r) & (b ^ r)) < 0) {
                saturated(s);
                return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            return r;
        }
        return satS(s, a + b, e);
    }

    static long sqsub(CpuState s, long a, long b, int e) {
        if (e == 64) {
            long r = a - b;
            if (((a ^ b) & (a ^ r)) < 0) {
                saturated(s);
                return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            return r;
        }
        return satS(s, a - b, e);
    }

    static long uqadd(CpuState s, long a, long b, int e) {
        long r = a + b;
        if (e == 64 ? Long.compareUnsigned(r, a) < 0 : r > Vec.mask(e)) {
            saturated(s);
            return Vec.mask(e);
        }
        return r;
    }

    static long uqsub(CpuState s, long a, long b, int e) {
        if (Long.compareUnsigned(a, b) < 0) {
            saturated(s);
            return 0;
        }
        return a - b;
    }

    private static long pmul(long a, long b, int e) {
        long r = 0;
        for (int i = 0; i < e; i++) {
            if ((b >>> i & 1) != 0) {
                r ^= a << i;
            }
        }
        return r;
    }

    private static long sqdmulh(CpuState s, long a, long b, int e, boolean round) {
        // e is 16 or 32: the doubled product fits in 64 bits except for MIN * MIN
        long p = 2 * a * b + (round ? 1L << (e - 1) : 0);
        long min = -(1L << (e - 1));
        if (a == min && b == min) {
            saturated(s);
            return -min - 1;
        }
        return p >> e;
    }

    /**
     * SSHL/USHL and their rounding and saturating forms: shift a by the signed low byte of
     * b, left if positive, right if negative (C7.2 SSHL, SRSHL, SQSHL, SQRSHL and U*).
     */
    static long shiftReg(CpuState s, long a, long b, int e, boolean signed, boolean round, boolean sat) {
        int sh = (byte) b;
        long x = signed ? sx(a, e) : zx(a, e);
        if (sh >= 0) {
            if (!sat) {
                return sh >= 64 ? 0 : x << sh;
            }
            return satShiftLeft(s, x, sh, e, signed, signed);
        }
        int r = -sh;
        if (round) {
            // (x + (1 << (r-1))) >> r over e+1 bits
            if (r > e) {
                return 0;
            }
            long half = 1L << (r - 1);
            if (signed) {
                long q = r >= 64 ? (x < 0 ? -1 : 0) : x >> r;
                long rem = r >= 64 ? x : x & ((1L << r) - 1);
                return q + ((Long.compareUnsigned(rem, half) >= 0 && r <= 64) ? 1 : 0);
            }
            long q = r >= 64 ? 0 : x >>> r;
            long bit = (x >>> (r - 1)) & 1;
            return q + bit;
        }
        if (r >= 64) {
            return signed && x < 0 ? -1 : 0;
        }
        return signed ? x >> r : x >>> r;
    }

    /** x << sh saturated to a signed (outSigned) or unsigned esize-bit result; x is signed if inSigned. */
    static long satShiftLeft(CpuState s, long x, int sh, int e, boolean inSigned, boolean outSigned) {
        if (x == 0) {
            return 0;
        }
        if (inSigned && x < 0 && !outSigned) {
            saturated(s);
            return 0;
        }
        long max = outSigned ? (e == 64 ? Long.MAX_VALUE : (1L << (e - 1)) - 1) : Vec.mask(e);
        long min = outSigned ? (e == 64 ? Long.MIN_VALUE : -(1L << (e - 1))) : 0;
        boolean neg = inSigned && x < 0;
        if (sh >= 64) {
            saturated(s);
            return neg ? min : max;
        }
        long r = x << sh;
        boolean lost = neg ? (r >> sh) != x : (r >>> sh) != x;
        if (!lost) {
            if (outSigned) {
                lost = e < 64 ? (r > max || r < min) : (neg ? r >= 0 : r < 0);
            } else {
                lost = e < 64 && Long.compareUnsigned(r, max) > 0;
            }
        }
        if (lost) {
            saturated(s);
            return neg ? min : max;
        }
        return r;
    }
}

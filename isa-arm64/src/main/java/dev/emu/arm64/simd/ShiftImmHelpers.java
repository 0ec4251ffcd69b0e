package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.mask;
import static dev.emu.arm64.simd.Vec.set;
import static dev.emu.arm64.simd.Vec.sget;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;
import dev.emu.core.cpu.CpuState;

/** C4.1 Advanced SIMD shift by immediate, vector and scalar (immh != 0). */
public final class ShiftImmHelpers {
    private ShiftImmHelpers() {}

    private static int highestBit(int immh) {
        return 31 - Integer.numberOfLeadingZeros(immh);
    }

    /** Element size in bits selected by immh (the destination size for the narrowing forms). */
    private static int esize(int w) {
        return 8 << highestBit(w >>> 19 & 15);
    }

    private static int immhb(int w) {
        return w >>> 16 & 127;
    }

    private static boolean narrowing(int opcode) {
        return opcode >= 0b10000 && opcode <= 0b10011;
    }

    /** Whether the encoding (immh != 0) is allocated; scalar forms have bit 28 set. */
    public static boolean valid(int w) {
        boolean scalar = (w >>> 28 & 1) != 0;
        boolean q = (w >>> 30 & 1) != 0;
        int u = w >>> 29 & 1, immh = w >>> 19 & 15, opcode = w >>> 11 & 31;
        boolean d64 = (immh & 8) != 0;
        switch (opcode) {
            case 0b00000, 0b00010, 0b00100, 0b00110 -> { // [SU]SHR, [SU]SRA, [SU]RSHR, [SU]RSRA
                return scalar ? d64 : !(d64 && !q);
            }
            case 0b01000 -> { // SRI
                return u == 1 && (scalar ? d64 : !(d64 && !q));
            }
            case 0b01010 -> { // SHL, SLI
                return scalar ? d64 : !(d64 && !q);
            }
            case 0b01100 -> { // SQSHLU
                return u == 1 && (scalar || !(d64 && !q));
            }
            case 0b01110 -> { // SQSHL, UQSHL (immediate)
                return scalar || !(d64 && !q);
            }
            case 0b10000, 0b10001 -> { // SHRN, RSHRN (vector only), SQSHRUN, SQRSHRUN
                return !d64 && (u == 1 || !scalar);
            }
            case 0b10010, 0b10011 -> { // [SU]QSHRN, [SU]QRSHRN
                return !d64;
            }
            case 0b10100 -> { // SSHLL, USHLL
                return !scalar && !d64;
            }
            case 0b11100, 0b11111 -> { // [SU]CVTF, FCVTZ[SU] (fixed-point)
                return immh >= 4 && (scalar || !(d64 && !q));
            }
            default -> {
                return false;
            }
        }
    }

    public static void exec(CpuState s, int w) {
        boolean scalar = (w >>> 28 & 1) != 0;
        boolean q = (w >>> 30 & 1) != 0;
        boolean u = (w >>> 29 & 1) != 0;
        int opcode = w >>> 11 & 31, n = w >>> 5 & 31, d = w & 31;
        int e = esize(w);
        long[] v = s.regs;
        int a = Vec.at(n), acc = Vec.at(d), r = Vec.result(s);
        if (narrowing(opcode)) {
            int src = 2 * e, sh = 2 * e - immhb(w);
            boolean round = (opcode & 1) != 0;
            int lanes = scalar ? 1 : 64 / e;
            for (int i = 0; i < lanes; i++) {
                boolean signedIn = !u || opcode <= 0b10001; // SHRN/RSHRN/SQSHRUN/SQRSHRUN read signed
                long x = signedIn ? sget(v, a, i, src) : get(v, a, i, src);
                long y = shiftRight(x, sh, signedIn, round);
                long res;
                if (opcode <= 0b10001 && !u) {
                    res = y; // SHRN, RSHRN: truncate
                } else if (opcode <= 0b10001) {
                    res = Vec.satU(s, y, e); // SQSHRUN, SQRSHRUN
                } else {
                    res = u ? satUnsigned(s, y, e) : Vec.satS(s, y, e);
                }
                set(v, r, i, e, res);
            }
            Vec.writeNarrow(s, d, q && !scalar);
            return;
        }
        if (opcode == 0b10100) { // SSHLL, USHLL (UXTL/SXTL with shift 0)
            int sh = immhb(w) - e, lanes = 64 / e, half = q ? a + 1 : a;
            for (int i = 0; i < lanes; i++) {
                long x = u ? get(v, half, i, e) : sget(v, half, i, e);
                set(v, r, i, 2 * e, x << sh);
            }
            Vec.write(s, d, true);
            return;
        }
        int lanes = scalar ? 1 : (q ? 128 : 64) / e;
        int right = 2 * e - immhb(w), left = immhb(w) - e;
        for (int i = 0; i < lanes; i++) {
            long x = u ? get(v, a, i, e) : sget(v, a, i, e);
            long old = get(v, acc, i, e);
            long y;
            switch (opcode) {
                case 0b00000 -> y = shiftRight(x, right, !u, false);
                case 0b00010 -> y = old + shiftRight(x, right, !u, false);
                case 0b00100 -> y = shiftRight(x, right, !u, true);
                case 0b00110 -> y = old + shiftRight(x, right, !u, true);
                case 0b01000 -> { // SRI
                    long m = right >= 64 ? 0 : mask(e) >>> right;
                    y = (old & ~m) | (right >= 64 ? 0 : get(v, a, i, e) >>> right);
                }
                case 0b01010 -> { // SHL, SLI
                    long m = mask(e) << left;
                    y = u ? (old & ~m) | (get(v, a, i, e) << left) : get(v, a, i, e) << left;
                }
                case 0b01100 -> y = IntLanes.satShiftLeft(s, sget(v, a, i, e), left, e, true, false);
                case 0b01110 -> y = IntLanes.satShiftLeft(s, x, left, e, !u, !u);
                case 0b11100 -> y = FpFast.fromInt(s, get(v, a, i, e), e, u, right, e == 64 ? Fp.D : Fp.S);
                default -> y = FpFast.toFixed(s, get(v, a, i, e), e == 64 ? Fp.D : Fp.S, right, u, e, Fp.RZ);
            }
            set(v, r, i, e, y);
        }
        Vec.write(s, d, q && !scalar);
    }

    /** x >> sh (1..64) as the manual's Int(x) >> sh, plus the rounding bit when round. */
    static long shiftRight(long x, int sh, boolean signed, boolean round) {
        long q;
        if (sh >= 64) {
            q = signed ? x >> 63 : 0;
        } else {
            q = signed ? x >> sh : x >>> sh;
        }
        if (round) {
            q += (x >>> (sh - 1)) & 1;
        }
        return q;
    }

    /** Unsigned saturation of a non-negative (possibly 64-bit unsigned) value to e bits. */
    private static long satUnsigned(CpuState s, long v, int e) {
        if (Long.compareUnsigned(v, mask(e)) > 0) {
            Vec.saturated(s);
            return mask(e);
        }
        return v;
    }
}

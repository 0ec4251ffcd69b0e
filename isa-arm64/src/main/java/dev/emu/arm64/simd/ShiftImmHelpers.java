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
        long[] a = Vec.read(s, n), acc = Vec.read(s, d);
        long[] r = new long[2];
        if (narrowing(opcode)) {
            int src = 2 * e, sh = 2 * e - immhb(w);
            boolean round = (opcode & 1) != 0;
            int lanes = scalar ? 1 : 64 / e;
            long[] out = scalar ? r : new long[] {0, 0};
            for (int i = 0; i < lanes; i++) {
                boolean signedIn = !u || opcode <= 0b10001; // SHRN/RSHRN/SQSHRUN/SQRSHRUN read signed
                long x = signedIn ? sget(a, i, src) : get(a, i, src);
                long v = shiftRight(x, sh, signedIn, round);
                long res;
                if (opcode <= 0b10001 && !u) {
                    res = v; // SHRN, RSHRN: truncate
                } else if (opcode <= 0b10001) {
                    res = Vec.satU(s, v, e); // SQSHRUN, SQRSHRUN
                } else {
                    res = u ? satUnsigned(s, v, e) : Vec.satS(s, v, e);
                }
                set(out, i, e, res);
            }
            if (scalar) {
                Vec.write(s, d, r, false);
            } else if (q) {
                Vec.write(s, d, new long[] {acc[0], out[0]}, true);
            } else {
                Vec.write(s, d, out, false);
            }
            return;
        }
        if (opcode == 0b10100) { // SSHLL, USHLL (UXTL/SXTL with shift 0)
            int sh = immhb(w) - e, lanes = 64 / e;
            long[] half = {q ? a[1] : a[0], 0};
            for (int i = 0; i < lanes; i++) {
                long x = u ? get(half, i, e) : sget(half, i, e);
                set(r, i, 2 * e, x << sh);
            }
            Vec.write(s, d, r, true);
            return;
        }
        int lanes = scalar ? 1 : (q ? 128 : 64) / e;
        int right = 2 * e - immhb(w), left = immhb(w) - e;
        for (int i = 0; i < lanes; i++) {
            long x = u ? get(a, i, e) : sget(a, i, e);
            long old = get(acc, i, e);
            long v;
            switch (opcode) {
                case 0b00000 -> v = shiftRight(x, right, !u, false);
                case 0b00010 -> v = old + shiftRight(x, right, !u, false);
                case 0b00100 -> v = shiftRight(x, right, !u, true);
                case 0b00110 -> v = old + shiftRight(x, right, !u, true);
                case 0b01000 -> { // SRI
                    long m = right >= 64 ? 0 : mask(e) >>> right;
                    v = (old & ~m) | (right >= 64 ? 0 : get(a, i, e) >>> right);
                }
                case 0b01010 -> { // SHL, SLI
                    long m = mask(e) << left;
                    v = u ? (old & ~m) | (get(a, i, e) << left) : get(a, i, e) << left;
                }
                case 0b01100 -> v = IntLanes.satShiftLeft(s, sget(a, i, e), left, e, true, false);
                case 0b01110 -> v = IntLanes.satShiftLeft(s, x, left, e, !u, !u);
                case 0b11100 -> v = FpFast.fromInt(s, get(a, i, e), e, u, right, e == 64 ? Fp.D : Fp.S);
                default -> v = FpFast.toFixed(s, get(a, i, e), e == 64 ? Fp.D : Fp.S, right, u, e, Fp.RZ);
            }
            set(r, i, e, v);
        }
        Vec.write(s, d, r, q && !scalar);
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

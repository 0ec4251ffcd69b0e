package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;
import static dev.emu.arm64.simd.Vec.sget;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.cpu.CpuState;

/**
 * C4.1 Advanced SIMD across lanes, permute (UZP, TRN, ZIP), extract (EXT), table lookup
 * (TBL, TBX) and scalar pairwise.
 */
public final class LaneHelpers {
    private LaneHelpers() {}

    // ------------------------------------------------------------ across lanes
    public static boolean validAcross(int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 12 & 31;
        switch (opcode) {
            case 0b00011, 0b01010, 0b11010 -> {
                return size < 2 || (size == 2 && q);
            }
            case 0b11011 -> {
                return u == 0 && (size < 2 || (size == 2 && q));
            }
            case 0b01100, 0b01111 -> {
                return u == 1 && q && (size & 1) == 0; // FMAXNMV, FMINNMV, FMAXV, FMINV on 4S
            }
            default -> {
                return false;
            }
        }
    }

    public static void across(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        boolean u = (w >>> 29 & 1) != 0;
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n);
        if (opcode == 0b01100 || opcode == 0b01111) {
            boolean min = (size & 2) != 0;
            int op = opcode == 0b01100 ? (min ? FpHelpers.FMINNM : FpHelpers.FMAXNM) : (min ? FpHelpers.FMIN : FpHelpers.FMAX);
            long lo = FpHelpers.binop(s, op, get(v, a, 0, 32), get(v, a, 1, 32), Fp.S);
            long hi = FpHelpers.binop(s, op, get(v, a, 2, 32), get(v, a, 3, 32), Fp.S);
            Vec.write(s, d, FpHelpers.binop(s, op, lo, hi, Fp.S), 0);
            return;
        }
        int e = 8 << size, lanes = (q ? 128 : 64) / e;
        long acc = u ? get(v, a, 0, e) : sget(v, a, 0, e);
        for (int i = 1; i < lanes; i++) {
            long x = u ? get(v, a, i, e) : sget(v, a, i, e);
            acc = switch (opcode) {
                case 0b00011, 0b11011 -> acc + x;
                case 0b01010 -> u ? (Long.compareUnsigned(x, acc) > 0 ? x : acc) : Math.max(x, acc);
                default -> u ? (Long.compareUnsigned(x, acc) < 0 ? x : acc) : Math.min(x, acc);
            };
        }
        Vec.write(s, d, acc & Vec.mask(opcode == 0b00011 ? 2 * e : e), 0);
    }

    // ------------------------------------------------------------ permute
    public static boolean validPermute(int w) {
        int q = w >>> 30 & 1, size = w >>> 22 & 3, opcode = w >>> 12 & 7;
        return (opcode & 3) != 0 && !(size == 3 && q == 0);
    }

    public static void permute(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3, m = w >>> 16 & 31, opcode = w >>> 12 & 7, n = w >>> 5 & 31, d = w & 31;
        int e = 8 << size, lanes = (q ? 128 : 64) / e, part = opcode >>> 2;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), r = Vec.result(s);
        for (int i = 0; i < lanes; i++) {
            long x;
            switch (opcode & 3) {
                case 1 -> { // UZP: even (part 0) or odd elements of a:b
                    int j = 2 * i + part;
                    x = j < lanes ? get(v, a, j, e) : get(v, b, j - lanes, e);
                }
                case 2 -> { // TRN
                    int j = (i & ~1) + part;
                    x = get(v, (i & 1) == 0 ? a : b, j, e);
                }
                default -> { // ZIP
                    int j = part * lanes / 2 + i / 2;
                    x = get(v, (i & 1) == 0 ? a : b, j, e);
                }
            }
            set(v, r, i, e, x);
        }
        Vec.write(s, d, q);
    }

    // ------------------------------------------------------------ EXT
    public static boolean validExtract(int w) {
        return (w >>> 30 & 1) != 0 || (w >>> 14 & 1) == 0;
    }

    public static void extract(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int m = w >>> 16 & 31, pos = w >>> 11 & 15, n = w >>> 5 & 31, d = w & 31;
        int bytes = q ? 16 : 8;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), r = Vec.result(s);
        for (int i = 0; i < bytes; i++) {
            int j = pos + i;
            set(v, r, i, 8, j < bytes ? get(v, a, j, 8) : get(v, b, j - bytes, 8));
        }
        Vec.write(s, d, q);
    }

    // ------------------------------------------------------------ TBL, TBX
    public static void tableLookup(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int m = w >>> 16 & 31, len = (w >>> 13 & 3) + 1, tbx = w >>> 12 & 1, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int idx = Vec.at(m), old = Vec.at(d), r = Vec.result(s);
        for (int i = 0; i < (q ? 16 : 8); i++) {
            int j = (int) get(v, idx, i, 8);
            // table registers are V<n>..V<n+len-1>, numbered modulo 32
            long x = j < 16 * len ? get(v, Vec.at((n + (j >>> 4)) & 31), j & 15, 8) : tbx == 1 ? get(v, old, i, 8) : 0;
            set(v, r, i, 8, x);
        }
        Vec.write(s, d, q);
    }

    // ------------------------------------------------------------ scalar pairwise
    public static boolean validScalarPairwise(int w) {
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 12 & 31;
        if (u == 0) {
            return opcode == 0b11011 && size == 3; // ADDP
        }
        return opcode == 0b01100 || (opcode == 0b01101 && (size & 2) == 0) || opcode == 0b01111;
    }

    public static void scalarPairwise(CpuState s, int w) {
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n), r = Vec.result(s);
        if (u == 0) {
            v[r] = v[a] + v[a + 1];
        } else {
            boolean dbl = (size & 1) != 0, min = (size & 2) != 0;
            int e = dbl ? 64 : 32, fmt = dbl ? Fp.D : Fp.S;
            int op = switch (opcode) {
                case 0b01100 -> min ? FpHelpers.FMINNM : FpHelpers.FMAXNM;
                case 0b01101 -> FpHelpers.FADD;
                default -> min ? FpHelpers.FMIN : FpHelpers.FMAX;
            };
            set(v, r, 0, e, FpHelpers.binop(s, op, get(v, a, 0, e), get(v, a, 1, e), fmt));
        }
        Vec.write(s, d, false);
    }
}

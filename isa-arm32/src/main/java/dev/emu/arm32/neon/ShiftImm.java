package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;
import static dev.emu.arm32.neon.Lanes.get;
import static dev.emu.arm32.neon.Lanes.set;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpConvert;

/**
 * A7.4.4 Two registers and a shift amount: 1111 001U 1Dii iiii dddd AAAA LQM1 mmmm. The
 * element size comes from L:imm6 (the narrowing forms name the result's size), right shifts
 * are 2 * esize - imm6 (64 - imm6 for 64-bit), left shifts imm6 - esize.
 */
final class ShiftImm {
    private ShiftImm() {}

    static int esize(int w) {
        if (bit(w, 7) == 1) {
            return 64;
        }
        int imm6 = w >>> 16 & 0x3F;
        return imm6 >= 32 ? 32 : imm6 >= 16 ? 16 : 8;
    }

    private static int imm6(int w) {
        return w >>> 16 & 0x3F;
    }

    static int rightShift(int w) {
        int esize = esize(w);
        return (esize == 64 ? 64 : 2 * esize) - imm6(w);
    }

    static int leftShift(int w) {
        int esize = esize(w);
        return esize == 64 ? imm6(w) : imm6(w) - esize;
    }

    static boolean valid(int w) {
        int a = w >>> 8 & 0xF, u = bit(w, 24), l = bit(w, 7), q = bit(w, 6);
        int d = Lanes.vd(w), m = Lanes.vm(w);
        return switch (a) {
            case 0b0000, 0b0001, 0b0010, 0b0011, 0b0101, 0b0111 -> q == 0 || Lanes.even(d, m);
            case 0b0100, 0b0110 -> u == 1 && (q == 0 || Lanes.even(d, m));              // VSRI, VQSHLU
            case 0b1000, 0b1001 -> l == 0 && Lanes.even(m);                              // narrowing
            case 0b1010 -> l == 0 && q == 0 && Lanes.even(d);                            // VSHLL, VMOVL
            case 0b1110, 0b1111 -> l == 0 && imm6(w) >= 32 && (q == 0 || Lanes.even(d, m)); // VCVT fixed
            default -> false;
        };
    }

    static void exec(CpuState s, int w) {
        int a = w >>> 8 & 0xF;
        if (a >= 0b1110) {
            convert(s, w);
        } else if (a == 0b1000 || a == 0b1001) {
            narrow(s, w);
        } else if (a == 0b1010) {
            widen(s, w);
        } else {
            same(s, w);
        }
    }

    private static void same(CpuState s, int w) {
        int a = w >>> 8 & 0xF, esize = esize(w), regs = Lanes.regs(w), d = Lanes.vd(w);
        boolean u = bit(w, 24) == 1;
        long[] m = Lanes.read(s, Lanes.vm(w), regs), acc = Lanes.read(s, d, regs), r = new long[regs];
        boolean[] overflow = new boolean[1];
        for (int e = 0; e < Lanes.elements(r, esize); e++) {
            long v;
            switch (a) {
                case 0b0000, 0b0001, 0b0010, 0b0011 -> { // VSHR, VSRA, VRSHR, VRSRA
                    v = Lanes.shift(get(m, e, esize, u), -rightShift(w), u, a >= 0b0010, overflow);
                    if ((a & 1) == 1) {
                        v += get(acc, e, esize, u);
                    }
                }
                case 0b0100 -> { // VSRI
                    int sh = rightShift(w);
                    long mask = sh >= 64 ? 0 : Lanes.mask(esize) >>> sh;
                    long x = sh >= 64 ? 0 : get(m, e, esize, true) >>> sh;
                    v = get(acc, e, esize, true) & ~mask | x;
                }
                case 0b0101 -> { // VSHL, VSLI
                    int sh = leftShift(w);
                    long x = get(m, e, esize, true) << sh;
                    v = u ? get(acc, e, esize, true) & ~(Lanes.mask(esize) << sh) | x : x;
                }
                default -> { // VQSHLU (signed in, unsigned out), VQSHL
                    boolean in = a == 0b0111 && u, out = u;
                    long x = get(m, e, esize, in);
                    overflow[0] = false;
                    // a non-negative signed input shifts as unsigned when the result is unsigned
                    long shifted = Lanes.shift(x, leftShift(w), in || out && x >= 0, false, overflow);
                    if (!in && out && x < 0) {
                        Lanes.setQc(s);
                        v = 0;
                    } else if (overflow[0]) {
                        Lanes.setQc(s);
                        v = out ? -1L : x < 0 ? Lanes.minSigned(esize) : Lanes.maxSigned(esize);
                    } else {
                        v = out ? Lanes.saturateUnsigned(s, shifted, esize) : Lanes.saturate(s, shifted, esize, false);
                    }
                }
            }
            set(r, e, esize, v);
        }
        Lanes.write(s, d, r);
    }

    /** VSHRN, VRSHRN, VQSHRN, VQRSHRN, VQSHRUN, VQRSHRUN: Qm's 2*esize elements to Dd's esize ones. */
    private static void narrow(CpuState s, int w) {
        int a = w >>> 8 & 0xF, esize = esize(w);
        boolean u = bit(w, 24) == 1, round = bit(w, 6) == 1;
        boolean saturating = a == 0b1001 || u;
        boolean inUnsigned = a == 0b1001 && u, outUnsigned = u;
        long[] m = Lanes.read(s, Lanes.vm(w), 2), r = new long[1];
        boolean[] overflow = new boolean[1];
        for (int e = 0; e < 64 / esize; e++) {
            long x = get(m, e, 2 * esize, inUnsigned);
            long v = Lanes.shift(x, -rightShift(w), inUnsigned, round, overflow);
            set(r, e, esize, !saturating ? v : inUnsigned ? Lanes.saturateUnsigned(s, v, esize) : Lanes.saturate(s, v, esize, outUnsigned));
        }
        Lanes.write(s, Lanes.vd(w), r);
    }

    /** VSHLL (shift below esize), VMOVL (shift 0): Dm's elements widened into Qd. */
    private static void widen(CpuState s, int w) {
        int esize = esize(w), sh = leftShift(w);
        boolean u = bit(w, 24) == 1;
        long[] m = Lanes.read(s, Lanes.vm(w), 1), r = new long[2];
        for (int e = 0; e < 64 / esize; e++) {
            set(r, e, 2 * esize, get(m, e, esize, u) << sh);
        }
        Lanes.write(s, Lanes.vd(w), r);
    }

    /** VCVT between binary32 and 32-bit fixed point, fraction bits 64 - imm6, in the standard FPSCR. */
    private static void convert(CpuState s, int w) {
        boolean toFixed = bit(w, 8) == 1, u = bit(w, 24) == 1;
        int fbits = 64 - imm6(w), regs = Lanes.regs(w);
        long[] m = Lanes.read(s, Lanes.vm(w), regs), r = new long[regs];
        long saved = NeonFp.enter(s);
        try {
            for (int e = 0; e < 2 * regs; e++) {
                long x = get(m, e, 32, true);
                set(r, e, 32, toFixed ? FpConvert.toFixed(s, x, Fp.S, fbits, u, 32, Fp.RZ)
                        : FpConvert.fromFixed(s, x, 32, u, fbits, Fp.S, Fp.RN));
            }
        } finally {
            NeonFp.leave(s, saved);
        }
        Lanes.write(s, Lanes.vd(w), r);
    }
}

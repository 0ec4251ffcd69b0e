package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;
import static dev.emu.arm32.neon.Lanes.get;
import static dev.emu.arm32.neon.Lanes.set;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpConvert;
import dev.emu.core.rt.armfp.FpEstimate;
import dev.emu.core.rt.armfp.FpFast;

/**
 * A7.4.5 Two registers, miscellaneous: 1111 0011 1D11 zzAA dddd 0BBB BBQM 0mmmm, A = bits
 * 17:16, B = bits 10:6 (its low bit is Q), zz the element size.
 */
final class TwoMisc {
    private TwoMisc() {}

    /** A:B<4:1> (B without Q), the row of the manual's table. */
    private static int op(int w) {
        return (w >>> 16 & 3) << 4 | (w >>> 7 & 0xF);
    }

    static boolean valid(int w) {
        int op = op(w), size = w >>> 18 & 3, q = bit(w, 6);
        int d = Lanes.vd(w), m = Lanes.vm(w);
        boolean regsOk = q == 0 || Lanes.even(d, m);
        return switch (op) {
            case 0x00 -> size != 3 && regsOk;                      // VREV64
            case 0x01 -> size < 2 && regsOk;                       // VREV32
            case 0x02 -> size == 0 && regsOk;                      // VREV16
            case 0x04, 0x05, 0x0C, 0x0D -> size != 3 && regsOk;    // VPADDL, VPADAL
            case 0x08, 0x09, 0x0E, 0x0F -> size != 3 && regsOk;    // VCLS, VCLZ, VQABS, VQNEG
            case 0x0A, 0x0B -> size == 0 && regsOk;                // VCNT, VMVN
            case 0x10, 0x11, 0x12, 0x13, 0x14, 0x16, 0x17 -> size != 3 && regsOk; // compares with #0, VABS, VNEG
            case 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1E, 0x1F -> size == 2 && regsOk; // their binary32 forms
            case 0x20 -> size == 0 && regsOk;                      // VSWP
            case 0x21, 0x22, 0x23 -> size != 3 && regsOk && !(q == 0 && size == 2 && op != 0x21); // VTRN, VUZP, VZIP
            case 0x24, 0x25 -> size != 3 && Lanes.even(m);         // VMOVN, VQMOVUN (B = 0100x: Q is the op bit)
            case 0x26 -> size != 3 && q == 0 && Lanes.even(d);     // VSHLL (maximum shift); 0x26 with Q = 1 is reserved
            case 0x2C -> size == 1 && q == 0 && Lanes.even(m);     // VCVT.F16.F32
            case 0x2E -> size == 1 && q == 0 && Lanes.even(d);     // VCVT.F32.F16
            case 0x38, 0x39, 0x3A, 0x3B -> size == 2 && regsOk;    // VRECPE, VRSQRTE (U32, F32)
            case 0x3C, 0x3D, 0x3E, 0x3F -> size == 2 && regsOk;    // VCVT between binary32 and 32-bit integers
            default -> false;
        };
    }

    static void exec(CpuState s, int w) {
        int op = op(w), size = w >>> 18 & 3, esize = 8 << size, regs = Lanes.regs(w);
        int d = Lanes.vd(w), vm = Lanes.vm(w);
        if (op == 0x20 || op >= 0x21 && op <= 0x23) {
            permute(s, w, op, esize, regs, d, vm);
            return;
        }
        if (op == 0x24 || op == 0x25) {
            narrow(s, w, esize, d, vm);
            return;
        }
        if (op == 0x26) {
            long[] m = Lanes.read(s, vm, 1), r = new long[2];
            for (int e = 0; e < 64 / esize; e++) {
                set(r, e, 2 * esize, get(m, e, esize, true) << esize);
            }
            Lanes.write(s, d, r);
            return;
        }
        if (op == 0x2C || op == 0x2E) {
            half(s, op == 0x2E, d, vm);
            return;
        }
        long[] m = Lanes.read(s, vm, regs), acc = Lanes.read(s, d, regs), r = new long[regs];
        if (op == 0x04 || op == 0x05 || op == 0x0C || op == 0x0D) { // VPADDL, VPADAL
            boolean u = (op & 1) == 1, accumulate = op >= 0x0C;
            for (int e = 0; e < Lanes.elements(r, 2 * esize); e++) {
                long v = get(m, 2 * e, esize, u) + get(m, 2 * e + 1, esize, u);
                set(r, e, 2 * esize, accumulate ? v + get(acc, e, 2 * esize, u) : v);
            }
            Lanes.write(s, d, r);
            return;
        }
        if (op >= 0x18) {
            floating(s, op, m, r);
            Lanes.write(s, d, r);
            return;
        }
        for (int e = 0; e < Lanes.elements(r, esize); e++) {
            long x = get(m, e, esize, false);
            long v = switch (op) {
                case 0x00, 0x01, 0x02 -> {                            // VREV64, VREV32, VREV16
                    int group = op == 0 ? 64 : op == 1 ? 32 : 16, per = group / esize;
                    int base = e / per * per;
                    yield get(m, base + per - 1 - (e - base), esize, true);
                }
                case 0x08 -> Long.numberOfLeadingZeros(x < 0 ? ~x : x) - (64 - esize) - 1; // VCLS
                case 0x09 -> Long.numberOfLeadingZeros(x & Lanes.mask(esize)) - (64 - esize); // VCLZ
                case 0x0A -> Long.bitCount(x & 0xFF);                // VCNT
                case 0x0B -> ~x;                                     // VMVN
                case 0x0E -> Lanes.saturate(s, Math.abs(x), esize, false);  // VQABS
                case 0x0F -> Lanes.saturate(s, -x, esize, false);           // VQNEG
                case 0x10 -> x > 0 ? -1 : 0;                         // VCGT #0
                case 0x11 -> x >= 0 ? -1 : 0;                        // VCGE #0
                case 0x12 -> x == 0 ? -1 : 0;                        // VCEQ #0
                case 0x13 -> x <= 0 ? -1 : 0;                        // VCLE #0
                case 0x14 -> x < 0 ? -1 : 0;                         // VCLT #0
                case 0x16 -> Math.abs(x);                            // VABS
                case 0x17 -> -x;                                     // VNEG
                default -> throw new IllegalStateException("two misc " + Integer.toHexString(w));
            };
            set(r, e, esize, v);
        }
        Lanes.write(s, d, r);
    }

    /** The binary32 rows, in the standard FPSCR: compares with zero, VABS, VNEG, VRECPE, VRSQRTE, VCVT. */
    private static void floating(CpuState s, int op, long[] m, long[] r) {
        long saved = NeonFp.enter(s);
        try {
            for (int e = 0; e < 2 * m.length; e++) {
                long x = get(m, e, 32, true);
                long ones = 0xFFFF_FFFFL;
                long v = switch (op) {
                    case 0x18 -> Fp.compareCond(s, x, 0, Fp.S, 2) ? ones : 0;          // VCGT #0
                    case 0x19 -> Fp.compareCond(s, x, 0, Fp.S, 1) ? ones : 0;          // VCGE #0
                    case 0x1A -> Fp.compareCond(s, x, 0, Fp.S, 0) ? ones : 0;          // VCEQ #0
                    case 0x1B -> Fp.compareCond(s, 0, x, Fp.S, 1) ? ones : 0;          // VCLE #0
                    case 0x1C -> Fp.compareCond(s, 0, x, Fp.S, 2) ? ones : 0;          // VCLT #0
                    case 0x1E -> Fp.abs(x, Fp.S);                                      // VABS
                    case 0x1F -> Fp.neg(x, Fp.S);                                      // VNEG
                    case 0x38 -> FpEstimate.unsignedRecipEstimate(x);                  // VRECPE.U32
                    case 0x39 -> FpEstimate.unsignedRSqrtEstimate(x);                  // VRSQRTE.U32
                    case 0x3A -> FpEstimate.recipEstimateFp(s, x, Fp.S);               // VRECPE.F32
                    case 0x3B -> FpEstimate.rsqrtEstimateFp(s, x, Fp.S);               // VRSQRTE.F32
                    case 0x3C -> FpFast.fromInt(s, x, 32, false, 0, Fp.S);             // VCVT.F32.S32
                    case 0x3D -> FpFast.fromInt(s, x, 32, true, 0, Fp.S);              // VCVT.F32.U32
                    case 0x3E -> FpConvert.toFixed(s, x, Fp.S, 0, false, 32, Fp.RZ);   // VCVT.S32.F32
                    case 0x3F -> FpConvert.toFixed(s, x, Fp.S, 0, true, 32, Fp.RZ);    // VCVT.U32.F32
                    default -> throw new IllegalStateException("two misc FP " + op);
                };
                set(r, e, 32, v);
            }
        } finally {
            NeonFp.leave(s, saved);
        }
    }

    /** VSWP, VTRN, VUZP, VZIP: both registers change. */
    private static void permute(CpuState s, int w, int op, int esize, int regs, int d, int vm) {
        long[] a = Lanes.read(s, d, regs), b = Lanes.read(s, vm, regs);
        long[] ra = new long[regs], rb = new long[regs];
        int n = Lanes.elements(a, esize);
        switch (op) {
            case 0x20 -> { // VSWP
                ra = b;
                rb = a;
            }
            case 0x21 -> { // VTRN
                ra = a.clone();
                rb = b.clone();
                for (int e = 0; e < n; e += 2) {
                    set(ra, e + 1, esize, get(b, e, esize, true));
                    set(rb, e, esize, get(a, e + 1, esize, true));
                }
            }
            case 0x22 -> { // VUZP: even elements of d:m to d, odd ones to m
                for (int e = 0; e < n; e++) {
                    int i = 2 * e;
                    set(ra, e, esize, i < n ? get(a, i, esize, true) : get(b, i - n, esize, true));
                    set(rb, e, esize, i + 1 < n ? get(a, i + 1, esize, true) : get(b, i + 1 - n, esize, true));
                }
            }
            default -> { // VZIP: interleave d and m, the low half to d
                for (int e = 0; e < 2 * n; e++) {
                    long x = (e & 1) == 0 ? get(a, e / 2, esize, true) : get(b, e / 2, esize, true);
                    set(e < n ? ra : rb, e % n, esize, x);
                }
            }
        }
        Lanes.write(s, vm, rb);
        Lanes.write(s, d, ra); // Vd last: with Vd = Vm (UNPREDICTABLE) this matches qemu-arm

    }

    /** VMOVN, VQMOVUN, VQMOVN: Qm's 2*esize elements to Dd's esize ones ('op' bits 7:6). */
    private static void narrow(CpuState s, int w, int esize, int d, int vm) {
        int kind = w >>> 6 & 3; // 00 VMOVN, 01 VQMOVUN, 10 VQMOVN.S, 11 VQMOVN.U
        long[] m = Lanes.read(s, vm, 2), r = new long[1];
        for (int e = 0; e < 64 / esize; e++) {
            long x = get(m, e, 2 * esize, kind == 3);
            long v = kind == 0 ? x : kind == 3 ? Lanes.saturateUnsigned(s, x, esize) : Lanes.saturate(s, x, esize, kind == 1);
            set(r, e, esize, v);
        }
        Lanes.write(s, d, r);
    }

    /** VCVT.F32.F16 (Dm's four halves to Qd) and VCVT.F16.F32 (Qm to Dd), in the standard FPSCR. */
    private static void half(CpuState s, boolean toSingle, int d, int vm) {
        long saved = NeonFp.enter(s);
        try {
            if (toSingle) {
                long[] m = Lanes.read(s, vm, 1), r = new long[2];
                for (int e = 0; e < 4; e++) {
                    set(r, e, 32, FpConvert.convert(s, get(m, e, 16, true), Fp.H, Fp.S));
                }
                Lanes.write(s, d, r);
            } else {
                long[] m = Lanes.read(s, vm, 2), r = new long[1];
                for (int e = 0; e < 4; e++) {
                    set(r, e, 16, FpConvert.convert(s, get(m, e, 32, true), Fp.S, Fp.H));
                }
                Lanes.write(s, d, r);
            }
        } finally {
            NeonFp.leave(s, saved);
        }
    }
}

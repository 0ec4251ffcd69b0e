package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.C;
import static dev.emu.arm32.Arm32Registers.FPSCR;
import static dev.emu.arm32.Arm32Registers.N;
import static dev.emu.arm32.Arm32Registers.V;
import static dev.emu.arm32.Arm32Registers.Z;

import dev.emu.arm32.VfpHelpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpHelpers;

/**
 * A7.5-A7.9 VFP (VFPv4-D32) in A32 and Thumb (the same encodings; Thumb has 1110 where A32
 * has the condition): extension register loads and stores (VLDR, VSTR, VLDM, VSTM, VPUSH,
 * VPOP), moves between core and extension registers, VMRS/VMSR, and the data-processing
 * instructions VMOV, VADD, VSUB, VMUL, VDIV, VNEG, VABS, VSQRT, VCMP(E), VCVT (with fixed
 * point and half precision), and VFPv4's fused VFMA, VFMS, VFNMA, VFNMS.
 *
 * <p>Arithmetic goes through core's shared Arm FP helpers ({@link FpHelpers}, {@link
 * VfpHelpers}): FPSCR's rounding mode, flush-to-zero and default-NaN bits apply, NaNs
 * propagate as the Arm ARM says and the cumulative exception flags accumulate in FPSCR.
 * VMOV, VABS and VNEG only move bits and raise nothing. Fields: 's' sz (1 = double),
 * 'd'/'D' Vd and D, 'n'/'N', 'm'/'M', 'i' imm8, 't' Rt, 'u' Rt2, 'U' add, 'W' writeback,
 * 'p' the op bit of a comparison or conversion.
 */
public final class Vfp {
    private Vfp() {}

    /** A register number from its 4-bit field and its extra bit: D = D:Vd, S = Vd:D. */
    private static int reg(boolean dbl, int v, int extra) {
        return dbl ? extra << 4 | v : v << 1 | extra;
    }

    private static int vd(Fields f) {
        return reg(f.get('s') == 1, f.get('d'), f.get('D'));
    }

    private static int vn(Fields f) {
        return reg(f.get('s') == 1, f.get('n'), f.get('N'));
    }

    private static int vm(Fields f) {
        return reg(f.get('s') == 1, f.get('m'), f.get('M'));
    }

    private static Value get(LiftContext c, boolean dbl, int r) {
        return dbl ? c.dreg(r) : c.sreg(r);
    }

    private static void set(LiftContext c, boolean dbl, int r, Value v) {
        if (dbl) {
            c.setDreg(r, v);
        } else {
            c.setSreg(r, v);
        }
    }

    // ---------------------------------------------------------------- loads and stores
    /** VLDR / VSTR: [Rn +/- imm8 * 4]. */
    private static void single(LiftContext c, Fields f, boolean load) {
        IrBuilder b = c.b;
        boolean dbl = f.get('s') == 1;
        Value base = LoadStore.base(c, f.get('n'));
        long off = f.get('i') * 4L;
        Value addr = f.get('U') == 1 ? b.add(base, b.c32(off)) : b.sub(base, b.c32(off));
        int r = vd(f);
        if (load) {
            set(c, dbl, r, dbl ? c.load64(addr) : c.load(addr, 4, false));
        } else if (dbl) {
            c.b.store(c.address64(addr), c.dreg(r), 8, false);
        } else {
            c.store(addr, c.sreg(r), 4);
        }
    }

    public static void VLDR(LiftContext c, Fields f) { single(c, f, true); }
    public static void VSTR(LiftContext c, Fields f) { single(c, f, false); }

    /** VLDM / VSTM, increment after (P=0, U=1) or decrement before (P=1, U=0, W=1). */
    private static void multiple(LiftContext c, Fields f, boolean load, boolean increment) {
        IrBuilder b = c.b;
        boolean dbl = f.get('s') == 1;
        int n = f.get('n');
        int imm8 = f.get('i');
        int count = dbl ? imm8 / 2 : imm8;
        int first = vd(f);
        boolean wback = f.bit(21) == 1;
        if (n == 15 && (wback || c.thumb()) || count == 0 || first + count > (dbl ? 32 : 32) || dbl && count > 16) {
            c.illegal();
            return;
        }
        Value rn = c.reg(n);
        Value start = increment ? rn : b.sub(rn, b.c32(imm8 * 4L));
        Value[] loaded = new Value[count];
        for (int k = 0; k < count; k++) {
            Value addr = b.add(start, b.c32((long) k * (dbl ? 8 : 4)));
            if (load) {
                loaded[k] = dbl ? c.load64(addr) : c.load(addr, 4, false);
            } else if (dbl) {
                b.store(c.address64(addr), c.dreg(first + k), 8, false);
            } else {
                c.store(addr, c.sreg(first + k), 4);
            }
        }
        if (wback) {
            c.setReg(n, increment ? b.add(rn, b.c32(imm8 * 4L)) : start);
        }
        if (load) {
            for (int k = 0; k < count; k++) {
                set(c, dbl, first + k, loaded[k]);
            }
        }
    }

    public static void VLDMIA(LiftContext c, Fields f) { multiple(c, f, true, true); }
    public static void VLDMDB(LiftContext c, Fields f) { multiple(c, f, true, false); }
    public static void VSTMIA(LiftContext c, Fields f) { multiple(c, f, false, true); }
    public static void VSTMDB(LiftContext c, Fields f) { multiple(c, f, false, false); }

    // ---------------------------------------------------------------- moves with core registers
    /** VMOV Sn, Rt / VMOV Rt, Sn ('o' 1: to the core register). */
    public static void VMOV_core_single(LiftContext c, Fields f) {
        int t = f.get('t');
        int sn = f.get('n') << 1 | f.get('N');
        if (t == 15) {
            c.illegal();
            return;
        }
        if (f.get('o') == 1) {
            c.setReg(t, c.sreg(sn));
        } else {
            c.setSreg(sn, c.reg(t));
        }
    }

    /** VMOV Dm, Rt, Rt2 / VMOV Rt, Rt2, Dm. */
    public static void VMOV_core_double(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int t = f.get('t'), t2 = f.get('u');
        int dm = f.get('M') << 4 | f.get('m');
        if (t == 15 || t2 == 15 || f.get('o') == 1 && t == t2) {
            c.illegal();
            return;
        }
        if (f.get('o') == 1) {
            Value d = c.dreg(dm);
            c.setReg(t, b.trunc32(d));
            c.setReg(t2, b.trunc32(b.shr(d, b.c64(32))));
        } else {
            c.setDreg(dm, b.or(b.zext64(c.reg(t)), b.shl(b.zext64(c.reg(t2)), b.c64(32))));
        }
    }

    /** VMOV Sm, Sm1, Rt, Rt2 / VMOV Rt, Rt2, Sm, Sm1. */
    public static void VMOV_core_two_singles(LiftContext c, Fields f) {
        int t = f.get('t'), t2 = f.get('u');
        int sm = f.get('m') << 1 | f.get('M');
        if (t == 15 || t2 == 15 || sm == 31 || f.get('o') == 1 && t == t2) {
            c.illegal();
            return;
        }
        if (f.get('o') == 1) {
            Value a = c.sreg(sm), b2 = c.sreg(sm + 1);
            c.setReg(t, a);
            c.setReg(t2, b2);
        } else {
            c.setSreg(sm, c.reg(t));
            c.setSreg(sm + 1, c.reg(t2));
        }
    }

    /** VMRS Rt, FPSCR; Rt = 15 copies FPSCR's N Z C V to the APSR. */
    public static void VMRS(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int t = f.get('t');
        Value fpscr = b.getReg32(FPSCR);
        if (t == 15) {
            b.setReg(N, b.shr(fpscr, b.c32(31)));
            b.setReg(Z, b.and(b.shr(fpscr, b.c32(30)), b.c32(1)));
            b.setReg(C, b.and(b.shr(fpscr, b.c32(29)), b.c32(1)));
            b.setReg(V, b.and(b.shr(fpscr, b.c32(28)), b.c32(1)));
        } else {
            c.setReg(t, fpscr);
        }
    }

    /** VMSR FPSCR, Rt. */
    public static void VMSR(LiftContext c, Fields f) {
        int t = f.get('t');
        if (t == 15) {
            c.illegal();
            return;
        }
        c.b.setReg(FPSCR, c.b.and(c.reg(t), c.c32(VfpHelpers.FPSCR_WRITABLE & 0xFFFF_FFFFL)));
    }

    // ---------------------------------------------------------------- data processing
    /** VMOV (register). */
    public static void VMOV_reg(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        set(c, dbl, vd(f), get(c, dbl, vm(f)));
    }

    /** VMOV (immediate): VFPExpandImm of imm4H:imm4L. */
    public static void VMOV_imm(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        int imm8 = f.get('h') << 4 | f.get('l');
        long sign = imm8 >>> 7;
        long b6 = imm8 >>> 6 & 1;
        long frac = imm8 & 0x3F;
        Value v;
        if (dbl) {
            long exp = (b6 ^ 1) << 10 | (b6 == 1 ? 0xFF : 0) << 2 | (imm8 >>> 4 & 3);
            v = c.b.c64(sign << 63 | exp << 52 | (frac & 0xF) << 48);
        } else {
            long exp = (b6 ^ 1) << 7 | (b6 == 1 ? 0x1F : 0) << 2 | (imm8 >>> 4 & 3);
            v = c.c32(sign << 31 | exp << 23 | (frac & 0xF) << 19);
        }
        set(c, dbl, vd(f), v);
    }

    private static final Helper BINOP = Helper.of(FpHelpers.class, "binop");
    private static final Helper UNOP = Helper.of(FpHelpers.class, "unop");
    private static final Helper FMA = Helper.of(FpHelpers.class, "fma");
    private static final Helper TO_INT = Helper.of(FpHelpers.class, "toInt");
    private static final Helper FROM_INT = Helper.of(FpHelpers.class, "fromInt");
    private static final Helper MUL_ACC = Helper.of(VfpHelpers.class, "mulAccumulate");
    private static final Helper COMPARE = Helper.of(VfpHelpers.class, "compare");
    private static final Helper TO_FIXED = Helper.of(VfpHelpers.class, "toFixed");
    private static final Helper FROM_FIXED = Helper.of(VfpHelpers.class, "fromFixed");

    /** The shared FP helpers' format code. */
    private static Value fmt(LiftContext c, boolean dbl) {
        return c.c32(dbl ? Fp.D : Fp.S);
    }

    /** S or D register r as the helpers take it: zero-extended to 64 bits. */
    private static Value operand(LiftContext c, boolean dbl, int r) {
        Value v = get(c, dbl, r);
        return dbl ? v : c.b.zext64(v);
    }

    /** Writes a helper's 64-bit result to S or D register r. */
    private static void result(LiftContext c, boolean dbl, int r, Value v) {
        set(c, dbl, r, dbl ? v : c.b.trunc32(v));
    }

    /** Vd = op(Vn, Vm) through FpHelpers.binop. */
    private static void binary(LiftContext c, Fields f, int op) {
        boolean dbl = f.get('s') == 1;
        Value r = c.b.call(BINOP, c.c32(op), operand(c, dbl, vn(f)), operand(c, dbl, vm(f)), fmt(c, dbl));
        result(c, dbl, vd(f), r);
    }

    public static void VADD(LiftContext c, Fields f) { binary(c, f, FpHelpers.FADD); }
    public static void VSUB(LiftContext c, Fields f) { binary(c, f, FpHelpers.FSUB); }
    public static void VMUL(LiftContext c, Fields f) { binary(c, f, FpHelpers.FMUL); }
    public static void VDIV(LiftContext c, Fields f) { binary(c, f, FpHelpers.FDIV); }
    /** VNMUL: FPNeg(FPMul(n, m)). */
    public static void VNMUL(LiftContext c, Fields f) { binary(c, f, FpHelpers.FNMUL); }

    /** Vd = h(kind, Vd, Vn, Vm): the multiply-accumulate families, whose helpers share that shape. */
    private static void accumulate(LiftContext c, Fields f, Helper h, int kind) {
        boolean dbl = f.get('s') == 1;
        int d = vd(f);
        Value r = c.b.call(h, c.c32(kind), operand(c, dbl, d), operand(c, dbl, vn(f)), operand(c, dbl, vm(f)), fmt(c, dbl));
        result(c, dbl, d, r);
    }

    /** VMLA, VMLS, VNMLA, VNMLS: two roundings (VfpHelpers.mulAccumulate). */
    private static void mulAccumulate(LiftContext c, Fields f, int kind) {
        accumulate(c, f, MUL_ACC, kind);
    }

    public static void VMLA(LiftContext c, Fields f) { mulAccumulate(c, f, VfpHelpers.VMLA); }
    public static void VMLS(LiftContext c, Fields f) { mulAccumulate(c, f, VfpHelpers.VMLS); }
    public static void VNMLA(LiftContext c, Fields f) { mulAccumulate(c, f, VfpHelpers.VNMLA); }
    public static void VNMLS(LiftContext c, Fields f) { mulAccumulate(c, f, VfpHelpers.VNMLS); }

    /**
     * A8.8.318/319 VFMA, VFMS, VFNMA, VFNMS (VFPv4): one rounding of +/-d + (+/-n) * m, the
     * same FPMulAdd operations as AArch64's FMADD, FMSUB, FNMADD, FNMSUB.
     */
    private static void fused(LiftContext c, Fields f, int fmaOp) {
        accumulate(c, f, FMA, fmaOp);
    }

    public static void VFMA(LiftContext c, Fields f) { fused(c, f, 0); }
    public static void VFMS(LiftContext c, Fields f) { fused(c, f, 1); }
    public static void VFNMA(LiftContext c, Fields f) { fused(c, f, 2); }
    public static void VFNMS(LiftContext c, Fields f) { fused(c, f, 3); }

    private static Value signFlip(IrBuilder b, Value v) {
        return b.xor(v, v.type() == Type.I64 ? b.c64(Long.MIN_VALUE) : b.c32(0x8000_0000L));
    }

    public static void VNEG(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        set(c, dbl, vd(f), signFlip(c.b, get(c, dbl, vm(f))));
    }

    public static void VABS(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value v = get(c, dbl, vm(f));
        set(c, dbl, vd(f), c.b.and(v, dbl ? c.b.c64(Long.MAX_VALUE) : c.c32(0x7FFF_FFFF)));
    }

    public static void VSQRT(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        result(c, dbl, vd(f), c.b.call(UNOP, c.c32(FpHelpers.FSQRT), operand(c, dbl, vm(f)), fmt(c, dbl)));
    }

    /** VCMP{E} Dd, Dm or #0.0 ('E' 1: any NaN raises IOC); FPSCR.NZCV as FPCompare sets it. */
    private static void compare(LiftContext c, Fields f, boolean withZero) {
        boolean dbl = f.get('s') == 1;
        Value y = withZero ? c.b.c64(0) : operand(c, dbl, vm(f));
        c.b.call(COMPARE, operand(c, dbl, vd(f)), y, fmt(c, dbl), c.c32(f.get('E')));
    }

    public static void VCMP(LiftContext c, Fields f) { compare(c, f, false); }
    public static void VCMP_zero(LiftContext c, Fields f) { compare(c, f, true); }

    /** VCVT between double and single: Vd has the other precision; rounds in FPSCR's mode. */
    public static void VCVT_fp(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        int d = reg(!dbl, f.get('d'), f.get('D'));
        Value r = c.b.call(UNOP, c.c32(dbl ? FpHelpers.FCVT_S : FpHelpers.FCVT_D), operand(c, dbl, vm(f)), fmt(c, dbl));
        result(c, !dbl, d, r);
    }

    /** VCVT from a signed ('p' 1) or unsigned 32-bit integer in Sm, rounding in FPSCR's mode. */
    public static void VCVT_from_int(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value v = c.b.zext64(c.sreg(f.get('m') << 1 | f.get('M')));
        Value r = c.b.call(FROM_INT, v, c.c32(32), c.c32(f.get('p') ^ 1), c.c32(0), fmt(c, dbl));
        result(c, dbl, vd(f), r);
    }

    /**
     * VCVT to a signed ('p' of opc2 = 101) or unsigned (100) integer in Sd: 'r' 1 rounds
     * toward zero, 0 (VCVTR) in FPSCR's mode; out of range saturates and NaN gives 0, with IOC.
     */
    public static void VCVT_to_int(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value mode = f.get('r') == 1 ? c.c32(Fp.RZ) : c.b.and(c.b.shr(c.b.getReg32(FPSCR), c.c32(Fp.RMODE_SHIFT)), c.c32(3));
        Value r = c.b.call(TO_INT, operand(c, dbl, vm(f)), fmt(c, dbl), c.c32(0), c.c32(f.get('p') ^ 1), c.c32(32), mode);
        c.setSreg(f.get('d') << 1 | f.get('D'), c.b.trunc32(r));
    }

    /**
     * A8.8.309 VCVT (between floating-point and fixed-point, VFPv3) in place on Vd: 'o' 1 to
     * fixed (round toward zero), 0 from fixed (round to nearest); 'U' unsigned; 'x' sx: a 32-bit
     * (1) or 16-bit (0) integer; fraction bits = size - imm4:i.
     */
    public static void VCVT_fixed(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        int size = f.get('x') == 1 ? 32 : 16;
        int fbits = size - (f.get('i') << 1 | f.get('j'));
        if (fbits < 0) {
            c.illegal(); // UNPREDICTABLE
            return;
        }
        int d = vd(f);
        Value v = operand(c, dbl, d);
        Value r;
        if (f.get('o') == 1) {
            r = c.b.call(TO_FIXED, v, fmt(c, dbl), c.c32(fbits), c.c32(f.get('U')), c.c32(size));
            if (!dbl) {
                r = c.b.and(r, c.b.c64(0xFFFF_FFFFL));
            }
        } else {
            r = c.b.call(FROM_FIXED, v, fmt(c, dbl), c.c32(fbits), c.c32(f.get('U')), c.c32(size));
        }
        result(c, dbl, d, r);
    }

    /**
     * A8.8.307 VCVTB, VCVTT (half-precision extension): 'o' 0 widens the bottom ('T' 0) or top
     * half of Sm to single, 1 narrows Sm into that half of Sd, keeping the other half. FPSCR.AHP
     * (alternative half precision) is not implemented and reads as 0.
     */
    public static void VCVT_half(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int sm = f.get('m') << 1 | f.get('M');
        int sd = f.get('d') << 1 | f.get('D');
        int top = f.get('T');
        if (f.get('o') == 0) {
            Value h = b.and(b.shr(b.zext64(c.sreg(sm)), b.c64(16L * top)), b.c64(0xFFFF));
            c.setSreg(sd, b.trunc32(b.call(UNOP, c.c32(FpHelpers.FCVT_S), h, c.c32(Fp.H))));
        } else {
            Value h = b.trunc32(b.call(UNOP, c.c32(FpHelpers.FCVT_H), b.zext64(c.sreg(sm)), c.c32(Fp.S)));
            Value keep = b.and(c.sreg(sd), c.c32(top == 1 ? 0xFFFF : 0xFFFF_0000L));
            c.setSreg(sd, b.or(keep, top == 1 ? b.shl(h, c.c32(16)) : h));
        }
    }
}

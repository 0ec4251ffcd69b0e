package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.C;
import static dev.emu.arm32.Arm32Registers.FPSCR;
import static dev.emu.arm32.Arm32Registers.N;
import static dev.emu.arm32.Arm32Registers.V;
import static dev.emu.arm32.Arm32Registers.Z;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A7.5-A7.9 VFP (VFPv3-D32) in A32 and Thumb (the same encodings; Thumb has 1110 where A32
 * has the condition): extension register loads and stores (VLDR, VSTR, VLDM, VSTM, VPUSH,
 * VPOP), moves between core and extension registers, VMRS/VMSR, and the data-processing
 * instructions VMOV, VADD, VSUB, VMUL, VDIV, VNEG, VABS, VSQRT, VCMP(E), VCVT.
 *
 * <p>Arithmetic rounds to nearest and neither honours FPSCR's rounding mode, flush-to-zero or
 * default-NaN bits nor sets its cumulative exception flags yet. Fields: 's' sz (1 = double),
 * 'd'/'D' Vd and D, 'n'/'N', 'm'/'M', 'i' imm8, 't' Rt, 'u' Rt2, 'U' add, 'W' writeback,
 * 'p' the op bit of a comparison or conversion.
 */
public final class Vfp {
    private Vfp() {}

    private static final dev.emu.core.ir.Helper ROUND_TO_INT =
            dev.emu.core.ir.Helper.of(dev.emu.arm32.Arm32Helpers.class, "roundToInt");

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

    /** VMOV Dd[x], Rt and VMOV Rt, Dn[x] (32-bit scalars; 'x' the index, 'o' 1: to core). */
    public static void VMOV_scalar(LiftContext c, Fields f) {
        int t = f.get('t');
        int d = f.get('N') << 4 | f.get('n');
        if (t == 15) {
            c.illegal();
            return;
        }
        int s = d * 2 + f.get('x');
        if (f.get('o') == 1) {
            c.setReg(t, c.sreg(s));
        } else {
            c.setSreg(s, c.reg(t));
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
        c.b.setReg(FPSCR, c.reg(t));
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

    private interface Binary {
        Value apply(IrBuilder b, Value x, Value y);
    }

    private static final dev.emu.core.ir.Helper NAN64 =
            dev.emu.core.ir.Helper.of(dev.emu.arm32.Arm32Helpers.class, "nan64");
    private static final dev.emu.core.ir.Helper NAN32 =
            dev.emu.core.ir.Helper.of(dev.emu.arm32.Arm32Helpers.class, "nan32");

    /** r, or the NaN Arm returns when r is a NaN (operand NaNs propagate, else the default NaN). */
    private static Value armNaN(IrBuilder b, Value r, Value x, Value y) {
        Value nan = b.call(r.type() == Type.I64 ? NAN64 : NAN32, r, x, y);
        return b.select(b.fcmpUn(r, r), nan, r);
    }

    private static void binary(LiftContext c, Fields f, Binary op) {
        boolean dbl = f.get('s') == 1;
        IrBuilder b = c.b;
        Value x = get(c, dbl, vn(f));
        Value y = get(c, dbl, vm(f));
        set(c, dbl, vd(f), armNaN(b, op.apply(b, x, y), x, y));
    }

    public static void VADD(LiftContext c, Fields f) { binary(c, f, IrBuilder::fadd); }
    public static void VSUB(LiftContext c, Fields f) { binary(c, f, IrBuilder::fsub); }
    public static void VMUL(LiftContext c, Fields f) { binary(c, f, IrBuilder::fmul); }
    public static void VDIV(LiftContext c, Fields f) { binary(c, f, IrBuilder::fdiv); }

    /** VNMUL: -(n * m). */
    public static void VNMUL(LiftContext c, Fields f) {
        binary(c, f, (b, x, y) -> signFlip(b, b.fmul(x, y)));
    }

    /** VMLA, VMLS, VNMLA, VNMLS ('p' op, 'q' N of the opc): d = +/-d +/- n * m, two roundings. */
    public static void VMLA_family(LiftContext c, Fields f, boolean negateProduct, boolean negateAccumulator) {
        boolean dbl = f.get('s') == 1;
        IrBuilder b = c.b;
        Value p = b.fmul(get(c, dbl, vn(f)), get(c, dbl, vm(f)));
        if (negateProduct) {
            p = signFlip(b, p);
        }
        Value acc = get(c, dbl, vd(f));
        if (negateAccumulator) {
            acc = signFlip(b, acc);
        }
        set(c, dbl, vd(f), b.fadd(acc, p));
    }

    public static void VMLA(LiftContext c, Fields f) { VMLA_family(c, f, false, false); }
    public static void VMLS(LiftContext c, Fields f) { VMLA_family(c, f, true, false); }
    public static void VNMLA(LiftContext c, Fields f) { VMLA_family(c, f, true, true); }
    public static void VNMLS(LiftContext c, Fields f) { VMLA_family(c, f, false, true); }

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
        set(c, dbl, vd(f), c.b.fsqrt(get(c, dbl, vm(f))));
    }

    /** VCMP{E} Dd, Dm or #0.0: FPSCR N Z C V = 1000 less, 0110 equal, 0010 greater, 0011 unordered. */
    private static void compare(LiftContext c, Fields f, boolean withZero) {
        IrBuilder b = c.b;
        boolean dbl = f.get('s') == 1;
        Value x = get(c, dbl, vd(f));
        Value y = withZero ? (dbl ? b.c64(0) : b.c32(0)) : get(c, dbl, vm(f));
        Value un = b.fcmpUn(x, y);
        Value lt = b.fcmpLt(x, y);
        Value eq = b.fcmpEq(x, y);
        // nzcv as 4 bits
        Value nzcv = b.select(un, b.c32(0b0011), b.select(eq, b.c32(0b0110), b.select(lt, b.c32(0b1000), b.c32(0b0010))));
        Value fpscr = b.or(b.and(b.getReg32(FPSCR), b.c32(0x0FFF_FFFF)), b.shl(nzcv, b.c32(28)));
        b.setReg(FPSCR, fpscr);
    }

    public static void VCMP(LiftContext c, Fields f) { compare(c, f, false); }
    public static void VCMP_zero(LiftContext c, Fields f) { compare(c, f, true); }

    /** VCVT between double and single: Vd has the other precision. */
    public static void VCVT_fp(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value v = get(c, dbl, vm(f));
        int d = reg(!dbl, f.get('d'), f.get('D'));
        set(c, !dbl, d, c.b.fcvt(v, dbl ? Type.I32 : Type.I64));
    }

    /** VCVT from a signed or unsigned integer in Sm to floating point ('p' 1: signed). */
    public static void VCVT_from_int(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value v = c.sreg(f.get('m') << 1 | f.get('M'));
        Type t = dbl ? Type.I64 : Type.I32;
        set(c, dbl, vd(f), f.get('p') == 1 ? c.b.sitof(v, t) : c.b.uitof(v, t));
    }

    /**
     * VCVT to a signed ('p' of opc2 = 101) or unsigned (100) integer in Sd. 'r' 1 rounds
     * toward zero; 0 (VCVTR) rounds to nearest even, FPSCR's default mode.
     */
    public static void VCVT_to_int(LiftContext c, Fields f) {
        boolean dbl = f.get('s') == 1;
        Value v = get(c, dbl, vm(f));
        Value r;
        if (f.get('r') == 1) {
            r = f.get('p') == 1 ? c.b.ftosi(v, Type.I32) : c.b.ftoui(v, Type.I32);
        } else {
            r = c.b.call(ROUND_TO_INT, dbl ? v : c.b.zext64(v), c.c32(dbl ? 1 : 0), c.c32(f.get('p')));
        }
        c.setSreg(f.get('d') << 1 | f.get('D'), r);
    }
}

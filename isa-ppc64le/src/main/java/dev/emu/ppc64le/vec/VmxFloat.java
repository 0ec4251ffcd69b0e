package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.VSCR;
import static dev.emu.ppc64le.vec.VmxLanes.setCr6;
import static dev.emu.ppc64le.vec.VmxLanes.va;
import static dev.emu.ppc64le.vec.VmxLanes.vb;
import static dev.emu.ppc64le.vec.VmxLanes.vc;
import static dev.emu.ppc64le.vec.VmxLanes.vt;

import dev.emu.core.cpu.CpuState;

/**
 * Power ISA 2.07B 6.10 (VMX floating point): single precision in each word, always rounded to
 * nearest, no FPSCR involvement and no exception flags; a NaN operand's quiet form propagates
 * (VRA first, then VRB, then VRC), an invalid operation gives 0x7FC00000. VSCR.NJ (non-Java
 * mode) flushes denormal operands and results to zero of the same sign. The estimate
 * instructions compute the exactly rounded function (well within the ISA's 1/4096 bound).
 */
public final class VmxFloat {
    private VmxFloat() {}

    static final int DEFAULT_NAN = 0x7FC0_0000;

    interface F2 {
        float apply(float a, float b);
    }

    interface F1 {
        float apply(float b);
    }

    static void defineVx(OpTable vx) {
        vx.def("vaddfp", 10, arith2((a, b) -> a + b));
        vx.def("vsubfp", 74, arith2((a, b) -> a - b));
        vx.def("vmaxfp", 1034, arith2((a, b) -> a > b || (a == b && Float.floatToRawIntBits(b) < 0) ? a : b));
        vx.def("vminfp", 1098, arith2((a, b) -> a < b || (a == b && Float.floatToRawIntBits(a) < 0) ? a : b));
        unary(vx, "vrefp", 266, (b -> 1f / b));
        unary(vx, "vrsqrtefp", 330, (b -> (float) (1.0 / Math.sqrt(b))));
        unary(vx, "vexptefp", 394, (b -> (float) Math.pow(2, b)));
        unary(vx, "vlogefp", 458, (b -> (float) (Math.log(b) / Math.log(2))));
        unary(vx, "vrfin", 522, (b -> (float) Math.rint(b)));
        unary(vx, "vrfiz", 586, (b -> (float) (b < 0 ? Math.ceil(b) : Math.floor(b))));
        unary(vx, "vrfip", 650, (b -> (float) Math.ceil(b)));
        unary(vx, "vrfim", 714, (b -> (float) Math.floor(b)));
        vx.def("vcfux", 778, "ttttt_iiiii_bbbbb", (s, w) -> fromInt(s, w, false));
        vx.def("vcfsx", 842, "ttttt_iiiii_bbbbb", (s, w) -> fromInt(s, w, true));
        vx.def("vctuxs", 906, "ttttt_iiiii_bbbbb", (s, w) -> toInt(s, w, false));
        vx.def("vctsxs", 970, "ttttt_iiiii_bbbbb", (s, w) -> toInt(s, w, true));
        int[] xo = {198, 454, 710, 966};
        String[] name = {"vcmpeqfp", "vcmpgefp", "vcmpgtfp", "vcmpbfp"};
        for (int k = 0; k < 4; k++) {
            int kind = k;
            vx.def(name[k], xo[k], (s, w) -> compare(s, w, kind, false));
            vx.def(name[k] + ".", xo[k] | 1024, (s, w) -> compare(s, w, kind, true));
        }
    }

    static void defineVa(OpTable va) {
        va.def("vmaddfp", 46, (s, w) -> fused(s, w, false));
        va.def("vnmsubfp", 47, (s, w) -> fused(s, w, true));
    }

    static boolean nonJava(CpuState s) {
        return (s.regs[VSCR] & Vr.NJ) != 0;
    }

    static boolean isNaN(int bits) {
        return (bits & 0x7FFF_FFFF) > 0x7F80_0000;
    }

    /** A denormal operand or result as zero of its sign under NJ. */
    static int flush(boolean nj, int bits) {
        return nj && (bits & 0x7F80_0000) == 0 ? bits & 0x8000_0000 : bits;
    }

    /** The result's bits: Power's default NaN for a generated NaN, flushed under NJ. */
    static int result(boolean nj, float r) {
        return Float.isNaN(r) ? DEFAULT_NAN : flush(nj, Float.floatToRawIntBits(r));
    }

    private static VecOp arith2(F2 f) {
        return (s, w) -> {
            boolean nj = nonJava(s);
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 4; i++) {
                int x = flush(nj, (int) a.get(4, i)), y = flush(nj, (int) b.get(4, i));
                int v;
                if (isNaN(x) || isNaN(y)) {
                    v = (isNaN(x) ? x : y) | 0x40_0000;
                } else {
                    v = result(nj, f.apply(Float.intBitsToFloat(x), Float.intBitsToFloat(y)));
                }
                r.set(4, i, v);
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    private static OpTable unary(OpTable vx, String name, int xo, F1 f) {
        return vx.def(name, xo, OpTable.TB, arith1(f));
    }

    private static VecOp arith1(F1 f) {
        return (s, w) -> {
            boolean nj = nonJava(s);
            Vr b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 4; i++) {
                int y = flush(nj, (int) b.get(4, i));
                r.set(4, i, isNaN(y) ? y | 0x40_0000 : result(nj, f.apply(Float.intBitsToFloat(y))));
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** vmaddfp: VRA * VRC + VRB with one rounding; vnmsubfp: -(VRA * VRC - VRB). */
    private static void fused(CpuState s, int w, boolean negate) {
        boolean nj = nonJava(s);
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
        for (int i = 0; i < 4; i++) {
            int x = flush(nj, (int) a.get(4, i)), y = flush(nj, (int) b.get(4, i)), z = flush(nj, (int) c.get(4, i));
            int v;
            if (isNaN(x) || isNaN(y) || isNaN(z)) {
                v = (isNaN(x) ? x : isNaN(y) ? y : z) | 0x40_0000;
            } else {
                float fa = Float.intBitsToFloat(x), fb = Float.intBitsToFloat(y), fc = Float.intBitsToFloat(z);
                float p = negate ? -Math.fma(fa, fc, -fb) : Math.fma(fa, fc, fb); // negated after rounding: -0 stays
                v = result(nj, p);
            }
            r.set(4, i, v);
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void fromInt(CpuState s, int w, boolean signed) {
        Vr b = Vr.vr(s, vb(w)), r = new Vr();
        int uim = va(w);
        for (int i = 0; i < 4; i++) {
            long v = signed ? b.getSigned(4, i) : b.get(4, i);
            float f = (float) v; // exact to nearest: a word has at most 32 significant bits
            r.set(4, i, Float.floatToRawIntBits(Math.scalb(f, -uim)));
        }
        Vr.setVr(s, vt(w), r);
    }

    /** vctuxs/vctsxs: VRB * 2^UIM truncated to a saturated word; NaN gives 0. */
    private static void toInt(CpuState s, int w, boolean signed) {
        boolean nj = nonJava(s);
        Vr b = Vr.vr(s, vb(w)), r = new Vr();
        int uim = va(w);
        long min = signed ? Integer.MIN_VALUE : 0, max = signed ? Integer.MAX_VALUE : 0xFFFF_FFFFL;
        for (int i = 0; i < 4; i++) {
            int y = flush(nj, (int) b.get(4, i));
            double d = Math.scalb((double) Float.intBitsToFloat(y), uim);
            long v;
            if (isNaN(y)) {
                v = 0; // without SAT, as QEMU
            } else if (d >= max + 1.0) {
                v = max;
                Vr.setSat(s);
            } else if (d <= min - 1.0) {
                v = min;
                Vr.setSat(s);
            } else {
                v = (long) d;
            }
            r.set(4, i, v);
        }
        Vr.setVr(s, vt(w), r);
    }

    /** kind 0 eq, 1 ge, 2 gt, 3 bounds (vcmpbfp: bit 0 for a > b, bit 1 for a < -b, both for a NaN). */
    private static void compare(CpuState s, int w, int kind, boolean record) {
        boolean nj = nonJava(s);
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        int hits = 0;
        for (int i = 0; i < 4; i++) {
            float x = Float.intBitsToFloat(flush(nj, (int) a.get(4, i)));
            float y = Float.intBitsToFloat(flush(nj, (int) b.get(4, i)));
            long v;
            if (kind == 3) {
                boolean nan = Float.isNaN(x) || Float.isNaN(y);
                v = (nan || !(x <= y) ? 0x8000_0000L : 0) | (nan || !(x >= -y) ? 0x4000_0000L : 0);
                hits += v == 0 ? 1 : 0;
            } else {
                boolean t = kind == 0 ? x == y : kind == 1 ? x >= y : x > y;
                v = t ? 0xFFFF_FFFFL : 0;
                hits += t ? 1 : 0;
            }
            r.set(4, i, v);
        }
        Vr.setVr(s, vt(w), r);
        if (record) {
            if (kind == 3) {
                setCr6(s, false, hits == 4);
            } else {
                setCr6(s, hits == 4, hits == 0);
            }
        }
    }
}

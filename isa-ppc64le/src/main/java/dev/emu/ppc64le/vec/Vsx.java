package dev.emu.ppc64le.vec;

import dev.emu.core.cpu.CpuState;

/**
 * Power ISA 2.07B chapter 7 (VSX): the XX2-, XX3- and XX4-form instructions of primary 60 by
 * extended opcode, and the logical, merge, permute, splat and select instructions (7.6.1.7-8).
 * The floating-point ones are {@link VsxFloat}'s.
 */
public final class Vsx {
    private Vsx() {}

    /** XX3-form: the 8-bit XO in bits 21:28. */
    public static final OpTable XX3 = new OpTable(3, 0xFF);
    /** XX2-form: the 9-bit XO in bits 21:29. */
    public static final OpTable XX2 = new OpTable(2, 0x1FF);
    /** XX4-form: the 2-bit XO in bits 26:27 (xxsel). */
    public static final OpTable XX4 = new OpTable(4, 0x3);

    static int xt(int w) {
        return (w & 1) << 5 | w >>> 21 & 31;
    }

    static int xa(int w) {
        return (w >>> 2 & 1) << 5 | w >>> 16 & 31;
    }

    static int xb(int w) {
        return (w >>> 1 & 1) << 5 | w >>> 11 & 31;
    }

    static int xc(int w) {
        return (w >>> 3 & 1) << 5 | w >>> 6 & 31;
    }

    private static VecOp logical(Vr.Bits f) {
        return (s, w) -> Vr.setVsr(s, xt(w), Vr.bitwise(Vr.vsr(s, xa(w)), Vr.vsr(s, xb(w)), f));
    }

    static {
        XX3.def("xxland", 130, logical((a, b) -> a & b));
        XX3.def("xxlandc", 138, logical((a, b) -> a & ~b));
        XX3.def("xxlor", 146, logical((a, b) -> a | b));
        XX3.def("xxlxor", 154, logical((a, b) -> a ^ b));
        XX3.def("xxlnor", 162, logical((a, b) -> ~(a | b)));
        XX3.def("xxlorc", 170, logical((a, b) -> a | ~b));
        XX3.def("xxlnand", 178, logical((a, b) -> ~(a & b)));
        XX3.def("xxleqv", 186, logical((a, b) -> ~(a ^ b)));
        XX3.def("xxmrghw", 18, (s, w) -> mergeWords(s, w, 0));
        XX3.def("xxmrglw", 50, (s, w) -> mergeWords(s, w, 2));
        for (int k = 0; k < 4; k++) {
            // the DM / SHW field sits in bits 22:23, inside the 8-bit XO
            XX3.def("xxpermdi" + (k == 0 ? "" : "_" + k), 10 | k << 5, Vsx::xxpermdi);
            XX3.def("xxsldwi" + (k == 0 ? "" : "_" + k), 2 | k << 5, Vsx::xxsldwi);
        }
        XX2.def("xxspltw", 164, (s, w) -> {
            long v = Vr.vsr(s, xb(w)).get(4, w >>> 16 & 3);
            long dw = v << 32 | v;
            Vr.setVsr(s, xt(w), new Vr(dw, dw));
        });
        XX4.def("xxsel", 3, (s, w) -> {
            Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), c = Vr.vsr(s, xc(w));
            Vr.setVsr(s, xt(w), new Vr(a.hi & ~c.hi | b.hi & c.hi, a.lo & ~c.lo | b.lo & c.lo));
        });
        XX3.def("xstdivdp", 61, (s, w) -> VecTests.testFloat(s, w, 0, 1));
        XX3.def("xvtdivdp", 125, (s, w) -> VecTests.testVector(s, w, false, false));
        XX3.def("xvtdivsp", 93, (s, w) -> VecTests.testVector(s, w, false, true));
        XX2.def("xstsqrtdp", 106, (s, w) -> VecTests.testFloat(s, w, 1, 1));
        XX2.def("xvtsqrtdp", 234, (s, w) -> VecTests.testVector(s, w, true, false));
        XX2.def("xvtsqrtsp", 170, (s, w) -> VecTests.testVector(s, w, true, true));
        VsxFloat.define();
    }

    /** xxmrghw (first = 0) / xxmrglw (first = 2). */
    private static void mergeWords(CpuState s, int w, int first) {
        Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), r = new Vr();
        for (int i = 0; i < 2; i++) {
            r.set(4, 2 * i, a.get(4, first + i));
            r.set(4, 2 * i + 1, b.get(4, first + i));
        }
        Vr.setVsr(s, xt(w), r);
    }

    private static void xxpermdi(CpuState s, int w) {
        int dm = w >>> 8 & 3;
        Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w));
        Vr.setVsr(s, xt(w), new Vr((dm & 2) == 0 ? a.hi : a.lo, (dm & 1) == 0 ? b.hi : b.lo));
    }

    private static void xxsldwi(CpuState s, int w) {
        int shw = w >>> 8 & 3;
        Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), r = new Vr();
        for (int i = 0; i < 4; i++) {
            int j = i + shw;
            r.set(4, i, j < 4 ? a.get(4, j) : b.get(4, j - 4));
        }
        Vr.setVsr(s, xt(w), r);
    }
}

package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.FPSCR;
import static dev.emu.ppc64le.PpcRegisters.crField;
import static dev.emu.ppc64le.vec.Vsx.xa;
import static dev.emu.ppc64le.vec.Vsx.xb;
import static dev.emu.ppc64le.vec.Vsx.xt;

import dev.emu.core.cpu.CpuState;
import dev.emu.ppc64le.fp.FpConvert;
import dev.emu.ppc64le.fp.FpHelpers;
import dev.emu.ppc64le.fp.Fpscr;
import dev.emu.ppc64le.fp.PpcFp;
import dev.emu.ppc64le.fp.PpcFp.Status;

/**
 * Power ISA 2.07B 7.6 (VSX floating point): scalar xs* instructions on doubleword 0 (they set
 * FPRF, FR and FI like their FPR counterparts; doubleword 1 of the target becomes 0) and
 * vector xv* instructions on two doublewords or four words (they raise the sticky exception
 * bits but leave FR, FI and FPRF alone). Arithmetic goes through {@link PpcFp}, so the
 * rounding modes, NaN rules and flags are the FPRs'.
 */
final class VsxFloat {
    private VsxFloat() {}

    interface Op2 {
        long apply(Status st, long a, long b, int fmt);
    }

    interface Op1 {
        long apply(Status st, long b, int fmt);
    }

    /** Element shapes: scalar double, scalar single (rounded, kept as a double), vector double, vector single. */
    static final int SD = 0, SS = 1, VD = 2, VS = 3;

    static int count(int shape) {
        return shape == VD ? 2 : shape == VS ? 4 : 1;
    }

    static int fmt(int shape) {
        return shape == SS || shape == VS ? PpcFp.SINGLE : PpcFp.DOUBLE;
    }

    /** Element i of a register as binary64 bits (a single-precision word widened exactly). */
    static long element(Vr v, int shape, int i) {
        return shape == VS ? PpcFp.singleToDouble((int) v.get(4, i)) : v.get(8, i);
    }

    static void setElement(Vr v, int shape, int i, long bits) {
        if (shape == VS) {
            v.set(4, i, PpcFp.doubleToSingleExact(bits) & 0xFFFF_FFFFL);
        } else {
            v.set(8, i, bits);
        }
    }

    /** Lands the exceptions; a scalar result also sets FPRF, FR and FI. */
    static void finish(CpuState s, Status st, int shape, long scalarResult, boolean classify) {
        boolean scalar = (shape == SD || shape == SS) && classify;
        FpHelpers.commit(s, st, scalarResult, PpcFp.DOUBLE, scalar, scalar);
    }

    static VecOp op2(int shape, Op2 f) {
        return op2(shape, f, true);
    }

    /** {@code classify} false: a scalar that raises exceptions but sets no FPRF, FR or FI (xsmaxdp). */
    static VecOp op2(int shape, Op2 f, boolean classify) {
        return (s, w) -> {
            Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), r = new Vr();
            Status st = new Status(FpHelpers.mode(s));
            long last = 0;
            for (int i = 0; i < count(shape); i++) {
                Status e = new Status(st.mode);
                last = f.apply(e, element(a, shape, i), element(b, shape, i), fmt(shape));
                merge(st, e);
                setElement(r, shape, i, last);
            }
            Vr.setVsr(s, xt(w), r);
            finish(s, st, shape, last, classify);
        };
    }

    static VecOp op1(int shape, Op1 f) {
        return (s, w) -> {
            Vr b = Vr.vsr(s, xb(w)), r = new Vr();
            Status st = new Status(FpHelpers.mode(s));
            long last = 0;
            for (int i = 0; i < count(shape); i++) {
                Status e = new Status(st.mode);
                last = f.apply(e, element(b, shape, i), fmt(shape));
                merge(st, e);
                setElement(r, shape, i, last);
            }
            Vr.setVsr(s, xt(w), r);
            finish(s, st, shape, last, true);
        };
    }

    private static void merge(Status into, Status e) {
        into.exc |= e.exc;
        into.inexact = e.inexact;
        into.incremented = e.incremented;
    }

    /**
     * The multiply-add family: the A forms compute XA * XB + XT, the M forms XA * XT + XB
     * (subtract: msub; negate: nmadd/nmsub).
     */
    static VecOp fma(int shape, boolean mForm, boolean subtract, boolean negate) {
        return (s, w) -> {
            Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), t = Vr.vsr(s, xt(w)), r = new Vr();
            Status st = new Status(FpHelpers.mode(s));
            long last = 0;
            for (int i = 0; i < count(shape); i++) {
                Status e = new Status(st.mode);
                long ea = element(a, shape, i), eb = element(b, shape, i), et = element(t, shape, i);
                last = mForm ? PpcFp.fma(e, ea, et, eb, subtract, negate, fmt(shape))
                        : PpcFp.fma(e, ea, eb, et, subtract, negate, fmt(shape));
                merge(st, e);
                setElement(r, shape, i, last);
            }
            Vr.setVsr(s, xt(w), r);
            finish(s, st, shape, last, true);
        };
    }

    /** Sign manipulations on each element: no FPSCR change. */
    interface SignOp {
        long apply(long a, long b, long signBit);
    }

    static VecOp sign(int shape, SignOp f) {
        return (s, w) -> {
            Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), r = new Vr();
            int bytes = shape == VS ? 4 : 8;
            long bit = 1L << (8 * bytes - 1);
            for (int i = 0; i < count(shape); i++) {
                r.set(bytes, i, f.apply(a.get(bytes, i), b.get(bytes, i), bit));
            }
            if (shape == SD) {
                r.lo = 0;
            }
            Vr.setVsr(s, xt(w), r);
        };
    }

    /** xsmaxdp, xsmindp, xvmax[ds]p, xvmin[ds]p: IEEE maxNum/minNum (a lone quiet NaN loses; +0 > -0). */
    static long maxMin(Status st, long a, long b, boolean max) {
        boolean an = PpcFp.isNaN(a), bn = PpcFp.isNaN(b);
        if (PpcFp.isSignalling(a) || PpcFp.isSignalling(b)) {
            st.exc |= Fpscr.VXSNAN;
            return (an ? a : b) | 1L << 51;
        }
        if (an || bn) {
            return an && bn ? a : an ? b : a;
        }
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        if (x == y) {
            return max ? a & b : a | b; // the zeros: +0 for max, -0 for min
        }
        return (x > y) == max ? a : b;
    }

    /** Vector compares: all-ones where it holds; the record form sets CR6 (all 8, none 2). */
    static VecOp compare(int shape, int kind, boolean record) {
        return (s, w) -> {
            Vr a = Vr.vsr(s, xa(w)), b = Vr.vsr(s, xb(w)), r = new Vr();
            int n = count(shape), hits = 0, bytes = shape == VS ? 4 : 8;
            int exc = 0;
            for (int i = 0; i < n; i++) {
                long x = element(a, shape, i), y = element(b, shape, i);
                boolean nan = PpcFp.isNaN(x) || PpcFp.isNaN(y);
                if (PpcFp.isSignalling(x) || PpcFp.isSignalling(y)) {
                    exc |= Fpscr.VXSNAN;
                }
                if (nan && kind != 0) {
                    exc |= Fpscr.VXVC;
                }
                double dx = Double.longBitsToDouble(x), dy = Double.longBitsToDouble(y);
                boolean t = kind == 0 ? dx == dy : kind == 1 ? dx >= dy : dx > dy;
                if (t) {
                    r.set(bytes, i, -1L);
                    hits++;
                }
            }
            Vr.setVsr(s, xt(w), r);
            s.regs[FPSCR] = Fpscr.raise(s.regs[FPSCR], exc);
            if (record) {
                s.regs[crField(6)] = (hits == n ? 8 : 0) | (hits == 0 ? 2 : 0);
            }
        };
    }

    /** xscmpudp / xscmpodp: as fcmpu / fcmpo on doubleword 0. */
    static void scalarCompare(CpuState s, int w, boolean ordered) {
        long a = Vr.vsr(s, xa(w)).hi, b = Vr.vsr(s, xb(w)).hi;
        int c = PpcFp.compare(a, b);
        int exc = 0;
        if (PpcFp.isSignalling(a) || PpcFp.isSignalling(b)) {
            exc |= Fpscr.VXSNAN | (ordered ? Fpscr.VXVC : 0);
        } else if (ordered && c == 1) {
            exc |= Fpscr.VXVC;
        }
        long f = Fpscr.raise(s.regs[FPSCR], exc);
        s.regs[FPSCR] = f & ~Fpscr.FPCC | (long) c << Fpscr.FPRF_SHIFT;
        s.regs[crField(w >>> 23 & 7)] = c;
    }

    /** Conversions whose source and target element layouts differ. */
    interface Conv {
        long apply(Status st, long src);
    }

    /**
     * A conversion reading {@code n} source elements of {@code srcBytes} at index
     * {@code srcStride * i + srcOffset}, writing target elements of {@code dstBytes} at
     * {@code dstStride * i + dstOffset}; the rest of the target is 0.
     */
    static VecOp convert(boolean scalar, int n, int srcBytes, int srcStride, int srcOffset, int dstBytes,
            int dstStride, int dstOffset, boolean fprfSingle, boolean setsFprf, Conv f) {
        return (s, w) -> {
            Vr b = Vr.vsr(s, xb(w)), r = new Vr();
            Status st = new Status(FpHelpers.mode(s));
            long last = 0;
            for (int i = 0; i < n; i++) {
                Status e = new Status(st.mode);
                last = f.apply(e, b.get(srcBytes, srcStride * i + srcOffset));
                merge(st, e);
                r.set(dstBytes, dstStride * i + dstOffset, last);
                if (dstBytes == 4 && srcBytes == 8) {
                    // a word result from a doubleword: QEMU fills both words of the doubleword
                    r.set(4, (dstStride * i + dstOffset) ^ 1, last);
                }
            }
            Vr.setVsr(s, xt(w), r);
            if (scalar) {
                long asDouble = dstBytes == 4 ? PpcFp.singleToDouble((int) last) : last;
                FpHelpers.commit(s, st, asDouble, fprfSingle ? PpcFp.SINGLE : PpcFp.DOUBLE, setsFprf, true);
            } else {
                FpHelpers.commit(s, st, 0, PpcFp.DOUBLE, false, false);
            }
        };
    }

    static long toSingleBits(Status st, long d) {
        return PpcFp.doubleToSingleExact(PpcFp.roundToSingle(st, d)) & 0xFFFF_FFFFL;
    }

    static long fromSingleBits(Status st, long f) {
        long d = PpcFp.singleToDouble((int) f);
        if (PpcFp.isSignalling(d)) {
            st.exc |= Fpscr.VXSNAN;
            return d | 1L << 51;
        }
        return d;
    }

    static void define() {
        OpTable x3 = Vsx.XX3, x2 = Vsx.XX2;
        int[] shapes = {SD, SS, VD, VS};
        String[] sfx = {"xs%sdp", "xs%ssp", "xv%sdp", "xv%ssp"};
        // XX3 arithmetic: xsadddp 32, xsaddsp 0, xvadddp 96, xvaddsp 64 ...
        int[] base = {32, 0, 96, 64};
        for (int k = 0; k < 4; k++) {
            int sh = shapes[k], b0 = base[k];
            String f = sfx[k];
            x3.def(String.format(f, "add"), b0, op2(sh, PpcFp::add));
            x3.def(String.format(f, "sub"), b0 + 8, op2(sh, PpcFp::sub));
            x3.def(String.format(f, "mul"), b0 + 16, op2(sh, PpcFp::mul));
            x3.def(String.format(f, "div"), b0 + 24, op2(sh, PpcFp::div));
            x3.def(String.format(f, "madda"), b0 + 1, fma(sh, false, false, false));
            x3.def(String.format(f, "maddm"), b0 + 9, fma(sh, true, false, false));
            x3.def(String.format(f, "msuba"), b0 + 17, fma(sh, false, true, false));
            x3.def(String.format(f, "msubm"), b0 + 25, fma(sh, true, true, false));
            x3.def(String.format(f, "nmadda"), b0 + 129, fma(sh, false, false, true));
            x3.def(String.format(f, "nmaddm"), b0 + 137, fma(sh, true, false, true));
            x3.def(String.format(f, "nmsuba"), b0 + 145, fma(sh, false, true, true));
            x3.def(String.format(f, "nmsubm"), b0 + 153, fma(sh, true, true, true));
        }
        // max/min and copy sign: xsmaxdp 160, xsmindp 168, xscpsgndp 176; vector sp 192.., dp 224..
        int[] mmBase = {160, -1, 224, 192};
        for (int k : new int[] {0, 2, 3}) {
            int sh = shapes[k], b0 = mmBase[k];
            String f = sfx[k];
            x3.def(String.format(f, "max"), b0, op2(sh, (st, a, b, fm) -> maxMin(st, a, b, true), false));
            x3.def(String.format(f, "min"), b0 + 8, op2(sh, (st, a, b, fm) -> maxMin(st, a, b, false), false));
            x3.def(String.format(f, "cpsgn"), b0 + 16, sign(sh, (a, b, bit) -> a & bit | b & ~bit));
        }
        // vector compares: eq 99/67, ge 115/83, gt 107/75 (+128 record)
        String[] cmp = {"eq", "ge", "gt"};
        int[] dpCmp = {99, 115, 107}, spCmp = {67, 83, 75};
        for (int k = 0; k < 3; k++) {
            for (int rc = 0; rc < 2; rc++) {
                String dot = rc == 1 ? "." : "";
                x3.def("xvcmp" + cmp[k] + "dp" + dot, dpCmp[k] | rc << 7, compare(VD, k, rc == 1));
                x3.def("xvcmp" + cmp[k] + "sp" + dot, spCmp[k] | rc << 7, compare(VS, k, rc == 1));
            }
        }
        x3.def("xscmpudp", 35, (s, w) -> scalarCompare(s, w, false));
        x3.def("xscmpodp", 43, (s, w) -> scalarCompare(s, w, true));
        defineXx2(x2);
    }

    private static void defineXx2(OpTable x2) {
        // square root and estimates: xssqrtdp 75, xssqrtsp 11, xvsqrtdp 203, xvsqrtsp 139; re +15, rsqrte -1
        int[] shapes = {SD, SS, VD, VS};
        String[] sfx = {"xs%sdp", "xs%ssp", "xv%sdp", "xv%ssp"};
        int[] sq = {75, 11, 203, 139};
        for (int k = 0; k < 4; k++) {
            int sh = shapes[k];
            x2.def(String.format(sfx[k], "sqrt"), sq[k], op1(sh, PpcFp::sqrt));
            x2.def(String.format(sfx[k], "rsqrte"), sq[k] - 1, op1(sh, PpcFp::reciprocalSqrt));
            x2.def(String.format(sfx[k], "re"), sq[k] + 15, op1(sh, PpcFp::reciprocal));
        }
        // sign operations: xsabsdp 345, xsnabsdp 361, xsnegdp 377; xvabsdp 473 ..; xvabssp 409 ..
        int[] signBase = {345, -1, 473, 409};
        for (int k : new int[] {0, 2, 3}) {
            int sh = shapes[k], b0 = signBase[k];
            x2.def(String.format(sfx[k], "abs"), b0, sign(sh, (a, b, bit) -> b & ~bit));
            x2.def(String.format(sfx[k], "nabs"), b0 + 16, sign(sh, (a, b, bit) -> b | bit));
            x2.def(String.format(sfx[k], "neg"), b0 + 32, sign(sh, (a, b, bit) -> b ^ bit));
        }
        // round to integral: xsrdpi 73, xsrdpiz 89, xsrdpip 105, xsrdpim 121, xsrdpic 107; vector dp +128, sp +64
        int[] riBase = {73, -1, 201, 137};
        String[] riName = {"xsrdpi", null, "xvrdpi", "xvrspi"};
        for (int k : new int[] {0, 2, 3}) {
            int sh = shapes[k], b0 = riBase[k];
            x2.def(riName[k], b0, op1(sh, (st, b, fm) -> FpConvert.roundToIntegral(st, b, FpConvert.AWAY, false)));
            x2.def(riName[k] + "z", b0 + 16, op1(sh, (st, b, fm) -> FpConvert.roundToIntegral(st, b, PpcFp.ZERO, false)));
            x2.def(riName[k] + "p", b0 + 32, op1(sh, (st, b, fm) -> FpConvert.roundToIntegral(st, b, PpcFp.UP, false)));
            x2.def(riName[k] + "m", b0 + 48, op1(sh, (st, b, fm) -> FpConvert.roundToIntegral(st, b, PpcFp.DOWN, false)));
            x2.def(riName[k] + "c", b0 + 34, op1(sh, (st, b, fm) -> FpConvert.roundToIntegral(st, b, st.mode, true)));
        }
        x2.def("xsrsp", 281, op1(SS, (st, b, fm) -> PpcFp.roundToSingle(st, b)));
        // precision conversions
        x2.def("xscvdpsp", 265, convert(true, 1, 8, 1, 0, 4, 1, 0, true, true, VsxFloat::toSingleBits));
        x2.def("xscvspdp", 329, convert(true, 1, 4, 1, 0, 8, 1, 0, false, true, VsxFloat::fromSingleBits));
        x2.def("xvcvdpsp", 393, convert(false, 2, 8, 1, 0, 4, 2, 0, false, false, VsxFloat::toSingleBits));
        x2.def("xvcvspdp", 457, convert(false, 2, 4, 2, 0, 8, 1, 0, false, false, VsxFloat::fromSingleBits));
        x2.def("xscvdpspn", 267, (s, w) -> {
            // non-signalling: the bit selection of stfs, in words 0 and 1
            long v = VecHelpers.doubleToStoredSingle(Vr.vsr(s, xb(w)).hi) & 0xFFFF_FFFFL;
            Vr.setVsr(s, xt(w), new Vr(v << 32 | v, 0));
        });
        x2.def("xscvspdpn", 331, (s, w) -> {
            long d = PpcFp.singleToDouble((int) Vr.vsr(s, xb(w)).get(4, 0));
            Vr.setVsr(s, xt(w), new Vr(d, 0));
        });
        defineIntegerConversions(x2);
    }

    private static void defineIntegerConversions(OpTable x2) {
        // to integer, truncating: scalar dp -> sd 344, sw 88, ud 328, uw 72
        x2.def("xscvdpsxds", 344, convert(true, 1, 8, 1, 0, 8, 1, 0, false, false, (st, d) -> toInt(st, d, false, false)));
        x2.def("xscvdpsxws", 88, convert(true, 1, 8, 1, 0, 4, 1, 1, false, false, (st, d) -> toInt(st, d, true, false)));
        x2.def("xscvdpuxds", 328, convert(true, 1, 8, 1, 0, 8, 1, 0, false, false, (st, d) -> toInt(st, d, false, true)));
        x2.def("xscvdpuxws", 72, convert(true, 1, 8, 1, 0, 4, 1, 1, false, false, (st, d) -> toInt(st, d, true, true)));
        x2.def("xvcvdpsxds", 472, convert(false, 2, 8, 1, 0, 8, 1, 0, false, false, (st, d) -> toInt(st, d, false, false)));
        x2.def("xvcvdpsxws", 216, convert(false, 2, 8, 1, 0, 4, 2, 0, false, false, (st, d) -> toInt(st, d, true, false)));
        x2.def("xvcvdpuxds", 456, convert(false, 2, 8, 1, 0, 8, 1, 0, false, false, (st, d) -> toInt(st, d, false, true)));
        x2.def("xvcvdpuxws", 200, convert(false, 2, 8, 1, 0, 4, 2, 0, false, false, (st, d) -> toInt(st, d, true, true)));
        x2.def("xvcvspsxds", 408, convert(false, 2, 4, 2, 0, 8, 1, 0, false, false, (st, f) -> toInt(st, sp(f), false, false)));
        x2.def("xvcvspsxws", 152, convert(false, 4, 4, 1, 0, 4, 1, 0, false, false, (st, f) -> toInt(st, sp(f), true, false)));
        x2.def("xvcvspuxds", 392, convert(false, 2, 4, 2, 0, 8, 1, 0, false, false, (st, f) -> toInt(st, sp(f), false, true)));
        x2.def("xvcvspuxws", 136, convert(false, 4, 4, 1, 0, 4, 1, 0, false, false, (st, f) -> toInt(st, sp(f), true, true)));
        // from integer
        x2.def("xscvsxddp", 376, convert(true, 1, 8, 1, 0, 8, 1, 0, false, true, (st, v) -> FpConvert.fromInteger(st, v, false, PpcFp.DOUBLE)));
        x2.def("xscvuxddp", 360, convert(true, 1, 8, 1, 0, 8, 1, 0, false, true, (st, v) -> FpConvert.fromInteger(st, v, true, PpcFp.DOUBLE)));
        x2.def("xscvsxdsp", 312, convert(true, 1, 8, 1, 0, 8, 1, 0, true, true, (st, v) -> FpConvert.fromInteger(st, v, false, PpcFp.SINGLE)));
        x2.def("xscvuxdsp", 296, convert(true, 1, 8, 1, 0, 8, 1, 0, true, true, (st, v) -> FpConvert.fromInteger(st, v, true, PpcFp.SINGLE)));
        x2.def("xvcvsxddp", 504, convert(false, 2, 8, 1, 0, 8, 1, 0, false, false, (st, v) -> FpConvert.fromInteger(st, v, false, PpcFp.DOUBLE)));
        x2.def("xvcvuxddp", 488, convert(false, 2, 8, 1, 0, 8, 1, 0, false, false, (st, v) -> FpConvert.fromInteger(st, v, true, PpcFp.DOUBLE)));
        x2.def("xvcvsxdsp", 440, convert(false, 2, 8, 1, 0, 4, 2, 0, false, false, (st, v) -> single(FpConvert.fromInteger(st, v, false, PpcFp.SINGLE))));
        x2.def("xvcvuxdsp", 424, convert(false, 2, 8, 1, 0, 4, 2, 0, false, false, (st, v) -> single(FpConvert.fromInteger(st, v, true, PpcFp.SINGLE))));
        x2.def("xvcvsxwdp", 248, convert(false, 2, 4, 2, 0, 8, 1, 0, false, false, (st, v) -> FpConvert.fromInteger(st, (int) v, false, PpcFp.DOUBLE)));
        x2.def("xvcvuxwdp", 232, convert(false, 2, 4, 2, 0, 8, 1, 0, false, false, (st, v) -> FpConvert.fromInteger(st, v, true, PpcFp.DOUBLE)));
        x2.def("xvcvsxwsp", 184, convert(false, 4, 4, 1, 0, 4, 1, 0, false, false, (st, v) -> single(FpConvert.fromInteger(st, (int) v, false, PpcFp.SINGLE))));
        x2.def("xvcvuxwsp", 168, convert(false, 4, 4, 1, 0, 4, 1, 0, false, false, (st, v) -> single(FpConvert.fromInteger(st, v, true, PpcFp.SINGLE))));
    }

    private static long sp(long f) {
        return PpcFp.singleToDouble((int) f);
    }

    private static long single(long d) {
        return PpcFp.doubleToSingleExact(d) & 0xFFFF_FFFFL;
    }

    private static long toInt(Status st, long d, boolean word, boolean unsigned) {
        return FpConvert.toInteger(st, d, word, unsigned, PpcFp.ZERO);
    }
}

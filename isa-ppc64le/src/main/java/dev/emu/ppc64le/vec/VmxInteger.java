package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.vec.VmxLanes.bin;
import static dev.emu.ppc64le.vec.VmxLanes.binSigned;
import static dev.emu.ppc64le.vec.VmxLanes.compare;
import static dev.emu.ppc64le.vec.VmxLanes.logical;
import static dev.emu.ppc64le.vec.VmxLanes.rotl;
import static dev.emu.ppc64le.vec.VmxLanes.satSigned;
import static dev.emu.ppc64le.vec.VmxLanes.satUnsigned;
import static dev.emu.ppc64le.vec.VmxLanes.un;
import static dev.emu.ppc64le.vec.VmxLanes.va;
import static dev.emu.ppc64le.vec.VmxLanes.vb;
import static dev.emu.ppc64le.vec.VmxLanes.vt;

import dev.emu.core.cpu.CpuState;

/**
 * Power ISA 2.07B chapter 6 (VMX): the integer arithmetic (6.9.1), multiply (6.9.1.5-7),
 * sum across (6.9.1.8), average, max/min (6.9.1.9-11), compare (6.9.2), logical (6.9.3),
 * rotate and shift (6.9.4), and the bit count/permute instructions of 6.16 (vclz*, vpopcnt*,
 * vgbbd, vbpermq) and the carry-less multiplies (vpmsum*). VX- and VC-form instructions are
 * indexed by their 11-bit extended opcode (a compare's record form, Rc = 1, is its own entry).
 */
public final class VmxInteger {
    private VmxInteger() {}

    public static final OpTable VX = new OpTable(0, 0x7FF);

    private static final int[] SIZES = {1, 2, 4, 8};
    private static final String[] SFX = {"b", "h", "w", "d"};

    static {
        for (int k = 0; k < 4; k++) {
            int n = SIZES[k];
            String t = SFX[k];
            VX.def("vaddu" + t + "m", 64 * k, bin(n, (s, a, b) -> a + b));
            VX.def("vsubu" + t + "m", 1024 + 64 * k, bin(n, (s, a, b) -> a - b));
            VX.def("vmaxu" + t, 2 + 64 * k, bin(n, (s, a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b));
            VX.def("vmaxs" + t, 258 + 64 * k, binSigned(n, (s, a, b) -> Math.max(a, b)));
            VX.def("vminu" + t, 514 + 64 * k, bin(n, (s, a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b));
            VX.def("vmins" + t, 770 + 64 * k, binSigned(n, (s, a, b) -> Math.min(a, b)));
            VX.def("vrl" + t, 4 + 64 * k, bin(n, (s, a, b) -> rotl(a, (int) b, n)));
            int bits = 8 * n;
            VX.def("vsl" + t, k < 3 ? 260 + 64 * k : 1476, bin(n, (s, a, b) -> a << (b & (bits - 1))));
            VX.def("vsr" + t, k < 3 ? 516 + 64 * k : 1732, bin(n, (s, a, b) -> a >>> (b & (bits - 1))));
            VX.def("vsra" + t, 772 + 64 * k, binSigned(n, (s, a, b) -> a >> (b & (bits - 1))));
            VX.def("vclz" + t, 1794 + 64 * k, OpTable.TB, un(n, (s, b) -> Long.numberOfLeadingZeros(b) - (64 - bits)));
            VX.def("vpopcnt" + t, 1795 + 64 * k, OpTable.TB, un(n, (s, b) -> Long.bitCount(b)));
            int eq = k < 3 ? 6 + 64 * k : 199, gtu = k < 3 ? 518 + 64 * k : 711, gts = k < 3 ? 774 + 64 * k : 967;
            for (int rc = 0; rc < 2; rc++) {
                boolean rec = rc == 1;
                String dot = rec ? "." : "";
                VX.def("vcmpequ" + t + dot, eq | rc << 10, compare(n, false, rec, (a, b) -> a == b));
                VX.def("vcmpgtu" + t + dot, gtu | rc << 10, compare(n, false, rec, (a, b) -> Long.compareUnsigned(a, b) > 0));
                VX.def("vcmpgts" + t + dot, gts | rc << 10, compare(n, true, rec, (a, b) -> a > b));
            }
            if (k < 3) {
                VX.def("vaddu" + t + "s", 512 + 64 * k, bin(n, (s, a, b) -> satUnsigned(s, a + b, n)));
                VX.def("vadds" + t + "s", 768 + 64 * k, binSigned(n, (s, a, b) -> satSigned(s, a + b, n)));
                VX.def("vsubu" + t + "s", 1536 + 64 * k, bin(n, (s, a, b) -> satUnsigned(s, a - b, n)));
                VX.def("vsubs" + t + "s", 1792 + 64 * k, binSigned(n, (s, a, b) -> satSigned(s, a - b, n)));
                VX.def("vavgu" + t, 1026 + 64 * k, bin(n, (s, a, b) -> (a + b + 1) >>> 1));
                VX.def("vavgs" + t, 1282 + 64 * k, binSigned(n, (s, a, b) -> (a + b + 1) >> 1));
                VX.def("vmulou" + t, 8 + 64 * k, multiply(n, false, true));
                VX.def("vmulos" + t, 264 + 64 * k, multiply(n, true, true));
                VX.def("vmuleu" + t, 520 + 64 * k, multiply(n, false, false));
                VX.def("vmules" + t, 776 + 64 * k, multiply(n, true, false));
            }
            VX.def("vpmsum" + t, 1032 + 64 * k, VmxInteger::vpmsum);
        }
        VX.def("vmuluwm", 137, bin(4, (s, a, b) -> a * b));
        VX.def("vaddcuw", 384, bin(4, (s, a, b) -> (a + b) >>> 32));
        VX.def("vsubcuw", 1408, bin(4, (s, a, b) -> a >= b ? 1 : 0));
        VX.def("vadduqm", 256, quad(false, false));
        VX.def("vaddcuq", 320, quad(false, true));
        VX.def("vsubuqm", 1280, quad(true, false));
        VX.def("vsubcuq", 1344, quad(true, true));
        VX.def("vand", 1028, logical((a, b) -> a & b));
        VX.def("vandc", 1092, logical((a, b) -> a & ~b));
        VX.def("vor", 1156, logical((a, b) -> a | b));
        VX.def("vxor", 1220, logical((a, b) -> a ^ b));
        VX.def("vnor", 1284, logical((a, b) -> ~(a | b)));
        VX.def("vorc", 1348, logical((a, b) -> a | ~b));
        VX.def("vnand", 1412, logical((a, b) -> ~(a & b)));
        VX.def("veqv", 1668, logical((a, b) -> ~(a ^ b)));
        VX.def("vsum4ubs", 1544, VmxInteger::vsum4ubs);
        VX.def("vsum4sbs", 1800, (s, w) -> sum4(s, w, 1));
        VX.def("vsum4shs", 1608, (s, w) -> sum4(s, w, 2));
        VX.def("vsum2sws", 1672, VmxInteger::vsum2sws);
        VX.def("vsumsws", 1928, VmxInteger::vsumsws);
        VX.def("vgbbd", 1292, OpTable.TB, VmxInteger::vgbbd);
        VX.def("vbpermq", 1356, VmxInteger::vbpermq);
        for (int ps = 0; ps < 2; ps++) { // PS, bit 22, inside the 11-bit XO
            VX.def("bcdadd." + (ps == 0 ? "" : "_ps"), 1025 | ps << 9, (s, w) -> VecTests.bcd(s, w, false));
            VX.def("bcdsub." + (ps == 0 ? "" : "_ps"), 1089 | ps << 9, (s, w) -> VecTests.bcd(s, w, true));
        }
        VmxPermute.define(VX);
        VmxFloat.defineVx(VX);
    }

    /** vmule* / vmulo*: the even (or odd) elements multiplied into double-width elements. */
    private static VecOp multiply(int bytes, boolean signed, boolean odd) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 8 / bytes; i++) {
                int e = 2 * i + (odd ? 1 : 0);
                long x = signed ? a.getSigned(bytes, e) : a.get(bytes, e);
                long y = signed ? b.getSigned(bytes, e) : b.get(bytes, e);
                r.set(2 * bytes, i, x * y);
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** vadduqm/vaddcuq/vsubuqm/vsubcuq: 128-bit modulo sum or difference, or its carry out. */
    private static VecOp quad(boolean subtract, boolean carryOut) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w));
            Vr.setVr(s, vt(w), addQuad(a, subtract ? new Vr(~b.hi, ~b.lo) : b, subtract ? 1 : 0, carryOut));
        };
    }

    /** a + b + carryIn as 128 bits, or (carryOut) the carry out of bit 0 as the value 0 or 1. */
    static Vr addQuad(Vr a, Vr b, long carryIn, boolean carryOut) {
        long lo = a.lo + b.lo;
        long c1 = Long.compareUnsigned(lo, a.lo) < 0 ? 1 : 0;
        long lo2 = lo + carryIn;
        long c2 = Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
        long hi = a.hi + b.hi;
        long c3 = Long.compareUnsigned(hi, a.hi) < 0 ? 1 : 0;
        long hi2 = hi + c1 + c2;
        long c4 = Long.compareUnsigned(hi2, hi) < 0 ? 1 : 0;
        return carryOut ? new Vr(0, c3 | c4) : new Vr(hi2, lo2);
    }

    /** Carry-less product of two 64-bit values as (high, low). */
    static long[] clmul(long x, long y) {
        long hi = 0, lo = 0;
        for (int i = 0; i < 64; i++) {
            if ((y >>> i & 1) != 0) {
                lo ^= x << i;
                hi ^= i == 0 ? 0 : x >>> (64 - i);
            }
        }
        return new long[] {hi, lo};
    }

    /** vpmsumb/h/w/d: the XOR of the carry-less products of each even-odd element pair, double width. */
    private static void vpmsum(CpuState s, int w) {
        int bytes = 1 << (w >>> 6 & 3);
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        if (bytes == 8) {
            long[] p0 = clmul(a.hi, b.hi), p1 = clmul(a.lo, b.lo);
            r.hi = p0[0] ^ p1[0];
            r.lo = p0[1] ^ p1[1];
        } else {
            for (int i = 0; i < 8 / bytes; i++) {
                long p = clmul(a.get(bytes, 2 * i), b.get(bytes, 2 * i))[1]
                        ^ clmul(a.get(bytes, 2 * i + 1), b.get(bytes, 2 * i + 1))[1];
                r.set(2 * bytes, i, p);
            }
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void vsum4ubs(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        for (int i = 0; i < 4; i++) {
            long sum = b.get(4, i);
            for (int j = 0; j < 4; j++) {
                sum += a.get(1, 4 * i + j);
            }
            r.set(4, i, satUnsigned(s, sum, 4));
        }
        Vr.setVr(s, vt(w), r);
    }

    /** vsum4sbs (bytes = 1) and vsum4shs (2): signed elements of each word summed with VRB's word. */
    private static void sum4(CpuState s, int w, int bytes) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        int per = 4 / bytes;
        for (int i = 0; i < 4; i++) {
            long sum = b.getSigned(4, i);
            for (int j = 0; j < per; j++) {
                sum += a.getSigned(bytes, per * i + j);
            }
            r.set(4, i, satSigned(s, sum, 4));
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void vsum2sws(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        for (int i = 0; i < 2; i++) {
            long sum = a.getSigned(4, 2 * i) + a.getSigned(4, 2 * i + 1) + b.getSigned(4, 2 * i + 1);
            r.set(4, 2 * i + 1, satSigned(s, sum, 4));
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void vsumsws(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        long sum = b.getSigned(4, 3);
        for (int i = 0; i < 4; i++) {
            sum += a.getSigned(4, i);
        }
        r.set(4, 3, satSigned(s, sum, 4));
        Vr.setVr(s, vt(w), r);
    }

    /** vgbbd: each doubleword's 8x8 bit matrix transposed (bit j of byte i becomes bit i of byte j). */
    private static void vgbbd(CpuState s, int w) {
        Vr b = Vr.vr(s, vb(w));
        Vr.setVr(s, vt(w), new Vr(transpose8x8(b.hi), transpose8x8(b.lo)));
    }

    static long transpose8x8(long x) {
        long r = 0;
        for (int i = 0; i < 8; i++) { // byte i, counted from the most significant
            for (int j = 0; j < 8; j++) { // bit j of that byte, 0 the most significant
                long bit = x >>> (63 - (8 * i + j)) & 1;
                r |= bit << (63 - (8 * j + i));
            }
        }
        return r;
    }

    /** vbpermq: sixteen bits of VRA chosen by the bytes of VRB (index >= 128 gives 0), into bits 48..63. */
    private static void vbpermq(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w));
        long bits = 0;
        for (int i = 0; i < 16; i++) {
            int idx = b.byteAt(i);
            long bit = 0;
            if (idx < 128) {
                long dw = idx < 64 ? a.hi : a.lo;
                bit = dw >>> (63 - (idx & 63)) & 1;
            }
            bits |= bit << (15 - i);
        }
        Vr.setVr(s, vt(w), new Vr(bits, 0));
    }
}

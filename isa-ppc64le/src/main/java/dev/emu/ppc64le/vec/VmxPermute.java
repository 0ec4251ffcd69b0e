package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.VSCR;
import static dev.emu.ppc64le.vec.VmxLanes.satSigned;
import static dev.emu.ppc64le.vec.VmxLanes.satUnsigned;
import static dev.emu.ppc64le.vec.VmxLanes.va;
import static dev.emu.ppc64le.vec.VmxLanes.vb;
import static dev.emu.ppc64le.vec.VmxLanes.vc;
import static dev.emu.ppc64le.vec.VmxLanes.vt;

import dev.emu.core.cpu.CpuState;

/**
 * Power ISA 2.07B chapter 6: pack and unpack (6.8.1-2), merge (6.8.3), splat (6.8.4), permute
 * and select (6.8.5-6), shift (6.8.7), VSCR moves (6.17) and the VA-form instructions
 * (vperm, vsel, vsldoi, multiply-sum and multiply-add, extended 128-bit add/subtract).
 */
public final class VmxPermute {
    private VmxPermute() {}

    /** VA-form instructions by their 6-bit extended opcode. */
    public static final OpTable VA = new OpTable(0, 0x3F);

    static void define(OpTable vx) {
        String[] sfx = {"b", "h", "w"};
        for (int k = 0; k < 3; k++) {
            int n = 1 << k;
            vx.def("vmrgh" + sfx[k], 12 + 64 * k, merge(n, 0));
            vx.def("vmrgl" + sfx[k], 268 + 64 * k, merge(n, 8 / n));
            vx.def("vsplt" + sfx[k], 524 + 64 * k, "ttttt_" + "0000".substring(0, k + 1) + "iiii".substring(k) + "_bbbbb", splat(n));
            vx.def("vspltis" + sfx[k], 780 + 64 * k, "ttttt_iiiii_00000", (s, w) -> {
                long imm = (long) (w << 11) >> 27; // SIMM in the VRA field, sign-extended
                Vr r = new Vr();
                for (int i = 0; i < 16 / n; i++) {
                    r.set(n, i, imm);
                }
                Vr.setVr(s, vt(w), r);
            });
        }
        vx.def("vmrgew", 1932, (s, w) -> mergeWords(s, w, 0));
        vx.def("vmrgow", 1676, (s, w) -> mergeWords(s, w, 1));
        // packs: source width, signed source, saturate, signed result
        vx.def("vpkuhum", 14, pack(2, false, false, false));
        vx.def("vpkuwum", 78, pack(4, false, false, false));
        vx.def("vpkudum", 1102, pack(8, false, false, false));
        vx.def("vpkuhus", 142, pack(2, false, true, false));
        vx.def("vpkuwus", 206, pack(4, false, true, false));
        vx.def("vpkudus", 1230, pack(8, false, true, false));
        vx.def("vpkshus", 270, pack(2, true, true, false));
        vx.def("vpkswus", 334, pack(4, true, true, false));
        vx.def("vpksdus", 1358, pack(8, true, true, false));
        vx.def("vpkshss", 398, pack(2, true, true, true));
        vx.def("vpkswss", 462, pack(4, true, true, true));
        vx.def("vpksdss", 1486, pack(8, true, true, true));
        vx.def("vpkpx", 782, VmxPermute::vpkpx);
        vx.def("vupkhsb", 526, OpTable.TB, unpack(1, 0));
        vx.def("vupkhsh", 590, OpTable.TB, unpack(2, 0));
        vx.def("vupkhsw", 1614, OpTable.TB, unpack(4, 0));
        vx.def("vupklsb", 654, OpTable.TB, unpack(1, 8));
        vx.def("vupklsh", 718, OpTable.TB, unpack(2, 4));
        vx.def("vupklsw", 1742, OpTable.TB, unpack(4, 2));
        vx.def("vupkhpx", 846, OpTable.TB, (s, w) -> unpackPixel(s, w, 0));
        vx.def("vupklpx", 974, OpTable.TB, (s, w) -> unpackPixel(s, w, 4));
        vx.def("vsl", 452, (s, w) -> shiftBits(s, w, true));
        vx.def("vsr", 708, (s, w) -> shiftBits(s, w, false));
        vx.def("vslo", 1036, (s, w) -> shiftOctets(s, w, true));
        vx.def("vsro", 1100, (s, w) -> shiftOctets(s, w, false));
        vx.def("mfvscr", 1540, "ttttt_00000_00000", (s, w) -> Vr.setVr(s, vt(w), new Vr(0, s.regs[VSCR] & 0xFFFF_FFFFL)));
        vx.def("mtvscr", 1604, "00000_00000_bbbbb", (s, w) -> s.regs[VSCR] = Vr.vr(s, vb(w)).lo & (Vr.SAT | Vr.NJ));
    }

    static {
        VA.def("vmhaddshs", 32, (s, w) -> multiplyHighAdd(s, w, 0));
        VA.def("vmhraddshs", 33, (s, w) -> multiplyHighAdd(s, w, 0x4000));
        VA.def("vmladduhm", 34, VmxPermute::vmladduhm);
        VA.def("vmsumubm", 36, msum(1, false, false, false));
        VA.def("vmsummbm", 37, msum(1, true, false, false));
        VA.def("vmsumuhm", 38, msum(2, false, false, false));
        VA.def("vmsumuhs", 39, msum(2, false, false, true));
        VA.def("vmsumshm", 40, msum(2, true, true, false));
        VA.def("vmsumshs", 41, msum(2, true, true, true));
        VA.def("vsel", 42, (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w));
            Vr.setVr(s, vt(w), new Vr(a.hi & ~c.hi | b.hi & c.hi, a.lo & ~c.lo | b.lo & c.lo));
        });
        VA.def("vperm", 43, VmxPermute::vperm);
        VA.def("vsldoi", 44, (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            int sh = w >>> 6 & 15;
            for (int i = 0; i < 16; i++) {
                int j = i + sh;
                r.set(1, i, j < 16 ? a.byteAt(j) : b.byteAt(j - 16));
            }
            Vr.setVr(s, vt(w), r);
        });
        VA.def("vpermxor", 45, (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
            for (int i = 0; i < 16; i++) {
                int sel = c.byteAt(i);
                r.set(1, i, a.byteAt(sel >>> 4) ^ b.byteAt(sel & 15));
            }
            Vr.setVr(s, vt(w), r);
        });
        VA.def("vaddeuqm", 60, (s, w) -> extended(s, w, false, false));
        VA.def("vaddecuq", 61, (s, w) -> extended(s, w, false, true));
        VA.def("vsubeuqm", 62, (s, w) -> extended(s, w, true, false));
        VA.def("vsubecuq", 63, (s, w) -> extended(s, w, true, true));
        VmxFloat.defineVa(VA);
    }

    /** vmrgh* (first = 0) / vmrgl* (first = the second half): VRA and VRB elements interleaved. */
    private static VecOp merge(int bytes, int first) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 8 / bytes; i++) {
                r.set(bytes, 2 * i, a.get(bytes, first + i));
                r.set(bytes, 2 * i + 1, b.get(bytes, first + i));
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** vmrgew (odd = 0) / vmrgow (1). */
    private static void mergeWords(CpuState s, int w, int odd) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        for (int i = 0; i < 2; i++) {
            r.set(4, 2 * i, a.get(4, 2 * i + odd));
            r.set(4, 2 * i + 1, b.get(4, 2 * i + odd));
        }
        Vr.setVr(s, vt(w), r);
    }

    private static VecOp splat(int bytes) {
        return (s, w) -> {
            Vr b = Vr.vr(s, vb(w)), r = new Vr();
            int n = 16 / bytes;
            long v = b.get(bytes, (w >>> 16) & (n - 1));
            for (int i = 0; i < n; i++) {
                r.set(bytes, i, v);
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** The vpk* family: VRA's then VRB's elements narrowed to half their width. */
    private static VecOp pack(int bytes, boolean signedSource, boolean saturate, boolean signedResult) {
        int half = bytes / 2;
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            int n = 16 / bytes;
            for (int i = 0; i < 2 * n; i++) {
                Vr src = i < n ? a : b;
                long v = signedSource ? src.getSigned(bytes, i % n) : src.get(bytes, i % n);
                if (saturate) {
                    if (signedResult) {
                        v = satSigned(s, v, half);
                    } else if (!signedSource && bytes == 8) {
                        long max = 0xFFFF_FFFFL;
                        if (Long.compareUnsigned(v, max) > 0) {
                            Vr.setSat(s);
                            v = max;
                        }
                    } else if (!signedSource) {
                        v = satUnsigned(s, v, half);
                    } else if (bytes == 8) {
                        if (v < 0 || v > 0xFFFF_FFFFL) {
                            Vr.setSat(s);
                            v = v < 0 ? 0 : 0xFFFF_FFFFL;
                        }
                    } else {
                        v = satUnsigned(s, v, half);
                    }
                }
                r.set(half, i, v);
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    private static void vpkpx(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
        for (int i = 0; i < 8; i++) {
            long x = i < 4 ? a.get(4, i) : b.get(4, i - 4);
            long p = (x >>> 24 & 1) << 15 | (x >>> 19 & 31) << 10 | (x >>> 11 & 31) << 5 | (x >>> 3 & 31);
            r.set(2, i, p);
        }
        Vr.setVr(s, vt(w), r);
    }

    /** vupk[hl]s*: VRB's elements from {@code first} on, sign-extended to twice their width. */
    private static VecOp unpack(int bytes, int first) {
        return (s, w) -> {
            Vr b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 8 / bytes; i++) {
                r.set(2 * bytes, i, b.getSigned(bytes, first + i));
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    private static void unpackPixel(CpuState s, int w, int first) {
        Vr b = Vr.vr(s, vb(w)), r = new Vr();
        for (int i = 0; i < 4; i++) {
            long p = b.get(2, first + i);
            long word = ((p >>> 15 & 1) != 0 ? 0xFFL << 24 : 0) | (p >>> 10 & 31) << 16 | (p >>> 5 & 31) << 8 | (p & 31);
            r.set(4, i, word);
        }
        Vr.setVr(s, vt(w), r);
    }

    /** vsl/vsr: the whole register shifted by the low 3 bits of VRB's last byte. */
    private static void shiftBits(CpuState s, int w, boolean left) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w));
        int sh = (int) (b.lo & 7);
        Vr.setVr(s, vt(w), shift128(a, left ? sh : -sh));
    }

    /** vslo/vsro: the whole register shifted by bits 121:124 of VRB, in bytes. */
    private static void shiftOctets(CpuState s, int w, boolean left) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w));
        int sh = (int) (b.lo >>> 3 & 15) * 8;
        Vr.setVr(s, vt(w), shift128(a, left ? sh : -sh));
    }

    /** The 128-bit value shifted left by {@code n} bits (right when negative), |n| < 128. */
    static Vr shift128(Vr a, int n) {
        if (n == 0) {
            return new Vr(a.hi, a.lo);
        }
        if (n > 0) {
            return n >= 64 ? new Vr(a.lo << (n - 64), 0) : new Vr(a.hi << n | a.lo >>> (64 - n), a.lo << n);
        }
        n = -n;
        return n >= 64 ? new Vr(0, a.hi >>> (n - 64)) : new Vr(a.hi >>> n, a.lo >>> n | a.hi << (64 - n));
    }

    private static void vperm(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
        for (int i = 0; i < 16; i++) {
            int idx = c.byteAt(i) & 31;
            r.set(1, i, idx < 16 ? a.byteAt(idx) : b.byteAt(idx - 16));
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void multiplyHighAdd(CpuState s, int w, long round) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
        for (int i = 0; i < 8; i++) {
            long p = (a.getSigned(2, i) * b.getSigned(2, i) + round) >> 15;
            r.set(2, i, satSigned(s, p + c.getSigned(2, i), 2));
        }
        Vr.setVr(s, vt(w), r);
    }

    private static void vmladduhm(CpuState s, int w) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
        for (int i = 0; i < 8; i++) {
            r.set(2, i, a.get(2, i) * b.get(2, i) + c.get(2, i));
        }
        Vr.setVr(s, vt(w), r);
    }

    /** vmsum*: per word, the sum of the element products of VRA and VRB plus VRC's word. */
    private static VecOp msum(int bytes, boolean signedA, boolean signedB, boolean saturate) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w)), r = new Vr();
            int per = 4 / bytes;
            for (int i = 0; i < 4; i++) {
                long sum = signedA && signedB ? c.getSigned(4, i) : c.get(4, i);
                for (int j = 0; j < per; j++) {
                    int e = per * i + j;
                    long x = signedA ? a.getSigned(bytes, e) : a.get(bytes, e);
                    long y = signedB ? b.getSigned(bytes, e) : b.get(bytes, e);
                    sum += x * y;
                }
                if (saturate) {
                    sum = signedA ? satSigned(s, sum, 4) : satUnsigned(s, sum, 4);
                }
                r.set(4, i, sum);
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** vaddeuqm/vaddecuq/vsubeuqm/vsubecuq: 128-bit with the carry in from VRC's last bit. */
    private static void extended(CpuState s, int w, boolean subtract, boolean carryOut) {
        Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), c = Vr.vr(s, vc(w));
        Vr bb = subtract ? new Vr(~b.hi, ~b.lo) : b;
        Vr.setVr(s, vt(w), VmxInteger.addQuad(a, bb, c.lo & 1, carryOut));
    }
}

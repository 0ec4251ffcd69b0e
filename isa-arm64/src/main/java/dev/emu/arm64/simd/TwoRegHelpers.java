package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.mask;
import static dev.emu.arm64.simd.Vec.set;
import static dev.emu.arm64.simd.Vec.sget;
import static dev.emu.arm64.simd.Vec.sx;

import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpEstimate;
import dev.emu.core.rt.armfp.FpFast;
import dev.emu.core.rt.armfp.FpHelpers;
import dev.emu.core.cpu.CpuState;

/**
 * C4.1 Advanced SIMD two-register miscellaneous and its scalar counterpart: integer
 * (REV*, CNT, CLZ, CLS, NOT, RBIT, ABS, NEG, compares with zero, pairwise long adds,
 * saturating ops, XTN and friends, SHLL) and floating point (FABS, FNEG, FSQRT, FRINT*,
 * FCVT* to integer, [SU]CVTF, compares with zero, FCVTN, FCVTL).
 */
public final class TwoRegHelpers {
    private TwoRegHelpers() {}

    // keys: U:opcode
    private static final int REV64 = 0x00, REV16 = 0x01, SADDLP = 0x02, SUQADD = 0x03, CLS = 0x04, CNT = 0x05,
            SADALP = 0x06, SQABS = 0x07, CMGT0 = 0x08, CMEQ0 = 0x09, CMLT0 = 0x0A, ABS = 0x0B, XTN = 0x12,
            SQXTN = 0x14, REV32 = 0x20, UADDLP = 0x22, USQADD = 0x23, CLZ = 0x24, NOT_RBIT = 0x25, UADALP = 0x26,
            SQNEG = 0x27, CMGE0 = 0x28, CMLE0 = 0x29, NEG = 0x2B, SQXTUN = 0x32, SHLL = 0x33, UQXTN = 0x34;

    private static int key(int w) {
        return (w >>> 29 & 1) << 5 | (w >>> 12 & 31);
    }

    private static boolean fpOp(int opcode) {
        return opcode >= 0b01100 && opcode != 0b10010 && opcode != 0b10011 && opcode != 0b10100;
    }

    /** FP key: U:size<1>:opcode. */
    private static int fpKey(int w) {
        return (w >>> 29 & 1) << 6 | (w >>> 23 & 1) << 5 | (w >>> 12 & 31);
    }

    // FP keys (U, size<1>, opcode)
    private static final int FCVTN = 0b0010110, FCVTL = 0b0010111, FRINTN = 0b0011000, FRINTM = 0b0011001,
            FCVTNS = 0b0011010, FCVTMS = 0b0011011, FCVTAS = 0b0011100, SCVTF = 0b0011101,
            FCMGT0 = 0b0101100, FCMEQ0 = 0b0101101, FCMLT0 = 0b0101110, FABS = 0b0101111, FRINTP = 0b0111000,
            FRINTZ = 0b0111001, FCVTPS = 0b0111010, FCVTZS = 0b0111011,
            FRINTA = 0b1011000, FRINTX = 0b1011001, FCVTNU = 0b1011010, FCVTMU = 0b1011011, FCVTAU = 0b1011100,
            UCVTF = 0b1011101, FCMGE0 = 0b1101100, FCMLE0 = 0b1101101, FNEG = 0b1101111, FRINTI = 0b1111001,
            FCVTPU = 0b1111010, FCVTZU = 0b1111011, FSQRT = 0b1111111,
            URECPE = 0b0111100, FRECPE = 0b0111101, FRECPX = 0b0111111, URSQRTE = 0b1111100, FRSQRTE = 0b1111101,
            FCVTXN = 0b1010110, FRINT32Z = 0b0011110, FRINT64Z = 0b0011111, FRINT32X = 0b1011110, FRINT64X = 0b1011111;

    private static boolean fpLaneOp(int k) {
        return switch (k) {
            case FRINTN, FRINTM, FCVTNS, FCVTMS, FCVTAS, SCVTF, FCMGT0, FCMEQ0, FCMLT0, FABS, FRINTP, FRINTZ, FCVTPS,
                    FCVTZS, FRINTA, FRINTX, FCVTNU, FCVTMU, FCVTAU, UCVTF, FCMGE0, FCMLE0, FNEG, FRINTI, FCVTPU, FCVTZU,
                    FSQRT, FRECPE, FRSQRTE, FRINT32Z, FRINT64Z, FRINT32X, FRINT64X -> true;
            default -> false;
        };
    }

    private static boolean scalarFpLaneOp(int k) {
        return switch (k) {
            case FCVTNS, FCVTMS, FCVTAS, SCVTF, FCMGT0, FCMEQ0, FCMLT0, FCVTPS, FCVTZS, FCVTNU, FCVTMU, FCVTAU, UCVTF,
                    FCMGE0, FCMLE0, FCVTPU, FCVTZU, FRECPE, FRSQRTE, FRECPX -> true;
            default -> false;
        };
    }

    private static boolean sizeThreeOk(int k) {
        return switch (k) {
            case SUQADD, SQABS, CMGT0, CMEQ0, CMLT0, ABS, USQADD, SQNEG, CMGE0, CMLE0, NEG -> true;
            default -> false;
        };
    }

    public static boolean validVector(int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31;
        if (fpOp(opcode)) {
            int k = fpKey(w), sz = size & 1;
            if (k == FCVTN || k == FCVTL) {
                return true;
            }
            if (k == FCVTXN) {
                return sz == 1;
            }
            if (k == URECPE || k == URSQRTE) {
                return sz == 0;
            }
            return fpLaneOp(k) && !(sz == 1 && !q);
        }
        int k = key(w);
        return switch (k) {
            case REV64, SADDLP, CLS, SADALP, UADDLP, CLZ, UADALP -> size != 3;
            case REV16, CNT -> size == 0;
            case REV32 -> size <= 1;
            case NOT_RBIT -> size <= 1;
            case XTN, SQXTN, SQXTUN, SHLL, UQXTN -> size != 3;
            case SUQADD, SQABS, CMGT0, CMEQ0, CMLT0, ABS, USQADD, SQNEG, CMGE0, CMLE0, NEG -> size != 3 || q;
            default -> false;
        };
    }

    public static boolean validScalar(int w) {
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31;
        if (fpOp(opcode)) {
            return scalarFpLaneOp(fpKey(w)) || (fpKey(w) == FCVTXN && (size & 1) == 1);
        }
        int k = key(w);
        return switch (k) {
            case SUQADD, SQABS, USQADD, SQNEG -> true;
            case CMGT0, CMEQ0, CMLT0, ABS, CMGE0, CMLE0, NEG -> size == 3;
            case SQXTN, SQXTUN, UQXTN -> size != 3;
            default -> false;
        };
    }

    public static void vector(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n), acc = Vec.at(d), r = Vec.result(s);
        if (fpOp(opcode)) {
            int k = fpKey(w), sz = size & 1;
            if (k == FCVTN) { // 2D -> 2S (sz 1), 4S -> 4H (sz 0), into the lower or upper half
                int from = sz == 1 ? Fp.D : Fp.S, to = sz == 1 ? Fp.S : Fp.H, e = sz == 1 ? 64 : 32;
                for (int i = 0; i < 128 / e; i++) {
                    set(v, r, i, e / 2, FpFast.convert(s, get(v, a, i, e), from, to));
                }
                Vec.writeNarrow(s, d, q);
                return;
            }
            if (k == FCVTXN) {
                v[r] = FpEstimate.convertRoundOdd(s, v[a]) | FpEstimate.convertRoundOdd(s, v[a + 1]) << 32;
                Vec.writeNarrow(s, d, q);
                return;
            }
            if (k == URECPE || k == URSQRTE) {
                for (int i = 0; i < (q ? 4 : 2); i++) {
                    long x = get(v, a, i, 32);
                    set(v, r, i, 32, k == URECPE ? FpEstimate.unsignedRecipEstimate(x) : FpEstimate.unsignedRSqrtEstimate(x));
                }
                Vec.write(s, d, q);
                return;
            }
            if (k == FCVTL) { // lower or upper half widened
                int from = sz == 1 ? Fp.S : Fp.H, to = sz == 1 ? Fp.D : Fp.S, e = sz == 1 ? 32 : 16;
                int half = q ? a + 1 : a;
                for (int i = 0; i < 64 / e; i++) {
                    set(v, r, i, 2 * e, FpFast.convert(s, get(v, half, i, e), from, to));
                }
                Vec.write(s, d, true);
                return;
            }
            int e = sz == 1 ? 64 : 32;
            for (int i = 0; i < (q ? 128 : 64) / e; i++) {
                set(v, r, i, e, fpLane(s, k, get(v, a, i, e), e));
            }
            Vec.write(s, d, q);
            return;
        }
        int k = key(w);
        int e = 8 << size;
        switch (k) {
            case XTN, SQXTN, SQXTUN, UQXTN -> {
                for (int i = 0; i < 64 / e; i++) {
                    set(v, r, i, e, narrow(s, k, get(v, a, i, 2 * e), 2 * e, e));
                }
                Vec.writeNarrow(s, d, q);
                return;
            }
            case SHLL -> {
                int half = q ? a + 1 : a;
                for (int i = 0; i < 64 / e; i++) {
                    set(v, r, i, 2 * e, get(v, half, i, e) << e);
                }
                Vec.write(s, d, true);
                return;
            }
            case SADDLP, UADDLP, SADALP, UADALP -> {
                boolean signed = k == SADDLP || k == SADALP, accumulate = k == SADALP || k == UADALP;
                for (int i = 0; i < (q ? 128 : 64) / (2 * e); i++) {
                    long x = signed ? sget(v, a, 2 * i, e) + sget(v, a, 2 * i + 1, e)
                            : get(v, a, 2 * i, e) + get(v, a, 2 * i + 1, e);
                    set(v, r, i, 2 * e, accumulate ? get(v, acc, i, 2 * e) + x : x);
                }
                Vec.write(s, d, q);
                return;
            }
            case REV64, REV32, REV16 -> {
                int container = k == REV64 ? 64 : k == REV32 ? 32 : 16;
                int per = container / e;
                for (int i = 0; i < (q ? 128 : 64) / e; i++) {
                    int base = i - i % per;
                    set(v, r, i, e, get(v, a, base + per - 1 - i % per, e));
                }
                Vec.write(s, d, q);
                return;
            }
            case NOT_RBIT -> {
                int lanes = q ? 16 : 8;
                for (int i = 0; i < lanes; i++) {
                    long x = get(v, a, i, 8);
                    set(v, r, i, 8, size == 0 ? ~x : Integer.reverse((int) x) >>> 24);
                }
                Vec.write(s, d, q);
                return;
            }
            default -> {
                for (int i = 0; i < (q ? 128 : 64) / e; i++) {
                    set(v, r, i, e, intLane(s, k, get(v, a, i, e), get(v, acc, i, e), e));
                }
                Vec.write(s, d, q);
            }
        }
    }

    public static void scalar(CpuState s, int w) {
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n), acc = Vec.at(d), r = Vec.result(s);
        if (fpOp(opcode) && fpKey(w) == FCVTXN) {
            v[r] = FpEstimate.convertRoundOdd(s, v[a]);
        } else if (fpOp(opcode)) {
            int e = (size & 1) == 1 ? 64 : 32;
            set(v, r, 0, e, fpLane(s, fpKey(w), get(v, a, 0, e), e));
        } else {
            int k = key(w), e = 8 << size;
            if (k == SQXTN || k == SQXTUN || k == UQXTN) {
                set(v, r, 0, e, narrow(s, k, get(v, a, 0, 2 * e), 2 * e, e));
            } else {
                set(v, r, 0, e, intLane(s, k, get(v, a, 0, e), get(v, acc, 0, e), e));
            }
        }
        Vec.write(s, d, false);
    }

    private static long narrow(CpuState s, int k, long x, int from, int e) {
        return switch (k) {
            case XTN -> x;
            case SQXTN -> Vec.satS(s, sx(x, from), e);
            case SQXTUN -> Vec.satU(s, sx(x, from), e);
            default -> { // UQXTN: x is unsigned
                if (Long.compareUnsigned(x, mask(e)) > 0) {
                    Vec.saturated(s);
                    yield mask(e);
                }
                yield x;
            }
        };
    }

    private static long intLane(CpuState s, int k, long x, long old, int e) {
        long sxv = sx(x, e);
        return switch (k) {
            case CLS -> Long.numberOfLeadingZeros(sxv < 0 ? ~sxv : sxv) - (64 - e) - 1;
            case CLZ -> Long.numberOfLeadingZeros(x) - (64 - e);
            case CNT -> Long.bitCount(x);
            case CMGT0 -> sxv > 0 ? -1 : 0;
            case CMEQ0 -> x == 0 ? -1 : 0;
            case CMLT0 -> sxv < 0 ? -1 : 0;
            case CMGE0 -> sxv >= 0 ? -1 : 0;
            case CMLE0 -> sxv <= 0 ? -1 : 0;
            case ABS -> Math.abs(sxv);
            case NEG -> -x;
            case SQABS -> sqneg(s, sxv, e, sxv < 0);
            case SQNEG -> sqneg(s, sxv, e, true);
            case SUQADD -> { // signed accumulator plus unsigned x, signed saturation
                long acc = sx(old, e);
                if (e == 64) {
                    long r = acc + x;
                    // x is unsigned: with its top bit set the sum is at least 0
                    boolean over = x < 0 ? acc > Long.MAX_VALUE - x : r < acc;
                    if (over) {
                        Vec.saturated(s);
                        yield Long.MAX_VALUE;
                    }
                    yield r;
                }
                yield Vec.satS(s, acc + x, e);
            }
            case USQADD -> { // unsigned accumulator plus signed x, unsigned saturation
                if (e == 64) {
                    long r = old + sxv;
                    if (sxv >= 0 ? Long.compareUnsigned(r, old) < 0 : Long.compareUnsigned(r, old) > 0) {
                        Vec.saturated(s);
                        yield sxv >= 0 ? -1L : 0;
                    }
                    yield r;
                }
                yield Vec.satU(s, old + sxv, e);
            }
            default -> throw new IllegalStateException("two-reg misc " + k);
        };
    }

    private static long sqneg(CpuState s, long v, int e, boolean negate) {
        if (!negate) {
            return v;
        }
        long min = e == 64 ? Long.MIN_VALUE : -(1L << (e - 1));
        if (v == min) {
            Vec.saturated(s);
            return -(min + 1);
        }
        return -v;
    }

    private static long fpLane(CpuState s, int k, long x, int e) {
        int fmt = e == 64 ? Fp.D : Fp.S;
        return switch (k) {
            case FABS -> FpHelpers.unop(s, FpHelpers.FABS, x, fmt);
            case FNEG -> FpHelpers.unop(s, FpHelpers.FNEG, x, fmt);
            case FSQRT -> FpHelpers.unop(s, FpHelpers.FSQRT, x, fmt);
            case FRINTN -> FpHelpers.unop(s, FpHelpers.FRINTN, x, fmt);
            case FRINTM -> FpHelpers.unop(s, FpHelpers.FRINTM, x, fmt);
            case FRINTP -> FpHelpers.unop(s, FpHelpers.FRINTP, x, fmt);
            case FRINTZ -> FpHelpers.unop(s, FpHelpers.FRINTZ, x, fmt);
            case FRINTA -> FpHelpers.unop(s, FpHelpers.FRINTA, x, fmt);
            case FRINTX -> FpHelpers.unop(s, FpHelpers.FRINTX, x, fmt);
            case FRINTI -> FpHelpers.unop(s, FpHelpers.FRINTI, x, fmt);
            case FRINT32Z -> FpHelpers.unop(s, FpHelpers.FRINT32Z, x, fmt);
            case FRINT32X -> FpHelpers.unop(s, FpHelpers.FRINT32X, x, fmt);
            case FRINT64Z -> FpHelpers.unop(s, FpHelpers.FRINT64Z, x, fmt);
            case FRINT64X -> FpHelpers.unop(s, FpHelpers.FRINT64X, x, fmt);
            case FCVTNS -> FpFast.toFixed(s, x, fmt, 0, false, e, Fp.RN);
            case FCVTMS -> FpFast.toFixed(s, x, fmt, 0, false, e, Fp.RM);
            case FCVTAS -> FpFast.toFixed(s, x, fmt, 0, false, e, Fp.RA);
            case FCVTPS -> FpFast.toFixed(s, x, fmt, 0, false, e, Fp.RP);
            case FCVTZS -> FpFast.toFixed(s, x, fmt, 0, false, e, Fp.RZ);
            case FCVTNU -> FpFast.toFixed(s, x, fmt, 0, true, e, Fp.RN);
            case FCVTMU -> FpFast.toFixed(s, x, fmt, 0, true, e, Fp.RM);
            case FCVTAU -> FpFast.toFixed(s, x, fmt, 0, true, e, Fp.RA);
            case FCVTPU -> FpFast.toFixed(s, x, fmt, 0, true, e, Fp.RP);
            case FCVTZU -> FpFast.toFixed(s, x, fmt, 0, true, e, Fp.RZ);
            case SCVTF -> FpFast.fromInt(s, x, e, false, 0, fmt);
            case UCVTF -> FpFast.fromInt(s, x, e, true, 0, fmt);
            case FCMGT0 -> Fp.compareCond(s, x, 0, fmt, 2) ? -1L : 0;
            case FCMEQ0 -> Fp.compareCond(s, x, 0, fmt, 0) ? -1L : 0;
            case FCMLT0 -> Fp.compareCond(s, 0, x, fmt, 2) ? -1L : 0;
            case FCMGE0 -> Fp.compareCond(s, x, 0, fmt, 1) ? -1L : 0;
            case FCMLE0 -> Fp.compareCond(s, 0, x, fmt, 1) ? -1L : 0;
            case FRECPE -> FpEstimate.recipEstimateFp(s, x, fmt);
            case FRSQRTE -> FpEstimate.rsqrtEstimateFp(s, x, fmt);
            case FRECPX -> FpEstimate.recpX(s, x, fmt);
            default -> throw new IllegalStateException("FP two-reg misc " + k);
        };
    }
}

package dev.emu.x86.sse;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.x86.X86Registers;
import dev.emu.x86.sse.SseFloat.Env;
import dev.emu.x86.sse.SseFloat.Fmt;

/**
 * The static helpers the SSE lifters call (one invokestatic from either tier). They take the
 * destination register's number and the source operand's two halves (the lifter has loaded a
 * memory source, so faults happen before any register changes), read and write the XMM and
 * MXCSR slots themselves, and return 1 when the instruction faults instead (an unmasked SIMD
 * floating-point exception: #XM, which Linux delivers as SIGFPE; the sticky flags are set,
 * the destination is left alone).
 */
public final class SseHelpers {
    private SseHelpers() {}

    /** Operand shapes of the FP arithmetic rows: packed single, packed double, scalar single, scalar double. */
    public static final int PS = 0;
    public static final int PD = 1;
    public static final int SS = 2;
    public static final int SD = 3;

    /** The FP operations {@link #fpArith} runs. */
    public enum FpOp {
        ADD, SUB, MUL, DIV, MIN, MAX, SQRT, CMP, RCP, RSQRT,
        /** SSE3: pairs of the destination's elements, then pairs of the source's. */
        HADD, HSUB,
        /** SSE3: even elements subtract, odd ones add. */
        ADDSUB,
        /** SSE4.1: ROUND* by imm8; DPPS/DPPD, the dot product masked by imm8. */
        ROUND, DP
    }

    private static final FpOp[] FP_OPS = FpOp.values();

    static int lo(int xmm) {
        return X86Registers.xmmLo(xmm);
    }

    /** PADD..PSLLDQ, SHUFPS/SHUFPD: dst = op(dst, b). */
    public static void packedInt(CpuState s, int op, int dst, long bLo, long bHi, int imm) {
        long[] r = s.regs;
        int d = lo(dst);
        long[] out = Env.forThread(0).out(0, 0);
        PackedInt.of(op).compute(r[d], r[d + 1], bLo, bHi, imm, out);
        r[d] = out[0];
        r[d + 1] = out[1];
    }

    /** Element k of {@code count} in a register's halves, as raw bits. */
    static long element(long lo, long hi, Fmt f, int k) {
        if (f == SseFloat.DOUBLE) {
            return k == 0 ? lo : hi;
        }
        long half = k < 2 ? lo : hi;
        return (half >>> (32 * (k & 1))) & 0xFFFF_FFFFL;
    }

    static void putElement(long[] out, Fmt f, int k, long v) {
        if (f == SseFloat.DOUBLE) {
            out[k] = v;
            return;
        }
        int h = k >> 1;
        int sh = 32 * (k & 1);
        out[h] = out[h] & ~(0xFFFF_FFFFL << sh) | (v & 0xFFFF_FFFFL) << sh;
    }

    private static long one(FpOp op, Fmt f, long a, long b, int imm, Env e) {
        return switch (op) {
            case ADD -> SseFloat.add(f, a, b, false, e);
            case SUB -> SseFloat.add(f, a, b, true, e);
            case MUL -> SseFloat.mul(f, a, b, e);
            case DIV -> SseFloat.div(f, a, b, e);
            case MIN -> SseFloat.minMax(f, a, b, false, e);
            case MAX -> SseFloat.minMax(f, a, b, true, e);
            case SQRT -> SseFloat.sqrt(f, b, e);
            case CMP -> SseFloat.cmp(f, a, b, imm, e);
            case RCP -> SseFloat.estimate(b, false, e.mxcsr);
            case RSQRT -> SseFloat.estimate(b, true, e.mxcsr);
            case ROUND -> SseFloat.roundToIntegral(f, b, imm, e);
            case HADD, HSUB, ADDSUB, DP -> throw new IllegalArgumentException(op + " is not element-wise");
        };
    }

    /**
     * ADD SUB MUL DIV MIN MAX SQRT CMP RCP RSQRT in the four shapes: packed elements all,
     * scalar ones only element 0, the rest of the destination kept. {@code imm}: CMP's predicate.
     */
    public static int fpArith(CpuState s, int op, int shape, int dst, long bLo, long bHi, int imm) {
        long[] r = s.regs;
        int d = lo(dst);
        Fmt f = shape == PD || shape == SD ? SseFloat.DOUBLE : SseFloat.SINGLE;
        int n = shape >= SS ? 1 : f == SseFloat.DOUBLE ? 2 : 4;
        Env e = Env.forThread((int) r[X86Registers.MXCSR]);
        long[] out = e.out(r[d], r[d + 1]);
        FpOp o = FP_OPS[op];
        if (o == FpOp.HADD || o == FpOp.HSUB) {
            boolean sub = o == FpOp.HSUB;
            for (int k = 0; k < n; k++) {
                long srcLo = k < n / 2 ? r[d] : bLo;
                long srcHi = k < n / 2 ? r[d + 1] : bHi;
                int j = 2 * (k % (n / 2));
                putElement(out, f, k, SseFloat.add(f, element(srcLo, srcHi, f, j), element(srcLo, srcHi, f, j + 1), sub, e));
            }
            return finish(s, e, d, out);
        }
        if (o == FpOp.DP) {
            dotProduct(f, n, r[d], r[d + 1], bLo, bHi, imm, e, out);
            return finish(s, e, d, out);
        }
        if (o == FpOp.ADDSUB) {
            for (int k = 0; k < n; k++) {
                putElement(out, f, k, SseFloat.add(f, element(r[d], r[d + 1], f, k), element(bLo, bHi, f, k), k % 2 == 0, e));
            }
            return finish(s, e, d, out);
        }
        for (int k = 0; k < n; k++) {
            putElement(out, f, k, one(o, f, element(r[d], r[d + 1], f, k), element(bLo, bHi, f, k), imm, e));
        }
        return finish(s, e, d, out);
    }

    /**
     * DPPS/DPPD (SDM "DPPS"): products of the lanes imm[7:4] selects (others +0.0), summed
     * pairwise ((t0 + t1) + (t2 + t3) for singles), stored to the lanes imm[3:0] selects.
     */
    private static void dotProduct(Fmt f, int n, long aLo, long aHi, long bLo, long bHi, int imm, Env e, long[] out) {
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            t[k] = (imm >> (4 + k) & 1) != 0
                    ? SseFloat.mul(f, element(aLo, aHi, f, k), element(bLo, bHi, f, k), e) : 0;
        }
        long sum;
        if (n == 4) {
            long s01 = SseFloat.add(f, t[0], t[1], false, e);
            long s23 = SseFloat.add(f, t[2], t[3], false, e);
            sum = SseFloat.add(f, s01, s23, false, e);
        } else {
            sum = SseFloat.add(f, t[0], t[1], false, e);
        }
        out[0] = 0;
        out[1] = 0;
        for (int k = 0; k < n; k++) {
            putElement(out, f, k, (imm >> k & 1) != 0 ? sum : 0);
        }
    }

    /** Writes the result and the sticky flags, or raises #XM for an unmasked exception. */
    private static int finish(CpuState s, Env e, int d, long[] out) {
        long[] r = s.regs;
        r[X86Registers.MXCSR] |= e.flags;
        if (e.unmasked() != 0) {
            s.trap = TrapKind.DIVIDE_ERROR;
            s.trapDetail = e.unmasked();
            return 1;
        }
        r[d] = out[0];
        r[d + 1] = out[1];
        return 0;
    }

    /** The conversions between XMM registers (and from a general register: CVTSI2SS/SD). */
    public enum Cvt {
        CVTPS2PD, CVTPD2PS, CVTSS2SD, CVTSD2SS, CVTDQ2PS, CVTPS2DQ, CVTTPS2DQ, CVTDQ2PD, CVTPD2DQ, CVTTPD2DQ,
        CVTSI2SS, CVTSI2SD
    }

    private static final Cvt[] CVTS = Cvt.values();

    /** Cvt op on source b into dst; CVTSI2S*: b is the integer, sign-extended from 32 or 64 bits. */
    public static int convert(CpuState s, int op, int dst, long bLo, long bHi) {
        long[] r = s.regs;
        int d = lo(dst);
        Env e = Env.forThread((int) r[X86Registers.MXCSR]);
        long[] out = e.out(r[d], r[d + 1]);
        Fmt sg = SseFloat.SINGLE;
        Fmt db = SseFloat.DOUBLE;
        switch (CVTS[op]) {
            case CVTPS2PD -> {
                long x0 = SseFloat.widen(element(bLo, bHi, sg, 0), e);
                long x1 = SseFloat.widen(element(bLo, bHi, sg, 1), e);
                out[0] = x0;
                out[1] = x1;
            }
            case CVTPD2PS -> {
                long[] t = new long[2];
                putElement(t, sg, 0, SseFloat.narrow(bLo, e));
                putElement(t, sg, 1, SseFloat.narrow(bHi, e));
                out[0] = t[0];
                out[1] = 0;
            }
            case CVTSS2SD -> out[0] = SseFloat.widen(bLo & 0xFFFF_FFFFL, e);
            case CVTSD2SS -> putElement(out, sg, 0, SseFloat.narrow(bLo, e));
            case CVTDQ2PS -> {
                for (int k = 0; k < 4; k++) {
                    putElement(out, sg, k, SseFloat.fromInt(sg, (int) element(bLo, bHi, sg, k), e));
                }
            }
            case CVTPS2DQ, CVTTPS2DQ -> {
                boolean t = CVTS[op] == Cvt.CVTTPS2DQ;
                for (int k = 0; k < 4; k++) {
                    putElement(out, sg, k, SseFloat.toInt(sg, element(bLo, bHi, sg, k), 32, t, e));
                }
            }
            case CVTDQ2PD -> {
                long x0 = SseFloat.fromInt(db, (int) bLo, e);
                long x1 = SseFloat.fromInt(db, (int) (bLo >>> 32), e);
                out[0] = x0;
                out[1] = x1;
            }
            case CVTPD2DQ, CVTTPD2DQ -> {
                boolean t = CVTS[op] == Cvt.CVTTPD2DQ;
                long[] w = new long[2];
                putElement(w, sg, 0, SseFloat.toInt(db, bLo, 32, t, e));
                putElement(w, sg, 1, SseFloat.toInt(db, bHi, 32, t, e));
                out[0] = w[0];
                out[1] = 0;
            }
            case CVTSI2SS -> putElement(out, sg, 0, SseFloat.fromInt(sg, bLo, e));
            case CVTSI2SD -> out[0] = SseFloat.fromInt(db, bLo, e);
        }
        return finish(s, e, d, out);
    }

    /**
     * CVTSS2SI, CVTTSS2SI, CVTSD2SI, CVTTSD2SI: the source element b to general register
     * {@code gpr} as a {@code bits}-bit integer (32-bit results zero-extend the register).
     */
    public static int toGpr(CpuState s, int isDouble, int truncate, int bits, int gpr, long b) {
        long[] r = s.regs;
        Env e = Env.forThread((int) r[X86Registers.MXCSR]);
        Fmt f = isDouble != 0 ? SseFloat.DOUBLE : SseFloat.SINGLE;
        long v = SseFloat.toInt(f, b, bits, truncate != 0, e);
        r[X86Registers.MXCSR] |= e.flags;
        if (e.unmasked() != 0) {
            s.trap = TrapKind.DIVIDE_ERROR;
            s.trapDetail = e.unmasked();
            return 1;
        }
        r[gpr] = bits == 64 ? v : v & 0xFFFF_FFFFL;
        return 0;
    }

    /**
     * COMISS, UCOMISS, COMISD, UCOMISD: ZF PF CF from the compare of dst's element 0 with b;
     * OF SF AF cleared.
     */
    public static int comi(CpuState s, int isDouble, int signaling, int dst, long b) {
        long[] r = s.regs;
        Env e = Env.forThread((int) r[X86Registers.MXCSR]);
        Fmt f = isDouble != 0 ? SseFloat.DOUBLE : SseFloat.SINGLE;
        int zpc = SseFloat.comi(f, element(r[lo(dst)], 0, f, 0), element(b, 0, f, 0), signaling != 0, e);
        r[X86Registers.MXCSR] |= e.flags;
        if (e.unmasked() != 0) {
            s.trap = TrapKind.DIVIDE_ERROR;
            s.trapDetail = e.unmasked();
            return 1;
        }
        X86Registers.setArithFlags(r, (zpc & 1) << X86Registers.CF_BIT | (zpc >> 1 & 1) << X86Registers.PF_BIT
                | (zpc >> 2 & 1) << X86Registers.ZF_BIT);
        return 0;
    }

    /** MOVMSKPS: the sign bits of the four singles. */
    public static int singleSignMask(long lo, long hi) {
        return (int) ((lo >>> 31) & 1 | (lo >>> 62) & 2 | (hi >>> 29) & 4 | (hi >>> 60) & 8);
    }

    /**
     * MASKMOVDQU: stores the bytes of data whose mask byte has its top bit set, at addr
     * onwards (non-temporal hint ignored). A fault stops it; bytes stored before stay, which
     * the SDM allows.
     */
    public static void maskedStore(CpuState s, long addr, long dataLo, long dataHi, long maskLo, long maskHi) {
        for (int k = 0; k < 16; k++) {
            long m = k < 8 ? maskLo : maskHi;
            if (((m >>> (8 * (k & 7) + 7)) & 1) != 0) {
                long dv = k < 8 ? dataLo : dataHi;
                s.mem.st8(addr + k, (int) (dv >>> (8 * (k & 7))));
            }
        }
    }

    /** #GP (a misaligned 16-byte SSE memory operand, reserved MXCSR bits): Linux raises SIGSEGV. */
    public static void generalProtection(CpuState s) {
        s.trap = TrapKind.PRIVILEGED;
        s.trapDetail = 0;
    }
}

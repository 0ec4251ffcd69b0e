package dev.emu.ppc64le.fp;

import static dev.emu.ppc64le.PpcRegisters.FPSCR;
import static dev.emu.ppc64le.PpcRegisters.crField;
import static dev.emu.ppc64le.PpcRegisters.fpr;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.cpu.CpuState;
import dev.emu.ppc64le.fp.PpcFp.Status;

/**
 * The FPR instructions of Power ISA 2.07B chapter 4 that touch the FPSCR, as state-touching
 * helpers taking the instruction word (the lifter has checked the encoding): A-form arithmetic
 * of primaries 59 (single) and 63 (double), the X-form round/convert/compare instructions, and
 * the FPSCR moves. A record form (Rc = 1) copies FX FEX VX OX to CR1.
 */
public final class FpHelpers {
    private FpHelpers() {}

    static int frt(int w) {
        return w >>> 21 & 31;
    }

    static int fra(int w) {
        return w >>> 16 & 31;
    }

    static int frb(int w) {
        return w >>> 11 & 31;
    }

    static int frc(int w) {
        return w >>> 6 & 31;
    }

    /**
     * Writes FPR n: doubleword 0 of vs n; doubleword 1, which the ISA leaves undefined, becomes 0
     * as QEMU makes it.
     */
    public static void setFpr(CpuState s, int n, long v) {
        s.regs[fpr(n)] = v;
        s.regs[vsrLow(n)] = 0;
    }

    public static int mode(CpuState s) {
        return (int) s.regs[FPSCR] & 3;
    }

    /**
     * Lands an operation's outcome: the exception bits (and FX, VX, FEX), FR and FI when
     * {@code frFi}, FPRF as the class of {@code result} in {@code fmt} when {@code fprf}.
     */
    public static void commit(CpuState s, Status st, long result, int fmt, boolean fprf, boolean frFi) {
        s.regs[FPSCR] = landed(s.regs[FPSCR], st, result, fmt, fprf, frFi);
    }

    /** The FPSCR {@code fpscr} with an operation's outcome landed (see {@link #commit}). */
    static long landed(long fpscr, Status st, long result, int fmt, boolean fprf, boolean frFi) {
        long f = Fpscr.raise(fpscr, st.exc);
        if (frFi) {
            f = f & ~(Fpscr.FR | Fpscr.FI) | (st.inexact ? Fpscr.FI : 0) | (st.incremented ? Fpscr.FR : 0);
        }
        if (fprf) {
            // SINGLE: classified in single format (xscvdpsp); the single-precision arithmetic
            // results are classified as the doubles they are kept as (QEMU does so: a value
            // denormal in single format reads as normal), so they pass DOUBLE
            int c = fmt == PpcFp.SINGLE ? Fpscr.classSingle(PpcFp.doubleToSingleExact(result)) : Fpscr.classDouble(result);
            f = f & ~Fpscr.FPRF | (long) c << Fpscr.FPRF_SHIFT;
        }
        return f;
    }

    static void record(CpuState s, int w) {
        if ((w & 1) != 0) {
            s.regs[crField(1)] = s.regs[FPSCR] >>> 28 & 0xF;
        }
    }

    /** A-form XO values of primaries 59 and 63. */
    public static final int FDIV = 18, FSUB = 20, FADD = 21, FSQRT = 22, FSEL = 23, FRE = 24, FMUL = 25, FRSQRTE = 26,
            FMSUB = 28, FMADD = 29, FNMSUB = 30, FNMADD = 31;

    /**
     * fadd(s), fsub(s), fmul(s), fdiv(s), fsqrt(s), fre(s), frsqrte(s), the fused forms and fsel:
     * FRT from the operands and the FPSCR. Pure, like {@link #arithFpscr}: the lifter calls both
     * (the arithmetic twice, which costs less than writing every cached register back around a
     * state-touching call) and stores FRT, FPSCR and, for a record form, CR1.
     */
    public static long arithValue(int w, long a, long b, long c, long fpscr) {
        return arith(new Status((int) fpscr & 3), w, a, b, c);
    }

    /** The FPSCR after the A-form instruction {@code w} (see {@link #arithValue}). */
    public static long arithFpscr(int w, long a, long b, long c, long fpscr) {
        if ((w >>> 1 & 31) == FSEL) {
            return fpscr;
        }
        Status st = new Status((int) fpscr & 3);
        long r = arith(st, w, a, b, c);
        return landed(fpscr, st, r, PpcFp.DOUBLE, true, true);
    }

    private static long arith(Status st, int w, long a, long b, long c) {
        int fmt = w >>> 26 == 59 ? PpcFp.SINGLE : PpcFp.DOUBLE;
        int xo = w >>> 1 & 31;
        return switch (xo) {
            case FSEL -> Double.longBitsToDouble(a) >= 0.0 ? c : b;
            case FDIV -> PpcFp.div(st, a, b, fmt);
            case FSUB -> PpcFp.sub(st, a, b, fmt);
            case FADD -> PpcFp.add(st, a, b, fmt);
            case FSQRT -> PpcFp.sqrt(st, b, fmt);
            case FRE -> PpcFp.reciprocal(st, b, fmt);
            case FMUL -> PpcFp.mul(st, a, c, fmt);
            case FRSQRTE -> PpcFp.reciprocalSqrt(st, b, fmt);
            case FMSUB -> PpcFp.fma(st, a, c, b, true, false, fmt);
            case FMADD -> PpcFp.fma(st, a, c, b, false, false, fmt);
            case FNMSUB -> PpcFp.fma(st, a, c, b, true, true, fmt);
            case FNMADD -> PpcFp.fma(st, a, c, b, false, true, fmt);
            default -> throw new IllegalStateException("A-form XO " + xo);
        };
    }

    /** X-form XO values of primary 63 (and fcfids/fcfidus of 59). */
    public static final int FCMPU = 0, FCMPO = 32, FRSP = 12, FCTIW = 14, FCTIWZ = 15, FCTIWU = 142, FCTIWUZ = 143,
            FCTID = 814, FCTIDZ = 815, FCTIDU = 942, FCTIDUZ = 943, FCFID = 846, FCFIDU = 974, FRIN = 392, FRIZ = 424,
            FRIP = 456, FRIM = 488;

    /** frsp, fcti*, fcfid*, fri*: FRT from FRB. */
    public static void convert(CpuState s, int w) {
        int xo = w >>> 1 & 0x3FF;
        long b = s.regs[fpr(frb(w))];
        Status st = new Status(mode(s));
        long r;
        boolean fprf = true;
        int fmt = PpcFp.DOUBLE;
        switch (xo) {
            case FRSP -> {
                r = PpcFp.roundToSingle(st, b);
                fmt = PpcFp.SINGLE;
            }
            case FCTIW, FCTIWZ, FCTIWU, FCTIWUZ, FCTID, FCTIDZ, FCTIDU, FCTIDUZ -> {
                boolean word = xo < 800, unsigned = (xo & 128) != 0;
                r = FpConvert.toInteger(st, b, word, unsigned, (xo & 1) != 0 ? PpcFp.ZERO : st.mode);
                fprf = false;
            }
            case FCFID, FCFIDU -> {
                fmt = w >>> 26 == 59 ? PpcFp.SINGLE : PpcFp.DOUBLE;
                r = FpConvert.fromInteger(st, b, xo == FCFIDU, fmt);
            }
            case FRIN, FRIZ, FRIP, FRIM -> {
                int m = switch (xo) {
                    case FRIN -> FpConvert.AWAY;
                    case FRIZ -> PpcFp.ZERO;
                    case FRIP -> PpcFp.UP;
                    default -> PpcFp.DOWN;
                };
                r = FpConvert.roundToIntegral(st, b, m, false);
            }
            default -> throw new IllegalStateException("X-form XO " + xo);
        }
        setFpr(s, frt(w), r);
        commit(s, st, r, PpcFp.DOUBLE, fprf, true);
        if ((st.exc & Fpscr.VXCVI) != 0) {
            // FPRF is undefined after an invalid conversion; QEMU makes it the QNaN class
            s.regs[FPSCR] = s.regs[FPSCR] & ~Fpscr.FPRF | (long) Fpscr.QNAN << Fpscr.FPRF_SHIFT;
        }
        record(s, w);
    }

    /** fcmpu / fcmpo: CR field BF and FPCC from FRA against FRB. */
    public static void compare(CpuState s, int w) {
        long a = s.regs[fpr(fra(w))], b = s.regs[fpr(frb(w))];
        int c = PpcFp.compare(a, b);
        boolean ordered = (w >>> 1 & 0x3FF) == FCMPO;
        int exc = 0;
        if (PpcFp.isSignalling(a) || PpcFp.isSignalling(b)) {
            exc |= Fpscr.VXSNAN | (ordered ? Fpscr.VXVC : 0); // VXVC too: VE is never set here
        } else if (ordered && c == 1) {
            exc |= Fpscr.VXVC;
        }
        long f = Fpscr.raise(s.regs[FPSCR], exc);
        s.regs[FPSCR] = f & ~Fpscr.FPCC | (long) c << Fpscr.FPRF_SHIFT;
        s.regs[crField(w >>> 23 & 7)] = c;
    }

    // ------------------------------------------------------------------ FPSCR moves (4.6.10)
    /** mffs: FRT = FPSCR. */
    public static void mffs(CpuState s, int w) {
        setFpr(s, frt(w), s.regs[FPSCR]);
        record(s, w);
    }

    /** mcrfs BF, BFA: CR field BF = FPSCR field BFA, whose exception bits are then cleared. */
    public static void mcrfs(CpuState s, int w) {
        int bf = w >>> 23 & 7, bfa = w >>> 18 & 7;
        long f = s.regs[FPSCR];
        int shift = 28 - 4 * bfa;
        s.regs[crField(bf)] = f >>> shift & 0xF;
        long clear = (0xFL << shift) & (Fpscr.FX | Fpscr.EXCEPTIONS);
        s.regs[FPSCR] = Fpscr.summarise(f & ~clear);
    }

    /** FPSCR bits 29:31, the decimal rounding mode: kept and read back, though no DFP instruction uses it. */
    static final long DRN = 0x7_0000_0000L;

    /**
     * The FPSCR after mtfsf / mtfsfi / mtfsb0 / mtfsb1 (pure: the lifter stores it, or raises
     * SIGILL when it would enable an exception or non-IEEE mode, which this core does not model).
     * FEX and VX are never written, only recomputed.
     */
    public static long moveTo(long fpscr, long frb, int w) {
        int xo = w >>> 1 & 0x3FF;
        long f = fpscr;
        switch (xo) {
            case 711 -> { // mtfsf FLM, FRB, L, W
                boolean l = (w >>> 25 & 1) != 0;
                int flm = w >>> 17 & 0xFF;
                int upper = (w >>> 16 & 1) != 0 ? 32 : 0; // W = 1: the fields of the upper word (DRN)
                if (l) {
                    f = frb;
                } else {
                    long mask = 0;
                    for (int i = 0; i < 8; i++) {
                        if ((flm >>> (7 - i) & 1) != 0) {
                            mask |= 0xFL << (28 - 4 * i + upper);
                        }
                    }
                    f = f & ~mask | frb & mask;
                }
            }
            case 134 -> { // mtfsfi BF, U, W
                int bf = w >>> 23 & 7, u = w >>> 12 & 0xF;
                int shift = 28 - 4 * bf + ((w >>> 16 & 1) != 0 ? 32 : 0);
                f = f & ~(0xFL << shift) | (long) u << shift;
            }
            case 38, 70 -> { // mtfsb1 / mtfsb0 BT
                int bt = w >>> 21 & 31;
                long bit = 1L << (31 - bt);
                if (bt == 1 || bt == 2) {
                    return fpscr; // FEX and VX cannot be altered explicitly
                }
                if (xo == 38) {
                    if ((bit & Fpscr.EXCEPTIONS & ~f) != 0) {
                        f |= Fpscr.FX;
                    }
                    f |= bit;
                } else {
                    f &= ~bit;
                }
            }
            default -> throw new IllegalStateException("FPSCR move XO " + xo);
        }
        f &= DRN | 0xFFFF_F7FFL; // of the upper word only DRN exists; bit 52 is reserved
        return Fpscr.summarise(f);
    }
}

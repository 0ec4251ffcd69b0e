package dev.emu.x86.x87;

import static dev.emu.x86.X86Registers.FCW;
import static dev.emu.x86.X86Registers.FPU_TOP;
import static dev.emu.x86.X86Registers.FSW;
import static dev.emu.x86.X86Registers.FTW;

import dev.emu.core.cpu.CpuState;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Registers;
import dev.emu.x86.x87.F80.Env;

/**
 * The x87 instructions on the register stack, as helpers the lifter calls with the CPU
 * state (SDM Vol. 1 chapter 8, Vol. 2 for each instruction). Memory operands are loaded
 * and stored by the generated code, so a fault leaves the FPU untouched; these methods
 * see their bits.
 *
 * <p>Exceptions: the flags of FSW bits 0..5 are set as the SDM specifies for masked
 * responses; a stack fault also sets SF (bit 6) and C1 (1 overflow, 0 underflow). An
 * unmasked IE, DE or ZE leaves the destination and the stack as they were and sets ES and B,
 * as hardware does before it raises #MF; the #MF itself (SIGFPE at the next waiting x87
 * instruction) is not delivered: a program that unmasks x87 exceptions sees the flags but no
 * signal. Unmasked OE and UE deliver the masked result (hardware would rescale the exponent).
 */
public final class X87Ops {
    private X87Ops() {}

    /** Memory operand formats, as the lifter names them. */
    public static final int FP32 = 0, I32 = 1, FP64 = 2, I16 = 3, FP80 = 4, I64 = 5, BCD = 6;
    static final int SF = 1 << 6, ES = 1 << 7, C0 = 1 << 8, C1 = 1 << 9, C2 = 1 << 10, C3 = 1 << 14, B = 1 << 15;
    static final int CC = C0 | C1 | C2 | C3;

    // ---------------------------------------------------------------- the stack

    static int phys(long[] r, int i) {
        return (int) (r[FPU_TOP] + i) & 7;
    }

    static boolean empty(long[] r, int i) {
        return (r[FTW] >>> phys(r, i) & 1) == 0;
    }

    static int se(long[] r, int i) {
        return (int) r[X86Registers.fprExp(phys(r, i))] & 0xFFFF;
    }

    static long m(long[] r, int i) {
        return r[X86Registers.fprMant(phys(r, i))];
    }

    static void set(long[] r, int i, int se, long m) {
        int p = phys(r, i);
        r[X86Registers.fprExp(p)] = se & 0xFFFF;
        r[X86Registers.fprMant(p)] = m;
        r[FTW] |= 1L << p;
    }

    static void pop(long[] r) {
        r[FTW] &= ~(1L << phys(r, 0));
        r[FPU_TOP] = (r[FPU_TOP] + 1) & 7;
    }

    /** Pushes a value; a full slot is a stack overflow (the masked response pushes the indefinite). */
    static void push(long[] r, int se, long m) {
        r[FPU_TOP] = (r[FPU_TOP] - 1) & 7;
        if (!empty(r, 0)) {
            stackFault(r, true);
            se = F80.INDEFINITE_SE;
            m = F80.INDEFINITE_M;
        }
        set(r, 0, se, m);
    }

    static Env env(long[] r) {
        int fcw = (int) r[FCW];
        int pc = fcw >>> 8 & 3;
        return new Env(fcw >>> 10 & 3, pc == 0 ? 24 : pc == 2 ? 53 : 64);
    }

    private static int unmasked(long[] r, int flags) {
        return flags & ~(int) r[FCW] & 0x3F;
    }

    /** Sets the stack-fault flags; returns whether the masked response applies. */
    static boolean stackFault(long[] r, boolean overflow) {
        r[FSW] = (r[FSW] & ~C1) | F80.IE | SF | (overflow ? C1 : 0);
        if (unmasked(r, F80.IE) != 0) {
            r[FSW] |= ES | B;
            return false;
        }
        return true;
    }

    /**
     * Records an operation's flags. Returns whether its result is to be written: false when
     * an unmasked IE, DE or ZE stops it. C1 becomes the round-up indicator when the result
     * was inexact, else 0.
     */
    static boolean raise(long[] r, Env e) {
        long fsw = r[FSW] | e.flags;
        fsw &= ~C1;
        if ((e.flags & F80.PE) != 0 && e.roundedUp) {
            fsw |= C1;
        }
        int un = unmasked(r, e.flags);
        if (un != 0) {
            fsw |= ES | B;
        }
        r[FSW] = fsw;
        return (un & (F80.IE | F80.DE | F80.ZE)) == 0;
    }

    /** Underflow check for reading ST(i) (and ST(j)); true when the operation may go on. */
    private static boolean needs(long[] r, int... regs) {
        for (int i : regs) {
            if (empty(r, i)) {
                return false;
            }
        }
        return true;
    }

    /** A stack underflow on a read: the masked response writes the indefinite to ST(dst) (then pops). */
    private static void underflowInto(long[] r, int dst, int pops) {
        if (stackFault(r, false)) {
            if (dst >= 0) {
                set(r, dst, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            for (int k = 0; k < pops; k++) {
                pop(r);
            }
        }
    }

    // ---------------------------------------------------------------- arithmetic

    /** ADD 0, MUL 1, SUB 4 (a - b), SUBR 5 (b - a), DIV 6 (a / b), DIVR 7 (b / a). */
    static Env binary(int op, int se1, long m1, int se2, long m2, Env e) {
        return switch (op) {
            case 0 -> F80.add(se1, m1, se2, m2, e);
            case 1 -> F80.mul(se1, m1, se2, m2, e);
            case 4 -> F80.sub(se1, m1, se2, m2, e);
            case 5 -> F80.sub(se2, m2, se1, m1, e);
            case 6 -> F80.div(se1, m1, se2, m2, e);
            case 7 -> F80.div(se2, m2, se1, m1, e);
            default -> throw new IllegalArgumentException("x87 op " + op);
        };
    }

    /** FADD/FMUL/FSUB/FSUBR/FDIV/FDIVR ST(dst), ST(src) [and pop]: ST(dst) = ST(dst) op ST(src). */
    public static void arith(CpuState s, int op, int dst, int src, int pop) {
        long[] r = s.regs;
        if (!needs(r, dst, src)) {
            underflowInto(r, dst, pop);
            return;
        }
        Env e = binary(op, se(r, dst), m(r, dst), se(r, src), m(r, src), env(r));
        if (raise(r, e)) {
            set(r, dst, e.se, e.m);
            if (pop != 0) {
                pop(r);
            }
        }
    }

    /** A memory operand widened to extended: its conversion flags (IE for an SNaN, DE) go to e. */
    static Env widen(long bits, int fmt, Env e) {
        return widen(bits, 0, fmt, e);
    }

    /** As {@link #widen(long, int, Env)}; {@code hi} holds the top two bytes of an 80-bit BCD operand. */
    static Env widen(long bits, long hi, int fmt, Env e) {
        return switch (fmt) {
            case FP32 -> F80.fromIeee(bits & 0xFFFF_FFFFL, 23, 8, e);
            case FP64 -> F80.fromIeee(bits, 52, 11, e);
            case I16 -> F80.fromInt((short) bits, e);
            case BCD -> F80.fromInt(F80.fromBcd(bits, hi), e);
            case I32 -> F80.fromInt((int) bits, e);
            default -> F80.fromInt(bits, e);
        };
    }

    /** The D8/DA/DC/DE memory forms: ST0 = ST0 op m32fp/m32int/m64fp/m16int. */
    public static void arithMem(CpuState s, int op, long bits, int fmt) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            underflowInto(r, 0, 0);
            return;
        }
        Env e = env(r);
        widen(bits, fmt, e);
        int se2 = e.se;
        long m2 = e.m;
        binary(op, se(r, 0), m(r, 0), se2, m2, e);
        if (raise(r, e)) {
            set(r, 0, e.se, e.m);
        }
    }

    // ---------------------------------------------------------------- comparisons

    private static long conditionBits(int c) {
        return switch (c) {
            case -1 -> C0;
            case 0 -> C3;
            case 1 -> 0;
            default -> C0 | C2 | C3;
        };
    }

    /** Sets C3 C2 C0 (C1 cleared) from a comparison; IE for any NaN (FCOM) or only SNaN (FUCOM). */
    private static boolean compareInto(long[] r, int se1, long m1, int se2, long m2, boolean quietOk, Env e) {
        int c = F80.compare(se1, m1, se2, m2, e);
        if (c == 2) {
            boolean signal = !quietOk || F80.isSNaN(se1, m1) || F80.isSNaN(se2, m2)
                    || F80.isUnsupported(se1, m1) || F80.isUnsupported(se2, m2);
            if (signal) {
                e.flags |= F80.IE;
            }
        }
        e.roundedUp = false;
        if (!raise(r, e)) {
            return false;
        }
        r[FSW] = (r[FSW] & ~CC) | conditionBits(c);
        return true;
    }

    /** FCOM/FCOMP/FCOMPP (unordered = 0) and FUCOM/FUCOMP/FUCOMPP (unordered = 1) of ST0 with ST(i). */
    public static void fcom(CpuState s, int i, int unordered, int pops) {
        long[] r = s.regs;
        if (!needs(r, 0, i)) {
            if (stackFault(r, false)) {
                r[FSW] = (r[FSW] & ~CC) | C0 | C2 | C3;
                for (int k = 0; k < pops; k++) {
                    pop(r);
                }
            }
            return;
        }
        if (compareInto(r, se(r, 0), m(r, 0), se(r, i), m(r, i), unordered != 0, env(r))) {
            for (int k = 0; k < pops; k++) {
                pop(r);
            }
        }
    }

    /** FCOM/FCOMP m32fp/m64fp, FICOM/FICOMP m16int/m32int. */
    public static void fcomMem(CpuState s, long bits, int fmt, int pop) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            if (stackFault(r, false)) {
                r[FSW] = (r[FSW] & ~CC) | C0 | C2 | C3;
                if (pop != 0) {
                    pop(r);
                }
            }
            return;
        }
        Env e = env(r);
        widen(bits, fmt, e);
        if (compareInto(r, se(r, 0), m(r, 0), e.se, e.m, false, e) && pop != 0) {
            pop(r);
        }
    }

    /** FTST: ST0 against +0.0. */
    public static void ftst(CpuState s) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            if (stackFault(r, false)) {
                r[FSW] = (r[FSW] & ~CC) | C0 | C2 | C3;
            }
            return;
        }
        compareInto(r, se(r, 0), m(r, 0), 0, 0, false, env(r));
    }

    /**
     * FCOMI/FCOMIP (unordered = 0), FUCOMI/FUCOMIP (1): ZF PF CF from ST0 against ST(i), OF SF
     * AF cleared; C1 cleared.
     */
    public static void fcomi(CpuState s, int i, int unordered, int pop) {
        long[] r = s.regs;
        int c;
        if (!needs(r, 0, i)) {
            if (!stackFault(r, false)) {
                return;
            }
            c = 2;
        } else {
            Env e = env(r);
            c = F80.compare(se(r, 0), m(r, 0), se(r, i), m(r, i), e);
            if (c == 2 && (unordered == 0 || F80.isSNaN(se(r, 0), m(r, 0)) || F80.isSNaN(se(r, i), m(r, i))
                    || F80.isUnsupported(se(r, 0), m(r, 0)) || F80.isUnsupported(se(r, i), m(r, i)))) {
                e.flags |= F80.IE;
            }
            e.roundedUp = false;
            if (!raise(r, e)) {
                return;
            }
        }
        X86Registers.setArithFlags(r, (c == 0 || c == 2 ? X86Flags.ZF : 0) | (c == 2 ? X86Flags.PF : 0)
                | (c == -1 || c == 2 ? X86Flags.CF : 0));
        r[FSW] &= ~C1;
        if (pop != 0) {
            pop(r);
        }
    }

    /** FXAM: the class of ST0 in C3 C2 C0, its sign in C1 (an empty register: C3 C0). */
    public static void fxam(CpuState s) {
        long[] r = s.regs;
        int se = se(r, 0);
        long m = m(r, 0);
        long cls;
        if (empty(r, 0)) {
            cls = C3 | C0;
        } else if (F80.isUnsupported(se, m)) {
            cls = 0;
        } else if (F80.isNaN(se, m)) {
            cls = C0;
        } else if (F80.isInf(se, m)) {
            cls = C2 | C0;
        } else if (F80.isZero(se, m)) {
            cls = C3;
        } else if (F80.isDenormal(se, m)) {
            cls = C3 | C2;
        } else {
            cls = C2;
        }
        r[FSW] = (r[FSW] & ~CC) | cls | (F80.sign(se) ? C1 : 0);
    }

    // ---------------------------------------------------------------- loads and stores

    /** FLD m32fp/m64fp/m80fp, FILD m16/m32/m64, FBLD: {@code lo} the bits (m80: the low 8 bytes), {@code hi} m80's top two bytes. */
    public static void fld(CpuState s, long lo, long hi, int fmt) {
        long[] r = s.regs;
        if (fmt == FP80) {
            if (!empty(r, 7) && !stackFault(r, true)) {
                return;
            }
            r[FSW] &= ~C1;
            push(r, (int) hi, lo);
            return;
        }
        Env e = env(r);
        widen(lo, hi, fmt, e);
        if (!empty(r, 7)) {
            if (stackFault(r, true)) {
                push(r, 0, 0);
            }
            return;
        }
        e.roundedUp = false;
        if (raise(r, e)) {
            push(r, e.se, e.m);
        }
    }

    /** FLD ST(i): pushes a copy. */
    public static void fldReg(CpuState s, int i) {
        long[] r = s.regs;
        if (empty(r, i)) {
            if (stackFault(r, false)) {
                push(r, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            return;
        }
        int se = se(r, i);
        long m = m(r, i);
        if (!empty(r, 7) && !stackFault(r, true)) {
            return;
        }
        r[FSW] &= ~C1;
        push(r, se, m);
    }

    /**
     * The constants of FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ (D9 E8..EE, k = 0..6)
     * as 128-bit significands {hi, lo} and unbiased exponents; rounded with RC like the
     * hardware's wider internal constants (none lies near a tie).
     */
    private static final long[][] CONSTANTS = {
        {0x8000_0000_0000_0000L, 0, 0},
        {0xD49A_784B_CD1B_8AFEL, 0x492B_F6FF_4DAF_DB4CL, 1},
        {0xB8AA_3B29_5C17_F0BBL, 0xBE87_FED0_691D_3E88L, 0},
        {0xC90F_DAA2_2168_C234L, 0xC4C6_628B_80DC_1CD1L, 1},
        {0x9A20_9A84_FBCF_F798L, 0x8F89_59AC_0B7C_9178L, -2},
        {0xB172_17F7_D1CF_79ABL, 0xC9E3_B398_03F2_F6AFL, -1},
    };

    public static void fldConst(CpuState s, int k) {
        long[] r = s.regs;
        if (!empty(r, 7)) {
            if (stackFault(r, true)) {
                push(r, 0, 0);
            }
            return;
        }
        r[FSW] &= ~C1;
        if (k == 6) {
            push(r, 0, 0);
            return;
        }
        long[] c = CONSTANTS[k];
        Env e = env(r);
        java.math.BigInteger mag = F80.mag(c[0]).shiftLeft(64).or(F80.mag(c[1]));
        F80.finish(false, mag, c[2] - 127, 64, e);
        push(r, e.se, e.m);
    }

    /** What FST/FSTP/FIST/FISTP/FISTTP stores for ST0 in {@code fmt} (FP80: part 0 significand, 1 sign and exponent). */
    public static long stValue(CpuState s, int fmt, int part, int truncate) {
        long[] r = s.regs;
        Env e = env(r);
        if (empty(r, 0)) {
            return indefinite(fmt, part);
        }
        return convert(r, fmt, part, truncate != 0, e);
    }

    private static long indefinite(int fmt, int part) {
        return switch (fmt) {
            case FP32 -> 0xFFC0_0000L;
            case FP64 -> 0xFFF8_0000_0000_0000L;
            case FP80 -> part == 0 ? F80.INDEFINITE_M : F80.INDEFINITE_SE;
            case BCD -> part == 0 ? 0xC000_0000_0000_0000L : 0xFFFF;
            case I16 -> 0x8000;
            case I32 -> 0x8000_0000L;
            default -> Long.MIN_VALUE;
        };
    }

    private static long convert(long[] r, int fmt, int part, boolean truncate, Env e) {
        int se = se(r, 0);
        long m = m(r, 0);
        return switch (fmt) {
            case FP32 -> F80.toIeee(se, m, 23, 8, e.rc, e);
            case FP64 -> F80.toIeee(se, m, 52, 11, e.rc, e);
            case FP80 -> part == 0 ? m : se;
            case I16 -> F80.toInt(se, m, 16, truncate ? F80.RC_ZERO : e.rc, e);
            case BCD -> F80.toBcd(se, m, e.rc, e)[part];
            case I32 -> F80.toInt(se, m, 32, truncate ? F80.RC_ZERO : e.rc, e);
            default -> F80.toInt(se, m, 64, truncate ? F80.RC_ZERO : e.rc, e);
        };
    }

    /** 1 when the store must not happen (an unmasked invalid or stack fault), else 0. */
    public static int stBlocked(CpuState s, int fmt, int truncate) {
        long[] r = s.regs;
        if (empty(r, 0)) {
            return unmasked(r, F80.IE) != 0 ? 1 : 0;
        }
        Env e = env(r);
        convert(r, fmt, 0, truncate != 0, e);
        return unmasked(r, e.flags & F80.IE) != 0 ? 1 : 0;
    }

    /** After the store: the conversion's flags (or the stack fault), C1, and the pop. */
    public static void stDone(CpuState s, int fmt, int truncate, int pop) {
        long[] r = s.regs;
        if (empty(r, 0)) {
            if (stackFault(r, false) && pop != 0) {
                pop(r);
            }
            return;
        }
        Env e = env(r);
        convert(r, fmt, 0, truncate != 0, e);
        if (raise(r, e) && pop != 0) {
            pop(r);
        }
    }

    /** FST/FSTP ST(i). */
    public static void fstReg(CpuState s, int i, int pop) {
        long[] r = s.regs;
        if (empty(r, 0)) {
            underflowInto(r, i, pop);
            return;
        }
        r[FSW] &= ~C1;
        set(r, i, se(r, 0), m(r, 0));
        if (pop != 0) {
            pop(r);
        }
    }

    // ---------------------------------------------------------------- register operations

    /** FXCH ST(i); an empty operand is an underflow whose masked response exchanges indefinites. */
    public static void fxch(CpuState s, int i) {
        long[] r = s.regs;
        if (!needs(r, 0, i)) {
            if (!stackFault(r, false)) {
                return;
            }
            for (int k : new int[] {0, i}) {
                if (empty(r, k)) {
                    set(r, k, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                }
            }
        } else {
            r[FSW] &= ~C1;
        }
        int se0 = se(r, 0);
        long m0 = m(r, 0);
        set(r, 0, se(r, i), m(r, i));
        set(r, i, se0, m0);
    }

    /** FFREE ST(i) [FFREEP: and pop]. */
    public static void ffree(CpuState s, int i, int pop) {
        long[] r = s.regs;
        r[FTW] &= ~(1L << phys(r, i));
        if (pop != 0) {
            pop(r);
        }
    }

    /** FINCSTP (+1) and FDECSTP (-1): TOP moves, tags stay; C1 cleared. */
    public static void fstp(CpuState s, int delta) {
        long[] r = s.regs;
        r[FPU_TOP] = (r[FPU_TOP] + delta) & 7;
        r[FSW] &= ~C1;
    }

    /** FCMOVcc ST0, ST(i) with the condition already evaluated. */
    public static void fcmov(CpuState s, int i, int cond) {
        long[] r = s.regs;
        if (!needs(r, 0, i)) {
            underflowInto(r, 0, 0);
            return;
        }
        r[FSW] &= ~C1;
        if (cond != 0) {
            set(r, 0, se(r, i), m(r, i));
        }
    }

    /** FCHS (0) and FABS (1): the sign only, no exception but a stack underflow. */
    public static void sign(CpuState s, int abs) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            underflowInto(r, 0, 0);
            return;
        }
        r[FSW] &= ~C1;
        int se = se(r, 0);
        set(r, 0, abs != 0 ? se & 0x7FFF : se ^ 0x8000, m(r, 0));
    }

    /** FSQRT (0), FRNDINT (1). */
    public static void unary(CpuState s, int op) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            underflowInto(r, 0, 0);
            return;
        }
        Env e = env(r);
        if (op == 0) {
            F80.sqrt(se(r, 0), m(r, 0), e);
        } else {
            F80.roundToInt(se(r, 0), m(r, 0), e.rc, e);
        }
        if (raise(r, e)) {
            set(r, 0, e.se, e.m);
        }
    }

    /** FSCALE: ST0 = ST0 * 2^trunc(ST1). */
    public static void fscale(CpuState s) {
        long[] r = s.regs;
        if (!needs(r, 0, 1)) {
            underflowInto(r, 0, 0);
            return;
        }
        Env e = env(r);
        F80.scaleBy(se(r, 0), m(r, 0), se(r, 1), m(r, 1), e);
        if (raise(r, e)) {
            set(r, 0, e.se, e.m);
        }
    }

    /** FXTRACT: ST0 becomes the exponent, then the significand is pushed. */
    public static void fxtract(CpuState s) {
        long[] r = s.regs;
        if (!needs(r, 0)) {
            if (stackFault(r, false)) {
                set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                push(r, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            return;
        }
        if (!empty(r, 7)) {
            if (stackFault(r, true)) {
                set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                push(r, F80.INDEFINITE_SE, F80.INDEFINITE_M);
            }
            return;
        }
        Env e = env(r);
        long[] x = F80.extract(se(r, 0), m(r, 0), e);
        e.roundedUp = false;
        if (raise(r, e)) {
            set(r, 0, (int) x[0], x[1]);
            push(r, (int) x[2], x[3]);
        }
    }

    /** FPREM (0) and FPREM1 (1): ST0 = partial remainder of ST0 / ST1; C2 and the quotient bits in C0 C3 C1. */
    public static void fprem(CpuState s, int nearest) {
        long[] r = s.regs;
        if (!needs(r, 0, 1)) {
            if (stackFault(r, false)) {
                set(r, 0, F80.INDEFINITE_SE, F80.INDEFINITE_M);
                r[FSW] &= ~C2;
            }
            return;
        }
        Env e = env(r);
        long[] x = F80.remainder(se(r, 0), m(r, 0), se(r, 1), m(r, 1), nearest != 0, e);
        e.roundedUp = false;
        long keep = r[FSW] & CC;
        if (raise(r, e)) {
            set(r, 0, (int) x[0], x[1]);
            boolean invalid = (e.flags & F80.IE) != 0;
            if ((x[2] & C2) != 0) {
                r[FSW] = (r[FSW] & ~CC) | (keep & ~C2) | C2;
            } else {
                r[FSW] = (r[FSW] & ~CC) | (invalid ? 0 : x[2]);
            }
        }
    }

    // ---------------------------------------------------------------- control

    /** FNSTSW: the status word with TOP. */
    public static long fnstsw(CpuState s) {
        return FpuImages.statusWord(s.regs);
    }

    /** FNCLEX: clears the exception flags, SF, ES and B. */
    public static void fnclex(CpuState s) {
        s.regs[FSW] &= 0x7F00;
    }

    /** FNINIT. */
    public static void fninit(CpuState s) {
        FpuImages.init(s.regs);
    }

    /** FLDCW: reserved bits dropped; a pending unmasked exception sets ES and B again. */
    public static void fldcw(CpuState s, long cw) {
        long[] r = s.regs;
        r[FCW] = cw & 0x1F3F | 0x40;
        if (unmasked(r, (int) r[FSW]) != 0) {
            r[FSW] |= ES | B;
        } else {
            r[FSW] &= ~(ES | B);
        }
    }
}

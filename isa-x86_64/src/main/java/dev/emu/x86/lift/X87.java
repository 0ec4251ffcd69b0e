package dev.emu.x86.lift;

import static dev.emu.x86.x87.X87Ops.BCD;
import static dev.emu.x86.x87.X87Ops.FP32;
import static dev.emu.x86.x87.X87Ops.FP64;
import static dev.emu.x86.x87.X87Ops.FP80;
import static dev.emu.x86.x87.X87Ops.I16;
import static dev.emu.x86.x87.X87Ops.I32;
import static dev.emu.x86.x87.X87Ops.I64;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Label;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.x87.X87Memory;
import dev.emu.x86.x87.X87Ops;
import dev.emu.x86.x87.X87Transcendental;

/**
 * The x87 escapes D8..DF (SDM Vol. 2 Appendix A.4, Tables ). The arithmetic lives
 * in {@link X87Ops} (80-bit, see {@code FP80}); here the operands are fetched: memory operands
 * are loaded and stored by the generated code, before the helper changes the FPU, so a
 * faulting access leaves it as it was. Register forms take ST(i) from ModRM.rm (REX.B is
 * ignored, as the hardware does).
 */
public final class X87 {
    private X87() {}

    static final Helper ARITH = Helper.of(X87Ops.class, "arith");
    static final Helper ARITH_MEM = Helper.of(X87Ops.class, "arithMem");
    static final Helper FCOM = Helper.of(X87Ops.class, "fcom");
    static final Helper FCOM_MEM = Helper.of(X87Ops.class, "fcomMem");
    static final Helper FCOMI = Helper.of(X87Ops.class, "fcomi");
    static final Helper FTST = Helper.of(X87Ops.class, "ftst");
    static final Helper FXAM = Helper.of(X87Ops.class, "fxam");
    static final Helper FLD = Helper.of(X87Ops.class, "fld");
    static final Helper FLD_REG = Helper.of(X87Ops.class, "fldReg");
    static final Helper FLD_CONST = Helper.of(X87Ops.class, "fldConst");
    static final Helper ST_VALUE = Helper.of(X87Ops.class, "stValue");
    static final Helper ST_BLOCKED = Helper.of(X87Ops.class, "stBlocked");
    static final Helper ST_DONE = Helper.of(X87Ops.class, "stDone");
    static final Helper FST_REG = Helper.of(X87Ops.class, "fstReg");
    static final Helper FXCH = Helper.of(X87Ops.class, "fxch");
    static final Helper FFREE = Helper.of(X87Ops.class, "ffree");
    static final Helper FSTP_MOVE = Helper.of(X87Ops.class, "fstp");
    static final Helper FCMOV = Helper.of(X87Ops.class, "fcmov");
    static final Helper SIGN = Helper.of(X87Ops.class, "sign");
    static final Helper UNARY = Helper.of(X87Ops.class, "unary");
    static final Helper FSCALE = Helper.of(X87Ops.class, "fscale");
    static final Helper FXTRACT = Helper.of(X87Ops.class, "fxtract");
    static final Helper FPREM = Helper.of(X87Ops.class, "fprem");
    static final Helper TRANSCENDENTAL = Helper.of(X87Transcendental.class, "exec");
    static final Helper FNSTSW = Helper.of(X87Ops.class, "fnstsw");
    static final Helper FNCLEX = Helper.of(X87Ops.class, "fnclex");
    static final Helper FNINIT = Helper.of(X87Ops.class, "fninit");
    static final Helper FLDCW = Helper.of(X87Ops.class, "fldcw");
    static final Helper FNSTENV = Helper.of(X87Memory.class, "fnstenv");
    static final Helper FLDENV = Helper.of(X87Memory.class, "fldenv");
    static final Helper FNSAVE = Helper.of(X87Memory.class, "fnsave");
    static final Helper FRSTOR = Helper.of(X87Memory.class, "frstor");
    static final Helper FXSAVE = Helper.of(X87Memory.class, "fxsave");
    static final Helper FXRSTOR = Helper.of(X87Memory.class, "fxrstor");

    private static Value i32(LiftContext c, int v) {
        return c.b.c32(v);
    }

    private static int sti(X86Insn i) {
        return i.rm & 7;
    }

    private static int bits(int fmt) {
        return switch (fmt) {
            case I16 -> 16;
            case FP32, I32 -> 32;
            default -> 64;
        };
    }

    /** The memory operand of {@code fmt} as an I64 of its bits. */
    private static Value loadOperand(LiftContext c, int fmt) {
        return c.b.zext64(c.load(bits(fmt), c.ea()));
    }

    /** The format of the arithmetic escapes' memory operand: D8 m32fp, DA m32int, DC m64fp, DE m16int. */
    private static int arithFormat(X86Insn i) {
        return switch (i.opcode) {
            case 0xD8 -> FP32;
            case 0xDA -> I32;
            case 0xDC -> FP64;
            default -> I16;
        };
    }

    // ---------------------------------------------------------------- arithmetic

    /** FADD FMUL FCOM FCOMP FSUB FSUBR FDIV FDIVR with m32fp/m64fp, FIADD ... FIDIVR with m16int/m32int. */
    public static void ARITH_m(LiftContext c, X86Insn i) {
        int op = i.regOp();
        int fmt = arithFormat(i);
        Value v = loadOperand(c, fmt);
        if (op == 2 || op == 3) {
            c.b.call(FCOM_MEM, v, i32(c, fmt), i32(c, op - 2));
        } else {
            c.b.call(ARITH_MEM, i32(c, op), v, i32(c, fmt));
        }
    }

    /** D8 /r: ST0 = ST0 op ST(i); FCOM/FCOMP ST(i) at D0/D8. */
    public static void ARITH_ST0_STi(LiftContext c, X86Insn i) {
        int op = i.regOp();
        if (op == 2 || op == 3) {
            c.b.call(FCOM, i32(c, sti(i)), i32(c, 0), i32(c, op - 2));
        } else {
            c.b.call(ARITH, i32(c, op), i32(c, 0), i32(c, sti(i)), i32(c, 0));
        }
    }

    /**
     * DC /r and DE /r: ST(i) = ST(i) op ST0 [and pop]. In these forms E0/F0 are the reversed
     * ones (FSUBR, FDIVR) and E8/F8 the plain ones, the opposite of D8's reg numbering.
     * DC D0/D8 and DE D0 are the undocumented aliases of FCOM/FCOMP ST(i); DE D9 is FCOMPP.
     */
    public static void ARITH_STi_ST0(LiftContext c, X86Insn i) {
        int op = i.regOp();
        int pop = i.opcode == 0xDE ? 1 : 0;
        if (op == 2 || op == 3) {
            int pops = op - 2;
            if (i.opcode == 0xDE && op == 3) {
                if (sti(i) != 1) {
                    c.illegal();
                    return;
                }
                pops = 2; // FCOMPP
            } else if (i.opcode == 0xDE) {
                pops = 1;
            }
            c.b.call(FCOM, i32(c, sti(i)), i32(c, 0), i32(c, pops));
            return;
        }
        int swapped = op >= 4 ? op ^ 1 : op;
        c.b.call(ARITH, i32(c, swapped), i32(c, sti(i)), i32(c, 0), i32(c, pop));
    }

    // ---------------------------------------------------------------- loads and stores

    /** FLD m32fp/m64fp, FILD m16int/m32int/m64int. */
    public static void FLD_m(LiftContext c, X86Insn i, int fmt) {
        c.b.call(FLD, loadOperand(c, fmt), c.b.c64(0), i32(c, fmt));
    }

    /** FLD m80fp (DB /5) and FBLD m80bcd (DF /4): ten bytes. */
    public static void FLD_m80(LiftContext c, X86Insn i, int fmt) {
        Value lo = c.load(64, c.ea());
        Value hi = c.b.zext64(c.load(16, c.address(i.disp, 8)));
        c.b.call(FLD, lo, hi, i32(c, fmt));
    }

    /** FST/FSTP m32fp/m64fp/m80fp, FIST/FISTP/FISTTP m16/m32/m64: the store is skipped when an unmasked invalid stops it. */
    public static void store(LiftContext c, X86Insn i, int fmt, int truncate, int pop) {
        IrBuilder b = c.b;
        Label skip = b.newLabel();
        b.brIf(b.cmpNe(b.call(ST_BLOCKED, i32(c, fmt), i32(c, truncate)), b.c32(0)), skip);
        Value lo = b.call(ST_VALUE, i32(c, fmt), i32(c, 0), i32(c, truncate));
        if (fmt == FP80 || fmt == BCD) {
            Value hi = b.call(ST_VALUE, i32(c, fmt), i32(c, 1), i32(c, truncate));
            c.store(c.ea(), lo, 64);
            c.store(c.address(i.disp, 8), b.trunc32(hi), 16);
        } else {
            int n = bits(fmt);
            c.store(c.ea(), n == 64 ? lo : b.trunc32(lo), n);
        }
        b.label(skip);
        b.call(ST_DONE, i32(c, fmt), i32(c, truncate), i32(c, pop));
    }

    // ---------------------------------------------------------------- D9

    /** D9 memory forms: FLD m32, FST m32, FSTP m32, FLDENV, FLDCW, FNSTENV, FNSTCW. */
    public static void D9_m(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        switch (i.regOp()) {
            case 0 -> FLD_m(c, i, FP32);
            case 2 -> store(c, i, FP32, 0, 0);
            case 3 -> store(c, i, FP32, 0, 1);
            case 4 -> b.call(FLDENV, c.ea());
            case 5 -> b.call(FLDCW, b.zext64(c.load(16, c.ea())));
            case 6 -> b.call(FNSTENV, c.ea());
            case 7 -> c.store(c.ea(), b.getReg32(X86Registers.FCW), 16);
            default -> c.illegal();
        }
    }

    /** D9 register forms: FLD ST(i), FXCH, FNOP, FCHS FABS FTST FXAM, the constants, and the D9 F0..FF group. */
    public static void D9_r(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int modrm = 0xC0 | i.regOp() << 3 | sti(i);
        switch (i.regOp()) {
            case 0 -> b.call(FLD_REG, i32(c, sti(i)));
            case 1 -> b.call(FXCH, i32(c, sti(i)));
            case 2 -> {
                if (modrm != 0xD0) {
                    c.illegal();
                }
                // FNOP
            }
            case 4 -> {
                switch (modrm) {
                    case 0xE0 -> b.call(SIGN, i32(c, 0));
                    case 0xE1 -> b.call(SIGN, i32(c, 1));
                    case 0xE4 -> b.call(FTST);
                    case 0xE5 -> b.call(FXAM);
                    default -> c.illegal();
                }
            }
            case 5 -> {
                if (modrm == 0xEF) {
                    c.illegal();
                } else {
                    b.call(FLD_CONST, i32(c, modrm - 0xE8));
                }
            }
            case 6 -> {
                switch (modrm) {
                    case 0xF4 -> b.call(FXTRACT);
                    case 0xF5 -> b.call(FPREM, i32(c, 1));
                    case 0xF6 -> b.call(FSTP_MOVE, i32(c, -1));
                    case 0xF7 -> b.call(FSTP_MOVE, i32(c, 1));
                    default -> b.call(TRANSCENDENTAL, i32(c, modrm)); // F0 F2XM1 F1 FYL2X F2 FPTAN F3 FPATAN
                }
            }
            case 7 -> {
                switch (modrm) {
                    case 0xF8 -> b.call(FPREM, i32(c, 0));
                    case 0xFA -> b.call(UNARY, i32(c, 0));
                    case 0xFC -> b.call(UNARY, i32(c, 1));
                    case 0xFD -> b.call(FSCALE);
                    default -> b.call(TRANSCENDENTAL, i32(c, modrm)); // F9 FYL2XP1 FB FSINCOS FE FSIN FF FCOS
                }
            }
            default -> c.illegal();
        }
    }

    // ---------------------------------------------------------------- DA, DB

    /** FCMOVB/E/BE/U (DA) and FCMOVNB/NE/NBE/NU (DB): the conditions of JB, JE, JBE, JP and their negations. */
    private static void fcmov(LiftContext c, X86Insn i, boolean negate) {
        int[] cc = {0x2, 0x4, 0x6, 0xA};
        Value cond = c.condition(cc[i.regOp()] | (negate ? 1 : 0));
        c.b.call(FCMOV, i32(c, sti(i)), cond);
    }

    /** DA register forms: FCMOVcc, FUCOMPP (DA E9). */
    public static void DA_r(LiftContext c, X86Insn i) {
        if (i.regOp() < 4) {
            fcmov(c, i, false);
        } else if (i.regOp() == 5 && sti(i) == 1) {
            c.b.call(FCOM, i32(c, 1), i32(c, 1), i32(c, 2));
        } else {
            c.illegal();
        }
    }

    /** DB memory forms: FILD m32, FISTTP m32, FIST m32, FISTP m32, FLD m80, FSTP m80. */
    public static void DB_m(LiftContext c, X86Insn i) {
        switch (i.regOp()) {
            case 0 -> FLD_m(c, i, I32);
            case 1 -> store(c, i, I32, 1, 1);
            case 2 -> store(c, i, I32, 0, 0);
            case 3 -> store(c, i, I32, 0, 1);
            case 5 -> FLD_m80(c, i, FP80);
            case 7 -> store(c, i, FP80, 0, 1);
            default -> c.illegal();
        }
    }

    /** DB register forms: FCMOVNcc, FNCLEX, FNINIT (and the 8087/287 no-ops FENI FDISI FSETPM), FUCOMI, FCOMI. */
    public static void DB_r(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        switch (i.regOp()) {
            case 0, 1, 2, 3 -> fcmov(c, i, true);
            case 4 -> {
                switch (sti(i)) {
                    case 0, 1, 4 -> { } // FENI, FDISI, FSETPM: no-ops since the 287
                    case 2 -> b.call(FNCLEX);
                    case 3 -> b.call(FNINIT);
                    default -> c.illegal();
                }
            }
            case 5 -> {
                b.call(FCOMI, i32(c, sti(i)), i32(c, 1), i32(c, 0));
                Flags.unknown(c);
            }
            case 6 -> {
                b.call(FCOMI, i32(c, sti(i)), i32(c, 0), i32(c, 0));
                Flags.unknown(c);
            }
            default -> c.illegal();
        }
    }

    // ---------------------------------------------------------------- DD, DF

    /** DD memory forms: FLD m64, FISTTP m64, FST m64, FSTP m64, FRSTOR, FNSAVE, FNSTSW m16. */
    public static void DD_m(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        switch (i.regOp()) {
            case 0 -> FLD_m(c, i, FP64);
            case 1 -> store(c, i, I64, 1, 1);
            case 2 -> store(c, i, FP64, 0, 0);
            case 3 -> store(c, i, FP64, 0, 1);
            case 4 -> b.call(FRSTOR, c.ea());
            case 6 -> b.call(FNSAVE, c.ea());
            case 7 -> c.store(c.ea(), b.trunc32(b.call(FNSTSW)), 16);
            default -> c.illegal();
        }
    }

    /** DD register forms: FFREE, FXCH (alias), FST ST(i), FSTP ST(i), FUCOM, FUCOMP. */
    public static void DD_r(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        switch (i.regOp()) {
            case 0 -> b.call(FFREE, i32(c, sti(i)), i32(c, 0));
            case 1 -> b.call(FXCH, i32(c, sti(i)));
            case 2 -> b.call(FST_REG, i32(c, sti(i)), i32(c, 0));
            case 3 -> b.call(FST_REG, i32(c, sti(i)), i32(c, 1));
            case 4 -> b.call(FCOM, i32(c, sti(i)), i32(c, 1), i32(c, 0));
            case 5 -> b.call(FCOM, i32(c, sti(i)), i32(c, 1), i32(c, 1));
            default -> c.illegal();
        }
    }

    /** DF memory forms: FILD m16, FISTTP m16, FIST m16, FISTP m16, FBLD, FILD m64, FBSTP, FISTP m64. */
    public static void DF_m(LiftContext c, X86Insn i) {
        switch (i.regOp()) {
            case 0 -> FLD_m(c, i, I16);
            case 1 -> store(c, i, I16, 1, 1);
            case 2 -> store(c, i, I16, 0, 0);
            case 3 -> store(c, i, I16, 0, 1);
            case 4 -> FLD_m80(c, i, BCD);
            case 5 -> FLD_m(c, i, I64);
            case 6 -> store(c, i, BCD, 0, 1);
            case 7 -> store(c, i, I64, 0, 1);
            default -> c.illegal();
        }
    }

    /** DF register forms: FFREEP, the FXCH/FSTP aliases, FNSTSW AX, FUCOMIP, FCOMIP. */
    public static void DF_r(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        switch (i.regOp()) {
            case 0 -> b.call(FFREE, i32(c, sti(i)), i32(c, 1));
            case 1 -> b.call(FXCH, i32(c, sti(i)));
            case 2, 3 -> b.call(FST_REG, i32(c, sti(i)), i32(c, 1));
            case 4 -> {
                if (sti(i) != 0) {
                    c.illegal();
                    return;
                }
                c.setReg(16, X86Registers.RAX, b.trunc32(b.call(FNSTSW)));
            }
            case 5 -> {
                b.call(FCOMI, i32(c, sti(i)), i32(c, 1), i32(c, 1));
                Flags.unknown(c);
            }
            case 6 -> {
                b.call(FCOMI, i32(c, sti(i)), i32(c, 0), i32(c, 1));
                Flags.unknown(c);
            }
            default -> c.illegal();
        }
    }

    // ---------------------------------------------------------------- 0F AE

    /** FXSAVE m512 (0F AE /0): x87, MXCSR and XMM0..15; a misaligned operand is #GP. */
    public static void FXSAVE(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        b.exitIf(b.cmpNe(b.call(FXSAVE, c.ea()), b.c32(0)), b.c64(c.pc()));
    }

    /** FXRSTOR m512 (0F AE /1). */
    public static void FXRSTOR(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        b.exitIf(b.cmpNe(b.call(FXRSTOR, c.ea()), b.c32(0)), b.c64(c.pc()));
    }
}

package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.LR;
import static dev.emu.arm32.Arm32Registers.SP;

import dev.emu.arm32.lift.DataProcessing.Alu;
import dev.emu.arm32.lift.LoadStore.Kind;
import dev.emu.arm32.lift.Shifter.Shifted;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

/**
 * A6.2 16-bit Thumb instruction encodings. The flag-setting forms set flags only outside an
 * IT block (A6.2: "setflags = !InITBlock()"); compares always do. Fields: 'd' Rd (or
 * Rdn), 'n' Rn, 'm' Rm, 't' Rt, 'i' immediate, 'r' register list, 'D'/'N' the high bit of
 * a 4-bit register number, 'o' an opcode.
 */
public final class Thumb16 {
    private Thumb16() {}

    private static boolean flags(LiftContext c) {
        return !c.inItBlock();
    }

    private static Shifted plain(Value v) {
        return new Shifted(v, null);
    }

    // ---------------------------------------------------------------- A6.2.1 shift, add, subtract, move, compare
    private static void shiftImm(LiftContext c, Fields f, int type) {
        boolean s = flags(c);
        Shifted op = Shifter.immShift(c, c.reg(f.get('m')), type, f.get('i'), s);
        DataProcessing.apply(c, Alu.MOV, s, f.get('d'), 0, op);
    }

    /** LSL (immediate) T1; with imm5 = 0 it is MOV (register) T2 (MOVS Rd, Rm). */
    public static void LSL_imm(LiftContext c, Fields f) { shiftImm(c, f, Shifter.LSL); }
    public static void LSR_imm(LiftContext c, Fields f) { shiftImm(c, f, Shifter.LSR); }
    public static void ASR_imm(LiftContext c, Fields f) { shiftImm(c, f, Shifter.ASR); }

    public static void ADD_reg_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.ADD, flags(c), f.get('d'), f.get('n'), plain(c.reg(f.get('m'))));
    }

    public static void SUB_reg_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.SUB, flags(c), f.get('d'), f.get('n'), plain(c.reg(f.get('m'))));
    }

    public static void ADD_imm_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.ADD, flags(c), f.get('d'), f.get('n'), plain(c.c32(f.get('i'))));
    }

    public static void SUB_imm_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.SUB, flags(c), f.get('d'), f.get('n'), plain(c.c32(f.get('i'))));
    }

    public static void MOV_imm_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.MOV, flags(c), f.get('d'), 0, plain(c.c32(f.get('i'))));
    }

    public static void CMP_imm_T1(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.CMP, true, 0, f.get('n'), plain(c.c32(f.get('i'))));
    }

    public static void ADD_imm_T2(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.ADD, flags(c), f.get('d'), f.get('d'), plain(c.c32(f.get('i'))));
    }

    public static void SUB_imm_T2(LiftContext c, Fields f) {
        DataProcessing.apply(c, Alu.SUB, flags(c), f.get('d'), f.get('d'), plain(c.c32(f.get('i'))));
    }

    // ---------------------------------------------------------------- A6.2.2 data processing
    private static final Alu[] DP = {
        Alu.AND, Alu.EOR, null, null, null, Alu.ADC, Alu.SBC, null,
        Alu.TST, Alu.RSB, Alu.CMP, Alu.CMN, Alu.ORR, null, Alu.BIC, Alu.MVN,
    };

    /** AND, EOR, LSL, LSR, ASR, ADC, SBC, ROR, TST, RSB #0, CMP, CMN, ORR, MUL, BIC, MVN (register) T1. */
    public static void DATA_PROC(LiftContext c, Fields f) {
        int op = f.get('o');
        int d = f.get('d'), m = f.get('m');
        boolean s = flags(c);
        switch (op) {
            case 2, 3, 4, 7 -> { // shifts by register: Rdn = Rdn <shift> Rm
                int type = op == 2 ? Shifter.LSL : op == 3 ? Shifter.LSR : op == 4 ? Shifter.ASR : Shifter.ROR;
                Shifted sh = Shifter.regShift(c, c.reg(d), type, c.reg(m), s);
                DataProcessing.apply(c, Alu.MOV, s, d, 0, sh);
            }
            case 9 -> DataProcessing.apply(c, Alu.RSB, s, d, m, plain(c.c32(0))); // RSBS Rd, Rn, #0
            case 13 -> { // MULS Rdm, Rn, Rdm
                Value r = c.b.mul(c.reg(m), c.reg(d));
                if (s) {
                    c.setNZ(r, null);
                }
                c.setReg(d, r);
            }
            default -> {
                Alu alu = DP[op];
                DataProcessing.apply(c, alu, alu.compare() || s, alu.compare() ? 0 : d, alu.usesRn() ? d : 0,
                        plain(c.reg(m)));
            }
        }
    }

    // ---------------------------------------------------------------- A6.2.3 special data, branch and exchange
    /** ADD (register) T2: Rdn = Rdn + Rm, no flags; to the pc it is a branch. */
    public static void ADD_reg_T2(LiftContext c, Fields f) {
        int d = f.get('D') << 3 | f.get('d');
        int m = f.get('m');
        if (d == 15 && m == 15) {
            c.illegal();
            return;
        }
        DataProcessing.apply(c, Alu.ADD, false, d, d, plain(c.reg(m)));
    }

    public static void CMP_reg_T2(LiftContext c, Fields f) {
        int n = f.get('N') << 3 | f.get('n');
        DataProcessing.apply(c, Alu.CMP, true, 0, n, plain(c.reg(f.get('m'))));
    }

    /** MOV (register) T1: no flags; MOV PC, Rm is a branch (BranchWritePC in Thumb). */
    public static void MOV_reg_T1(LiftContext c, Fields f) {
        int d = f.get('D') << 3 | f.get('d');
        DataProcessing.apply(c, Alu.MOV, false, d, 0, plain(c.reg(f.get('m'))));
    }

    public static void BX_T1(LiftContext c, Fields f) {
        c.bxWritePc(c.reg(f.get('m')));
    }

    public static void BLX_reg_T1(LiftContext c, Fields f) {
        Branches.BLX_reg(c, f);
    }

    // ---------------------------------------------------------------- A6.2.4 load/store single data item
    private static final Kind[] REG_KINDS = {
        Kind.WORD, Kind.HALF, Kind.BYTE, Kind.SBYTE, Kind.WORD, Kind.HALF, Kind.BYTE, Kind.SHALF,
    };

    /** STR, STRH, STRB, LDRSB, LDR, LDRH, LDRB, LDRSH (register) T1. */
    public static void LOAD_STORE_reg(LiftContext c, Fields f) {
        int op = f.get('o');
        boolean load = op >= 3;
        LoadStore.single(c, load, REG_KINDS[op], f.get('t'), f.get('n'), c.reg(f.get('m')), true, true, false);
    }

    private static void immOffset(LiftContext c, Fields f, boolean load, Kind kind, int scale) {
        LoadStore.single(c, load, kind, f.get('t'), f.get('n'), c.c32((long) f.get('i') * scale), true, true, false);
    }

    public static void STR_imm_T1(LiftContext c, Fields f) { immOffset(c, f, false, Kind.WORD, 4); }
    public static void LDR_imm_T1(LiftContext c, Fields f) { immOffset(c, f, true, Kind.WORD, 4); }
    public static void STRB_imm_T1(LiftContext c, Fields f) { immOffset(c, f, false, Kind.BYTE, 1); }
    public static void LDRB_imm_T1(LiftContext c, Fields f) { immOffset(c, f, true, Kind.BYTE, 1); }
    public static void STRH_imm_T1(LiftContext c, Fields f) { immOffset(c, f, false, Kind.HALF, 2); }
    public static void LDRH_imm_T1(LiftContext c, Fields f) { immOffset(c, f, true, Kind.HALF, 2); }

    public static void STR_sp_T2(LiftContext c, Fields f) {
        LoadStore.single(c, false, Kind.WORD, f.get('t'), 13, c.c32(f.get('i') * 4L), true, true, false);
    }

    public static void LDR_sp_T2(LiftContext c, Fields f) {
        LoadStore.single(c, true, Kind.WORD, f.get('t'), 13, c.c32(f.get('i') * 4L), true, true, false);
    }

    /** LDR (literal) T1: [Align(PC, 4) + imm8 * 4]. */
    public static void LDR_lit_T1(LiftContext c, Fields f) {
        LoadStore.single(c, true, Kind.WORD, f.get('t'), 15, c.c32(f.get('i') * 4L), true, true, false);
    }

    /** ADR T1. */
    public static void ADR_T1(LiftContext c, Fields f) {
        c.setReg(f.get('d'), c.c32(c.alignedPc() + f.get('i') * 4L));
    }

    /** ADD (SP plus immediate) T1: Rd = SP + imm8 * 4. */
    public static void ADD_sp_T1(LiftContext c, Fields f) {
        c.setReg(f.get('d'), c.b.add(c.b.getReg32(SP), c.c32(f.get('i') * 4L)));
    }

    // ---------------------------------------------------------------- A6.2.5 miscellaneous
    public static void ADD_sp_T2(LiftContext c, Fields f) {
        c.setReg(13, c.b.add(c.b.getReg32(SP), c.c32(f.get('i') * 4L)));
    }

    public static void SUB_sp_T1(LiftContext c, Fields f) {
        c.setReg(13, c.b.sub(c.b.getReg32(SP), c.c32(f.get('i') * 4L)));
    }

    /** CBZ, CBNZ: forward by i:imm5:'0' from PC + 4; never in an IT block. */
    public static void CBZ_CBNZ(LiftContext c, Fields f) {
        if (c.inItBlock()) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value v = c.reg(f.get('n'));
        Value zero = b.cmpEq(v, b.c32(0));
        Value taken = f.get('o') == 1 ? b.xor(zero, b.c32(1)) : zero;
        b.exitIf(taken, b.c64(c.pcValue() + f.get('i') * 2L));
        c.endBlock();
    }

    public static void SXTH_T1(LiftContext c, Fields f) { Media.SXTH(c, f); }
    public static void SXTB_T1(LiftContext c, Fields f) { Media.SXTB(c, f); }
    public static void UXTH_T1(LiftContext c, Fields f) { Media.UXTH(c, f); }
    public static void UXTB_T1(LiftContext c, Fields f) { Media.UXTB(c, f); }
    public static void REV_T1(LiftContext c, Fields f) { Media.REV(c, f); }
    public static void REV16_T1(LiftContext c, Fields f) { Media.REV16(c, f); }
    public static void REVSH_T1(LiftContext c, Fields f) { Media.REVSH(c, f); }

    /** PUSH T1: STMDB SP!, {r0-r7, LR if M}. */
    public static void PUSH_T1(LiftContext c, Fields f) {
        int list = f.get('r') | f.get('M') << LR;
        LoadStoreMultiple.transfer(c, false, 13, list, false, true, true);
    }

    /** POP T1: LDMIA SP!, {r0-r7, PC if P}. */
    public static void POP_T1(LiftContext c, Fields f) {
        int list = f.get('r') | f.get('P') << 15;
        LoadStoreMultiple.transfer(c, true, 13, list, true, false, true);
    }

    public static void BKPT_T1(LiftContext c, Fields f) {
        c.trap(TrapKind.BREAKPOINT, c.pc(), f.get('i'));
    }

    /** IT (A8.8 IT): the next up to four instructions run under firstcond and mask. */
    public static void IT(LiftContext c, Fields f) {
        int first = f.get('c');
        int mask = f.get('k');
        if (first == 15 || first == 14 && Integer.bitCount(mask) != 1 || c.inItBlock()) {
            c.illegal();
            return;
        }
        c.setItAfter(first << 4 | mask);
    }

    public static void HINT_T1(LiftContext c, Fields f) {
    }

    // ---------------------------------------------------------------- A6.2 others
    /** STM T1: STMIA Rn!, {list}. */
    public static void STM_T1(LiftContext c, Fields f) {
        LoadStoreMultiple.transfer(c, false, f.get('n'), f.get('r'), true, false, true);
    }

    /** LDM T1: LDMIA Rn{!}, {list}: writeback unless Rn is in the list. */
    public static void LDM_T1(LiftContext c, Fields f) {
        int n = f.get('n'), list = f.get('r');
        LoadStoreMultiple.transfer(c, true, n, list, true, false, (list & (1 << n)) == 0);
    }

    /** B T1 (conditional): imm8 halfwords from PC + 4; not in an IT block. */
    public static void B_T1(LiftContext c, Fields f) {
        if (c.inItBlock()) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        b.exitIf(c.condition(f.get('c')), b.c64((c.pcValue() + f.signed('i') * 2L) & 0xFFFF_FFFFL));
        c.endBlock();
    }

    /** B T2: imm11 halfwords. */
    public static void B_T2(LiftContext c, Fields f) {
        if (c.inItBlock() && !c.lastInItBlock()) {
            c.illegal();
            return;
        }
        c.branchTo(c.pcValue() + f.signed('i') * 2L, true);
    }

    public static void UDF_T1(LiftContext c, Fields f) {
        c.illegal();
    }

    public static void SVC_T1(LiftContext c, Fields f) {
        c.trap(TrapKind.SYSCALL, c.nextPc(), f.get('i'));
    }
}

package dev.emu.arm32.lift;

import dev.emu.arm32.lift.Shifter.Shifted;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A5.2.1-A5.2.3 Data-processing (register, register-shifted register) and A5.2.3 (immediate)
 * in A32, and the shared ALU the Thumb data-processing encodings use: one operation table
 * (AND ... MVN, and Thumb's ORN) applied to Rn and a shifter operand.
 */
public final class DataProcessing {
    private DataProcessing() {}

    /** The sixteen A32 data-processing opcodes in opcode order, then Thumb-only ORN. */
    public enum Alu {
        AND, EOR, SUB, RSB, ADD, ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, MOV, BIC, MVN, ORN;

        /** Whether S sets C from the shifter (rather than from the adder). */
        public boolean logical() {
            return switch (this) {
                case AND, EOR, TST, TEQ, ORR, MOV, BIC, MVN, ORN -> true;
                default -> false;
            };
        }

        /** Whether the result is discarded (the test and compare instructions). */
        public boolean compare() {
            return this == TST || this == TEQ || this == CMP || this == CMN;
        }

        public boolean usesRn() {
            return this != MOV && this != MVN;
        }
    }

    /**
     * Computes {@code op} of R<n> and the operand, sets the flags if {@code s}, writes R<d>
     * (R15: ALUWritePC). A32 forbids S with Rd = PC in user mode (it is an exception return).
     */
    public static void apply(LiftContext c, Alu op, boolean s, int d, int n, Shifted operand) {
        IrBuilder b = c.b;
        if (d == 15 && s && !op.compare()) {
            c.illegal();
            return;
        }
        Value y = operand.value();
        Value x = op.usesRn() ? c.reg(n) : null;
        Value r = switch (op) {
            case AND, TST -> b.and(x, y);
            case EOR, TEQ -> b.xor(x, y);
            case ORR -> b.or(x, y);
            case ORN -> b.or(x, b.not(y));
            case BIC -> b.and(x, b.not(y));
            case MOV -> y;
            case MVN -> b.not(y);
            case SUB, CMP -> c.addWithCarry(x, b.not(y), null, 1, s);
            case RSB -> c.addWithCarry(b.not(x), y, null, 1, s);
            case ADD, CMN -> c.addWithCarry(x, y, null, 0, s);
            case ADC -> c.addWithCarry(x, y, c.carryFlag(), 0, s);
            case SBC -> c.addWithCarry(x, b.not(y), c.carryFlag(), 0, s);
            case RSC -> c.addWithCarry(b.not(x), y, c.carryFlag(), 0, s);
        };
        if (s && op.logical()) {
            c.setNZ(r, operand.carry());
        }
        if (op.compare()) {
            return;
        }
        if (d == 15) {
            c.aluWritePc(r);
        } else {
            c.setReg(d, r);
        }
    }

    // ---------------------------------------------------------------- A32 forms
    /** {@code <op>{S} Rd, Rn, #<const>}: 'S' setflags, 'n', 'd', 'i' imm12. */
    public static void imm(LiftContext c, Fields f, Alu op) {
        boolean s = op.compare() || f.get('S') == 1;
        apply(c, op, s, op.compare() ? 0 : f.get('d'), op.usesRn() ? f.get('n') : 0,
                Shifter.armImm(c, f.get('i'), s && op.logical()));
    }

    /** {@code <op>{S} Rd, Rn, Rm{, <shift> #<imm5>}}: 'a' imm5, 't' type, 'm'. */
    public static void reg(LiftContext c, Fields f, Alu op) {
        boolean s = op.compare() || f.get('S') == 1;
        Shifted operand = Shifter.immShift(c, c.reg(f.get('m')), f.get('t'), f.get('a'), s && op.logical());
        apply(c, op, s, op.compare() ? 0 : f.get('d'), op.usesRn() ? f.get('n') : 0, operand);
    }

    /**
     * {@code <op>{S} Rd, Rn, Rm, <shift> Rs}: 'r' Rs. A register being the PC is UNPREDICTABLE;
     * like QEMU, Rn, Rm and Rs read it as PC + 8, and Rd = PC traps.
     */
    public static void rsr(LiftContext c, Fields f, Alu op) {
        boolean s = op.compare() || f.get('S') == 1;
        int d = op.compare() ? 0 : f.get('d');
        int n = op.usesRn() ? f.get('n') : 0;
        if (d == 15) {
            c.illegal();
            return;
        }
        Shifted operand = Shifter.regShift(c, c.reg(f.get('m')), f.get('t'), c.reg(f.get('r')), s && op.logical());
        apply(c, op, s, d, n, operand);
    }

    /** MOVW (A8.8 MOV (immediate), encoding A2): Rd = imm16. */
    public static void MOVW(LiftContext c, Fields f) {
        int d = f.get('d');
        if (d == 15) {
            c.illegal();
            return;
        }
        c.setReg(d, c.c32(f.get('i')));
    }

    /** MOVT (A8.8 MOVT): Rd[31:16] = imm16. */
    public static void MOVT(LiftContext c, Fields f) {
        int d = f.get('d');
        if (d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        c.setReg(d, b.or(b.and(c.reg(d), b.c32(0xFFFF)), b.c32((long) f.get('i') << 16)));
    }
}

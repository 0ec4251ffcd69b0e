package dev.emu.x86.lift;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * The eight two-operand ALU ops ADD OR ADC SBB AND SUB XOR CMP (SDM Vol. 2 "ADD" ...) in all
 * their forms (opcodes 00-3D, groups 80/81/83), TEST (84/85/A8/A9, F6/F7 /0), INC/DEC
 * (FE/FF /0 /1), NOT/NEG (F6/F7 /2 /3). A LOCK prefix makes the memory read-modify-write
 * a compare-and-swap loop that re-executes the instruction when it loses a race.
 */
public final class Alu {
    private Alu() {}

    static final Helper LOCKED_CAS = Helper.of(X86Helpers.class, "lockedCas");

    public static final int ADD = 0;
    public static final int OR = 1;
    public static final int ADC = 2;
    public static final int SBB = 3;
    public static final int AND = 4;
    public static final int SUB = 5;
    public static final int XOR = 6;
    public static final int CMP = 7;

    /** The result of ALU op {@code op}; {@code carry} is the CF read before (ADC, SBB), else null. */
    static Value result(LiftContext c, int op, int size, Value a, Value bv, Value carry) {
        IrBuilder b = c.b;
        Value r = switch (op) {
            case ADD -> b.add(a, bv);
            case OR -> b.or(a, bv);
            case ADC -> b.add(b.add(a, bv), c.zextTo(size, carry));
            case SBB -> b.sub(b.sub(a, bv), c.zextTo(size, carry));
            case AND -> b.and(a, bv);
            case XOR -> b.xor(a, bv);
            default -> b.sub(a, bv); // SUB, CMP
        };
        return size < 32 ? b.and(r, b.c32(LiftContext.mask(size))) : r;
    }

    static void flags(LiftContext c, int op, int size, Value a, Value bv, Value r, Value carry) {
        switch (op) {
            case ADD -> Flags.add(c, size, a, bv, r, null);
            case ADC -> Flags.add(c, size, a, bv, r, carry);
            case SBB -> Flags.sub(c, size, a, bv, r, carry);
            case SUB, CMP -> Flags.sub(c, size, a, bv, r, null);
            default -> Flags.logic(c, size, r);
        }
    }

    /** dst = dst op src on the r/m operand (a register or memory, LOCK-able), flags set. */
    static void rmw(LiftContext c, int op, int size, Value src) {
        IrBuilder b = c.b;
        X86Insn i = c.insn();
        Value carry = op == ADC || op == SBB ? Flags.read(c, X86Registers.CF_BIT) : null;
        if (i.lock) {
            Value addr = c.ea();
            Value old = c.load(size, addr);
            Value r = result(c, op, size, old, src, carry);
            lockedStore(c, addr, old, r, size);
            flags(c, op, size, old, src, r, carry);
            return;
        }
        Value a = c.readRm(size);
        Value r = result(c, op, size, a, src, carry);
        if (op != CMP) {
            c.writeRm(size, r);
        }
        flags(c, op, size, a, src, r, carry);
    }

    /**
     * Stores {@code r} over {@code old} at addr atomically; if memory no longer holds old,
     * leaves the block at this instruction's pc so it runs again.
     */
    static void lockedStore(LiftContext c, Value addr, Value old, Value r, int size) {
        IrBuilder b = c.b;
        Value seen = b.call(LOCKED_CAS, addr, b.zext64(old), b.zext64(r), b.c32(size / 8));
        b.exitIf(b.cmpNe(seen, b.zext64(old)), b.c64(c.pc()));
    }

    /** 00-3D: the op is opcode bits 5..3, the form bits 2..0. */
    public static void aluOp(LiftContext c, X86Insn i) {
        int op = (i.opcode >> 3) & 7;
        int size = i.opSize;
        switch (i.opcode & 7) {
            case 0, 1 -> rmw(c, op, size, c.readReg(size)); // Eb,Gb / Ev,Gv
            case 2, 3 -> { // Gb,Eb / Gv,Ev
                Value carry = op == ADC || op == SBB ? Flags.read(c, X86Registers.CF_BIT) : null;
                Value a = c.readReg(size);
                Value src = c.readRm(size);
                Value r = result(c, op, size, a, src, carry);
                if (op != CMP) {
                    c.writeReg(size, r);
                }
                flags(c, op, size, a, src, r, carry);
            }
            default -> { // AL,Ib / rAX,Iz
                Value carry = op == ADC || op == SBB ? Flags.read(c, X86Registers.CF_BIT) : null;
                Value a = c.getReg(size, 0);
                Value src = c.imm(size);
                Value r = result(c, op, size, a, src, carry);
                if (op != CMP) {
                    c.setReg(size, 0, r);
                }
                flags(c, op, size, a, src, r, carry);
            }
        }
    }

    /** Group 1 (80, 81, 83): op = ModRM.reg, an immediate source (83's Ib sign-extended). */
    public static void group1(LiftContext c, X86Insn i) {
        rmw(c, i.regOp(), i.opSize, c.imm(i.opSize));
    }

    /** TEST r/m, reg (84, 85). */
    public static void TEST_rm_reg(LiftContext c, X86Insn i) {
        Value r = c.b.and(c.readRm(i.opSize), c.readReg(i.opSize));
        Flags.logic(c, i.opSize, r);
    }

    /** TEST AL/rAX, imm (A8, A9). */
    public static void TEST_acc_imm(LiftContext c, X86Insn i) {
        Value r = c.b.and(c.getReg(i.opSize, 0), c.imm(i.opSize));
        Flags.logic(c, i.opSize, r);
    }

    /** TEST r/m, imm (F6/F7 /0, /1). */
    public static void TEST_rm_imm(LiftContext c, X86Insn i) {
        Value r = c.b.and(c.readRm(i.opSize), c.imm(i.opSize));
        Flags.logic(c, i.opSize, r);
    }

    /** INC / DEC r/m (FE/FF /0 /1): CF unchanged. */
    public static void INC(LiftContext c, X86Insn i) {
        incDec(c, i, false);
    }

    public static void DEC(LiftContext c, X86Insn i) {
        incDec(c, i, true);
    }

    private static void incDec(LiftContext c, X86Insn i, boolean dec) {
        int size = i.opSize;
        IrBuilder b = c.b;
        Value a = i.lock ? c.load(size, c.ea()) : c.readRm(size);
        Value one = c.konst(size, 1);
        Value r = dec ? b.sub(a, one) : b.add(a, one);
        if (size < 32) {
            r = b.and(r, b.c32(LiftContext.mask(size)));
        }
        if (i.lock) {
            lockedStore(c, c.ea(), a, r, size);
        } else {
            c.writeRm(size, r);
        }
        Flags.incDec(c, size, a, r, dec);
    }

    /** NOT r/m (F6/F7 /2): no flags. */
    public static void NOT(LiftContext c, X86Insn i) {
        int size = i.opSize;
        Value a = i.lock ? c.load(size, c.ea()) : c.readRm(size);
        Value r = c.trunc(size, c.b.not(a));
        if (i.lock) {
            lockedStore(c, c.ea(), a, r, size);
        } else {
            c.writeRm(size, r);
        }
    }

    /** NEG r/m (F6/F7 /3): 0 - dst; CF = dst != 0. */
    public static void NEG(LiftContext c, X86Insn i) {
        int size = i.opSize;
        Value a = i.lock ? c.load(size, c.ea()) : c.readRm(size);
        Value zero = c.konst(size, 0);
        Value r = c.trunc(size, c.b.sub(zero, a));
        if (i.lock) {
            lockedStore(c, c.ea(), a, r, size);
        } else {
            c.writeRm(size, r);
        }
        Flags.sub(c, size, zero, a, r, null);
    }
}

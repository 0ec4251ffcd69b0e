package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.C;
import static dev.emu.arm32.Arm32Registers.ITSTATE;
import static dev.emu.arm32.Arm32Registers.N;
import static dev.emu.arm32.Arm32Registers.R0;
import static dev.emu.arm32.Arm32Registers.T;
import static dev.emu.arm32.Arm32Registers.V;
import static dev.emu.arm32.Arm32Registers.Z;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Label;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * What a handler lifts with: the IR builder, the instruction (pc, word, size, instruction
 * set) and the AArch32 conventions: reading R15 gives the instruction's address plus 8 (A32)
 * or 4 (Thumb); writing it is a branch, which handlers do last, through {@link #branchWritePc},
 * {@link #bxWritePc}, {@link #aluWritePc} or {@link #loadWritePc} (A2.3.1).
 *
 * <p>Conditional execution: the lifter branches over a conditional instruction's body (its
 * cond field in A32, the IT block's condition in Thumb) to a label it places after the
 * handler. Handlers that leave the block (a write to the pc, a trap) go through this class,
 * which keeps the condition-failed path going to the next instruction.
 *
 * <p>IT state: the lifter tracks ITSTATE statically through a block; the register slot is
 * written when it changes, and before every exit the state after the instruction is written,
 * so a block may end anywhere inside an IT block and the next one starts in the right mode.
 */
public final class LiftContext {
    public final IrBuilder b;
    private long pc;
    private int word;
    private int size;
    private boolean thumb;
    /** ITSTATE in effect for this instruction and after it (the lifter advances it). */
    private int itState;
    private int itAfter;
    /** The value the ITSTATE slot holds on the fall-through path, as far as the lifter knows. */
    private int itSlot;
    private Label skip;
    private boolean conditional;
    private boolean endBlock;

    public LiftContext(IrBuilder b, int itSlotAtStart) {
        this.b = b;
        this.itSlot = itSlotAtStart;
    }

    /** Starts the instruction at {@code pc}; {@code it} is the ITSTATE it executes under. */
    public void begin(long pc, int word, int size, boolean thumb, int it) {
        this.pc = pc;
        this.word = word;
        this.size = size;
        this.thumb = thumb;
        this.itState = it;
        this.itAfter = itAdvance(it);
        this.skip = null;
        this.conditional = false;
        if (thumb && it != itSlot) {
            b.setReg(ITSTATE, b.c32(it));
            itSlot = it;
        }
    }

    /** ITAdvance() (A2.5.2). */
    public static int itAdvance(int it) {
        return (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
    }

    /** Branches over the rest of the instruction unless {@code cond} holds (cond 14, AL: no test). */
    public void conditionalOn(int cond) {
        if (cond >= 14) {
            return;
        }
        skip = b.newLabel();
        conditional = true;
        b.brIf(b.xor(condition(cond), b.c32(1)), skip);
    }

    /** Places the condition-failed label after the handler, if the handler left one to place. */
    public void finishInsn() {
        if (skip != null && !b.isTerminated()) {
            b.label(skip);
        }
        skip = null;
    }

    /** The value of ITSTATE after the last instruction lifted; the lifter writes it at the block's end. */
    public void syncItSlot() {
        if (itAfter != itSlot) {
            b.setReg(ITSTATE, b.c32(itAfter));
            itSlot = itAfter;
        }
    }

    public int itAfter() {
        return itAfter;
    }

    /** The IT instruction sets the state for the instructions after it. */
    public void setItAfter(int it) {
        itAfter = it;
    }

    public boolean inItBlock() {
        return (itState & 0xF) != 0;
    }

    /** Whether this is the last instruction of an IT block (or outside one). */
    public boolean lastInItBlock() {
        return itAfter == 0;
    }

    public long pc() {
        return pc;
    }

    public long nextPc() {
        return pc + size;
    }

    public int word() {
        return word;
    }

    public boolean thumb() {
        return thumb;
    }

    /** Asks the lifter to end the block after this instruction. */
    public void endBlock() {
        endBlock = true;
    }

    public boolean blockEnded() {
        return endBlock || b.isTerminated();
    }

    // ---------------------------------------------------------------- leaving the block
    private void writeItForExit() {
        if (thumb && itAfter != itSlot) {
            b.setReg(ITSTATE, b.c32(itAfter));
        }
    }

    /** Leaves the block to {@code target} (I32 or I64); the condition-failed path goes on. */
    private void exitTo(Value target) {
        writeItForExit();
        Value t = target.type() == Type.I64 ? target : b.zext64(target);
        if (conditional) {
            b.exitIf(b.c32(1), t);
            endBlock = true;
        } else {
            b.exit(t);
        }
    }

    /** Stops with a trap; a conditional instruction whose condition fails goes on to the next one. */
    public void trap(TrapKind kind, long resumePc, long detail) {
        if (conditional) {
            Label taken = b.newLabel();
            b.br(taken);
            b.label(skip);
            skip = null;
            writeItForExit();
            b.exitIf(b.c32(1), b.c64(nextPc()));
            b.label(taken);
        }
        writeItForExit();
        b.trap(kind, resumePc, detail);
    }

    /** An unallocated or unimplemented encoding: SIGILL at this instruction. */
    public void illegal() {
        trap(TrapKind.ILLEGAL_INSTRUCTION, pc, word & 0xFFFF_FFFFL);
    }

    /** A branch to a constant address in the current or the other instruction set. */
    public void branchTo(long target, boolean toThumb) {
        if (toThumb != thumb) {
            b.setReg(T, b.c32(toThumb ? 1 : 0));
        }
        exitTo(b.c64(target & 0xFFFF_FFFFL));
    }

    /** BranchWritePC: stays in the current instruction set. */
    public void branchWritePc(Value target) {
        exitTo(b.and(target, b.c32(thumb ? ~1 : ~3)));
    }

    /** BXWritePC: bit 0 selects Thumb. */
    public void bxWritePc(Value target) {
        Value t = b.and(target, b.c32(1));
        b.setReg(T, t);
        exitTo(b.and(target, b.c32(~1)));
    }

    /** ALUWritePC (ARMv7): interworking in A32, a plain branch in Thumb. */
    public void aluWritePc(Value target) {
        if (thumb) {
            branchWritePc(target);
        } else {
            bxWritePc(target);
        }
    }

    /** LoadWritePC (ARMv5T and later): interworking. */
    public void loadWritePc(Value target) {
        bxWritePc(target);
    }

    // ---------------------------------------------------------------- general registers
    /** R<n>; R15 reads as the instruction's address + 8 (A32) or + 4 (Thumb). */
    public Value reg(int n) {
        return n == 15 ? b.c32(pcValue()) : b.getReg32(R0 + n);
    }

    /** The value R15 reads as. */
    public long pcValue() {
        return (pc + (thumb ? 4 : 8)) & 0xFFFF_FFFFL;
    }

    /** Align(PC, 4), the base of literal loads and ADR. */
    public long alignedPc() {
        return pcValue() & ~3L;
    }

    /** Writes R<n>, n < 15 (handlers route R15 through the *WritePc methods). */
    public void setReg(int n, Value v) {
        if (n == 15) {
            throw new IllegalArgumentException("write to the pc must go through a *WritePc method");
        }
        b.setReg(R0 + n, v);
    }

    public Value c32(long v) {
        return b.c32(v);
    }

    // ---------------------------------------------------------------- VFP registers
    /** D<n> (64 bits). */
    public Value dreg(int n) {
        return b.getReg64(dev.emu.arm32.Arm32Registers.D0 + n);
    }

    public void setDreg(int n, Value v) {
        b.setReg(dev.emu.arm32.Arm32Registers.D0 + n, v);
    }

    /** S<n>: the low (even n) or high (odd n) half of D<n/2>. */
    public Value sreg(int n) {
        Value d = dreg(n >> 1);
        return b.trunc32((n & 1) == 0 ? d : b.shr(d, b.c64(32)));
    }

    public void setSreg(int n, Value v) {
        Value d = dreg(n >> 1);
        Value wide = b.zext64(v);
        Value merged = (n & 1) == 0
                ? b.or(b.and(d, b.c64(0xFFFF_FFFF_0000_0000L)), wide)
                : b.or(b.and(d, b.c64(0xFFFF_FFFFL)), b.shl(wide, b.c64(32)));
        setDreg(n >> 1, merged);
    }

    // ---------------------------------------------------------------- flags
    public void setNZCV(Value n, Value z, Value c, Value v) {
        b.setReg(N, n);
        b.setReg(Z, z);
        if (c != null) {
            b.setReg(C, c);
        }
        if (v != null) {
            b.setReg(V, v);
        }
    }

    /** N and Z from a result; C from {@code carry} unless null; V unchanged. */
    public void setNZ(Value r, Value carry) {
        Value zero = b.c32(0);
        setNZCV(b.cmpLts(r, zero), b.cmpEq(r, zero), carry, null);
    }

    public Value carryFlag() {
        return b.getReg32(C);
    }

    /**
     * AddWithCarry(a, b, carryIn) (A2.2.1), setting N, Z, C, V if {@code setFlags}.
     * {@code carryIn} is an I32 0/1, or null for the constant {@code carryConst}.
     */
    public Value addWithCarry(Value x, Value y, Value carryIn, int carryConst, boolean setFlags) {
        Value r;
        if (carryIn == null) {
            r = b.add(x, y);
            if (carryConst != 0) {
                r = b.add(r, b.c32(1));
            }
        } else {
            r = b.add(b.add(x, y), carryIn);
        }
        if (setFlags) {
            Value zero = b.c32(0);
            Value carry;
            if (carryIn == null) {
                carry = carryConst != 0 ? b.cmpLeu(r, x) : b.cmpLtu(r, x);
            } else {
                carry = b.select(carryIn, b.cmpLeu(r, x), b.cmpLtu(r, x));
            }
            Value overflow = b.cmpLts(b.and(b.xor(x, r), b.xor(y, r)), zero);
            setNZCV(b.cmpLts(r, zero), b.cmpEq(r, zero), carry, overflow);
        }
        return r;
    }

    /** ConditionPassed for {@code cond} (A8.3): an I32 0/1. */
    public Value condition(int cond) {
        Value r = switch (cond >> 1) {
            case 0 -> b.getReg32(Z); // EQ
            case 1 -> b.getReg32(C); // CS
            case 2 -> b.getReg32(N); // MI
            case 3 -> b.getReg32(V); // VS
            case 4 -> b.and(b.getReg32(C), b.xor(b.getReg32(Z), b.c32(1))); // HI
            case 5 -> b.cmpEq(b.getReg32(N), b.getReg32(V)); // GE
            case 6 -> b.and(b.cmpEq(b.getReg32(N), b.getReg32(V)), b.xor(b.getReg32(Z), b.c32(1))); // GT
            default -> b.c32(1); // AL
        };
        if ((cond & 1) != 0 && cond != 15) {
            r = b.xor(r, b.c32(1));
        }
        return r;
    }

    // ---------------------------------------------------------------- memory (little-endian)
    private Value address(Value addr) {
        return b.zext64(addr);
    }

    /** A load of {@code size} bytes at the 32-bit address, extended to I32. */
    public Value load(Value addr, int size, boolean signed) {
        return b.load(Type.I32, address(addr), size, signed, false);
    }

    public Value load64(Value addr) {
        return b.load(Type.I64, address(addr), 8, false, false);
    }

    public void store(Value addr, Value v, int size) {
        b.store(address(addr), v, size, false);
    }

    private static final dev.emu.core.ir.Helper CHECK_ALIGNED =
            dev.emu.core.ir.Helper.of(dev.emu.arm32.Arm32Helpers.class, "checkAligned");

    /** The 32-bit address, faulting (SIGBUS) unless it is a multiple of {@code bytes}. */
    public Value aligned(Value addr, int bytes, boolean write) {
        Value a = b.call(CHECK_ALIGNED, address(addr), b.c64(bytes - 1), b.c32(write ? 1 : 0));
        return b.trunc32(a);
    }

    /** The 32-bit address as the I64 the memory ops take. */
    public Value address64(Value addr) {
        return address(addr);
    }
}

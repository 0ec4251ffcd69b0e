package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RSP;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * What a handler lifts with: the IR builder, the decoded instruction, and the x86-64
 * operand conventions.
 *
 * <p>Values: an operand of 8, 16 or 32 bits is an I32 temp holding the value zero-extended
 * (handlers keep that invariant with {@link #trunc}); a 64-bit operand is an I64.
 * Register writes follow SDM 3.4.1.1: 8- and 16-bit writes merge into the register, 32-bit
 * writes zero-extend to 64.
 */
public final class LiftContext {
    public final IrBuilder b;
    private X86Insn insn;
    private boolean endBlock;
    private Value ea;
    /** What this block knows of the flags so far ({@link Flags}); null: only the cc slots. */
    Flags.State flagState;

    public LiftContext(IrBuilder b) {
        this.b = b;
    }

    public void begin(X86Insn i) {
        this.insn = i;
        this.ea = null;
    }

    public X86Insn insn() {
        return insn;
    }

    public long pc() {
        return insn.pc;
    }

    public long nextPc() {
        return insn.nextPc();
    }

    /** Ends the block after this instruction (an EXIT to the next pc). */
    public void endBlock() {
        endBlock = true;
    }

    public boolean blockEnded() {
        return endBlock || b.isTerminated();
    }

    /** An undefined or unimplemented encoding: SIGILL here, the first instruction bytes as detail. */
    public void illegal() {
        b.trap(TrapKind.ILLEGAL_INSTRUCTION, insn.pc, insn.head);
    }

    public void trap(TrapKind kind, long resumePc, long detail) {
        b.trap(kind, resumePc, detail);
    }

    // ---------------------------------------------------------------- values
    public static Type type(int size) {
        return size == 64 ? Type.I64 : Type.I32;
    }

    public static long mask(int size) {
        return size == 64 ? -1L : (1L << size) - 1;
    }

    /** A constant of operand size {@code size}, truncated to it. */
    public Value konst(int size, long v) {
        return b.konst(type(size), v & mask(size));
    }

    /** The low {@code size} bits of v (I32 for up to 32 bits), zero-extended. */
    public Value trunc(int size, Value v) {
        if (size == 64) {
            return b.zext64(v);
        }
        Value w = b.trunc32(v);
        return size == 32 ? w : b.and(w, b.c32(mask(size)));
    }

    /** v of up to 64 bits sign-extended from {@code size} bits to {@code to} bits. */
    public Value sext(int size, Value v, int to) {
        Type t = type(to);
        if (size == 64) {
            return v;
        }
        if (size == 32 && to == 32) {
            return b.trunc32(v);
        }
        Value r = b.sext(v, size, t);
        return to < 32 ? b.and(r, b.c32(mask(to))) : r;
    }

    /** v (any width) zero-extended to a value of operand size {@code to}. */
    public Value zextTo(int to, Value v) {
        return to == 64 ? b.zext64(v) : b.trunc32(v);
    }

    /** The immediate, sign-extended from the encoding (the decoder already did) to {@code size}. */
    public Value imm(int size) {
        return konst(size, insn.imm);
    }

    // ---------------------------------------------------------------- registers
    /** Whether byte register {@code r} is AH, CH, DH or BH (no REX prefix, r = 4..7). */
    public boolean isHighByte(int r) {
        return insn.rex == 0 && r >= 4 && r < 8;
    }

    public Value getReg(int size, int r) {
        switch (size) {
            case 64:
                return b.getReg64(r);
            case 32:
                return b.getReg32(r);
            case 16:
                return b.and(b.getReg32(r), b.c32(0xFFFF));
            default:
                if (isHighByte(r)) {
                    return b.and(b.shr(b.getReg32(r - 4), b.c32(8)), b.c32(0xFF));
                }
                return b.and(b.getReg32(r), b.c32(0xFF));
        }
    }

    public void setReg(int size, int r, Value v) {
        switch (size) {
            case 64 -> b.setReg(r, b.zext64(v));
            case 32 -> b.setReg(r, b.trunc32(v)); // an I32 write zero-extends the slot
            case 16 -> merge(r, v, 0, 0xFFFF);
            default -> {
                if (isHighByte(r)) {
                    merge(r - 4, v, 8, 0xFF);
                } else {
                    merge(r, v, 0, 0xFF);
                }
            }
        }
    }

    /** Writes bits 15..8 of register {@code slot} (AH, CH, DH, BH whatever the prefixes). */
    public void setHigh8(int slot, Value v) {
        merge(slot, v, 8, 0xFF);
    }

    private void merge(int slot, Value v, int shift, long fieldMask) {
        Value old = b.getReg64(slot);
        Value field = b.and(b.zext64(b.trunc32(v)), b.c64(fieldMask));
        if (shift != 0) {
            field = b.shl(field, b.c64(shift));
        }
        b.setReg(slot, b.or(b.and(old, b.c64(~(fieldMask << shift))), field));
    }

    public Value rsp() {
        return b.getReg64(RSP);
    }

    // ---------------------------------------------------------------- memory operands
    /** The effective address of the ModRM memory operand, computed once per instruction (SDM 3.7.5). */
    public Value ea() {
        if (ea == null) {
            ea = address(insn.disp, 0);
        }
        return ea;
    }

    /**
     * base + index * scale + disp (+ the FS/GS base), RIP-relative from the next
     * instruction, truncated to 32 bits under an address-size prefix. {@code extra} adds to
     * the displacement (the second half of a wide operand).
     */
    public Value address(long disp, long extra) {
        Value a;
        if (insn.ripRelative) {
            a = b.c64(insn.nextPc() + disp + extra);
        } else {
            a = null;
            if (insn.base >= 0) {
                a = b.getReg64(insn.base);
            }
            if (insn.index >= 0) {
                Value x = b.getReg64(insn.index);
                if (insn.scale > 1) {
                    x = b.shl(x, b.c64(Integer.numberOfTrailingZeros(insn.scale)));
                }
                a = a == null ? x : b.add(a, x);
            }
            long d = disp + extra;
            if (a == null) {
                a = b.c64(d);
            } else if (d != 0) {
                a = b.add(a, b.c64(d));
            }
        }
        if (insn.addrsize) {
            a = b.zext64(b.trunc32(a));
        }
        return segment(a);
    }

    /** Adds the FS or GS base of a segment override (after any 32-bit truncation, as hardware does). */
    public Value segment(Value a) {
        return switch (insn.segment) {
            case X86Insn.SEG_FS -> b.add(a, b.getReg64(X86Registers.FS_BASE));
            case X86Insn.SEG_GS -> b.add(a, b.getReg64(X86Registers.GS_BASE));
            default -> a;
        };
    }

    public Value load(int size, Value addr) {
        return b.load(type(size), addr, size / 8, false, false);
    }

    public void store(Value addr, Value v, int size) {
        b.store(addr, v, size / 8, false);
    }

    /** The r/m operand of {@code size}: a register or memory. */
    public Value readRm(int size) {
        return insn.mod == 3 ? getReg(size, insn.rm) : load(size, ea());
    }

    public void writeRm(int size, Value v) {
        if (insn.mod == 3) {
            setReg(size, insn.rm, v);
        } else {
            store(ea(), v, size);
        }
    }

    /** The ModRM.reg operand. */
    public Value readReg(int size) {
        return getReg(size, insn.reg);
    }

    public void writeReg(int size, Value v) {
        setReg(size, insn.reg, v);
    }

    // ---------------------------------------------------------------- stack
    /** PUSH: stores first, moves RSP after, so a faulting push leaves RSP as it was. */
    public void push(int size, Value v) {
        Value sp = b.sub(rsp(), b.c64(size / 8));
        store(sp, v, size);
        b.setReg(RSP, sp);
    }

    /** Reads the top of the stack; the caller moves RSP with {@link #popDone} after its last fault. */
    public Value peek(int size) {
        return load(size, rsp());
    }

    public void popDone(int size) {
        b.setReg(RSP, b.add(rsp(), b.c64(size / 8)));
    }

    // ---------------------------------------------------------------- conditions
    /** The condition {@code cc} of Jcc/SETcc/CMOVcc (SDM Appendix B.1.4.7) as an I32 0/1. */
    public Value condition(int cc) {
        return Flags.condition(this, cc);
    }
}

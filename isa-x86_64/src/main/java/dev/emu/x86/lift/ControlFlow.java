package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RBP;
import static dev.emu.x86.X86Registers.RCX;
import static dev.emu.x86.X86Registers.RSP;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * Control transfer (SDM Vol. 1 6.3, 7.3.8): JMP, Jcc, CALL, RET (near, direct and indirect),
 * LOOP/LOOPcc/JRCXZ, ENTER, LEAVE. Every branch ends the block. Near branches always use a
 * 64-bit operand size, as Intel CPUs do (66 is ignored).
 */
public final class ControlFlow {
    private ControlFlow() {}

    private static long target(X86Insn i) {
        return i.nextPc() + i.imm;
    }

    /** JMP rel8 / rel32 (EB, E9). */
    public static void JMP_rel(LiftContext c, X86Insn i) {
        c.b.exit(target(i));
    }

    /** JMP r/m64 (FF /4). */
    public static void JMP_rm(LiftContext c, X86Insn i) {
        c.b.exit(c.readRm(64));
    }

    /** Jcc rel8 / rel32 (70+cc, 0F 80+cc). */
    public static void Jcc(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        b.exitIf(c.condition(i.opcode & 15), b.c64(target(i)));
        b.exit(i.nextPc());
    }

    /** CALL rel32 (E8). */
    public static void CALL_rel(LiftContext c, X86Insn i) {
        c.push(64, c.b.c64(i.nextPc()));
        c.b.exit(target(i));
    }

    /** CALL r/m64 (FF /2): the target is read before the push (CALL [RSP] reads the old top). */
    public static void CALL_rm(LiftContext c, X86Insn i) {
        Value t = c.readRm(64);
        c.push(64, c.b.c64(i.nextPc()));
        c.b.exit(t);
    }

    /** RET (C3) and RET imm16 (C2): pops the return address, then releases imm16 more bytes. */
    public static void RET(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value t = c.peek(64);
        b.setReg(RSP, b.add(c.rsp(), b.c64(8 + (i.opcode == 0xC2 ? i.imm : 0))));
        b.exit(t);
    }

    /**
     * LOOP / LOOPE / LOOPNE (E2, E1, E0): decrement the count register (RCX, ECX with 67),
     * branch while it is not zero (and ZF matches). JRCXZ (E3): branch if it is zero. No
     * flags change.
     */
    public static void LOOP(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int as = i.addrsize ? 32 : 64;
        Value n = c.getReg(as, RCX);
        Value cond;
        if (i.opcode == 0xE3) {
            cond = b.cmpEq(n, c.konst(as, 0));
        } else {
            n = b.sub(n, c.konst(as, 1));
            c.setReg(as, RCX, n);
            cond = b.cmpNe(n, c.konst(as, 0));
            if (i.opcode == 0xE1) {
                cond = b.and(cond, Flags.read(c, X86Registers.ZF_BIT));
            } else if (i.opcode == 0xE0) {
                cond = b.and(cond, b.xor(Flags.read(c, X86Registers.ZF_BIT), b.c32(1)));
            }
        }
        b.exitIf(cond, b.c64(target(i)));
        b.exit(i.nextPc());
    }

    /** LEAVE (C9): RSP = RBP, then POP RBP (16-bit with 66). */
    public static void LEAVE(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value bp = b.getReg64(RBP);
        Value v = c.load(size, bp);
        b.setReg(RSP, b.add(bp, b.c64(size / 8)));
        c.setReg(size, RBP, v);
    }

    /**
     * ENTER imm16, imm8 (C8): push RBP, copy (level - 1) frame pointers from the old frame,
     * push the new frame pointer if level > 0, then RBP = frame and RSP -= imm16
     * (SDM "ENTER", 64-bit operand size). Registers are written after the last store.
     */
    public static void ENTER(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int level = (int) (i.imm2 & 31);
        Value rbp = b.getReg64(RBP);
        Value sp = b.sub(c.rsp(), b.c64(8));
        c.store(sp, rbp, 64);
        Value frame = sp;
        if (level > 0) {
            for (int k = 1; k < level; k++) {
                Value v = c.load(64, b.sub(rbp, b.c64(8L * k)));
                sp = b.sub(sp, b.c64(8));
                c.store(sp, v, 64);
            }
            sp = b.sub(sp, b.c64(8));
            c.store(sp, frame, 64);
        }
        b.setReg(RBP, frame);
        b.setReg(RSP, b.sub(sp, b.c64(i.imm & 0xFFFF)));
    }
}

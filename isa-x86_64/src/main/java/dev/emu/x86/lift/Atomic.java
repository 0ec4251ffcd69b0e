package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RAX;
import static dev.emu.x86.X86Registers.RBX;
import static dev.emu.x86.X86Registers.RCX;
import static dev.emu.x86.X86Registers.RDX;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * CMPXCHG (0F B0/B1), XADD (0F C0/C1) and CMPXCHG8B (0F C7 /1), atomic with LOCK through
 * {@code X86Helpers.lockedCas} (IR CAS needs natural alignment; x86 does not).
 */
public final class Atomic {
    private Atomic() {}

    /**
     * CMPXCHG r/m, reg: compares the accumulator with the destination; equal: ZF = 1 and
     * dest = src; else ZF = 0 and accumulator = dest. Flags as CMP acc, dest. Memory is
     * written in both cases without LOCK (SDM: "the destination operand is written back if
     * the comparison fails"); a register destination only on success (so a 32-bit one keeps
     * its upper half on failure, as hardware does), the accumulator only on failure.
     */
    public static void CMPXCHG(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value acc = c.getReg(size, RAX);
        Value src = c.readReg(size);
        Value old;
        if (i.isMemory() && i.lock) {
            Value seen = b.call(Alu.LOCKED_CAS, c.ea(), b.zext64(acc), b.zext64(src), b.c32(size / 8));
            old = c.zextTo(size, seen);
        } else {
            old = c.readRm(size);
            if (i.isMemory()) {
                c.store(c.ea(), b.select(b.cmpEq(old, acc), src, old), size);
            }
        }
        Value eq = b.cmpEq(old, acc);
        Flags.sub(c, size, acc, old, c.trunc(size, b.sub(acc, old)), null);
        // the accumulator changes only on failure (a 32-bit one is then zero-extended)
        if (size == 64 || size == 32) {
            b.setReg(RAX, b.select(eq, b.getReg64(RAX), b.zext64(old)));
        } else {
            c.setReg(size, RAX, b.select(eq, acc, old));
        }
        if (i.mod == 3) {
            // after RAX: CMPXCHG rAX, r. On failure a register destination is not written at
            // all (a 32-bit one keeps its upper half), as the host CPU and qemu show.
            if (size == 32) {
                b.setReg(i.rm, b.select(eq, b.zext64(src), b.getReg64(i.rm)));
            } else {
                c.setReg(size, i.rm, b.select(eq, src, old));
            }
        }
    }

    /** XADD r/m, reg: temp = dest + src; src = dest; dest = temp (flags as ADD). */
    public static void XADD(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readReg(size);
        Value dst = i.lock ? c.load(size, c.ea()) : c.readRm(size);
        Value sum = c.trunc(size, b.add(dst, src));
        if (i.lock) {
            Alu.lockedStore(c, c.ea(), dst, sum, size);
        } else if (i.mod != 3) {
            c.store(c.ea(), sum, size);
        }
        Flags.add(c, size, dst, src, sum, null);
        c.writeReg(size, dst);
        if (i.mod == 3) {
            c.setReg(size, i.rm, sum); // dest last: XADD r, r gives the sum
        }
    }

    /**
     * CMPXCHG8B m64 (0F C7 /1): compares EDX:EAX with m64; equal: ZF = 1 and m64 = ECX:EBX;
     * else ZF = 0 and EDX:EAX = m64 (then zero-extended). With REX.W it is CMPXCHG16B.
     */
    public static void CMPXCHG8B(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        if (i.rexW()) {
            CMPXCHG16B(c, i);
            return;
        }
        Value expected = b.or(b.shl(b.zext64(b.getReg32(RDX)), b.c64(32)), b.zext64(b.getReg32(RAX)));
        Value repl = b.or(b.shl(b.zext64(b.getReg32(RCX)), b.c64(32)), b.zext64(b.getReg32(RBX)));
        Value old;
        if (i.lock) {
            old = b.call(Alu.LOCKED_CAS, c.ea(), expected, repl, b.c32(8));
        } else {
            old = c.load(64, c.ea());
            c.store(c.ea(), b.select(b.cmpEq(old, expected), repl, old), 64);
        }
        Value eq = b.cmpEq(old, expected);
        Flags.update(c, X86Flags.ZF, Flags.at(c, eq, X86Registers.ZF_BIT));
        b.setReg(RAX, b.select(eq, b.getReg64(RAX), b.zext64(b.trunc32(old))));
        b.setReg(RDX, b.select(eq, b.getReg64(RDX), b.shr(old, b.c64(32))));
    }

    static final dev.emu.core.ir.Helper CMPXCHG16B = dev.emu.core.ir.Helper.of(dev.emu.x86.X86Helpers.class, "cmpxchg16b");

    /** CMPXCHG16B m128 (REX.W 0F C7 /1): a helper; see {@code X86Helpers.cmpxchg16b} for its atomicity. */
    private static void CMPXCHG16B(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value r = b.call(CMPXCHG16B, c.ea());
        b.exitIf(b.cmpEq(r, b.c32(2)), b.c64(c.pc())); // #GP raised by the helper
        Flags.update(c, X86Flags.ZF, Flags.at(c, r, X86Registers.ZF_BIT));
    }
}

package dev.emu.arm32;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Test helper: places A32 words or Thumb halfwords at {@link #BASE}, sets registers, and runs
 * lifted blocks in the IR interpreter until the pc leaves the code or a block traps. Blocks
 * that do not touch memory also run compiled (tier 1) on a copy of the state and must agree.
 * Memory: 64 KiB read/write at {@link #DATA}.
 */
public final class A32Runner {
    public static final long BASE = 0x10000;
    public static final long DATA = 0x20_0000;

    public final CpuState cpu;
    private byte[] code = new byte[0];
    public Block lastBlock;
    /** Instructions per block (to split blocks where a test wants it). */
    public int maxInsns = LiftRequest.DEFAULT_MAX_INSNS;
    public int blocks;

    public A32Runner() {
        AddressSpace mem = new AddressSpace(32);
        mem.map(DATA, 0x10000, Prot.RW);
        cpu = new Arm32Isa().newCpu(mem);
    }

    /** A32 instruction words. */
    public static A32Runner arm(int... words) {
        A32Runner r = new A32Runner();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int w : words) {
            for (int k = 0; k < 4; k++) {
                out.write(w >>> (8 * k));
            }
        }
        r.code = out.toByteArray();
        return r;
    }

    /** Thumb halfwords in memory order (a 32-bit instruction is two: hw1, hw2). */
    public static A32Runner thumb(int... halfwords) {
        A32Runner r = new A32Runner();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int h : halfwords) {
            out.write(h);
            out.write(h >>> 8);
        }
        r.code = out.toByteArray();
        r.cpu.regs[Arm32Registers.T] = 1;
        return r;
    }

    public A32Runner r(int n, long v) {
        cpu.regs[Arm32Registers.R0 + n] = v & 0xFFFF_FFFFL;
        return this;
    }

    public A32Runner nzcv(int nzcv) {
        cpu.regs[Arm32Registers.N] = nzcv >> 3 & 1;
        cpu.regs[Arm32Registers.Z] = nzcv >> 2 & 1;
        cpu.regs[Arm32Registers.C] = nzcv >> 1 & 1;
        cpu.regs[Arm32Registers.V] = nzcv & 1;
        return this;
    }

    public long r(int n) {
        return cpu.regs[Arm32Registers.R0 + n];
    }

    public int nzcv() {
        long[] r = cpu.regs;
        return (int) (r[Arm32Registers.N] << 3 | r[Arm32Registers.Z] << 2 | r[Arm32Registers.C] << 1 | r[Arm32Registers.V]);
    }

    public long pc() {
        return cpu.pc();
    }

    public TrapKind trap() {
        return cpu.trap;
    }

    public long mem32(long addr) {
        return cpu.mem.ld32le(addr) & 0xFFFF_FFFFL;
    }

    public A32Runner poke32(long addr, long v) {
        cpu.mem.st32le(addr, (int) v);
        return this;
    }

    /** Runs from the first instruction until the pc leaves the code or a trap. */
    public A32Runner run() {
        // the code is also in memory, for literal loads
        cpu.mem.map(BASE, (code.length + 4095) / 4096 * 4096L, Prot.READ | Prot.EXEC);
        cpu.mem.poke(BASE, code, 0, code.length);
        cpu.setPc(BASE);
        CodeSource src = CodeSource.of(BASE, code);
        Arm32Isa isa = new Arm32Isa();
        for (int steps = 0; steps < 100_000; steps++) {
            long pc = cpu.pc();
            if (pc < BASE || pc >= BASE + code.length) {
                return this;
            }
            lastBlock = Arm32Lifter.lift(src, new LiftRequest(cpu.mem, pc, isa.mode(cpu), maxInsns, -1));
            blocks++;
            CpuState before = coSimulable(lastBlock) ? cpu.copy(cpu.mem) : null;
            IrInterpreter.run(lastBlock, cpu);
            if (before != null) {
                checkJitAgrees(lastBlock, before);
            }
            if (cpu.trap != null) {
                return this;
            }
        }
        throw new AssertionError("guest code did not finish");
    }

    private static boolean coSimulable(Block b) {
        for (Insn i : b.insns) {
            switch (i.op) {
                case LOAD, STORE, CAS, FENCE -> {
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    private void checkJitAgrees(Block b, CpuState before) {
        BlockCode compiled = BlockCompiler.compile(b);
        if (compiled == null) {
            return;
        }
        long next = compiled.run(before);
        if (next != cpu.pc() || !Arrays.equals(before.regs, cpu.regs) || before.trap != cpu.trap
                || before.trapDetail != cpu.trapDetail || before.icount != cpu.icount) {
            throw new AssertionError("JIT and interpreter disagree on\n" + b + "interpreter: "
                    + Arrays.toString(cpu.regs) + "\njit:         " + Arrays.toString(before.regs));
        }
    }
}

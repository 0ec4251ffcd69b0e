package dev.emu.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.mem.AddressSpace;

import java.util.Arrays;

/**
 * Test helper: places instruction words at {@link #BASE}, sets registers, and runs lifted
 * blocks in the IR interpreter until the pc leaves the code, reaches {@code until}, or a
 * block traps. Every block that does not touch memory also runs compiled (tier 1) on a
 * copy of the state, and must agree with the interpreter.
 */
public final class A64Runner {
    public static final long BASE = 0x10000;

    public final CpuState cpu;
    private int[] code = new int[0];
    private long codeBase = BASE;
    public Block lastBlock;
    public int blocks;
    private boolean compiled;

    public A64Runner() {
        this(null);
    }

    public A64Runner(AddressSpace mem) {
        cpu = new Arm64Isa().newCpu(mem);
    }

    /** Runs every block compiled (tier 1) instead of interpreted. */
    public A64Runner compiled(boolean on) {
        this.compiled = on;
        return this;
    }

    public A64Runner code(int... words) {
        this.code = words;
        return this;
    }

    public A64Runner codeAt(long base, int... words) {
        this.codeBase = base;
        this.code = words;
        return this;
    }

    public A64Runner set(String reg, long v) {
        cpu.set(reg, v);
        return this;
    }

    public A64Runner x(int n, long v) {
        cpu.regs[Arm64Registers.X0 + n] = v;
        return this;
    }

    public A64Runner nzcv(int nzcv) {
        cpu.regs[Arm64Registers.N] = nzcv >> 3 & 1;
        cpu.regs[Arm64Registers.Z] = nzcv >> 2 & 1;
        cpu.regs[Arm64Registers.C] = nzcv >> 1 & 1;
        cpu.regs[Arm64Registers.V] = nzcv & 1;
        return this;
    }

    public long x(int n) {
        return cpu.regs[Arm64Registers.X0 + n];
    }

    public long sp() {
        return cpu.regs[Arm64Registers.SP];
    }

    public long pc() {
        return cpu.pc();
    }

    public int nzcv() {
        long[] r = cpu.regs;
        return (int) (r[Arm64Registers.N] << 3 | r[Arm64Registers.Z] << 2 | r[Arm64Registers.C] << 1 | r[Arm64Registers.V]);
    }

    public TrapKind trap() {
        return cpu.trap;
    }

    /** Runs from the first word until the pc leaves the code or a trap. */
    public A64Runner run() {
        return runUntil(codeBase + 4L * code.length);
    }

    public A64Runner runUntil(long until) {
        cpu.setPc(codeBase);
        CodeSource src = CodeSource.of(codeBase, code);
        for (int steps = 0; steps < 1_000_000; steps++) {
            long pc = cpu.pc();
            if (pc == until || pc < codeBase || pc >= codeBase + 4L * code.length) {
                return this;
            }
            lastBlock = Arm64Lifter.lift(src, new LiftRequest(cpu.mem, pc, 0, LiftRequest.DEFAULT_MAX_INSNS, until));
            blocks++;
            BlockCode code = compiled ? BlockCompiler.compile(lastBlock) : null;
            if (code != null) {
                code.run(cpu);
                if (cpu.trap != null) {
                    return this;
                }
                continue;
            }
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

    /**
     * Whether the block can run a second time, compiled, on a copy of the state: it must
     * not touch memory (the copy shares it) nor read the clock.
     */
    private static boolean coSimulable(Block b) {
        for (Insn i : b.insns) {
            switch (i.op) {
                case LOAD, STORE, CAS, FENCE -> {
                    return false;
                }
                case CALL -> {
                    if (i.helper().toString().endsWith("cntvct")) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    /** Tier 1 must leave exactly the state tier 0 left (co-simulation). */
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

    /** Runs a single instruction word with the current registers. */
    public static A64Runner one(int word) {
        return new A64Runner().code(word);
    }
}

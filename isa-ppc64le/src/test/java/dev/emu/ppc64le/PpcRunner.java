package dev.emu.ppc64le;

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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Test helper: places little-endian instruction words at {@link #CODE}, 64 KiB of data at
 * {@link #DATA}, sets registers and runs lifted blocks until the pc leaves the code or a block
 * traps, on the interpreter or (with {@link #compiled}) on the compiled tier. Interpreted
 * blocks that do not touch memory also run compiled on a copy of the state and must agree.
 */
public final class PpcRunner {
    public static final long CODE = 0x1_0000;
    public static final long DATA = 0x20_0000;
    public static final int DATA_SIZE = 0x1_0000;

    public final CpuState cpu;
    public final AddressSpace mem;
    private int codeWords;
    private boolean compiled;

    public PpcRunner() {
        mem = new AddressSpace(64);
        mem.map(CODE, 0x1_0000, Prot.RX);
        mem.map(DATA, DATA_SIZE, Prot.RW);
        cpu = new Ppc64Isa().newCpu(mem);
    }

    public PpcRunner compiled(boolean on) {
        compiled = on;
        return this;
    }

    public PpcRunner code(int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        mem.poke(CODE, b.array(), 0, b.capacity());
        codeWords = words.length;
        return this;
    }

    public PpcRunner r(int n, long v) {
        cpu.regs[PpcRegisters.gpr(n)] = v;
        return this;
    }

    public long r(int n) {
        return cpu.regs[PpcRegisters.gpr(n)];
    }

    public PpcRunner set(String reg, long v) {
        cpu.set(reg, v);
        return this;
    }

    public long get(String reg) {
        return cpu.get(reg);
    }

    /** CR field f (4 bits: LT GT EQ SO). */
    public int cr(int f) {
        return (int) cpu.regs[PpcRegisters.crField(f)];
    }

    public TrapKind trap() {
        return cpu.trap;
    }

    public long read64(long addr) {
        byte[] b = new byte[8];
        mem.peek(addr, b, 0, 8);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    public PpcRunner write64(long addr, long v) {
        mem.poke(addr, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array(), 0, 8);
        return this;
    }

    /** Runs from the first word until the pc leaves the code or a block traps. */
    public PpcRunner run() {
        cpu.setPc(CODE);
        long end = CODE + 4L * codeWords;
        for (int steps = 0; steps < 100_000; steps++) {
            long pc = cpu.pc();
            if (pc < CODE || pc >= end) {
                return this;
            }
            Block block = PpcLifter.lift(mem, new LiftRequest(mem, pc, 0, LiftRequest.DEFAULT_MAX_INSNS, end));
            BlockCode code = compiled ? BlockCompiler.compile(block) : null;
            if (code != null) {
                code.run(cpu);
            } else {
                CpuState before = touchesMemoryOrClock(block) ? null : cpu.copy(mem);
                IrInterpreter.run(block, cpu);
                if (before != null) {
                    checkCompiledAgrees(block, before);
                }
            }
            if (cpu.trap != null) {
                return this;
            }
        }
        throw new AssertionError("guest code did not finish");
    }

    private static boolean touchesMemoryOrClock(Block b) {
        for (Insn i : b.insns) {
            switch (i.op) {
                case LOAD, STORE, CAS, FENCE -> {
                    return true;
                }
                case CALL -> {
                    if (i.helper().toString().contains("timeBase")) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private void checkCompiledAgrees(Block b, CpuState before) {
        BlockCode code = BlockCompiler.compile(b);
        if (code == null) {
            return;
        }
        long next = code.run(before);
        if (next != cpu.pc() || !Arrays.equals(before.regs, cpu.regs) || before.trap != cpu.trap) {
            throw new AssertionError("compiled and interpreted blocks disagree on\n" + b);
        }
    }
}

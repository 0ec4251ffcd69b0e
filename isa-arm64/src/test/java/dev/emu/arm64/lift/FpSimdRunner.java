package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.Arm64Isa;
import dev.emu.arm64.Arm64Lifter;
import dev.emu.arm64.Arm64Registers;
import dev.emu.arm64.CodeSource;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;

/**
 * Test helper for the SIMD&FP lifters: sets registers, then runs the code twice from the
 * same state, once in the IR interpreter and once as JIT-compiled blocks, and checks both
 * runs leave the same registers (and data memory); the accessors read the interpreter's run.
 */
public final class FpSimdRunner {
    public static final long BASE = 0x10000;
    public static final long DATA = 0x20_0000;
    public static final long DATA_SIZE = 0x1_0000;

    private final int[] code;
    private final CpuState init;
    private final boolean withMemory;
    private CpuState interp;
    private CpuState jit;

    private FpSimdRunner(boolean withMemory, int... code) {
        this.code = code;
        this.withMemory = withMemory;
        this.init = new Arm64Isa().newCpu(null);
    }

    public static FpSimdRunner code(int... words) {
        return new FpSimdRunner(false, words);
    }

    /** With 64 KiB of zeroed read-write memory at {@link #DATA}. */
    public static FpSimdRunner withMemory(int... words) {
        return new FpSimdRunner(true, words);
    }

    public FpSimdRunner x(int n, long v) {
        init.regs[Arm64Registers.X0 + n] = v;
        return this;
    }

    public FpSimdRunner sp(long v) {
        init.regs[Arm64Registers.SP] = v;
        return this;
    }

    public FpSimdRunner v(int n, long lo, long hi) {
        init.regs[Arm64Registers.vlo(n)] = lo;
        init.regs[Arm64Registers.vhi(n)] = hi;
        return this;
    }

    /** Sets V<n> to a double in its low 64 bits. */
    public FpSimdRunner d(int n, double v) {
        return v(n, Double.doubleToRawLongBits(v), 0);
    }

    public FpSimdRunner s(int n, float v) {
        return v(n, Float.floatToRawIntBits(v) & 0xFFFF_FFFFL, 0);
    }

    public FpSimdRunner fpcr(long v) {
        init.regs[Arm64Registers.FPCR] = v;
        return this;
    }

    public FpSimdRunner fpsr(long v) {
        init.regs[Arm64Registers.FPSR] = v;
        return this;
    }

    public FpSimdRunner nzcv(int nzcv) {
        init.regs[Arm64Registers.N] = nzcv >> 3 & 1;
        init.regs[Arm64Registers.Z] = nzcv >> 2 & 1;
        init.regs[Arm64Registers.C] = nzcv >> 1 & 1;
        init.regs[Arm64Registers.V] = nzcv & 1;
        return this;
    }

    private byte[] memInit;

    public FpSimdRunner mem(long addr, byte[] bytes) {
        if (memInit == null) {
            memInit = new byte[(int) DATA_SIZE];
        }
        System.arraycopy(bytes, 0, memInit, (int) (addr - DATA), bytes.length);
        return this;
    }

    private CpuState fresh() {
        CpuState c = init.copy(null);
        if (withMemory) {
            AddressSpace m = new AddressSpace(64);
            m.map(DATA, DATA_SIZE, Prot.RW);
            if (memInit != null) {
                m.poke(DATA, memInit, 0, memInit.length);
            }
            c.mem = m;
        }
        return c;
    }

    public FpSimdRunner run() {
        interp = fresh();
        exec(interp, false);
        jit = fresh();
        exec(jit, true);
        assertThat(jit.regs).as("JIT and interpreter registers").isEqualTo(interp.regs);
        assertThat(jit.trap).isEqualTo(interp.trap);
        if (withMemory) {
            assertThat(bytes(jit, DATA, (int) DATA_SIZE)).as("JIT and interpreter memory")
                    .isEqualTo(bytes(interp, DATA, (int) DATA_SIZE));
        }
        return this;
    }

    /** Runs expecting a guest fault in both tiers; the state is what the fault left. */
    public FpSimdRunner runExpectingFault() {
        interp = fresh();
        jit = fresh();
        for (CpuState c : new CpuState[] {interp, jit}) {
            try {
                exec(c, c == jit);
                throw new AssertionError("expected a guest fault");
            } catch (dev.emu.core.mem.GuestFault expected) {
                // the registers are the state before the faulting instruction
            }
        }
        assertThat(jit.regs).as("JIT and interpreter registers").isEqualTo(interp.regs);
        return this;
    }

    private void exec(CpuState cpu, boolean compile) {
        long end = BASE + 4L * code.length;
        cpu.setPc(BASE);
        CodeSource src = CodeSource.of(BASE, code);
        for (int steps = 0; steps < 10_000; steps++) {
            long pc = cpu.pc();
            if (pc == end || pc < BASE || pc > end) {
                return;
            }
            Block b = Arm64Lifter.lift(src, new LiftRequest(cpu.mem, pc, 0, LiftRequest.DEFAULT_MAX_INSNS, end));
            if (compile) {
                BlockCode bc = BlockCompiler.compile(b);
                assertThat(bc).as("block compiles").isNotNull();
                bc.run(cpu);
            } else {
                IrInterpreter.run(b, cpu);
            }
            if (cpu.trap != null) {
                return;
            }
        }
        throw new AssertionError("guest code did not finish");
    }

    private static byte[] bytes(CpuState c, long addr, int len) {
        byte[] b = new byte[len];
        c.mem.peek(addr, b, 0, len);
        return b;
    }

    // ---- results (of the interpreter run, which the JIT run matched)
    public long x(int n) {
        return interp.regs[Arm64Registers.X0 + n];
    }

    public long lo(int n) {
        return interp.regs[Arm64Registers.vlo(n)];
    }

    public long hi(int n) {
        return interp.regs[Arm64Registers.vhi(n)];
    }

    public double d(int n) {
        return Double.longBitsToDouble(lo(n));
    }

    public float s(int n) {
        return Float.intBitsToFloat((int) lo(n));
    }

    public long fpsr() {
        return interp.regs[Arm64Registers.FPSR];
    }

    public int nzcv() {
        long[] r = interp.regs;
        return (int) (r[Arm64Registers.N] << 3 | r[Arm64Registers.Z] << 2 | r[Arm64Registers.C] << 1 | r[Arm64Registers.V]);
    }

    public TrapKind trap() {
        return interp.trap;
    }

    public long trapDetail() {
        return interp.trapDetail;
    }

    public byte[] mem(long addr, int len) {
        return bytes(interp, addr, len);
    }

    public long mem64(long addr) {
        return interp.mem.ld64le(addr);
    }
}

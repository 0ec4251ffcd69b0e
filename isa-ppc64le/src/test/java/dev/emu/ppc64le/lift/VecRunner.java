package dev.emu.ppc64le.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;
import dev.emu.ppc64le.Ppc64Isa;
import dev.emu.ppc64le.PpcLifter;
import dev.emu.ppc64le.PpcRegisters;

/**
 * Test helper for the FP/VMX/VSX lifters: sets registers, runs the words from the same state
 * once in the IR interpreter and once JIT-compiled, requires both to leave the same registers,
 * trap and data memory, and answers from the interpreter's run.
 */
public final class VecRunner {
    public static final long CODE = 0x10000, DATA = 0x20_0000;
    private static final int DATA_SIZE = 0x1000;

    private final int[] words;
    private final CpuState init = new Ppc64Isa().newCpu(null);
    private final byte[] data = new byte[DATA_SIZE];
    private CpuState result;

    private VecRunner(int... words) {
        this.words = words;
    }

    public static VecRunner code(int... words) {
        return new VecRunner(words);
    }

    public VecRunner gpr(int n, long v) {
        init.regs[PpcRegisters.gpr(n)] = v;
        return this;
    }

    /** VSX register i as doubleword 0 (high) and doubleword 1. */
    public VecRunner vs(int i, long hi, long lo) {
        init.regs[PpcRegisters.vsrHigh(i)] = hi;
        init.regs[PpcRegisters.vsrLow(i)] = lo;
        return this;
    }

    public VecRunner vr(int n, long hi, long lo) {
        return vs(32 + n, hi, lo);
    }

    public VecRunner fpr(int n, double d) {
        init.regs[PpcRegisters.fpr(n)] = Double.doubleToRawLongBits(d);
        return this;
    }

    public VecRunner fprBits(int n, long bits) {
        init.regs[PpcRegisters.fpr(n)] = bits;
        return this;
    }

    public VecRunner fpscr(long v) {
        init.regs[PpcRegisters.FPSCR] = v;
        return this;
    }

    public VecRunner vscr(long v) {
        init.regs[PpcRegisters.VSCR] = v;
        return this;
    }

    public VecRunner mem(int offset, byte... bytes) {
        System.arraycopy(bytes, 0, data, offset, bytes.length);
        return this;
    }

    private CpuState fresh() {
        AddressSpace m = new AddressSpace(64);
        m.map(CODE, 0x1000, Prot.RWX);
        for (int i = 0; i < words.length; i++) {
            int w = words[i];
            m.poke(CODE + 4L * i, new byte[] {(byte) w, (byte) (w >>> 8), (byte) (w >>> 16), (byte) (w >>> 24)}, 0, 4);
        }
        m.map(DATA, DATA_SIZE, Prot.RW);
        m.poke(DATA, data, 0, DATA_SIZE);
        CpuState c = init.copy(m);
        c.setPc(CODE);
        return c;
    }

    private static void exec(CpuState c, boolean compile, long end) {
        while (c.pc() != end && c.trap == null) {
            Block b = PpcLifter.lift(c.mem, new LiftRequest(c.mem, c.pc(), 0, LiftRequest.DEFAULT_MAX_INSNS, end));
            if (compile) {
                BlockCode bc = BlockCompiler.compile(b);
                assertThat(bc).as("block compiles").isNotNull();
                bc.run(c);
            } else {
                IrInterpreter.run(b, c);
            }
        }
    }

    public VecRunner run() {
        long end = CODE + 4L * words.length;
        CpuState interp = fresh(), jit = fresh();
        exec(interp, false, end);
        exec(jit, true, end);
        assertThat(jit.regs).as("JIT and interpreter registers").isEqualTo(interp.regs);
        assertThat(String.valueOf(jit.trap)).isEqualTo(String.valueOf(interp.trap));
        assertThat(bytes(jit)).as("JIT and interpreter memory").isEqualTo(bytes(interp));
        result = interp;
        return this;
    }

    private static byte[] bytes(CpuState c) {
        byte[] b = new byte[DATA_SIZE];
        c.mem.peek(DATA, b, 0, DATA_SIZE);
        return b;
    }

    public CpuState state() {
        return result;
    }

    public long gpr(int n) {
        return result.regs[PpcRegisters.gpr(n)];
    }

    public long hi(int vs) {
        return result.regs[PpcRegisters.vsrHigh(vs)];
    }

    public long lo(int vs) {
        return result.regs[PpcRegisters.vsrLow(vs)];
    }

    public double fpr(int n) {
        return Double.longBitsToDouble(hi(n));
    }

    public long fpscr() {
        return result.regs[PpcRegisters.FPSCR];
    }

    public long vscr() {
        return result.regs[PpcRegisters.VSCR];
    }

    public long cr(int field) {
        return result.regs[PpcRegisters.crField(field)];
    }

    public byte[] data() {
        return bytes(result);
    }
}

package dev.emu.x86;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.Prot;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper: puts instruction bytes at {@link #BASE}, sets registers and memory, and runs
 * the code through the embedding API on the interpreter AND on the compiled tier, which
 * must leave the same registers, memory and stop. Results are read from the interpreter's
 * machine. A data window of 64 KiB sits at {@link #DATA}, a stack below {@link #STACK_TOP}.
 */
public final class X86Runner {
    public static final long BASE = 0x10000;
    public static final long DATA = 0x20_0000;
    public static final int DATA_SIZE = 0x1_0000;
    public static final long STACK_TOP = 0x80_0000;
    public static final int STACK_SIZE = 0x1_0000;

    private static final X86_64Isa ISA = new X86_64Isa();

    private final byte[] code;
    private final Map<String, Long> regs = new LinkedHashMap<>();
    private final Map<Long, byte[]> pokes = new LinkedHashMap<>();
    private long rflags = -1;
    private boolean compareTiers = true;
    public Machine m;
    public RunResult result;

    private X86Runner(byte[] code) {
        this.code = code;
        regs.put("rsp", STACK_TOP - 0x100);
    }

    /** Code from hex bytes, spaces allowed: {@code code("48 01 d8")}. */
    public static X86Runner code(String hex) {
        return new X86Runner(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    public X86Runner set(String reg, long v) {
        regs.put(reg, v);
        return this;
    }

    /** Skips the register comparison between tiers (code that reads the clock). */
    public X86Runner clockDependent() {
        compareTiers = false;
        return this;
    }

    /** Sets CF PF AF ZF SF DF OF from an RFLAGS value. */
    public X86Runner flags(long f) {
        rflags = f;
        return this;
    }

    public X86Runner mem(long addr, byte[] bytes) {
        pokes.put(addr, bytes.clone());
        return this;
    }

    public X86Runner mem64(long addr, long v) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (v >>> (8 * k));
        }
        return mem(addr, b);
    }

    /** Sets XMM register {@code n} from its two halves. */
    public X86Runner xmm(int n, long lo, long hi) {
        regs.put("xmm" + n, lo);
        xmmHigh.put(n, hi);
        return this;
    }

    public X86Runner mxcsr(long v) {
        regs.put("mxcsr", v);
        return this;
    }

    private final Map<Integer, Long> xmmHigh = new LinkedHashMap<>();

    private Machine machine(Machine.Tiers tiers) {
        Machine mm = Machine.create(ISA, tiers);
        mm.map(BASE, 0x1_0000, Prot.RWX);
        mm.map(DATA, DATA_SIZE, Prot.RW);
        mm.map(STACK_TOP - STACK_SIZE, STACK_SIZE, Prot.RW);
        mm.write(BASE, code);
        regs.forEach(mm::setReg);
        xmmHigh.forEach((n, hi) -> mm.cpu().regs[X86Registers.xmmHi(n)] = hi);
        if (rflags >= 0) {
            X86Registers.setRflags(mm.cpu().regs, rflags);
        }
        pokes.forEach(mm::write);
        return mm;
    }

    /** Runs until the pc leaves the code (or a trap, fault, or 100000 instructions). */
    public X86Runner run() {
        Machine interp = machine(Machine.Tiers.INTERPRETER);
        RunResult ri = interp.start(BASE, BASE + code.length, Duration.ofSeconds(10), 100_000);
        Machine comp = machine(Machine.Tiers.COMPILER);
        RunResult rc = comp.start(BASE, BASE + code.length, Duration.ofSeconds(10), 100_000);
        if (compareTiers) {
            assertThat(comp.cpu().regs).as("compiled tier registers").containsExactly(interp.cpu().regs);
        }
        assertThat(rc.reason()).isEqualTo(ri.reason());
        assertThat(rc.trap()).isEqualTo(ri.trap());
        assertThat(comp.read(DATA, DATA_SIZE)).as("compiled tier memory").isEqualTo(interp.read(DATA, DATA_SIZE));
        assertThat(comp.read(STACK_TOP - STACK_SIZE, STACK_SIZE)).isEqualTo(interp.read(STACK_TOP - STACK_SIZE, STACK_SIZE));
        m = interp;
        result = ri;
        return this;
    }

    public long reg(String name) {
        return m.reg(name);
    }

    /** RFLAGS as PUSHF would show it. */
    public long rflags() {
        return X86Registers.rflags(m.cpu().regs);
    }

    /** The arithmetic flags as a string like "CF ZF": upper case for each set flag, in bit order. */
    public String flagNames() {
        long f = rflags();
        StringBuilder sb = new StringBuilder();
        String[] n = {"CF", null, "PF", null, "AF", null, "ZF", "SF", null, null, "DF", "OF"};
        for (int k = 0; k < n.length; k++) {
            if (n[k] != null && (f >>> k & 1) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(n[k]);
            }
        }
        return sb.toString();
    }

    public long mem64(long addr) {
        byte[] b = m.read(addr, 8);
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = v << 8 | (b[k] & 0xFF);
        }
        return v;
    }

    public long xmmLo(int n) {
        return m.cpu().regs[X86Registers.xmmLo(n)];
    }

    public long xmmHi(int n) {
        return m.cpu().regs[X86Registers.xmmHi(n)];
    }

    public long mxcsr() {
        return m.cpu().regs[X86Registers.MXCSR];
    }

    public TrapKind trap() {
        return result.trap();
    }

    public long pc() {
        return m.cpu().pc();
    }
}

package dev.emu.core.api;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.engine.Engine;
import dev.emu.core.engine.ExitHandler;
import dev.emu.core.engine.RunLimits;
import dev.emu.core.engine.StopReason;
import dev.emu.core.ir.BlockRewriter;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.Isa;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedding API, in the manner of Unicorn: one CPU of one ISA with its own memory.
 * Map memory, write code and data, set registers, {@link #start} between addresses, and
 * watch with hooks. Not thread-safe except {@link #stop()}, which any thread may call.
 *
 * <pre>{@code
 * Machine m = Machine.create("arm64");
 * m.map(0x10000, 0x1000, Prot.RWX);
 * m.write(0x10000, code);
 * m.setReg("x0", 41);
 * RunResult r = m.start(0x10000, 0x10000 + code.length, Duration.ofSeconds(1), 0);
 * long x0 = m.reg("x0");
 * }</pre>
 */
public final class Machine {
    private static final Helper CODE_HOOK = Helper.of(Machine.class, "dispatchCodeHooks");

    private final Isa isa;
    private final AddressSpace mem;
    private final CpuState cpu;
    private final Engine engine;
    private final List<Hooks.Handle> codeHooks = new CopyOnWriteArrayList<>();
    private final List<Hooks.Handle> blockHooks = new CopyOnWriteArrayList<>();
    private final List<Hooks.Handle> trapHooks = new CopyOnWriteArrayList<>();
    private final List<Hooks.Handle> readHooks = new CopyOnWriteArrayList<>();
    private final List<Hooks.Handle> writeHooks = new CopyOnWriteArrayList<>();
    private final List<Hooks.Handle> invalidMemoryHooks = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;

    /** Which tiers run guest code. */
    public enum Tiers {
        /** The IR interpreter only. */
        INTERPRETER,
        /** Interpret, and compile blocks once they are hot: the default. */
        ADAPTIVE,
        /** Compile every block before its first run (for testing the compiler). */
        COMPILER
    }

    private Machine(Isa isa, Tiers tiers) {
        this.isa = isa;
        this.mem = new AddressSpace(isa.addressBits());
        this.cpu = isa.newCpu(mem);
        this.cpu.osThread = this;
        Engine.Config config = new Engine.Config();
        config.compiler = tiers == Tiers.INTERPRETER ? null : dev.emu.core.api.CompilerChoice.defaultCompiler();
        config.regionCompiler = tiers == Tiers.INTERPRETER ? null : dev.emu.core.api.CompilerChoice.defaultRegionCompiler();
        config.compileImmediately = tiers == Tiers.COMPILER;
        this.engine = new Engine(isa, config);
        mem.setCodeInvalidator(engine.codeCache()::invalidate);
    }

    /** A machine for the core called {@code isaName} ("arm64", "x86_64", ...), with the JIT on. */
    public static Machine create(String isaName) {
        return new Machine(Isa.byName(isaName), Tiers.ADAPTIVE);
    }

    public static Machine create(Isa isa) {
        return new Machine(isa, Tiers.ADAPTIVE);
    }

    public static Machine create(Isa isa, Tiers tiers) {
        return new Machine(isa, tiers);
    }

    /** A machine that only interprets (tier 0): slower, for comparing tiers. */
    public static Machine createInterpreted(Isa isa) {
        return new Machine(isa, Tiers.INTERPRETER);
    }

    public Isa isa() {
        return isa;
    }

    public AddressSpace memory() {
        return mem;
    }

    /** The guest CPU state; its register slots are laid out by {@link #registers()}. */
    public CpuState cpu() {
        return cpu;
    }

    public RegisterFile registers() {
        return isa.registers();
    }

    // ---------------------------------------------------------------- memory
    public void map(long address, long size, int prot) {
        mem.map(address, size, prot);
    }

    public void unmap(long address, long size) {
        mem.unmap(address, size);
    }

    public void protect(long address, long size, int prot) {
        mem.protect(address, size, prot);
    }

    /** Writes regardless of page permissions (the page must be mapped), like uc_mem_write. */
    public void write(long address, byte[] data) {
        mem.poke(address, data, 0, data.length);
    }

    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        mem.peek(address, out, 0, length);
        return out;
    }

    // ---------------------------------------------------------------- registers
    public long reg(String name) {
        return cpu.get(name);
    }

    public void setReg(String name, long value) {
        cpu.set(name, value);
    }

    /** Both halves of a 128-bit register, low first. */
    public long[] reg128(String name) {
        RegisterFile.Register r = isa.registers().get(name);
        return r.slots() == 2 ? new long[] {cpu.regs[r.slot()], cpu.regs[r.slot() + 1]} : new long[] {cpu.regs[r.slot()], 0};
    }

    public void setReg128(String name, long low, long high) {
        RegisterFile.Register r = isa.registers().get(name);
        cpu.regs[r.slot()] = low;
        if (r.slots() == 2) {
            cpu.regs[r.slot() + 1] = high;
        }
    }

    // ---------------------------------------------------------------- running
    /**
     * Runs from {@code begin} until the pc reaches {@code until} (-1: no such address), the
     * timeout passes (null or zero: none), {@code count} instructions retire (0: no limit),
     * {@link #stop()} is called, or the guest does something no hook handles.
     */
    public RunResult start(long begin, long until, Duration timeout, long count) {
        stopRequested = false;
        cpu.setPc(begin);
        long deadline = timeout == null || timeout.isZero() ? 0 : System.nanoTime() + timeout.toNanos();
        if (deadline == 0 && timeout != null && !timeout.isZero()) {
            deadline = 1;
        }
        long before = cpu.icount;
        Outcome outcome = new Outcome();
        StopReason reason = engine.run(cpu, new RunLimits(until, count, deadline), outcome);
        return new RunResult(reason, cpu.pc(), cpu.icount - before, outcome.fault, outcome.trap, outcome.trapDetail);
    }

    /** Stops a running {@link #start} at the next block boundary; callable from any thread or hook. */
    public void stop() {
        stopRequested = true;
        cpu.interruptRequested = true;
    }

    private final class Outcome implements ExitHandler {
        GuestFault fault;
        TrapKind trap;
        long trapDetail;

        @Override
        public boolean onTrap(CpuState c, TrapKind kind, long detail) {
            for (Hooks.Handle h : trapHooks) {
                if (((Hooks.TrapHook) h.hook).onTrap(Machine.this, kind, detail)) {
                    return !stopRequested;
                }
            }
            trap = kind;
            trapDetail = detail;
            return false;
        }

        @Override
        public boolean onFault(CpuState c, GuestFault f) {
            fault = f;
            return false;
        }

        @Override
        public boolean onInterrupt(CpuState c) {
            return !stopRequested;
        }
    }

    // ---------------------------------------------------------------- hooks
    /** Calls {@code hook} before every instruction in [begin, end] (inclusive, as Unicorn does). */
    public Hooks.Handle addCodeHook(long begin, long end, Hooks.CodeHook hook) {
        Hooks.Handle h = new Hooks.Handle(hook, begin, end);
        codeHooks.add(h);
        reinstrument();
        return h;
    }

    /** Calls {@code hook} before every block. */
    public Hooks.Handle addBlockHook(Hooks.BlockHook hook) {
        Hooks.Handle h = new Hooks.Handle(hook, 0, -1);
        blockHooks.add(h);
        engine.config().onBlock = this::dispatchBlockHooks;
        return h;
    }

    /** Calls {@code hook} on system calls, breakpoints and illegal instructions. */
    public Hooks.Handle addTrapHook(Hooks.TrapHook hook) {
        Hooks.Handle h = new Hooks.Handle(hook, 0, -1);
        trapHooks.add(h);
        return h;
    }

    /**
     * Calls {@code hook} on every guest load ({@code writes} false) or store ({@code writes}
     * true) that starts in [begin, end]. While any memory hook is set, every access takes the
     * slow path.
     */
    public Hooks.Handle addMemoryHook(boolean writes, long begin, long end, Hooks.MemoryHook hook) {
        Hooks.Handle h = new Hooks.Handle(hook, begin, end);
        (writes ? writeHooks : readHooks).add(h);
        updateMemoryHooks();
        return h;
    }

    /** Calls {@code hook} when the guest touches unmapped or protected memory; it may map it and retry. */
    public Hooks.Handle addInvalidMemoryHook(Hooks.InvalidMemoryHook hook) {
        Hooks.Handle h = new Hooks.Handle(hook, 0, -1);
        invalidMemoryHooks.add(h);
        updateMemoryHooks();
        return h;
    }

    private void updateMemoryHooks() {
        mem.setAccessObserver(readHooks.isEmpty() && writeHooks.isEmpty() ? null : this::dispatchAccess);
        mem.setFaultHandler(invalidMemoryHooks.isEmpty() ? null : this::dispatchInvalid);
    }

    private void dispatchAccess(GuestFault.Access kind, long address, int size, long value) {
        boolean write = kind == GuestFault.Access.WRITE;
        for (Hooks.Handle h : write ? writeHooks : readHooks) {
            if (h.covers(address)) {
                ((Hooks.MemoryHook) h.hook).onAccess(this, write, address, size, value);
            }
        }
    }

    private boolean dispatchInvalid(GuestFault f) {
        boolean write = f.access() == GuestFault.Access.WRITE;
        for (Hooks.Handle h : invalidMemoryHooks) {
            if (((Hooks.InvalidMemoryHook) h.hook).onInvalid(this, write, f.address(), 0, 0)) {
                return true;
            }
        }
        return false;
    }

    public void removeHook(Hooks.Handle h) {
        if (readHooks.remove(h) | writeHooks.remove(h) | invalidMemoryHooks.remove(h)) {
            updateMemoryHooks();
        }
        if (codeHooks.remove(h)) {
            reinstrument();
        }
        if (blockHooks.remove(h) && blockHooks.isEmpty()) {
            engine.config().onBlock = null;
        }
        trapHooks.remove(h);
    }

    /** Code hooks are compiled into the blocks they cover: changing them drops translated code. */
    private void reinstrument() {
        engine.config().instrument = codeHooks.isEmpty() ? null
                : b -> BlockRewriter.insertInsnHook(b, this::hasCodeHookAt, CODE_HOOK, cpu.pcSlot);
        engine.codeCache().invalidateAll();
    }

    private boolean hasCodeHookAt(long pc) {
        for (Hooks.Handle h : codeHooks) {
            if (h.covers(pc)) {
                return true;
            }
        }
        return false;
    }

    private void dispatchBlockHooks(CpuState c, long pc, long endPc) {
        for (Hooks.Handle h : blockHooks) {
            ((Hooks.BlockHook) h.hook).onBlock(this, pc, endPc - pc);
        }
    }

    /** Called from translated code before a hooked instruction; non-zero means leave the block. */
    public static int dispatchCodeHooks(CpuState c, long pc) {
        Machine m = (Machine) c.osThread;
        c.setPc(pc);
        for (Hooks.Handle h : m.codeHooks) {
            if (h.covers(pc)) {
                ((Hooks.CodeHook) h.hook).onInstruction(m, pc);
            }
        }
        return c.pc() != pc || c.interruptRequested ? 1 : 0;
    }
}

package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The run loop of one guest process: looks the pc up in the code cache (lifting on a miss),
 * runs the block, follows the exit's cached successor, hands traps and faults to an
 * {@link ExitHandler}, and promotes hot blocks from the interpreter to compiled code.
 * One engine serves every guest thread of a process; each thread calls {@link #run} with
 * its own {@link CpuState}.
 */
public final class Engine {
    /** Tunables; the defaults suit running whole programs. */
    public static final class Config {
        /** Tier-1 compiler, or null to interpret only. */
        public Function<Block, BlockCode> compiler;
        /** Interpreted executions before a block is compiled. */
        public int jitThreshold = Integer.getInteger("emu.jit.threshold", 40);
        /** Compile every block when it is first translated (tests of the compiled tier). */
        public boolean compileImmediately;
        public int maxBlockInsns = LiftRequest.DEFAULT_MAX_INSNS;
        /** Called with every newly lifted block (the -d trace). */
        public Consumer<Block> onTranslate;
        /** Rewrites freshly lifted blocks (code hooks); null for none. */
        public Function<Block, Block> instrument;
        /** Called before each block runs (block hooks); null for none. */
        public BlockListener onBlock;
    }

    /** Sees each block before it runs. */
    public interface BlockListener {
        void beforeBlock(CpuState cpu, long pc, long endPc);
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emu-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final Isa isa;
    private final Config config;
    private final CodeCache cache = new CodeCache();
    private final boolean hasModes;

    public Engine(Isa isa, Config config) {
        this.isa = isa;
        this.config = config;
        this.hasModes = isa.hasModes();
    }

    public Engine(Isa isa) {
        this(isa, new Config());
    }

    public Isa isa() {
        return isa;
    }

    public Config config() {
        return config;
    }

    public CodeCache codeCache() {
        return cache;
    }

    /**
     * Runs guest code on {@code cpu} from its pc until a limit is reached or the handler says
     * stop. Never throws for guest behaviour: faults and traps go to the handler.
     */
    public StopReason run(CpuState cpu, RunLimits limits, ExitHandler handler) {
        ScheduledFuture<?> timer = null;
        if (limits.deadlineNanos() != 0) {
            long delay = limits.deadlineNanos() - System.nanoTime();
            timer = TIMER.schedule(() -> {
                cpu.interruptRequested = true;
            }, Math.max(delay, 0), TimeUnit.NANOSECONDS);
        }
        try {
            return loop(cpu, limits, handler);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private StopReason loop(CpuState cpu, RunLimits limits, ExitHandler handler) {
        final long[] regs = cpu.regs;
        final int pcSlot = cpu.pcSlot;
        final boolean limited = limits.any();
        final long icountEnd = limits.maxInsns() == 0 ? Long.MAX_VALUE : cpu.icount + limits.maxInsns();
        TranslatedBlock prev = null;
        while (true) {
            if (cpu.interruptRequested) {
                cpu.interruptRequested = false;
                if (limits.deadlineNanos() != 0 && System.nanoTime() - limits.deadlineNanos() >= 0) {
                    return StopReason.TIMEOUT;
                }
                if (!handler.onInterrupt(cpu)) {
                    return StopReason.INTERRUPTED;
                }
                prev = null;
            }
            long pc = regs[pcSlot];
            int mode = hasModes ? isa.mode(cpu) : 0;
            if (limited) {
                if (pc == limits.untilPc()) {
                    return StopReason.UNTIL_REACHED;
                }
                if (cpu.icount >= icountEnd) {
                    return StopReason.COUNT_EXHAUSTED;
                }
            }
            TranslatedBlock tb;
            BlockCode code;
            try {
                tb = prev != null ? prev.successors[cpu.exitIndex] : null;
                if (tb == null || !tb.isAt(pc, mode)) {
                    tb = lookupOrTranslate(cpu.mem, pc, mode);
                    if (prev != null) {
                        prev.successors[cpu.exitIndex] = tb;
                    }
                }
                code = tb.code;
                if (limited && (tb.containsAfterStart(limits.untilPc())
                        || icountEnd - cpu.icount < tb.ir.guestInsns)) {
                    // a block that would run past a limit: an uncached one that stops at it
                    int max = (int) Math.min(config.maxBlockInsns, icountEnd - cpu.icount);
                    Block cut = lift(cpu.mem, pc, mode, max, limits.untilPc());
                    BlockCode compiled = config.compileImmediately && config.compiler != null
                            ? config.compiler.apply(cut) : null;
                    code = compiled != null ? compiled : new InterpretedCode(cut);
                }
            } catch (GuestFault f) {
                // the fetch of the block's first instruction failed
                prev = null;
                if (!handler.onFault(cpu, f)) {
                    return StopReason.FAULT;
                }
                continue;
            }
            if (config.onBlock != null) {
                config.onBlock.beforeBlock(cpu, pc, tb.endPc);
                if (regs[pcSlot] != pc || cpu.interruptRequested) {
                    prev = null;
                    continue; // the hook moved the pc or asked to stop
                }
            }
            try {
                code.run(cpu);
            } catch (GuestFault f) {
                prev = null;
                if (!handler.onFault(cpu, f)) {
                    return StopReason.FAULT;
                }
                continue;
            }
            if (code instanceof InterpretedCode && tb.code == code) {
                maybeCompile(tb);
            }
            prev = tb;
            if (cpu.trap != null) {
                TrapKind kind = cpu.trap;
                cpu.trap = null;
                if (!handler.onTrap(cpu, kind, cpu.trapDetail)) {
                    return StopReason.TRAP;
                }
            }
        }
    }

    private void maybeCompile(TranslatedBlock tb) {
        if (config.compiler == null || tb.compileAttempted || ++tb.executions < config.jitThreshold) {
            return;
        }
        maybeCompileNow(tb);
    }

    private void maybeCompileNow(TranslatedBlock tb) {
        tb.compileAttempted = true;
        BlockCode compiled = config.compiler.apply(tb.ir);
        if (compiled != null && tb.valid) {
            tb.code = compiled;
        }
    }

    private TranslatedBlock lookupOrTranslate(AddressSpace mem, long pc, int mode) {
        TranslatedBlock tb = cache.get(pc, mode);
        if (tb != null) {
            return tb;
        }
        Block b = lift(mem, pc, mode, config.maxBlockInsns, -1);
        tb = new TranslatedBlock(b, new InterpretedCode(b));
        if (config.compileImmediately && config.compiler != null) {
            maybeCompileNow(tb);
        }
        mem.markCode(b.startPc, b.endPc);
        cache.put(tb);
        return tb;
    }

    private Block lift(AddressSpace mem, long pc, int mode, int maxInsns, long stopPc) {
        Block b = isa.lift(new LiftRequest(mem, pc, mode, maxInsns, stopPc));
        if (config.instrument != null) {
            b = config.instrument.apply(b);
        }
        if (config.onTranslate != null) {
            config.onTranslate.accept(b);
        }
        return b;
    }

    /** Makes every thread running this engine stop at its next block boundary. */
    public static void requestInterrupt(CpuState cpu) {
        cpu.interruptRequested = true;
    }
}

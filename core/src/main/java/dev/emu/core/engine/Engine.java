package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        /**
         * Tier-2 compiler: compiles a region (its head first) into one BlockCode, or returns
         * null when it is not a loop through the head or is too large; null for no regions.
         */
        public RegionCompilerFunction regionCompiler;
        /** Executions of a compiled block before a region is formed at it. */
        public int regionThreshold = Integer.getInteger("emu.jit.regionThreshold", 1000);
        /** Most blocks in one region. */
        public int maxRegionBlocks = Integer.getInteger("emu.jit.regionBlocks", 32);
        /**
         * Whether regions follow calls: the continuation after a call made in the region,
         * and the successor last seen at an exit with a computed target, join it, and such
         * exits (returns) compare their target with them instead of leaving. Off by default:
         * on the arm64 busybox workloads it made twice as many regions form (loops closed
         * through calls) and cost more JVM compilation than it saved (docs/performance.md).
         */
        public boolean regionFollowsCalls = Boolean.getBoolean("emu.jit.regionCalls");
        /** Called with every newly lifted block (the -d trace). */
        public Consumer<Block> onTranslate;
        /** Rewrites freshly lifted blocks (code hooks); null for none. */
        public Function<Block, Block> instrument;
        /** Called before each block runs (block hooks); null for none. */
        public BlockListener onBlock;
    }

    /**
     * Tier 2: compiles blocks (the head first) into one region, or returns null. Exits with a
     * computed target compare it with {@code indirectTargets} (pcs of some of the blocks) and
     * stay in the region on a match. The region numbers its exits across its blocks: block
     * k's exit e is the earlier blocks' exit counts plus e.
     */
    public interface RegionCompilerFunction {
        BlockCode compile(List<Block> blocks, long[] indirectTargets, int pcSlot);
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
    /**
     * A direct-mapped cache in front of the code cache's hash map, for exits whose successor
     * changes (returns, indirect branches): one array load and an identity check. Entries are
     * whole blocks, so a racing thread sees an old block or a new one, never a torn pair.
     */
    private final TranslatedBlock[] jumpCache = new TranslatedBlock[JUMP_CACHE_SIZE];
    private static final int JUMP_CACHE_SIZE = 1 << 12;
    private final boolean hasModes;
    /** The slots the mode depends on; regions join only blocks that set none of them. */
    private final int[] modeSlots;

    public Engine(Isa isa, Config config) {
        this.isa = isa;
        this.config = config;
        this.hasModes = isa.hasModes();
        this.modeSlots = hasModes ? isa.modeSlots() : new int[0];
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
        // a region runs until it leaves its blocks, so it can honour a deadline (through the
        // interrupt flag) but not an instruction count or a stop pc inside it
        final boolean counting = limits.maxInsns() != 0;
        // with modes, a region holds blocks of one mode that do not change it (keepsMode)
        final boolean regions = config.regionCompiler != null && config.onBlock == null
                && (!hasModes || modeSlots.length > 0);
        final long icountEnd = limits.maxInsns() == 0 ? Long.MAX_VALUE : cpu.icount + limits.maxInsns();
        // the successor cache of the code that ran last: its block's own, or its region's
        TranslatedBlock[] prevSuccessors = null;
        while (true) {
            if (cpu.interruptRequested) {
                cpu.interruptRequested = false;
                if (limits.deadlineNanos() != 0 && System.nanoTime() - limits.deadlineNanos() >= 0) {
                    return StopReason.TIMEOUT;
                }
                if (!handler.onInterrupt(cpu)) {
                    return StopReason.INTERRUPTED;
                }
                prevSuccessors = null;
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
            TranslatedBlock[] successors;
            try {
                // exitIndex -1: a region left at a back edge on an interrupt, or no cache
                int exit = prevSuccessors != null && cpu.exitIndex < prevSuccessors.length ? cpu.exitIndex : -1;
                tb = exit >= 0 ? prevSuccessors[exit] : null;
                if (tb == null || !tb.isAt(pc, mode)) {
                    tb = lookupOrTranslate(cpu.mem, pc, mode);
                    if (exit >= 0) {
                        prevSuccessors[exit] = tb;
                    }
                }
                // ownCode is published before code, so a region read here has its successors;
                // a stale pairing (a region installed meanwhile) only costs cache misses, since
                // every cached successor is checked with isAt
                BlockCode own = tb.ownCode;
                code = tb.code;
                successors = own == null || code == own ? tb.successors : tb.regionSuccessors;
                if (own != null && limited && tb.regionOverruns(counting, limits.untilPc())) {
                    code = own;
                    successors = tb.successors;
                }
                if (limited && (tb.containsAfterStart(limits.untilPc())
                        || icountEnd - cpu.icount < tb.ir.guestInsns)) {
                    // a block that would run past a limit: an uncached one that stops at it
                    int max = (int) Math.min(config.maxBlockInsns, icountEnd - cpu.icount);
                    Block cut = lift(cpu.mem, pc, mode, max, limits.untilPc());
                    BlockCode compiled = config.compileImmediately && config.compiler != null
                            ? config.compiler.apply(cut) : null;
                    code = compiled != null ? compiled : new InterpretedCode(cut);
                    successors = null;
                }
            } catch (GuestFault f) {
                // the fetch of the block's first instruction failed
                prevSuccessors = null;
                if (!handler.onFault(cpu, f)) {
                    return StopReason.FAULT;
                }
                continue;
            }
            if (config.onBlock != null) {
                config.onBlock.beforeBlock(cpu, pc, tb.endPc);
                if (regs[pcSlot] != pc || cpu.interruptRequested) {
                    prevSuccessors = null;
                    continue; // the hook moved the pc or asked to stop
                }
            }
            try {
                code.run(cpu);
            } catch (GuestFault f) {
                prevSuccessors = null;
                if (!handler.onFault(cpu, f)) {
                    return StopReason.FAULT;
                }
                continue;
            }
            if (code instanceof InterpretedCode && tb.code == code) {
                maybeCompile(tb);
            } else if (regions && !tb.regionAttempted && tb.code == code
                    && ++tb.executions >= config.jitThreshold + config.regionThreshold) {
                formRegion(tb);
            }
            prevSuccessors = successors;
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

    /**
     * Collects the region headed by {@code head}, breadth first up to
     * {@link Config#maxRegionBlocks}: compiled blocks reachable along constant exits and,
     * with {@link Config#regionFollowsCalls}, the continuation of each call made in the
     * region (the block after it, where the callee's return lands) and the last successor
     * seen at each exit with a computed target; exits with a computed target compare it with
     * the latter two and stay inside on a match, so a loop that calls a small function runs
     * in one method. Compiles the region (with fewer
     * blocks if it is too large) and installs it as the head's code, indexed under every page
     * of its blocks so a change to any of them drops it.
     */
    private void formRegion(TranslatedBlock head) {
        head.regionAttempted = true;
        if (!keepsMode(head)) {
            return;
        }
        List<TranslatedBlock> members = new ArrayList<>(List.of(head));
        Map<Long, TranslatedBlock> seen = new HashMap<>();
        seen.put(head.pc, head);
        List<Long> indirectTargets = new ArrayList<>();
        ArrayDeque<TranslatedBlock> queue = new ArrayDeque<>(members);
        while (!queue.isEmpty() && members.size() < config.maxRegionBlocks) {
            TranslatedBlock tb = queue.poll();
            Edges edges = edges(tb);
            List<Long> targets = new ArrayList<>();
            for (long t : edges.constantTargets) {
                targets.add(t);
            }
            if (edges.calls && config.regionFollowsCalls) {
                indirectTargets.add(tb.endPc);
                targets.add(tb.endPc);
            }
            if (config.regionFollowsCalls) {
                for (int e : edges.computedExits) {
                    TranslatedBlock seenThere = tb.successors[e];
                    if (seenThere != null && seenThere.mode == head.mode) {
                        indirectTargets.add(seenThere.pc);
                        targets.add(seenThere.pc);
                    }
                }
            }
            for (long target : targets) {
                if (seen.containsKey(target) || members.size() >= config.maxRegionBlocks) {
                    continue;
                }
                TranslatedBlock next = cache.get(target, head.mode);
                // only blocks hot enough to have been compiled: cold paths stay outside
                if (next != null && next.valid && !(next.code instanceof InterpretedCode) && keepsMode(next)) {
                    seen.put(target, next);
                    members.add(next);
                    queue.add(next);
                }
            }
        }
        long[] guesses = indirectTargets.stream().mapToLong(Long::longValue).toArray();
        // the compiler refuses regions without a loop through the head, and regions too large;
        // most hot blocks head no loop at all, so look for the back edge before compiling
        boolean guessesHead = indirectTargets.contains(head.pc);
        int loopsBy = -1;
        for (int k = 0; k < members.size() && loopsBy < 0 && !guessesHead; k++) {
            for (long t : edges(members.get(k)).constantTargets) {
                if (t == head.pc) {
                    loopsBy = k;
                }
            }
        }
        if (loopsBy < 0 && !guessesHead) {
            return;
        }
        for (int n = members.size(); n >= 1 && n > loopsBy; n = n * 2 / 3) {
            List<Block> blocks = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                blocks.add(members.get(k).ir);
            }
            BlockCode region = config.regionCompiler.compile(blocks, guesses, isa.registers().pcSlot());
            if (region != null) {
                install(head, members.subList(0, n), region);
                return;
            }
        }
    }

    private void install(TranslatedBlock head, List<TranslatedBlock> members, BlockCode region) {
        long[] ranges = new long[2 * (members.size() - 1)];
        int exits = head.ir.numExits;
        for (int k = 1; k < members.size(); k++) {
            TranslatedBlock m = members.get(k);
            cache.addPages(head, m.pc, m.endPc);
            ranges[2 * k - 2] = m.pc;
            ranges[2 * k - 1] = m.endPc;
            exits += m.ir.numExits;
        }
        // indexed first, checked after: a block invalidated from now on drops the head too
        for (TranslatedBlock m : members) {
            if (!m.valid) {
                return;
            }
        }
        synchronized (head) {
            // two threads may form the same region; the block's own code must stay its own
            if (head.ownCode == null) {
                head.regionRanges = ranges;
                head.regionSuccessors = new TranslatedBlock[exits];
                head.ownCode = head.code;
                head.code = region;
            }
        }
        // the members ran as often as the head: without this, each would head a region of
        // the same loop a moment later; one that is hot outside this region still gets its own
        for (int k = 1; k < members.size(); k++) {
            TranslatedBlock m = members.get(k);
            m.executions = Math.min(m.executions, config.jitThreshold);
        }
    }

    /**
     * Whether tb leaves in the mode it runs in: it sets no mode slot, so its exits to blocks
     * of its mode may be jumps inside a region (always true for ISAs without modes).
     */
    private boolean keepsMode(TranslatedBlock tb) {
        if (modeSlots.length == 0) {
            return true;
        }
        for (Insn in : tb.ir.insns) {
            if (in.op == Op.SET_REG) {
                for (int slot : modeSlots) {
                    if (in.imm == slot) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** What region formation follows out of one block. */
    private record Edges(long[] constantTargets, boolean calls, int[] computedExits) {}

    /**
     * The constant targets of b's EXIT and EXIT_IF instructions (the edges a region follows),
     * the exits whose target is computed, and whether the block is a call: it writes its own
     * end address, a constant, to a register or to memory (a link register or a pushed return
     * address), so its callee's return is expected there.
     */
    private static Edges edges(TranslatedBlock tb) {
        Block b = tb.ir;
        long[] constants = new long[b.numTemps()];
        boolean[] isConst = new boolean[b.numTemps()];
        long[] out = new long[b.numExits];
        int[] computed = new int[b.numExits];
        int n = 0;
        int nComputed = 0;
        boolean calls = false;
        for (int i = 0; i < b.insns.length; i++) {
            Insn in = b.insns[i];
            if (in.op == Op.CONST) {
                isConst[in.dst] = true;
                constants[in.dst] = in.imm;
            }
            int value = in.op == Op.SET_REG ? in.args[0] : in.op == Op.STORE ? in.args[1] : -1;
            if (value >= 0 && isConst[value] && constants[value] == b.endPc) {
                calls = true;
            }
            int t = in.op == Op.EXIT ? in.args[0] : in.op == Op.EXIT_IF ? in.args[1] : -1;
            if (t >= 0 && isConst[t]) {
                out[n++] = constants[t];
            } else if (t >= 0) {
                computed[nComputed++] = b.exitIndex(i);
            }
        }
        return new Edges(java.util.Arrays.copyOf(out, n), calls, java.util.Arrays.copyOf(computed, nComputed));
    }

    private TranslatedBlock lookupOrTranslate(AddressSpace mem, long pc, int mode) {
        int slot = (int) (pc ^ (pc >>> 14)) >>> 2 & (JUMP_CACHE_SIZE - 1);
        TranslatedBlock tb = jumpCache[slot];
        if (tb != null && tb.isAt(pc, mode)) {
            return tb;
        }
        tb = cache.get(pc, mode);
        if (tb != null) {
            jumpCache[slot] = tb;
            return tb;
        }
        Block b = lift(mem, pc, mode, config.maxBlockInsns, -1);
        tb = new TranslatedBlock(b, new InterpretedCode(b));
        if (config.compileImmediately && config.compiler != null) {
            maybeCompileNow(tb);
        }
        mem.markCode(b.startPc, b.endPc);
        cache.put(tb);
        jumpCache[slot] = tb;
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

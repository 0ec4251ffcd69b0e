package dev.emu.core.jit;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Type;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.lang.reflect.Method;
import java.util.ArrayDeque;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits the body of one block's {@code run(CpuState)}: guest registers and IR temps live in
 * JVM locals, every exit funnels into one shared tail that writes registers back, and a
 * single handler over the whole body makes guest faults precise.
 */
final class BlockEmitter extends ValueEmitter {
    private static final String CPU = "dev/emu/core/cpu/CpuState";
    private static final String MEM_DESC = "L" + MEM + ";";
    private static final String TLB_DESC = "[L" + TLB_ENTRY + ";";
    private static final String FAULT = "dev/emu/core/mem/GuestFault";
    private static final String TRAP_KIND = "dev/emu/core/ir/TrapKind";

    // fixed locals; 0 is this, 1 the CpuState
    private static final int STATE = 1;
    /** INSN_STARTs executed so far (the interpreter's {@code completed + 1}); a part's parameter. */
    private static final int STARTED = 2;
    private static final int REGS = 3;
    private static final int MEMORY = 4;
    /** pc of the guest instruction executing, for a fault. */
    private static final int INSN_PC = 5;
    /** next pc and exit number, set by each exit before it jumps to the shared tail. */
    private static final int NEXT_PC = 7;
    private static final int EXIT_NO = 9;
    /** Regions only: guest instructions completed in the blocks left by in-region jumps, not yet in icount. */
    private static final int REGION_DONE = 10;
    private static final int FIRST_FREE = 10;
    private static final int REGION_FIRST_FREE = 12;

    /**
     * Whether loads and stores outside page groups inline the TLB check
     * ({@code -Demu.jit.inlineTlb=true}) or call {@code AddressSpace} (the default). Inline is
     * faster in steady state but costs HotSpot more compile and warm-up work, which outweighs
     * it in runs of a few seconds: docs/engine.md.
     */
    static final boolean INLINE_TLB = Boolean.getBoolean("emu.jit.inlineTlb");

    /** Descriptor of the methods holding the second and later parts of a split block. */
    static final String PART_DESC = "(L" + CPU + ";I)J";

    private final Block b;
    private final Insn[] code;
    /** The part of the block this method holds: instructions [from, to). */
    private final int from;
    private final int to;
    /** The method holding the part that starts at {@code to}, or null for the last part. */
    private final String nextPart;
    /** JVM local of each temp, -1 for constants (pushed at each use) and unused results. */
    private final int[] tempLocal;
    /** The CONST defining a temp, or null. */
    private final Insn[] constOf;
    /** The register slot a GET_REG temp can be read from directly, or -1. */
    private final int[] aliasOf;
    private final int[] lastUse;
    /** How many operands name each temp. */
    private final int[] uses;
    /** The compare a condition temp stands for when {@link #fusesIntoNext} left it unmaterialised. */
    private final Insn[] fused;
    /** JVM local caching each register slot the part uses, or -1. */
    private final int[] regLocal;
    /** Slots the part writes, in slot order; these are written back. */
    private final int[] dirtySlots;
    /** Slots the part reads or writes, in slot order; these are loaded at entry. */
    private final int[] usedSlots;
    /** ASM label of each IR label; a region's blocks each have their own IR labels. */
    private final java.util.IdentityHashMap<dev.emu.core.ir.Label, Label> labels = new java.util.IdentityHashMap<>();
    /** The region this method holds, or null for one block. */
    private final Region region;
    /** Where each of the region's blocks starts, the target of in-region jumps. */
    private final Label[] blockLabels;
    private final boolean canFault;
    private final boolean usesMem;
    /** Locals of the inline TLB checks, when the part has loads (stores): see {@link #prologue}. */
    private final int readTlbLocal;
    private final int writeTlbLocal;
    private final int entryLocal;
    private final int addressLocal;
    private final boolean hasExit;
    /** Loads and stores that share one TLB check, and the local holding each group's page. */
    private final PageGroups pageGroups;
    private final int[] pageGroupLocal;
    private boolean inlineTlb = INLINE_TLB;
    /** The index of the instruction being emitted. */
    private int current;
    private int nextLocal;
    private final ArrayDeque<Integer> freeInts = new ArrayDeque<>();
    private final ArrayDeque<Integer> freeLongs = new ArrayDeque<>();

    /**
     * Emits instructions [from, to) of b into mv, which is {@code run(CpuState)} when from is
     * 0 and otherwise a part method of {@link #PART_DESC}; a part that does not end the block
     * continues in method {@code nextPart}.
     */
    BlockEmitter(Block b, int from, int to, String nextPart, MethodVisitor mv) {
        this(b, from, to, nextPart, mv, null);
    }

    /** With a {@link Region}, {@code b} is the region's merged block, emitted whole into one method. */
    BlockEmitter(Block b, int from, int to, String nextPart, MethodVisitor mv, Region region) {
        super(mv, b.tempTypes);
        this.b = b;
        this.region = region;
        this.code = b.insns;
        this.from = from;
        this.to = to;
        this.nextPart = nextPart;
        int temps = b.numTemps();
        tempLocal = new int[temps];
        java.util.Arrays.fill(tempLocal, -1);
        constOf = new Insn[temps];
        aliasOf = new int[temps];
        java.util.Arrays.fill(aliasOf, -1);
        lastUse = lastUses(b);
        uses = new int[temps];
        fused = new Insn[temps];
        for (Insn in : code) {
            for (int a : in.args) {
                uses[a]++;
            }
            if (in.op == Op.CONST) {
                constOf[in.dst] = in; // also those of earlier parts, which parts share
            }
        }
        int maxSlot = -1;
        boolean fault = false;
        boolean mem = false;
        boolean exit = false;
        boolean loads = false;
        boolean stores = false;
        for (int i = from; i < to; i++) {
            Insn in = code[i];
            loads |= in.op == Op.LOAD;
            stores |= in.op == Op.STORE;
            switch (in.op) {
                case GET_REG, SET_REG -> maxSlot = Math.max(maxSlot, (int) in.imm);
                case LOAD, STORE, CAS -> {
                    fault = true;
                    mem = true;
                }
                case CALL -> fault = true;
                case EXIT_IF, EXIT, TRAP -> exit = true;
                default -> { }
            }
            if (in.op == Op.GET_REG && readsUnchanged(i, in)) {
                aliasOf[in.dst] = (int) in.imm;
            }
        }
        canFault = fault;
        usesMem = mem;
        hasExit = exit || region != null;
        boolean[] used = new boolean[maxSlot + 1];
        boolean[] written = new boolean[maxSlot + 1];
        for (int i = from; i < to; i++) {
            Insn in = code[i];
            if (in.op == Op.GET_REG || in.op == Op.SET_REG) {
                used[(int) in.imm] = true;
                written[(int) in.imm] |= in.op == Op.SET_REG;
            }
        }
        regLocal = new int[maxSlot + 1];
        nextLocal = region == null ? FIRST_FREE : REGION_FIRST_FREE;
        readTlbLocal = loads ? nextLocal++ : -1;
        writeTlbLocal = stores ? nextLocal++ : -1;
        entryLocal = loads || stores ? nextLocal++ : -1;
        addressLocal = loads || stores ? nextLocal : -1;
        nextLocal += loads || stores ? 2 : 0;
        int nUsed = 0;
        int nDirty = 0;
        for (int s = 0; s <= maxSlot; s++) {
            regLocal[s] = -1;
            if (used[s]) {
                regLocal[s] = nextLocal;
                nextLocal += 2;
                nUsed++;
                nDirty += written[s] ? 1 : 0;
            }
        }
        usedSlots = new int[nUsed];
        dirtySlots = new int[nDirty];
        for (int s = 0, u = 0, d = 0; s <= maxSlot; s++) {
            if (used[s]) {
                usedSlots[u++] = s;
                if (written[s]) {
                    dirtySlots[d++] = s;
                }
            }
        }
        pageGroups = mem && PageGroups.ENABLED ? PageGroups.find(b, from, to, region == null ? null : k -> region.blockStartingAt(k) >= 0) : null;
        pageGroupLocal = new int[pageGroups == null ? 0 : pageGroups.count()];
        for (int g = 0; g < pageGroupLocal.length; g++) {
            pageGroupLocal[g] = nextLocal; // never reused: each holds a byte[] or null only
            nextLocal += 2; // and the int after it, the first access's offset in the page
        }
        blockLabels = new Label[region == null ? 0 : region.size()];
        for (int k = 0; k < blockLabels.length; k++) {
            blockLabels[k] = new Label();
        }
    }

    private Label label(Insn in) {
        return labels.computeIfAbsent(in.label(), l -> new Label());
    }

    /**
     * Generated code names helpers' classes symbolically, so they must resolve to the same
     * classes from our class loader; a helper from an unrelated loader keeps its block in the
     * interpreter.
     */
    static boolean helpersVisible(Block b) {
        ClassLoader ours = BlockEmitter.class.getClassLoader();
        for (Insn in : b.insns) {
            if (in.op == Op.CALL) {
                Class<?> owner = in.helper().method().getDeclaringClass();
                try {
                    if (Class.forName(owner.getName(), false, ours) != owner) {
                        return false;
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** For each temp, the index of its last use, or -1. */
    static int[] lastUses(Block b) {
        int[] last = new int[b.numTemps()];
        java.util.Arrays.fill(last, -1);
        for (int i = 0; i < b.insns.length; i++) {
            for (int a : b.insns[i].args) {
                last[a] = i;
            }
        }
        return last;
    }

    /**
     * Whether the GET_REG at i reads a value that stays in its register until the temp's last
     * use, so the temp can be read from the register's local instead of a copy.
     */
    private boolean readsUnchanged(int i, Insn get) {
        for (int k = i + 1; k <= lastUse[get.dst]; k++) {
            Insn in = code[k];
            if (in.op == Op.SET_REG && in.imm == get.imm || in.op == Op.CALL && in.helper().touchesState()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a block may be split into two methods: before an INSN_START that no temp other
     * than a constant lives across and no branch jumps over.
     */
    static boolean[] splitPoints(Block b, int[] lastUse) {
        Insn[] code = b.insns;
        int n = code.length;
        int[] crossing = new int[n + 2]; // difference array of live temps and pending branches
        for (int i = 0; i < n; i++) {
            Insn in = code[i];
            if (in.dst >= 0 && in.op != Op.CONST && lastUse[in.dst] > i) {
                crossing[i + 1]++;
                crossing[lastUse[in.dst] + 1]--;
            }
            if (in.op == Op.BR || in.op == Op.BR_IF) {
                crossing[i + 1]++;
                crossing[in.label().position() + 1]--;
            }
        }
        boolean[] ok = new boolean[n];
        int live = 0;
        for (int p = 0; p < n; p++) {
            live += crossing[p];
            ok[p] = p > 0 && live == 0 && code[p].op == Op.INSN_START;
        }
        return ok;
    }

    /**
     * Whether the compare at i feeds only the branch, exit or select right after it (constants
     * between emit nothing), which then jumps on the operands directly instead of on a
     * materialised 0/1.
     */
    private boolean fusesIntoNext(int i) {
        Insn in = code[i];
        if (!in.op.isCompare() || uses[in.dst] != 1) {
            return false;
        }
        int j = i + 1;
        while (j < to && code[j].op == Op.CONST) {
            j++;
        }
        if (j >= to) {
            return false;
        }
        Insn next = code[j];
        return (next.op == Op.BR_IF || next.op == Op.EXIT_IF || next.op == Op.SELECT) && next.args[0] == in.dst;
    }

    @Override
    Insn fusedCompare(int t) {
        return fused[t];
    }

    /** Emits the whole method; returns its bytecode size. */
    int emit() {
        mv.visitCode();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        if (canFault) {
            mv.visitTryCatchBlock(tryStart, tryEnd, handler, FAULT);
        }
        prologue();
        mv.visitLabel(tryStart);
        Label tail = new Label();
        int fusedAt = -1;
        for (int i = from; i < to; i++) {
            Insn in = code[i];
            int startsBlock = region == null ? -1 : region.blockStartingAt(i);
            if (startsBlock >= 0) {
                mv.visitLabel(blockLabels[startsBlock]);
            }
            if (fusesIntoNext(i)) {
                fused[in.dst] = in; // its operands stay allocated until its user is emitted
                fusedAt = i;
                continue;
            }
            current = i;
            emit(i, in, tail);
            releaseArgs(i, in);
            if (fusedAt >= 0 && in.op != Op.CONST) {
                releaseArgs(fusedAt, code[fusedAt]);
                fusedAt = -1;
            }
        }
        // the next part handles its own faults: this part's stale locals must not be written over its state
        mv.visitLabel(tryEnd);
        if (nextPart != null) {
            writeBackRegisters();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, STATE);
            mv.visitVarInsn(ILOAD, STARTED);
            mv.visitMethodInsn(INVOKEVIRTUAL, BlockCompiler.className(b), nextPart, PART_DESC, false);
            mv.visitInsn(LRETURN);
        }
        if (hasExit) {
            mv.visitLabel(tail);
            epilogue();
        }
        if (canFault) {
            mv.visitLabel(handler);
            faultHandler();
        }
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return end.getOffset();
    }

    // ------------------------------------------------------------------ frame of the method

    private void prologue() {
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitFieldInsn(GETFIELD, CPU, "regs", "[J");
        mv.visitVarInsn(ASTORE, REGS);
        if (usesMem) {
            // not final in CpuState, but execve is the only writer and it runs between blocks
            mv.visitVarInsn(ALOAD, STATE);
            mv.visitFieldInsn(GETFIELD, CPU, "mem", MEM_DESC);
            mv.visitVarInsn(ASTORE, MEMORY);
            // the TLB arrays are final in the AddressSpace: loaded once, C2 keeps them in registers
            for (int l : new int[] {readTlbLocal, writeTlbLocal}) {
                if (l >= 0) {
                    mv.visitVarInsn(ALOAD, MEMORY);
                    mv.visitFieldInsn(GETFIELD, MEM, l == readTlbLocal ? "readTlb" : "writeTlb", TLB_DESC);
                    mv.visitVarInsn(ASTORE, l);
                }
            }
        }
        if (from == 0) {
            pushInt(0);
            mv.visitVarInsn(ISTORE, STARTED);
        }
        if (region != null) {
            pushLong(0);
            mv.visitVarInsn(LSTORE, REGION_DONE);
        }
        if (canFault) {
            // the fault handler reads these, so they must be assigned on every path into it
            pushLong(from == 0 ? b.startPc : code[from].imm);
            mv.visitVarInsn(LSTORE, INSN_PC);
        }
        reloadRegisters();
    }

    private void reloadRegisters() {
        for (int s : usedSlots) {
            mv.visitVarInsn(ALOAD, REGS);
            pushInt(s);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(LSTORE, regLocal[s]);
        }
    }

    private void writeBackRegisters() {
        for (int s : dirtySlots) {
            mv.visitVarInsn(ALOAD, REGS);
            pushInt(s);
            mv.visitVarInsn(LLOAD, regLocal[s]);
            mv.visitInsn(LASTORE);
        }
    }

    /** Stores {@code pcLocal} into the pc slot. */
    private void storePc(int pcLocal) {
        mv.visitVarInsn(ALOAD, REGS);
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitFieldInsn(GETFIELD, CPU, "pcSlot", "I");
        mv.visitVarInsn(LLOAD, pcLocal);
        mv.visitInsn(LASTORE);
    }

    /** s.icount += the int {@code delta} pushes (plus, in a region, the instructions of the blocks it has left). */
    private void addIcount(Runnable delta) {
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CPU, "icount", "J");
        delta.run();
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
        if (region != null) {
            mv.visitVarInsn(LLOAD, REGION_DONE);
            mv.visitInsn(LADD);
        }
        mv.visitFieldInsn(PUTFIELD, CPU, "icount", "J");
    }

    /** The shared tail every EXIT, taken EXIT_IF and TRAP jumps to. */
    private void epilogue() {
        writeBackRegisters();
        storePc(NEXT_PC);
        addIcount(() -> mv.visitVarInsn(ILOAD, STARTED));
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitVarInsn(ILOAD, EXIT_NO);
        mv.visitFieldInsn(PUTFIELD, CPU, "exitIndex", "I");
        mv.visitVarInsn(LLOAD, NEXT_PC);
        mv.visitInsn(LRETURN);
    }

    /**
     * A GuestFault in guest instruction k: the register locals hold what instructions
     * 1..k-1 left (lifters put instruction k's register writes after its last access that
     * can fault), the pc slot names instruction k, and k-1 instructions completed.
     */
    private void faultHandler() {
        // the GuestFault stays on the operand stack under all of this
        writeBackRegisters();
        storePc(INSN_PC);
        addIcount(() -> {
            mv.visitVarInsn(ILOAD, STARTED);
            pushInt(1);
            mv.visitInsn(ISUB);
            pushInt(0);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
        });
        mv.visitInsn(ATHROW);
    }

    // ------------------------------------------------------------------ temps

    /** Pushes temp {@code t} as its own type. */
    @Override
    void load(int t) {
        Insn c = constOf[t];
        if (c != null) {
            if (w32(c.type)) {
                pushInt((int) c.imm);
            } else {
                pushLong(c.imm);
            }
            return;
        }
        if (aliasOf[t] >= 0) {
            mv.visitVarInsn(LLOAD, regLocal[aliasOf[t]]);
            if (w32(tt[t])) {
                mv.visitInsn(L2I);
            }
            return;
        }
        mv.visitVarInsn(w32(tt[t]) ? ILOAD : LLOAD, tempLocal[t]);
    }

    /** Pops the value of type {@code t} on the stack into the result of {@code in}. */
    @Override
    void store(Insn in, Type t) {
        int dst = in.dst;
        if (lastUse[dst] < 0) {
            mv.visitInsn(w32(t) ? POP : POP2);
            return;
        }
        tempLocal[dst] = allocate(t);
        mv.visitVarInsn(w32(t) ? ISTORE : LSTORE, tempLocal[dst]);
    }

    /**
     * Temps are defined once and, with only forward branches, live exactly from their
     * definition to their last use in program order; a local freed after that is reused,
     * which keeps local indices small (one-byte loads) in long blocks.
     */
    private int allocate(Type t) {
        ArrayDeque<Integer> free = w32(t) ? freeInts : freeLongs;
        if (!free.isEmpty()) {
            return free.pop();
        }
        int l = nextLocal;
        nextLocal += w32(t) ? 1 : 2;
        return l;
    }

    private void releaseArgs(int i, Insn in) {
        for (int a : in.args) {
            if (lastUse[a] == i && tempLocal[a] >= 0) {
                (w32(tt[a]) ? freeInts : freeLongs).push(tempLocal[a]);
                tempLocal[a] = -1;
            }
        }
    }

    // ------------------------------------------------------------------ one IR instruction

    private void emit(int i, Insn in, Label tail) {
        Type t = in.type;
        boolean w = w32(t);
        switch (in.op) {
            case CONST -> { } // pushed at each use
            case GET_REG -> {
                if (aliasOf[in.dst] >= 0) {
                    break;
                }
                mv.visitVarInsn(LLOAD, regLocal[(int) in.imm]);
                if (w) {
                    mv.visitInsn(L2I);
                }
                store(in, t);
            }
            case SET_REG -> {
                load(in.args[0], t);
                if (w) {
                    mv.visitInsn(I2L);
                    pushLong(0xFFFF_FFFFL);
                    mv.visitInsn(LAND);
                }
                mv.visitVarInsn(LSTORE, regLocal[(int) in.imm]);
            }
            case CALL -> call(in);
            case BR -> mv.visitJumpInsn(GOTO, label(in));
            case BR_IF -> jumpOn(in.args[0], true, label(in));
            case LABEL -> mv.visitLabel(label(in));
            case INSN_START -> {
                mv.visitIincInsn(STARTED, 1);
                if (canFault) {
                    pushLong(in.imm);
                    mv.visitVarInsn(LSTORE, INSN_PC);
                }
            }
            case EXIT_IF -> {
                Label stay = new Label();
                jumpOn(in.args[0], false, stay);
                leave(i, in.args[1], tail, false);
                mv.visitLabel(stay);
            }
            case EXIT -> leave(i, in.args[0], tail, true);
            case TRAP -> {
                mv.visitVarInsn(ALOAD, STATE);
                mv.visitFieldInsn(GETSTATIC, TRAP_KIND, ((TrapKind) in.aux).name(), "L" + TRAP_KIND + ";");
                mv.visitFieldInsn(PUTFIELD, CPU, "trap", "L" + TRAP_KIND + ";");
                mv.visitVarInsn(ALOAD, STATE);
                pushLong(in.imm);
                mv.visitFieldInsn(PUTFIELD, CPU, "trapDetail", "J");
                leave(i, in.args[0], tail, true);
            }
            default -> {
                if (pageGroups != null && pageGroups.isLeader(i)) {
                    checkPageGroup(pageGroups.groupOf(i), in);
                }
                if (!emitValue(in)) {
                    throw new IllegalStateException("no emitter for " + in);
                }
            }
        }
    }

    /** Sets the next pc and exit number and goes to the shared tail (falls into it at the end). */
    private void leave(int i, int target, Label tail, boolean last) {
        int inRegion = region == null || code[i].op == Op.TRAP ? -1 : region.targetBlock(i);
        if (inRegion >= 0) {
            jumpWithinRegion(i, inRegion, tail);
            return;
        }
        load(target, Type.I64);
        mv.visitVarInsn(LSTORE, NEXT_PC);
        int[] guesses = region == null || code[i].op == Op.TRAP ? null : region.guessedBlocks(i);
        if (guesses != null) {
            // a computed target (a return, say) that is one of the region's blocks stays inside
            for (int k : guesses) {
                Label other = new Label();
                mv.visitVarInsn(LLOAD, NEXT_PC);
                pushLong(region.blockPc(k));
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, other);
                jumpWithinRegion(i, k, tail);
                mv.visitLabel(other);
            }
        }
        // a region's exits are numbered across its blocks (Region), so they too cache a successor
        pushInt(b.exitIndex(i));
        mv.visitVarInsn(ISTORE, EXIT_NO);
        if (!(last && i == to - 1)) {
            mv.visitJumpInsn(GOTO, tail);
        }
    }

    /**
     * An exit to block k of the region: the block being left has completed all the
     * instructions it started, which move from STARTED to REGION_DONE. A backward jump (a
     * loop's back edge) first polls the interrupt flag and, if it is set, leaves the region
     * at block k's pc so the engine sees the flag.
     */
    private void jumpWithinRegion(int i, int k, Label tail) {
        mv.visitVarInsn(LLOAD, REGION_DONE);
        mv.visitVarInsn(ILOAD, STARTED);
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LSTORE, REGION_DONE);
        pushInt(0);
        mv.visitVarInsn(ISTORE, STARTED);
        long pc = region.blockPc(k);
        if (canFault) {
            // a fault before the target's first INSN_START names the target's start, as in tier 1
            pushLong(pc);
            mv.visitVarInsn(LSTORE, INSN_PC);
        }
        int pcSlot = region.pcSlot();
        if (pcSlot < regLocal.length && regLocal[pcSlot] >= 0) {
            // a block that reads the pc register sees its own start, as in tier 1
            pushLong(pc);
            mv.visitVarInsn(LSTORE, regLocal[pcSlot]);
        }
        if (region.touchesState()) {
            // state-touching helpers see the pc slot at the start of their block, as in tier 1
            mv.visitVarInsn(ALOAD, REGS);
            mv.visitVarInsn(ALOAD, STATE);
            mv.visitFieldInsn(GETFIELD, CPU, "pcSlot", "I");
            pushLong(pc);
            mv.visitInsn(LASTORE);
        }
        if (region.blockStart(k) > i) {
            mv.visitJumpInsn(GOTO, blockLabels[k]);
            return;
        }
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitFieldInsn(GETFIELD, CPU, "interruptRequested", "Z");
        mv.visitJumpInsn(IFEQ, blockLabels[k]);
        pushLong(pc);
        mv.visitVarInsn(LSTORE, NEXT_PC);
        pushInt(-1);
        mv.visitVarInsn(ISTORE, EXIT_NO);
        mv.visitJumpInsn(GOTO, tail);
    }

    @Override
    void pushMemory() {
        mv.visitVarInsn(ALOAD, MEMORY);
    }

    @Override
    int tlbLocal(boolean write) {
        return write ? writeTlbLocal : readTlbLocal;
    }

    /** Overrides {@link #INLINE_TLB} for this method (the co-simulation tests both ways). */
    BlockEmitter inlineTlb(boolean on) {
        inlineTlb = on;
        return this;
    }

    @Override
    boolean inlineTlb() {
        return inlineTlb;
    }

    @Override
    int entryLocal() {
        return entryLocal;
    }

    @Override
    int addressLocal() {
        return addressLocal;
    }

    /**
     * At a page group's first access: checks the TLB once for the page holding the group's
     * whole span (the leader's address plus the span's start) and keeps its array, or null,
     * and the leader's offset in it.
     */
    private void checkPageGroup(int g, Insn leader) {
        int page = pageGroupLocal[g];
        load(leader.args[0], Type.I64);
        mv.visitVarInsn(LSTORE, addressLocal);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, page);
        Label miss = new Label();
        long start = pageGroups.spanStart(g);
        tlbCheck(pageGroups.isStores(g), start, start + pageGroups.spanLength(g) - 1, miss);
        mv.visitVarInsn(ALOAD, entryLocal);
        mv.visitFieldInsn(GETFIELD, TLB_ENTRY, "data", "[B");
        mv.visitVarInsn(ASTORE, page);
        mv.visitLabel(miss);
        mv.visitVarInsn(LLOAD, addressLocal);
        mv.visitInsn(L2I);
        pushInt(dev.emu.core.mem.AddressSpace.PAGE_SIZE - 1);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, page + 1);
    }

    @Override
    int pageDelta(Insn in) {
        return pageGroups.delta(current);
    }

    @Override
    int pageLocal(Insn in) {
        int g = pageGroups == null || code[current] != in ? -1 : pageGroups.groupOf(current);
        return g < 0 ? -1 : pageGroupLocal[g];
    }

    // ------------------------------------------------------------------ helpers

    private void call(Insn in) {
        Helper h = in.helper();
        Method m = h.method();
        boolean state = h.touchesState();
        if (state) {
            // the helper sees the registers as the IR has set them so far ...
            writeBackRegisters();
            if (region != null) {
                // ... and icount as at the start of its block, as in tier 1
                mv.visitVarInsn(ALOAD, STATE);
                mv.visitInsn(DUP);
                mv.visitFieldInsn(GETFIELD, CPU, "icount", "J");
                mv.visitVarInsn(LLOAD, REGION_DONE);
                mv.visitInsn(LADD);
                mv.visitFieldInsn(PUTFIELD, CPU, "icount", "J");
                pushLong(0);
                mv.visitVarInsn(LSTORE, REGION_DONE);
            }
            mv.visitVarInsn(ALOAD, STATE);
        }
        for (int k = 0; k < in.args.length; k++) {
            load(in.args[k], h.paramType(k));
        }
        mv.visitMethodInsn(INVOKESTATIC, org.objectweb.asm.Type.getInternalName(m.getDeclaringClass()),
                m.getName(), org.objectweb.asm.Type.getMethodDescriptor(m), m.getDeclaringClass().isInterface());
        if (h.returnType() != null) {
            store(in, h.returnType());
        }
        if (state) {
            // ... and the block sees what it changed
            reloadRegisters();
        }
    }
}

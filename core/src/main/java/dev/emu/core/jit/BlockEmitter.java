package dev.emu.core.jit;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.MemOp;
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
final class BlockEmitter {
    private static final String CPU = "dev/emu/core/cpu/CpuState";
    private static final String MEM = "dev/emu/core/mem/AddressSpace";
    private static final String MEM_DESC = "L" + MEM + ";";
    private static final String OPS = "dev/emu/core/rt/Ops";
    private static final String FAULT = "dev/emu/core/mem/GuestFault";
    private static final String TRAP_KIND = "dev/emu/core/ir/TrapKind";

    // fixed locals; 0 is this
    private static final int STATE = 1;
    private static final int REGS = 2;
    private static final int MEMORY = 3;
    /** INSN_STARTs executed so far (the interpreter's {@code completed + 1}). */
    private static final int STARTED = 4;
    /** pc of the guest instruction executing, for a fault. */
    private static final int INSN_PC = 5;
    /** next pc and exit number, set by each exit before it jumps to the shared tail. */
    private static final int NEXT_PC = 7;
    private static final int EXIT_NO = 9;
    private static final int FIRST_FREE = 10;

    private final Block b;
    private final Insn[] code;
    private final MethodVisitor mv;
    private final Type[] tt;
    /** JVM local of each temp, -1 for constants (pushed at each use) and unused results. */
    private final int[] tempLocal;
    /** The CONST defining a temp, or null. */
    private final Insn[] constOf;
    private final int[] lastUse;
    /** JVM local caching each register slot the block uses, or -1. */
    private final int[] regLocal;
    /** Slots the block writes, in slot order; these are written back. */
    private final int[] dirtySlots;
    /** Slots the block reads or writes, in slot order; these are loaded at entry. */
    private final int[] usedSlots;
    private final Label[] labels;
    private final boolean canFault;
    private final boolean usesMem;
    private int nextLocal;
    private final ArrayDeque<Integer> freeInts = new ArrayDeque<>();
    private final ArrayDeque<Integer> freeLongs = new ArrayDeque<>();

    BlockEmitter(Block b, MethodVisitor mv) {
        this.b = b;
        this.code = b.insns;
        this.mv = mv;
        this.tt = b.tempTypes;
        int temps = b.numTemps();
        tempLocal = new int[temps];
        java.util.Arrays.fill(tempLocal, -1);
        constOf = new Insn[temps];
        lastUse = new int[temps];
        java.util.Arrays.fill(lastUse, -1);
        int maxSlot = -1;
        boolean fault = false;
        boolean mem = false;
        for (int i = 0; i < code.length; i++) {
            Insn in = code[i];
            for (int a : in.args) {
                lastUse[a] = i;
            }
            switch (in.op) {
                case CONST -> constOf[in.dst] = in;
                case GET_REG, SET_REG -> maxSlot = Math.max(maxSlot, (int) in.imm);
                case LOAD, STORE, CAS -> {
                    fault = true;
                    mem = true;
                }
                case CALL -> fault = true;
                default -> { }
            }
        }
        canFault = fault;
        usesMem = mem;
        boolean[] used = new boolean[maxSlot + 1];
        boolean[] written = new boolean[maxSlot + 1];
        for (Insn in : code) {
            if (in.op == Op.GET_REG || in.op == Op.SET_REG) {
                used[(int) in.imm] = true;
                written[(int) in.imm] |= in.op == Op.SET_REG;
            }
        }
        regLocal = new int[maxSlot + 1];
        nextLocal = FIRST_FREE;
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
        labels = new Label[b.numLabels];
        for (int l = 0; l < labels.length; l++) {
            labels[l] = new Label();
        }
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
        for (int i = 0; i < code.length; i++) {
            emit(i, code[i], tail);
            releaseArgs(i, code[i]);
        }
        mv.visitLabel(tail);
        epilogue();
        mv.visitLabel(tryEnd);
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
        }
        pushInt(0);
        mv.visitVarInsn(ISTORE, STARTED);
        if (canFault) {
            // the fault handler reads these, so they must be assigned on every path into it
            pushLong(b.startPc);
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

    /** s.icount += the int {@code delta} pushes. */
    private void addIcount(Runnable delta) {
        mv.visitVarInsn(ALOAD, STATE);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CPU, "icount", "J");
        delta.run();
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
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

    private boolean w32(Type t) {
        return t == Type.I32;
    }

    /** Pushes temp {@code t} as its own type. */
    private void load(int t) {
        Insn c = constOf[t];
        if (c != null) {
            if (w32(c.type)) {
                pushInt((int) c.imm);
            } else {
                pushLong(c.imm);
            }
            return;
        }
        mv.visitVarInsn(w32(tt[t]) ? ILOAD : LLOAD, tempLocal[t]);
    }

    /**
     * Pushes temp {@code t} as {@code want}, converting the way the interpreter's
     * sign-extended longs do (an I32 read of an I64 takes the low half).
     */
    private void load(int t, Type want) {
        load(t);
        if (tt[t] != want) {
            mv.visitInsn(w32(want) ? L2I : I2L);
        }
    }

    /** Pops the value of type {@code t} on the stack into the result of {@code in}. */
    private void store(Insn in, Type t) {
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

    private void pushInt(int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private void pushLong(long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    // ------------------------------------------------------------------ one IR instruction

    private void emit(int i, Insn in, Label tail) {
        Type t = in.type;
        boolean w = w32(t);
        switch (in.op) {
            case CONST -> { } // pushed at each use
            case GET_REG -> {
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
            case ADD -> binary(in, IADD, LADD);
            case SUB -> binary(in, ISUB, LSUB);
            case MUL -> binary(in, IMUL, LMUL);
            case AND -> binary(in, IAND, LAND);
            case OR -> binary(in, IOR, LOR);
            case XOR -> binary(in, IXOR, LXOR);
            case SHL -> shift(in, ISHL, LSHL);
            case SHR -> shift(in, IUSHR, LUSHR);
            case SAR -> shift(in, ISHR, LSHR);
            case ROTL, ROTR -> {
                load(in.args[0], t);
                load(in.args[1], Type.I32); // the JDK masks the distance as the IR says
                String name = in.op == Op.ROTL ? "rotateLeft" : "rotateRight";
                if (w) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", name, "(II)I", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", name, "(JI)J", false);
                }
                store(in, t);
            }
            case MULHS -> opsBinary(in, "mulhs");
            case MULHU -> opsBinary(in, "mulhu");
            case DIVS -> opsBinary(in, "divs");
            case DIVU -> opsBinary(in, "divu");
            case REMS -> opsBinary(in, "rems");
            case REMU -> opsBinary(in, "remu");
            case NEG -> {
                load(in.args[0], t);
                mv.visitInsn(w ? INEG : LNEG);
                store(in, t);
            }
            case NOT -> {
                load(in.args[0], t);
                if (w) {
                    mv.visitInsn(ICONST_M1);
                    mv.visitInsn(IXOR);
                } else {
                    mv.visitLdcInsn(-1L);
                    mv.visitInsn(LXOR);
                }
                store(in, t);
            }
            case CLZ -> countBits(in, "numberOfLeadingZeros");
            case CTZ -> countBits(in, "numberOfTrailingZeros");
            case POPCNT -> countBits(in, "bitCount");
            case BSWAP -> {
                load(in.args[0], t);
                if (w) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "reverseBytes", "(I)I", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "reverseBytes", "(J)J", false);
                }
                store(in, t);
            }
            case SEXT -> extend(in, true);
            case ZEXT -> extend(in, false);
            case CMP_EQ, CMP_NE, CMP_LTS, CMP_LES, CMP_LTU, CMP_LEU -> compare(in);
            case SELECT -> {
                Label other = new Label();
                Label done = new Label();
                load(in.args[0], Type.I32);
                mv.visitJumpInsn(IFEQ, other);
                load(in.args[1], t);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(other);
                load(in.args[2], t);
                mv.visitLabel(done);
                store(in, t);
            }
            case LOAD -> load(in);
            case STORE -> store(in);
            case CAS -> cas(in);
            case FENCE -> mv.visitMethodInsn(INVOKESTATIC, MEM, "fence", "()V", false);
            case FADD -> opsBinary(in, "fadd");
            case FSUB -> opsBinary(in, "fsub");
            case FMUL -> opsBinary(in, "fmul");
            case FDIV -> opsBinary(in, "fdiv");
            case FSQRT -> {
                load(in.args[0], t);
                ops(w ? "fsqrt32" : "fsqrt64", w ? "(I)I" : "(J)J");
                store(in, t);
            }
            case FMA -> {
                load(in.args[0], t);
                load(in.args[1], t);
                load(in.args[2], t);
                ops(w ? "fma32" : "fma64", w ? "(III)I" : "(JJJ)J");
                store(in, t);
            }
            case FCMP_EQ -> floatCompare(in, "fcmpEq");
            case FCMP_LT -> floatCompare(in, "fcmpLt");
            case FCMP_LE -> floatCompare(in, "fcmpLe");
            case FCMP_UN -> floatCompare(in, "fcmpUn");
            case FCVT -> {
                if (w) {
                    load(in.args[0], Type.I64);
                    ops("f64to32", "(J)I");
                } else {
                    load(in.args[0], Type.I32);
                    ops("f32to64", "(I)J");
                }
                store(in, t);
            }
            case SITOF, UITOF -> {
                boolean from32 = w32(tt[in.args[0]]);
                load(in.args[0]);
                String name = (in.op == Op.SITOF ? "s" : "u") + (from32 ? "32" : "64") + "tof" + (w ? "32" : "64");
                ops(name, "(" + (from32 ? "I" : "J") + ")" + (w ? "I" : "J"));
                store(in, t);
            }
            case FTOSI, FTOUI -> {
                // the interpreter takes the source format from imm, not from the temp's type
                boolean from32 = in.imm == 0;
                load(in.args[0], from32 ? Type.I32 : Type.I64);
                String name = "f" + (from32 ? "32" : "64") + "to" + (in.op == Op.FTOSI ? "s" : "u") + (w ? "32" : "64");
                ops(name, "(" + (from32 ? "I" : "J") + ")" + (w ? "I" : "J"));
                store(in, t);
            }
            case CALL -> call(in);
            case BR -> mv.visitJumpInsn(GOTO, labels[in.label().id()]);
            case BR_IF -> {
                load(in.args[0], Type.I32);
                mv.visitJumpInsn(IFNE, labels[in.label().id()]);
            }
            case LABEL -> mv.visitLabel(labels[in.label().id()]);
            case INSN_START -> {
                mv.visitIincInsn(STARTED, 1);
                if (canFault) {
                    pushLong(in.imm);
                    mv.visitVarInsn(LSTORE, INSN_PC);
                }
            }
            case EXIT_IF -> {
                Label stay = new Label();
                load(in.args[0], Type.I32);
                mv.visitJumpInsn(IFEQ, stay);
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
        }
    }

    /** Sets the next pc and exit number and goes to the shared tail (falls into it at the end). */
    private void leave(int i, int target, Label tail, boolean last) {
        load(target, Type.I64);
        mv.visitVarInsn(LSTORE, NEXT_PC);
        pushInt(b.exitIndex(i));
        mv.visitVarInsn(ISTORE, EXIT_NO);
        if (!(last && i == code.length - 1)) {
            mv.visitJumpInsn(GOTO, tail);
        }
    }

    private void binary(Insn in, int op32, int op64) {
        boolean w = w32(in.type);
        load(in.args[0], in.type);
        load(in.args[1], in.type);
        mv.visitInsn(w ? op32 : op64);
        store(in, in.type);
    }

    private void shift(Insn in, int op32, int op64) {
        // the JVM masks the distance to the width, which is the IR's rule
        load(in.args[0], in.type);
        load(in.args[1], Type.I32);
        mv.visitInsn(w32(in.type) ? op32 : op64);
        store(in, in.type);
    }

    private void ops(String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, OPS, name, desc, false);
    }

    private void opsBinary(Insn in, String stem) {
        boolean w = w32(in.type);
        load(in.args[0], in.type);
        load(in.args[1], in.type);
        ops(stem + (w ? "32" : "64"), w ? "(II)I" : "(JJ)J");
        store(in, in.type);
    }

    private void floatCompare(Insn in, String stem) {
        boolean w = w32(in.type);
        load(in.args[0], in.type);
        load(in.args[1], in.type);
        ops(stem + (w ? "32" : "64"), w ? "(II)I" : "(JJ)I");
        store(in, Type.I32);
    }

    private void countBits(Insn in, String name) {
        load(in.args[0], in.type);
        if (w32(in.type)) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", name, "(I)I", false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", name, "(J)I", false);
            mv.visitInsn(I2L);
        }
        store(in, in.type);
    }

    private void extend(Insn in, boolean signed) {
        int bits = (int) in.imm;
        Type to = in.type;
        int src = in.args[0];
        if (bits == 32) {
            if (w32(to)) {
                load(src, Type.I32); // either way, the low 32 bits
            } else if (signed) {
                load(src, Type.I32);
                mv.visitInsn(I2L);
            } else {
                load(src, Type.I64);
                pushLong(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
        } else {
            load(src, Type.I32);
            if (signed) {
                mv.visitInsn(bits == 8 ? I2B : I2S);
            } else {
                pushInt(bits == 8 ? 0xFF : 0xFFFF);
                mv.visitInsn(IAND);
            }
            if (!w32(to)) {
                mv.visitInsn(I2L);
            }
        }
        store(in, to);
    }

    private void compare(Insn in) {
        boolean w = w32(in.type);
        load(in.args[0], in.type);
        load(in.args[1], in.type);
        Label no = new Label();
        Label done = new Label();
        if (w) {
            switch (in.op) {
                case CMP_EQ -> mv.visitJumpInsn(IF_ICMPNE, no);
                case CMP_NE -> mv.visitJumpInsn(IF_ICMPEQ, no);
                case CMP_LTS -> mv.visitJumpInsn(IF_ICMPGE, no);
                case CMP_LES -> mv.visitJumpInsn(IF_ICMPGT, no);
                default -> {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
                    mv.visitJumpInsn(in.op == Op.CMP_LTU ? IFGE : IFGT, no);
                }
            }
        } else {
            switch (in.op) {
                case CMP_EQ, CMP_NE, CMP_LTS, CMP_LES -> mv.visitInsn(LCMP);
                default -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
            }
            mv.visitJumpInsn(switch (in.op) {
                case CMP_EQ -> IFNE;
                case CMP_NE -> IFEQ;
                case CMP_LTS, CMP_LTU -> IFGE;
                default -> IFGT;
            }, no);
        }
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        mv.visitInsn(ICONST_0);
        mv.visitLabel(done);
        store(in, Type.I32);
    }

    // ------------------------------------------------------------------ memory

    private static String order(long memOp) {
        return MemOp.bigEndian(memOp) ? "be" : "le";
    }

    private void memCall(String name, String desc) {
        mv.visitMethodInsn(INVOKEVIRTUAL, MEM, name, desc, false);
    }

    /** LOAD: the same extensions, in the same order, as the interpreter's. */
    private void load(Insn in) {
        Type t = in.type;
        int size = MemOp.size(in.imm);
        boolean signed = MemOp.signed(in.imm);
        mv.visitVarInsn(ALOAD, MEMORY);
        load(in.args[0], Type.I64);
        switch (size) {
            case 1 -> {
                memCall("ld8", "(J)I");
                if (signed) {
                    mv.visitInsn(I2B);
                }
                widen(t);
            }
            case 2 -> {
                memCall("ld16" + order(in.imm), "(J)I");
                if (signed) {
                    mv.visitInsn(I2S);
                } else {
                    pushInt(0xFFFF);
                    mv.visitInsn(IAND);
                }
                widen(t);
            }
            case 4 -> {
                memCall("ld32" + order(in.imm), "(J)I");
                if (!w32(t)) {
                    mv.visitInsn(I2L);
                    if (!signed) {
                        pushLong(0xFFFF_FFFFL);
                        mv.visitInsn(LAND);
                    }
                }
            }
            default -> {
                memCall("ld64" + order(in.imm), "(J)J");
                if (w32(t)) {
                    mv.visitInsn(L2I);
                }
            }
        }
        store(in, t);
    }

    private void widen(Type t) {
        if (!w32(t)) {
            mv.visitInsn(I2L);
        }
    }

    private void store(Insn in) {
        int size = MemOp.size(in.imm);
        mv.visitVarInsn(ALOAD, MEMORY);
        load(in.args[0], Type.I64);
        if (size == 8) {
            load(in.args[1], Type.I64);
            memCall("st64" + order(in.imm), "(JJ)V");
        } else {
            load(in.args[1], Type.I32);
            memCall(size == 1 ? "st8" : "st" + size * 8 + order(in.imm), "(JI)V");
        }
    }

    private void cas(Insn in) {
        Type t = in.type;
        mv.visitVarInsn(ALOAD, MEMORY);
        load(in.args[0], Type.I64);
        if (MemOp.size(in.imm) == 4) {
            load(in.args[1], Type.I32);
            load(in.args[2], Type.I32);
            memCall("cas32" + order(in.imm), "(JII)I");
            if (!w32(t)) {
                // the old value comes back zero-extended
                mv.visitInsn(I2L);
                pushLong(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
        } else {
            load(in.args[1], Type.I64);
            load(in.args[2], Type.I64);
            memCall("cas64" + order(in.imm), "(JJJ)J");
            if (w32(t)) {
                mv.visitInsn(L2I);
            }
        }
        store(in, t);
    }

    // ------------------------------------------------------------------ helpers

    private void call(Insn in) {
        Helper h = in.helper();
        Method m = h.method();
        boolean state = h.touchesState();
        if (state) {
            // the helper sees the registers as the IR has set them so far ...
            writeBackRegisters();
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

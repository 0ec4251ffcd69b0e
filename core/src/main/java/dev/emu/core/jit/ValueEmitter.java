package dev.emu.core.jit;

import dev.emu.core.ir.Insn;
import dev.emu.core.ir.MemOp;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.Type;
import dev.emu.core.mem.AddressSpace;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * The emitters of the IR ops that compute values (arithmetic, compares, extensions, floats,
 * memory): each takes its operands from temps and leaves its result in a temp, one JVM
 * instruction or one {@code invokestatic} into {@link dev.emu.core.rt.Ops} where it can.
 * Where temps live, and everything about guest state and control flow, is
 * {@link BlockEmitter}'s.
 */
abstract class ValueEmitter {
    static final String MEM = "dev/emu/core/mem/AddressSpace";
    static final String OPS = "dev/emu/core/rt/Ops";
    static final String PAGE = "dev/emu/core/mem/PageAccess";
    static final String TLB_ENTRY = "dev/emu/core/mem/TlbEntry";

    final MethodVisitor mv;
    /** The type of every temp of the block. */
    final Type[] tt;

    ValueEmitter(MethodVisitor mv, Type[] tempTypes) {
        this.mv = mv;
        this.tt = tempTypes;
    }

    /** Pushes temp {@code t} as its own type. */
    abstract void load(int t);

    /** Pops the value of type {@code t} on the stack into the result of {@code in}. */
    abstract void store(Insn in, Type t);

    /** Pushes the block's AddressSpace. */
    abstract void pushMemory();

    /** The local holding the AddressSpace's read TLB array ({@code write}: its write TLB), loaded at entry. */
    abstract int tlbLocal(boolean write);

    /**
     * Whether an access outside a page group spells out the TLB check (see
     * {@link #memAccess}) or calls the {@code AddressSpace} method, as before 2026-11-28.
     */
    abstract boolean inlineTlb();

    /** A scratch local for the TLB entry of the access being emitted. */
    abstract int entryLocal();

    /** A scratch local (two slots) for the address of the access being emitted. */
    abstract int addressLocal();

    /**
     * The local holding the page (or null) that a TLB check gave the access {@code in}'s
     * group, or -1 when the access asks the TLB itself. The next local holds the offset in
     * that page of the group's first access.
     */
    int pageLocal(Insn in) {
        return -1;
    }

    /** For an access of a page group: its address minus that of the group's first access. */
    int pageDelta(Insn in) {
        return 0;
    }

    static boolean w32(Type t) {
        return t == Type.I32;
    }

    /**
     * Pushes temp {@code t} as {@code want}, converting the way the interpreter's
     * sign-extended longs do (an I32 read of an I64 takes the low half).
     */
    final void load(int t, Type want) {
        load(t);
        if (tt[t] != want) {
            mv.visitInsn(w32(want) ? L2I : I2L);
        }
    }

    final void pushInt(int v) {
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

    final void pushLong(long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /** Emits a value op; false when {@code in} is not one. */
    final boolean emitValue(Insn in) {
        Type t = in.type;
        boolean w = w32(t);
        switch (in.op) {
            case ADD -> binary(in, IADD, LADD);
            case SUB -> binary(in, ISUB, LSUB);
            case MUL -> binary(in, IMUL, LMUL);
            case AND -> binary(in, IAND, LAND);
            case OR -> binary(in, IOR, LOR);
            case XOR -> binary(in, IXOR, LXOR);
            case SHL -> shift(in, ISHL, LSHL);
            case SHR -> shift(in, IUSHR, LUSHR);
            case SAR -> shift(in, ISHR, LSHR);
            case ROTL, ROTR -> rotate(in);
            case MULHS -> {
                if (w) {
                    mulWide(in, false);
                } else {
                    load(in.args[0], t);
                    load(in.args[1], t);
                    multiplyHigh(); // a C2 intrinsic, inlined or not
                    store(in, t);
                }
            }
            case MULHU -> {
                if (w) {
                    mulWide(in, true);
                } else {
                    mulhu64(in);
                }
            }
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
                jumpOn(in.args[0], false, other);
                load(in.args[1], t);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(other);
                load(in.args[2], t);
                mv.visitLabel(done);
                store(in, t);
            }
            case LOAD -> loadMemory(in);
            case STORE -> storeMemory(in);
            case CAS -> cas(in);
            case FENCE -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/VarHandle", "fullFence", "()V", false);
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
            default -> {
                return false;
            }
        }
        return true;
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

    // Small ops are spelled out in bytecode rather than called: HotSpot does not inline calls
    // into methods as large as a region's, and a call per instruction costs more than the op.

    /**
     * {@code x << d | x >>> -d} (right: the other way round), which C2 turns into one rotate;
     * the JVM masks both distances to the width, as the IR's rule does.
     */
    private void rotate(Insn in) {
        boolean w = w32(in.type);
        boolean left = in.op == Op.ROTL;
        load(in.args[0], in.type);
        load(in.args[1], Type.I32);
        mv.visitInsn(left ? (w ? ISHL : LSHL) : (w ? IUSHR : LUSHR));
        load(in.args[0], in.type);
        load(in.args[1], Type.I32);
        mv.visitInsn(INEG);
        mv.visitInsn(left ? (w ? IUSHR : LUSHR) : (w ? ISHL : LSHL));
        mv.visitInsn(w ? IOR : LOR);
        store(in, in.type);
    }

    /** The high half of a 32 x 32 -> 64-bit product, as {@code Ops.mulhs32}/{@code mulhu32}. */
    private void mulWide(Insn in, boolean unsigned) {
        for (int k = 0; k < 2; k++) {
            load(in.args[k], Type.I32);
            mv.visitInsn(I2L);
            if (unsigned) {
                pushLong(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
        }
        mv.visitInsn(LMUL);
        pushInt(32);
        mv.visitInsn(unsigned ? LUSHR : LSHR);
        mv.visitInsn(L2I);
        store(in, Type.I32);
    }

    private void multiplyHigh() {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "multiplyHigh", "(JJ)J", false);
    }

    /** As {@code Ops.mulhu64}: the signed high half corrected by {@code (a >> 63) & b} and {@code (b >> 63) & a}. */
    private void mulhu64(Insn in) {
        int a = in.args[0];
        int b = in.args[1];
        load(a, Type.I64);
        load(b, Type.I64);
        multiplyHigh();
        for (int k = 0; k < 2; k++) {
            load(k == 0 ? a : b, Type.I64);
            pushInt(63);
            mv.visitInsn(LSHR);
            load(k == 0 ? b : a, Type.I64);
            mv.visitInsn(LAND);
            mv.visitInsn(LADD);
        }
        store(in, Type.I64);
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
        Label no = new Label();
        Label done = new Label();
        compareJump(in, false, no);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        mv.visitInsn(ICONST_0);
        mv.visitLabel(done);
        store(in, Type.I32);
    }

    /**
     * Jumps to {@code target} when the integer compare {@code in} comes out {@code when}.
     * Relations are offsets from IFEQ (and IF_ICMPEQ): EQ, NE, LT, GE, GT, LE, so that
     * {@code r ^ 1} is the negation.
     */
    final void compareJump(Insn in, boolean when, Label target) {
        boolean w = w32(in.type);
        boolean unsigned = in.op == Op.CMP_LTU || in.op == Op.CMP_LEU;
        // unsigned: flipping both sign bits turns it into the signed compare
        loadCompared(in.args[0], in.type, unsigned);
        loadCompared(in.args[1], in.type, unsigned);
        int relation = switch (in.op) {
            case CMP_EQ -> 0;
            case CMP_NE -> 1;
            case CMP_LTS, CMP_LTU -> 2;
            default -> 5;
        };
        if (!when) {
            relation ^= 1;
        }
        if (w) {
            mv.visitJumpInsn(IF_ICMPEQ + relation, target);
            return;
        }
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ + relation, target);
    }

    private void loadCompared(int t, Type type, boolean flipSign) {
        load(t, type);
        if (flipSign) {
            if (w32(type)) {
                pushInt(Integer.MIN_VALUE);
                mv.visitInsn(IXOR);
            } else {
                pushLong(Long.MIN_VALUE);
                mv.visitInsn(LXOR);
            }
        }
    }

    /** The compare whose result temp t is, when it was left unmaterialised for its one user; or null. */
    Insn fusedCompare(int t) {
        return null;
    }

    /** Jumps to {@code target} when the I32 condition temp {@code cond} is non-zero ({@code when}) or zero. */
    final void jumpOn(int cond, boolean when, Label target) {
        Insn cmp = fusedCompare(cond);
        if (cmp != null) {
            compareJump(cmp, when, target);
            return;
        }
        load(cond, Type.I32);
        mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    }

    // ------------------------------------------------------------------ memory

    private static String order(long memOp) {
        return MemOp.bigEndian(memOp) ? "be" : "le";
    }

    /**
     * One guest access, all of its fast path in this method's own bytecode: HotSpot does not
     * inline calls into a method as large as a region (its inlining budget counts the
     * caller's own bytecode), so a fast path behind a call costs a call per access. Outside
     * a page group: the TLB check of {@link #tlbCheck}; in a group: the null test of the page
     * its leader's check left. Then the access itself on the page array, through a
     * {@link java.lang.invoke.VarHandle} constant (which HotSpot inlines whatever the budget)
     * or a byte array instruction. Anything else (a miss, a page crossing, copy-on-write, code
     * on the page, hooks, faults) calls the {@code AddressSpace} method {@code name}, which
     * checks the TLB again and takes its slow path.
     */
    private void memAccess(Insn in, String name, String desc) {
        boolean store = in.op == Op.STORE;
        int size = MemOp.size(in.imm);
        int page = pageLocal(in);
        if (page < 0 && !inlineTlb()) {
            slowAccess(in, name, desc, false);
            return;
        }
        Label slow = new Label();
        Label done = new Label();
        if (page < 0) {
            load(in.args[0], Type.I64);
            mv.visitVarInsn(LSTORE, addressLocal());
            tlbCheck(store, 0, size - 1, slow);
            pageAccess(in, () -> {
                mv.visitVarInsn(ALOAD, entryLocal());
                mv.visitFieldInsn(GETFIELD, TLB_ENTRY, "data", "[B");
            }, () -> {
                mv.visitVarInsn(LLOAD, addressLocal());
                mv.visitInsn(L2I);
                pushInt(AddressSpace.PAGE_SIZE - 1);
                mv.visitInsn(IAND);
            });
        } else {
            mv.visitVarInsn(ALOAD, page);
            mv.visitJumpInsn(IFNULL, slow);
            pageAccess(in, () -> mv.visitVarInsn(ALOAD, page), () -> {
                // the first access's offset plus a constant, so that C2 sees one index for the group
                mv.visitVarInsn(ILOAD, page + 1);
                int delta = pageDelta(in);
                if (delta != 0) {
                    pushInt(delta);
                    mv.visitInsn(IADD);
                }
            });
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        slowAccess(in, name, desc, page < 0);
        mv.visitLabel(done);
    }

    /** Calls the typed {@code AddressSpace} method; the address from {@link #addressLocal} or its temp. */
    private void slowAccess(Insn in, String name, String desc, boolean addressInLocal) {
        pushMemory();
        if (addressInLocal) {
            mv.visitVarInsn(LLOAD, addressLocal());
        } else {
            load(in.args[0], Type.I64);
        }
        if (in.op == Op.STORE) {
            pushStoreValue(in);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, MEM, name, desc, false);
    }

    /**
     * The access itself on a page array that a TLB check vouched for; loads leave what the
     * {@code AddressSpace} method would return (8 and 16 bits zero-extended).
     */
    private void pageAccess(Insn in, Runnable pushPage, Runnable pushOffset) {
        boolean store = in.op == Op.STORE;
        int size = MemOp.size(in.imm);
        if (size == 1) {
            pushPage.run();
            pushOffset.run();
            if (store) {
                pushStoreValue(in);
                mv.visitInsn(BASTORE);
            } else {
                mv.visitInsn(BALOAD);
                pushInt(0xFF);
                mv.visitInsn(IAND);
            }
            return;
        }
        String handle = (size == 2 ? "U16" : size == 4 ? "I32" : "I64") + (MemOp.bigEndian(in.imm) ? "BE" : "LE");
        // the descriptor matches the view's access mode type exactly: no adaptation to inline
        String value = size == 2 ? "C" : size == 4 ? "I" : "J";
        mv.visitFieldInsn(GETSTATIC, PAGE, handle, "Ljava/lang/invoke/VarHandle;");
        pushPage.run();
        pushOffset.run();
        if (store) {
            pushStoreValue(in);
            if (size == 2) {
                mv.visitInsn(I2C);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/VarHandle", "set", "([BI" + value + ")V", false);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/VarHandle", "get", "([BI)" + value, false);
        }
    }

    /** A store's value, as wide as the store. */
    private void pushStoreValue(Insn in) {
        load(in.args[1], MemOp.size(in.imm) == 8 ? Type.I64 : Type.I32);
    }

    /**
     * The TLB check of {@code AddressSpace}'s fast paths for the bytes [a + first, a + last],
     * a being the address in {@link #addressLocal}: the slot chosen by the first byte's page
     * must hold the last byte's page. Jumps to {@code miss} if it does not; otherwise the
     * slot's entry is in {@link #entryLocal}. The slot is read once: another thread may
     * replace it (never modify it) at any time.
     */
    final void tlbCheck(boolean write, long first, long last, Label miss) {
        mv.visitVarInsn(ALOAD, tlbLocal(write));
        pushAddress(first);
        pushInt(AddressSpace.PAGE_SHIFT);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        pushInt(AddressSpace.TLB_MASK);
        mv.visitInsn(IAND);
        mv.visitInsn(AALOAD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, entryLocal());
        mv.visitFieldInsn(GETFIELD, TLB_ENTRY, "page", "J");
        pushAddress(last);
        pushInt(AddressSpace.PAGE_SHIFT);
        mv.visitInsn(LUSHR);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, miss);
    }

    private void pushAddress(long plus) {
        mv.visitVarInsn(LLOAD, addressLocal());
        if (plus != 0) {
            pushLong(plus);
            mv.visitInsn(LADD);
        }
    }

    /** LOAD: the same extensions, in the same order, as the interpreter's. */
    private void loadMemory(Insn in) {
        Type t = in.type;
        int size = MemOp.size(in.imm);
        boolean signed = MemOp.signed(in.imm);
        switch (size) {
            case 1 -> {
                memAccess(in, "ld8", "(J)I");
                if (signed) {
                    mv.visitInsn(I2B);
                }
                widen(t);
            }
            case 2 -> {
                memAccess(in, "ld16" + order(in.imm), "(J)I");
                if (signed) {
                    mv.visitInsn(I2S);
                } else {
                    pushInt(0xFFFF);
                    mv.visitInsn(IAND);
                }
                widen(t);
            }
            case 4 -> {
                memAccess(in, "ld32" + order(in.imm), "(J)I");
                if (!w32(t)) {
                    mv.visitInsn(I2L);
                    if (!signed) {
                        pushLong(0xFFFF_FFFFL);
                        mv.visitInsn(LAND);
                    }
                }
            }
            default -> {
                memAccess(in, "ld64" + order(in.imm), "(J)J");
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

    private void storeMemory(Insn in) {
        int size = MemOp.size(in.imm);
        if (size == 8) {
            memAccess(in, "st64" + order(in.imm), "(JJ)V");
        } else {
            memAccess(in, size == 1 ? "st8" : "st" + size * 8 + order(in.imm), "(JI)V");
        }
    }

    private void cas(Insn in) {
        Type t = in.type;
        pushMemory();
        load(in.args[0], Type.I64);
        if (MemOp.size(in.imm) == 4) {
            load(in.args[1], Type.I32);
            load(in.args[2], Type.I32);
            mv.visitMethodInsn(INVOKEVIRTUAL, MEM, "cas32" + order(in.imm), "(JII)I", false);
            if (!w32(t)) {
                // the old value comes back zero-extended
                mv.visitInsn(I2L);
                pushLong(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
        } else {
            load(in.args[1], Type.I64);
            load(in.args[2], Type.I64);
            mv.visitMethodInsn(INVOKEVIRTUAL, MEM, "cas64" + order(in.imm), "(JJJ)J", false);
            if (w32(t)) {
                mv.visitInsn(L2I);
            }
        }
        store(in, t);
    }
}

package dev.emu.core.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one {@link Block}. Lifters read like the manual:
 * {@code Value r = b.add(x, b.c64(imm)); b.setReg(X0 + d, r);}.
 * Operand types are checked as instructions are added; {@link #build} runs the
 * {@link IrVerifier} over the whole block.
 */
public final class IrBuilder {
    private final List<Insn> insns = new ArrayList<>();
    private final List<Type> temps = new ArrayList<>();
    private int labels;
    private int guestInsns;
    private boolean terminated;

    // ---- plumbing
    private Value def(Type t) {
        Value v = new Value(temps.size(), t);
        temps.add(t);
        return v;
    }

    private void add(Op op, Type type, int dst, long imm, Object aux, Value... args) {
        if (terminated) {
            throw new IllegalStateException("block already terminated; cannot add " + op);
        }
        int[] ids = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            ids[i] = args[i].id();
        }
        insns.add(new Insn(op, type, dst, ids, imm, aux));
        if (op.isTerminator()) {
            terminated = true;
        }
    }

    private Value emit(Op op, Type type, long imm, Object aux, Value... args) {
        Value r = def(op.isCompare() || op.isFloatCompare() ? Type.I32 : type);
        add(op, type, r.id(), imm, aux, args);
        return r;
    }

    private static void same(Value a, Value b) {
        if (a.type() != b.type()) {
            throw new IllegalArgumentException("operand types differ: " + a + ", " + b);
        }
    }

    private static void is(Value v, Type t) {
        if (v.type() != t) {
            throw new IllegalArgumentException(v + " must be " + t);
        }
    }

    private Value binary(Op op, Value a, Value b) {
        same(a, b);
        return emit(op, a.type(), 0, null, a, b);
    }

    public boolean isTerminated() {
        return terminated;
    }

    public int guestInsns() {
        return guestInsns;
    }

    // ---- constants and registers
    public Value konst(Type t, long v) {
        return emit(Op.CONST, t, t == Type.I32 ? (long) (int) v : v, null);
    }

    public Value c32(long v) {
        return konst(Type.I32, v);
    }

    public Value c64(long v) {
        return konst(Type.I64, v);
    }

    public Value getReg(Type t, int slot) {
        return emit(Op.GET_REG, t, slot, null);
    }

    public Value getReg64(int slot) {
        return getReg(Type.I64, slot);
    }

    public Value getReg32(int slot) {
        return getReg(Type.I32, slot);
    }

    public void setReg(int slot, Value v) {
        add(Op.SET_REG, v.type(), -1, slot, null, v);
    }

    // ---- arithmetic
    public Value add(Value a, Value b) { return binary(Op.ADD, a, b); }
    public Value sub(Value a, Value b) { return binary(Op.SUB, a, b); }
    public Value mul(Value a, Value b) { return binary(Op.MUL, a, b); }
    public Value and(Value a, Value b) { return binary(Op.AND, a, b); }
    public Value or(Value a, Value b) { return binary(Op.OR, a, b); }
    public Value xor(Value a, Value b) { return binary(Op.XOR, a, b); }
    public Value shl(Value a, Value b) { return binary(Op.SHL, a, b); }
    public Value shr(Value a, Value b) { return binary(Op.SHR, a, b); }
    public Value sar(Value a, Value b) { return binary(Op.SAR, a, b); }
    public Value rotl(Value a, Value b) { return binary(Op.ROTL, a, b); }
    public Value rotr(Value a, Value b) { return binary(Op.ROTR, a, b); }
    public Value mulhs(Value a, Value b) { return binary(Op.MULHS, a, b); }
    public Value mulhu(Value a, Value b) { return binary(Op.MULHU, a, b); }
    public Value divs(Value a, Value b) { return binary(Op.DIVS, a, b); }
    public Value divu(Value a, Value b) { return binary(Op.DIVU, a, b); }
    public Value rems(Value a, Value b) { return binary(Op.REMS, a, b); }
    public Value remu(Value a, Value b) { return binary(Op.REMU, a, b); }

    public Value neg(Value a) { return emit(Op.NEG, a.type(), 0, null, a); }
    public Value not(Value a) { return emit(Op.NOT, a.type(), 0, null, a); }
    public Value clz(Value a) { return emit(Op.CLZ, a.type(), 0, null, a); }
    public Value ctz(Value a) { return emit(Op.CTZ, a.type(), 0, null, a); }
    public Value popcnt(Value a) { return emit(Op.POPCNT, a.type(), 0, null, a); }
    public Value bswap(Value a) { return emit(Op.BSWAP, a.type(), 0, null, a); }

    /** Sign-extends the low {@code bits} of v to {@code to}. */
    public Value sext(Value v, int bits, Type to) {
        checkExtBits(v, bits, to);
        return emit(Op.SEXT, to, bits, null, v);
    }

    /** Zero-extends the low {@code bits} of v to {@code to}. */
    public Value zext(Value v, int bits, Type to) {
        checkExtBits(v, bits, to);
        return emit(Op.ZEXT, to, bits, null, v);
    }

    private static void checkExtBits(Value v, int bits, Type to) {
        if ((bits != 8 && bits != 16 && bits != 32) || bits > v.type().bits || bits > to.bits) {
            throw new IllegalArgumentException("cannot extend " + bits + " bits of " + v + " to " + to);
        }
    }

    public Value trunc32(Value v) {
        return v.type() == Type.I32 ? v : zext(v, 32, Type.I32);
    }

    public Value zext64(Value v) {
        return v.type() == Type.I64 ? v : zext(v, 32, Type.I64);
    }

    public Value sext64(Value v) {
        return v.type() == Type.I64 ? v : sext(v, 32, Type.I64);
    }

    // ---- compares: I32 0/1
    public Value cmpEq(Value a, Value b) { return binary(Op.CMP_EQ, a, b); }
    public Value cmpNe(Value a, Value b) { return binary(Op.CMP_NE, a, b); }
    public Value cmpLts(Value a, Value b) { return binary(Op.CMP_LTS, a, b); }
    public Value cmpLes(Value a, Value b) { return binary(Op.CMP_LES, a, b); }
    public Value cmpLtu(Value a, Value b) { return binary(Op.CMP_LTU, a, b); }
    public Value cmpLeu(Value a, Value b) { return binary(Op.CMP_LEU, a, b); }

    public Value select(Value cond, Value a, Value b) {
        is(cond, Type.I32);
        same(a, b);
        return emit(Op.SELECT, a.type(), 0, null, cond, a, b);
    }

    // ---- memory
    public Value load(Type t, Value addr, int size, boolean signed, boolean bigEndian) {
        is(addr, Type.I64);
        if (size * 8 > t.bits) {
            throw new IllegalArgumentException("load of " + size + " bytes into " + t);
        }
        return emit(Op.LOAD, t, MemOp.of(size, signed, bigEndian), null, addr);
    }

    public void store(Value addr, Value v, int size, boolean bigEndian) {
        is(addr, Type.I64);
        if (size * 8 > v.type().bits) {
            throw new IllegalArgumentException("store of " + size + " bytes from " + v);
        }
        add(Op.STORE, v.type(), -1, MemOp.of(size, false, bigEndian), null, addr, v);
    }

    public Value cas(Value addr, Value expected, Value replacement, int size, boolean bigEndian) {
        is(addr, Type.I64);
        same(expected, replacement);
        if (size != 4 && size != 8 || size * 8 > expected.type().bits) {
            throw new IllegalArgumentException("cas of " + size + " bytes on " + expected);
        }
        return emit(Op.CAS, expected.type(), MemOp.of(size, false, bigEndian), null, addr, expected, replacement);
    }

    public void fence() {
        add(Op.FENCE, Type.I32, -1, 0, null);
    }

    // ---- floating point on bit patterns
    public Value fadd(Value a, Value b) { return binary(Op.FADD, a, b); }
    public Value fsub(Value a, Value b) { return binary(Op.FSUB, a, b); }
    public Value fmul(Value a, Value b) { return binary(Op.FMUL, a, b); }
    public Value fdiv(Value a, Value b) { return binary(Op.FDIV, a, b); }
    public Value fsqrt(Value a) { return emit(Op.FSQRT, a.type(), 0, null, a); }

    public Value fma(Value a, Value b, Value c) {
        same(a, b);
        same(a, c);
        return emit(Op.FMA, a.type(), 0, null, a, b, c);
    }

    public Value fcmpEq(Value a, Value b) { return binary(Op.FCMP_EQ, a, b); }
    public Value fcmpLt(Value a, Value b) { return binary(Op.FCMP_LT, a, b); }
    public Value fcmpLe(Value a, Value b) { return binary(Op.FCMP_LE, a, b); }
    public Value fcmpUn(Value a, Value b) { return binary(Op.FCMP_UN, a, b); }

    /** binary32 <-> binary64: the result is the float of type {@code to}. */
    public Value fcvt(Value a, Type to) {
        if (a.type() == to) {
            throw new IllegalArgumentException("fcvt to the same type");
        }
        return emit(Op.FCVT, to, 0, null, a);
    }

    public Value sitof(Value a, Type to) { return emit(Op.SITOF, to, 0, null, a); }
    public Value uitof(Value a, Type to) { return emit(Op.UITOF, to, 0, null, a); }

    /** Float of type {@code a.type()} to a signed integer of {@code to}. */
    public Value ftosi(Value a, Type to) { return emit(Op.FTOSI, to, a.type() == Type.I64 ? 1 : 0, null, a); }
    public Value ftoui(Value a, Type to) { return emit(Op.FTOUI, to, a.type() == Type.I64 ? 1 : 0, null, a); }

    // ---- helpers
    /** Calls h; returns its result, or null for a void helper. */
    public Value call(Helper h, Value... args) {
        if (args.length != h.arity()) {
            throw new IllegalArgumentException(h + " takes " + h.arity() + " values, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            is(args[i], h.paramType(i));
        }
        if (h.returnType() == null) {
            add(Op.CALL, Type.I32, -1, 0, h, args);
            return null;
        }
        Value r = def(h.returnType());
        add(Op.CALL, h.returnType(), r.id(), 0, h, args);
        return r;
    }

    // ---- control flow
    public Label newLabel() {
        return new Label(labels++);
    }

    public void br(Label l) {
        add(Op.BR, Type.I32, -1, 0, l);
    }

    public void brIf(Value cond, Label l) {
        is(cond, Type.I32);
        add(Op.BR_IF, Type.I32, -1, 0, l, cond);
    }

    public void label(Label l) {
        if (l.position >= 0) {
            throw new IllegalStateException(l + " placed twice");
        }
        l.position = insns.size();
        add(Op.LABEL, Type.I32, -1, 0, l);
    }

    public void insnStart(long pc) {
        guestInsns++;
        add(Op.INSN_START, Type.I64, -1, pc, null);
    }

    public void exitIf(Value cond, Value target) {
        is(cond, Type.I32);
        is(target, Type.I64);
        add(Op.EXIT_IF, Type.I64, -1, 0, null, cond, target);
    }

    public void exit(Value target) {
        is(target, Type.I64);
        add(Op.EXIT, Type.I64, -1, 0, null, target);
    }

    public void exit(long target) {
        exit(c64(target));
    }

    /** Stops with {@code kind}; the guest pc becomes {@code pc}; {@code detail} is kind-specific. */
    public void trap(TrapKind kind, long pc, long detail) {
        Value p = c64(pc);
        add(Op.TRAP, Type.I64, -1, detail, kind, p);
    }

    /** Number of IR instructions so far. */
    public int size() {
        return insns.size();
    }

    public Block build(long startPc, long endPc, int mode) {
        Block b = new Block(startPc, endPc, mode, guestInsns, insns.toArray(new Insn[0]),
                temps.toArray(new Type[0]), labels);
        IrVerifier.verify(b);
        return b;
    }
}

package dev.emu.core.ir;

/**
 * Checks a block's invariants: every temp defined once before use and with the type its
 * users expect, branches forward to labels placed once, one terminator at the end, and no
 * use after a label of a temp the label's incoming branches may have skipped.
 */
public final class IrVerifier {
    private IrVerifier() {}

    public static void verify(Block b) {
        Insn[] code = b.insns;
        int n = code.length;
        if (n == 0 || !code[n - 1].op.isTerminator()) {
            throw fail(b, n - 1, "block must end in EXIT or TRAP");
        }
        int[] defAt = new int[b.numTemps()];
        java.util.Arrays.fill(defAt, -1);
        // earliest branch source of each label, to find joins a value may not reach
        int[] firstBranch = new int[b.numLabels];
        java.util.Arrays.fill(firstBranch, Integer.MAX_VALUE);
        int[] labelAt = new int[b.numLabels];
        java.util.Arrays.fill(labelAt, -1);
        for (int i = 0; i < n; i++) {
            Insn in = code[i];
            if (in.op.isTerminator() && i != n - 1) {
                throw fail(b, i, "terminator before the end of the block");
            }
            if (in.op.arity >= 0 && in.args.length != in.op.arity) {
                throw fail(b, i, "expects " + in.op.arity + " operands");
            }
            for (int a : in.args) {
                if (a < 0 || a >= defAt.length || defAt[a] < 0) {
                    throw fail(b, i, "uses t" + a + " before it is defined");
                }
                checkReachesUse(b, defAt[a], i, firstBranch, labelAt, a);
            }
            checkTypes(b, i, in);
            switch (in.op) {
                case BR, BR_IF -> {
                    Label l = in.label();
                    if (labelAt[l.id] >= 0) {
                        throw fail(b, i, "branch backwards to " + l);
                    }
                    firstBranch[l.id] = Math.min(firstBranch[l.id], i);
                }
                case LABEL -> {
                    Label l = in.label();
                    if (labelAt[l.id] >= 0) {
                        throw fail(b, i, l + " placed twice");
                    }
                    labelAt[l.id] = i;
                }
                default -> { }
            }
            if (in.dst >= 0) {
                if (defAt[in.dst] >= 0) {
                    throw fail(b, i, "redefines t" + in.dst);
                }
                defAt[in.dst] = i;
            }
        }
        for (int l = 0; l < b.numLabels; l++) {
            if (firstBranch[l] != Integer.MAX_VALUE && labelAt[l] < 0) {
                throw fail(b, n - 1, "branch to L" + l + " which is never placed");
            }
        }
    }

    private static void checkReachesUse(Block b, int def, int use, int[] firstBranch, int[] labelAt, int temp) {
        for (int l = 0; l < labelAt.length; l++) {
            int at = labelAt[l];
            if (at > def && at < use && firstBranch[l] < def) {
                throw fail(b, use, "t" + temp + " may be undefined here: " + "L" + l
                        + " is reached by a branch from before its definition");
            }
        }
    }

    private static void checkTypes(Block b, int i, Insn in) {
        Type[] t = b.tempTypes;
        switch (in.op) {
            case ADD, SUB, MUL, AND, OR, XOR, SHL, SHR, SAR, ROTL, ROTR, MULHS, MULHU, DIVS, DIVU, REMS, REMU,
                 NEG, NOT, CLZ, CTZ, POPCNT, BSWAP, FADD, FSUB, FMUL, FDIV, FSQRT, FMA -> {
                for (int a : in.args) {
                    expect(b, i, t[a], in.type);
                }
                expect(b, i, t[in.dst], in.type);
            }
            case CMP_EQ, CMP_NE, CMP_LTS, CMP_LES, CMP_LTU, CMP_LEU, FCMP_EQ, FCMP_LT, FCMP_LE, FCMP_UN -> {
                expect(b, i, t[in.args[0]], in.type);
                expect(b, i, t[in.args[1]], in.type);
                expect(b, i, t[in.dst], Type.I32);
            }
            case SELECT -> {
                expect(b, i, t[in.args[0]], Type.I32);
                expect(b, i, t[in.args[1]], in.type);
                expect(b, i, t[in.args[2]], in.type);
            }
            case LOAD -> expect(b, i, t[in.args[0]], Type.I64);
            case STORE -> {
                expect(b, i, t[in.args[0]], Type.I64);
                expect(b, i, t[in.args[1]], in.type);
            }
            case CAS -> {
                expect(b, i, t[in.args[0]], Type.I64);
                expect(b, i, t[in.args[1]], in.type);
                expect(b, i, t[in.args[2]], in.type);
            }
            case SET_REG -> expect(b, i, t[in.args[0]], in.type);
            case FTOSI, FTOUI -> {
                // imm names the float operand's width: 0 binary32, 1 binary64
                expect(b, i, t[in.args[0]], in.imm == 0 ? Type.I32 : Type.I64);
                expect(b, i, t[in.dst], in.type);
            }
            case FCVT -> {
                if (t[in.args[0]] == in.type) {
                    throw fail(b, i, "fcvt between floats of the same width");
                }
                expect(b, i, t[in.dst], in.type);
            }
            case SITOF, UITOF, SEXT, ZEXT -> expect(b, i, t[in.dst], in.type);
            case BR_IF -> expect(b, i, t[in.args[0]], Type.I32);
            case EXIT_IF -> {
                expect(b, i, t[in.args[0]], Type.I32);
                expect(b, i, t[in.args[1]], Type.I64);
            }
            case EXIT, TRAP -> expect(b, i, t[in.args[0]], Type.I64);
            case CALL -> {
                Helper h = in.helper();
                if (in.args.length != h.arity()) {
                    throw fail(b, i, h + " takes " + h.arity() + " values");
                }
                for (int k = 0; k < in.args.length; k++) {
                    expect(b, i, t[in.args[k]], h.paramType(k));
                }
            }
            default -> { }
        }
    }

    private static void expect(Block b, int i, Type actual, Type wanted) {
        if (actual != wanted) {
            throw fail(b, i, "operand of type " + actual + " where " + wanted + " is expected");
        }
    }

    private static IllegalStateException fail(Block b, int i, String what) {
        String at = i >= 0 && i < b.insns.length ? b.insns[i].toString() : "";
        return new IllegalStateException("invalid IR in block 0x" + Long.toHexString(b.startPc)
                + " at #" + i + " (" + at + "): " + what);
    }
}

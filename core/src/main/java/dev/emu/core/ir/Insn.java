package dev.emu.core.ir;

import java.util.Arrays;

/**
 * One IR instruction: an {@link Op}, its type, the temp it defines ({@code -1} if none),
 * its operand temps, an immediate and an auxiliary object (a {@link Label}, a
 * {@link Helper} or a {@link TrapKind}).
 */
public final class Insn {
    public final Op op;
    public final Type type;
    public final int dst;
    public final int[] args;
    public final long imm;
    public final Object aux;

    public Insn(Op op, Type type, int dst, int[] args, long imm, Object aux) {
        this.op = op;
        this.type = type;
        this.dst = dst;
        this.args = args;
        this.imm = imm;
        this.aux = aux;
    }

    public Label label() {
        return (Label) aux;
    }

    public Helper helper() {
        return (Helper) aux;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (dst >= 0) {
            sb.append('t').append(dst).append(" = ");
        }
        sb.append(op.name().toLowerCase()).append('.').append(type == Type.I32 ? "i32" : "i64");
        for (int a : args) {
            sb.append(" t").append(a);
        }
        switch (op) {
            case CONST, INSN_START -> sb.append(" 0x").append(Long.toHexString(imm));
            case GET_REG, SET_REG -> sb.append(" r").append(imm);
            case LOAD, STORE, CAS -> sb.append(' ').append(MemOp.describe(imm));
            case SEXT, ZEXT, FTOSI, FTOUI -> sb.append(" #").append(imm);
            case TRAP -> sb.append(' ').append(aux).append(" #0x").append(Long.toHexString(imm));
            default -> {
                if (aux != null) {
                    sb.append(' ').append(aux);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Insn i && i.op == op && i.type == type && i.dst == dst
                && Arrays.equals(i.args, args) && i.imm == imm && java.util.Objects.equals(i.aux, aux);
    }

    @Override
    public int hashCode() {
        return op.hashCode() * 31 + dst;
    }
}

package dev.emu.core.ir;

import java.util.List;

/**
 * A straight-line run of guest instructions lifted to IR: it starts at {@code startPc} in
 * translation mode {@code mode} (Thumb, for instance), covers guest bytes
 * [{@code startPc}, {@code endPc}), holds {@code guestInsns} guest instructions, and ends in
 * one terminator.
 */
public final class Block {
    public final long startPc;
    public final long endPc;
    public final int mode;
    public final int guestInsns;
    public final Insn[] insns;
    /** The type of every temp, by temp id. */
    public final Type[] tempTypes;
    public final int numLabels;
    /** Exits (EXIT_IF, EXIT, TRAP) numbered in program order; the engine caches a successor per exit. */
    public final int numExits;
    private final int[] exitIndex;

    public Block(long startPc, long endPc, int mode, int guestInsns, Insn[] insns, Type[] tempTypes, int numLabels) {
        this.startPc = startPc;
        this.endPc = endPc;
        this.mode = mode;
        this.guestInsns = guestInsns;
        this.insns = insns;
        this.tempTypes = tempTypes;
        this.numLabels = numLabels;
        this.exitIndex = new int[insns.length];
        int exits = 0;
        for (int i = 0; i < insns.length; i++) {
            Op op = insns[i].op;
            exitIndex[i] = op == Op.EXIT_IF || op.isTerminator() ? exits++ : -1;
        }
        this.numExits = exits;
    }

    /** The exit number of the instruction at {@code insnIndex}, or -1 if it is not an exit. */
    public int exitIndex(int insnIndex) {
        return exitIndex[insnIndex];
    }

    public int numTemps() {
        return tempTypes.length;
    }

    public List<Insn> insnList() {
        return List.of(insns);
    }

    /** A readable listing, one IR instruction a line; the text tests snapshot. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("block 0x").append(Long.toHexString(startPc)).append("..0x").append(Long.toHexString(endPc));
        if (mode != 0) {
            sb.append(" mode ").append(mode);
        }
        sb.append(" (").append(guestInsns).append(" insns)\n");
        for (Insn i : insns) {
            sb.append(i.op == Op.INSN_START || i.op == Op.LABEL ? "" : "  ").append(i).append('\n');
        }
        return sb.toString();
    }
}

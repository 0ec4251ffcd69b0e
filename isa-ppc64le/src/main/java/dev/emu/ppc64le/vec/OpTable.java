package dev.emu.ppc64le.vec;

import dev.emu.core.cpu.CpuState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The instructions of one opcode space, indexed by their extended opcode: the decoder adds
 * one row per entry, and the row's helper finds the same entry again by the word's opcode.
 */
public final class OpTable {
    /** One instruction: its mnemonic, extended opcode and semantics. */
    public record Entry(String name, int xo, VecOp op) {}

    private final VecOp[] ops;
    private final List<Entry> entries = new ArrayList<>();
    private final int shift, mask;

    /** A table of extended opcodes {@code word >>> shift & mask}. */
    public OpTable(int shift, int mask) {
        this.shift = shift;
        this.mask = mask;
        this.ops = new VecOp[mask + 1];
    }

    public OpTable def(String name, int xo, VecOp op) {
        if (ops[xo] != null) {
            throw new IllegalStateException(name + ": extended opcode " + xo + " taken");
        }
        ops[xo] = op;
        entries.add(new Entry(name, xo, op));
        return this;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public VecOp lookup(int word) {
        return ops[word >>> shift & mask];
    }

    /** Runs the instruction {@code word}; the decoder only routes words whose opcode has an entry. */
    public void exec(CpuState s, int word) {
        ops[word >>> shift & mask].exec(s, word);
    }
}

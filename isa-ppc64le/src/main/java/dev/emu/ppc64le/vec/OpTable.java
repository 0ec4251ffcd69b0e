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
    /**
     * One instruction: its mnemonic, extended opcode, semantics, and the pattern of its operand
     * fields (bits 6:20 for VMX: {@code t} VRT, {@code a} VRA or an immediate, {@code b} VRB,
     * {@code 0} a reserved field that must be zero, as QEMU and the ISA's invalid forms want).
     */
    public record Entry(String name, int xo, VecOp op, String fields) {}

    /** The operand fields of an instruction that reads VRA and VRB and writes VRT. */
    public static final String TAB = "ttttt_aaaaa_bbbbb";
    /** Unary: VRA is reserved. */
    public static final String TB = "ttttt_00000_bbbbb";

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
        return def(name, xo, TAB, op);
    }

    public OpTable def(String name, int xo, String fields, VecOp op) {
        if (ops[xo] != null) {
            throw new IllegalStateException(name + ": extended opcode " + xo + " taken");
        }
        ops[xo] = op;
        entries.add(new Entry(name, xo, op, fields));
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

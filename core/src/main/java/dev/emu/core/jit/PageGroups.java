package dev.emu.core.jit;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.MemOp;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.Type;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads (or stores) of one block part whose addresses are one temp plus different constants
 * ({@code ldp x0, x1, [sp, #16]}, a struct's fields, an unrolled loop's words): such a group
 * asks the TLB once, at its first access, for the page holding the whole span, and each
 * access then goes straight to that page's array; when the span is not one TLB hit (a miss,
 * a page boundary inside it, a page with a hook or a copy-on-write share), every access of
 * the group takes the ordinary per-access path, faults included.
 *
 * <p>A page the TLB gave out stays valid while nothing changes the mapping, which in a
 * block means: no helper, no CAS (either may run guest-visible code or change pages), and
 * for loads no store (a store's slow path may break a copy-on-write share and replace the
 * page array the loads hold). A group never spans an IR label or a region block start, so
 * its first access, which asks the TLB, dominates every other one.
 */
final class PageGroups {
    /** {@code -Demu.jit.pageGroups=false} gives every access its own TLB check (for measuring). */
    static final boolean ENABLED = !"false".equals(System.getProperty("emu.jit.pageGroups"));

    /** The widest span a group covers: larger spans would cross a page too often. */
    static final int MAX_SPAN = 512;

    /** Group of each instruction index, or -1. */
    private final int[] groupOf;
    /** Per group: the index of the access that asks the TLB. */
    private final int[] leader;
    /** Per group: where its span starts, relative to the leader's address. */
    private final long[] spanStart;
    /** Per group: the span's length in bytes. */
    private final int[] spanLength;
    private final boolean[] stores;
    /** Per instruction of a group: its address minus its leader's. */
    private final int[] delta;
    private final int count;

    private PageGroups(int[] groupOf, int[] leader, long[] spanStart, int[] spanLength, boolean[] stores,
            int[] delta, int count) {
        this.groupOf = groupOf;
        this.delta = delta;
        this.leader = leader;
        this.spanStart = spanStart;
        this.spanLength = spanLength;
        this.stores = stores;
        this.count = count;
    }

    int count() {
        return count;
    }

    /** The group of the access at i, or -1 for one that asks the TLB on its own. */
    int groupOf(int i) {
        return groupOf[i];
    }

    /** Whether the access at i is its group's first, which asks the TLB. */
    boolean isLeader(int i) {
        int g = groupOf[i];
        return g >= 0 && leader[g] == i;
    }

    /** The address of the access at i minus that of its group's leader. */
    int delta(int i) {
        return delta[i];
    }

    long spanStart(int g) {
        return spanStart[g];
    }

    int spanLength(int g) {
        return spanLength[g];
    }

    boolean isStores(int g) {
        return stores[g];
    }

    private static final class Open {
        final int id;
        final boolean store;
        final int leader;
        final long leaderOffset;
        long lo;
        long hi;
        int members = 1;

        Open(int id, boolean store, int leader, long offset, int size) {
            this.id = id;
            this.store = store;
            this.leader = leader;
            this.leaderOffset = offset;
            this.lo = offset;
            this.hi = offset + size;
        }
    }

    /**
     * Finds the groups among instructions [from, to) of b; {@code blockStart} tells which
     * indices start a region block (null for a single block).
     */
    static PageGroups find(Block b, int from, int to, java.util.function.IntPredicate blockStart) {
        Insn[] code = b.insns;
        int temps = b.numTemps();
        Insn[] def = new Insn[temps];
        for (Insn in : code) {
            if (in.dst >= 0) {
                def[in.dst] = in;
            }
        }
        int[] groupOf = new int[code.length];
        Arrays.fill(groupOf, -1);
        int[] delta = new int[code.length];
        // A root's identity: its temp, or for a GET_REG the register and how many SET_REGs of
        // it came before (lifters read the base register afresh for each instruction).
        long[] rootKey = new long[temps];
        Map<Long, Integer> writes = new HashMap<>();
        for (int i = 0; i < to; i++) {
            Insn in = code[i];
            if (in.op == Op.SET_REG) {
                writes.merge(in.imm, 1, Integer::sum);
            } else if (in.dst >= 0) {
                rootKey[in.dst] = in.op == Op.GET_REG
                        ? (in.imm + 1) << 32 | writes.getOrDefault(in.imm, 0) // above every temp number
                        : in.dst;
            }
        }
        // loads and stores never share a group
        Map<Long, Open> open = new HashMap<>();
        java.util.List<Open> all = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            Insn in = code[i];
            if (in.op == Op.LABEL || in.op == Op.CALL || in.op == Op.CAS || (i > from && blockStart != null && blockStart.test(i))) {
                open.clear();
                continue;
            }
            if (in.op != Op.LOAD && in.op != Op.STORE) {
                continue;
            }
            boolean store = in.op == Op.STORE;
            if (store) {
                open.values().removeIf(g -> !g.store);
            }
            int size = MemOp.size(in.imm);
            int root = in.args[0];
            long offset = 0;
            // follow address = temp + constant through a few I64 adds of small constants (an I32
            // add wraps differently), so offsets stay far from overflow
            for (int step = 0; step < 8 && def[root] != null && def[root].op == Op.ADD && def[root].type == Type.I64; step++) {
                Insn add = def[root];
                Insn c0 = constDef(def, add.args[0]);
                Insn c1 = constDef(def, add.args[1]);
                if (c1 != null) {
                    offset += c1.imm;
                    root = add.args[0];
                } else if (c0 != null) {
                    offset += c0.imm;
                    root = add.args[1];
                } else {
                    break;
                }
            }
            long key = rootKey[root] * 2 + (store ? 1 : 0);
            Open g = open.get(key);
            if (g != null) {
                long lo = Math.min(g.lo, offset);
                long hi = Math.max(g.hi, offset + size);
                if (hi - lo <= MAX_SPAN && Math.abs(offset - g.leaderOffset) <= MAX_SPAN) {
                    g.lo = lo;
                    g.hi = hi;
                    g.members++;
                    groupOf[i] = g.id;
                    delta[i] = (int) (offset - g.leaderOffset);
                    continue;
                }
            }
            g = new Open(all.size(), store, i, offset, size);
            all.add(g);
            open.put(key, g);
            groupOf[i] = g.id;
        }
        // only groups of two or more accesses pay for their check; renumber those
        int[] newId = new int[all.size()];
        int n = 0;
        for (Open g : all) {
            newId[g.id] = g.members > 1 ? n++ : -1;
        }
        int[] leader = new int[n];
        long[] spanStart = new long[n];
        int[] spanLength = new int[n];
        boolean[] stores = new boolean[n];
        for (Open g : all) {
            int id = newId[g.id];
            if (id >= 0) {
                leader[id] = g.leader;
                spanStart[id] = g.lo - g.leaderOffset;
                spanLength[id] = (int) (g.hi - g.lo);
                stores[id] = g.store;
            }
        }
        for (int i = from; i < to; i++) {
            if (groupOf[i] >= 0) {
                groupOf[i] = newId[groupOf[i]];
            }
        }
        return new PageGroups(groupOf, leader, spanStart, spanLength, stores, delta, n);
    }

    /** The CONST defining t when its value is small, else null. */
    private static Insn constDef(Insn[] def, int t) {
        Insn d = def[t];
        return d != null && d.op == Op.CONST && Math.abs(d.imm) < (1L << 31) ? d : null;
    }
}

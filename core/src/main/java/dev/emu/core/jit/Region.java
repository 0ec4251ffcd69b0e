package dev.emu.core.jit;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several blocks of one translation mode merged into one instruction stream for
 * {@link RegionCompiler}: each block's temps are renumbered after the previous block's, so
 * the merged {@link Block} can be emitted by {@link BlockEmitter} in one method, and every
 * EXIT or EXIT_IF whose target is a constant naming a block of the region becomes a jump to
 * that block. Temps never cross blocks, so in-region jumps carry no values but registers.
 */
final class Region {
    final Block merged;
    private final Block[] blocks;
    /** Index in the merged stream of each block's first instruction. */
    private final int[] blockStart;
    /** For each merged instruction that is an exit, the region block it jumps to, else -1. */
    private final int[] target;
    private final boolean touchesState;
    private final int pcSlot;

    /** @param pcSlot the register slot of the pc, which in-region jumps set as exits do */
    Region(List<Block> blockList, int pcSlot) {
        this.pcSlot = pcSlot;
        blocks = blockList.toArray(new Block[0]);
        Block head = blocks[0];
        List<Insn> insns = new ArrayList<>();
        List<Type> temps = new ArrayList<>();
        blockStart = new int[blocks.length];
        int guestInsns = 0;
        int labels = 0;
        boolean state = false;
        for (int k = 0; k < blocks.length; k++) {
            Block b = blocks[k];
            if (b.mode != head.mode) {
                throw new IllegalArgumentException("a region's blocks share one mode");
            }
            blockStart[k] = insns.size();
            int base = temps.size();
            temps.addAll(Arrays.asList(b.tempTypes));
            for (Insn in : b.insns) {
                int[] args = in.args.clone();
                for (int a = 0; a < args.length; a++) {
                    args[a] += base;
                }
                insns.add(new Insn(in.op, in.type, in.dst < 0 ? -1 : in.dst + base, args, in.imm, in.aux));
                state |= in.op == Op.CALL && in.helper().touchesState();
            }
            guestInsns += b.guestInsns;
            labels += b.numLabels;
        }
        touchesState = state;
        merged = new Block(head.startPc, head.endPc, head.mode, guestInsns, insns.toArray(new Insn[0]),
                temps.toArray(new Type[0]), labels);
        target = new int[insns.size()];
        Arrays.fill(target, -1);
        Insn[] constOf = new Insn[temps.size()];
        for (int i = 0; i < target.length; i++) {
            Insn in = merged.insns[i];
            if (in.op == Op.CONST) {
                constOf[in.dst] = in;
            }
            int t = in.op == Op.EXIT ? in.args[0] : in.op == Op.EXIT_IF ? in.args[1] : -1;
            if (t >= 0 && constOf[t] != null) {
                target[i] = blockAt(constOf[t].imm);
            }
        }
    }

    private int blockAt(long pc) {
        for (int k = 0; k < blocks.length; k++) {
            if (blocks[k].startPc == pc) {
                return k;
            }
        }
        return -1;
    }

    int size() {
        return blocks.length;
    }

    long blockPc(int k) {
        return blocks[k].startPc;
    }

    int blockStart(int k) {
        return blockStart[k];
    }

    /** The block starting at merged instruction i, or -1. */
    int blockStartingAt(int i) {
        int k = Arrays.binarySearch(blockStart, i);
        return k >= 0 ? k : -1;
    }

    /** The region block the exit at merged instruction i jumps to, or -1 when it leaves the region. */
    int targetBlock(int i) {
        return target[i];
    }

    int pcSlot() {
        return pcSlot;
    }

    boolean touchesState() {
        return touchesState;
    }

    /** Whether some exit jumps back to the head: the region holds a loop through it. */
    boolean loopsToHead() {
        for (int t : target) {
            if (t == 0) {
                return true;
            }
        }
        return false;
    }
}

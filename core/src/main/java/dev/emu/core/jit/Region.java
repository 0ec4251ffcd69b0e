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
 * that block. An exit whose target is computed (a return, an indirect call or jump) is
 * compared with the region's indirect targets, the blocks the engine expects such exits to
 * reach (the continuations of calls made inside the region, targets seen before), and jumps
 * to the one it equals. Temps never cross blocks, so in-region jumps carry no values but
 * registers. Exits that leave keep their numbers in the merged block: block k's exit e is
 * the sum of the earlier blocks' exit counts plus e.
 */
final class Region {
    final Block merged;
    private final Block[] blocks;
    /** Index in the merged stream of each block's first instruction. */
    private final int[] blockStart;
    /** For each merged instruction that is an exit, the region block it jumps to, else -1. */
    private final int[] target;
    /** For each merged exit with a computed target, the region blocks it is compared with, else null. */
    private final int[][] guesses;
    /** Most comparisons one computed exit makes before it leaves the region. */
    static final int MAX_GUESSES = 4;
    private final boolean touchesState;
    private final int pcSlot;

    /** @param pcSlot the register slot of the pc, which in-region jumps set as exits do */
    Region(List<Block> blockList, int pcSlot) {
        this(blockList, new long[0], pcSlot);
    }

    /**
     * @param indirectTargets pcs of region blocks that exits with computed targets are
     *     compared with (pcs of no region block are ignored)
     * @param pcSlot the register slot of the pc, which in-region jumps set as exits do
     */
    Region(List<Block> blockList, long[] indirectTargets, int pcSlot) {
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
        guesses = new int[insns.size()][];
        int[] likely = new int[Math.min(indirectTargets.length, MAX_GUESSES)];
        int nLikely = 0;
        for (long t : indirectTargets) {
            int k = blockAt(t);
            if (k >= 0 && nLikely < likely.length && Arrays.stream(likely, 0, nLikely).noneMatch(x -> x == k)) {
                likely[nLikely++] = k;
            }
        }
        likely = Arrays.copyOf(likely, nLikely);
        Insn[] constOf = new Insn[temps.size()];
        for (int i = 0; i < target.length; i++) {
            Insn in = merged.insns[i];
            if (in.op == Op.CONST) {
                constOf[in.dst] = in;
            }
            int t = in.op == Op.EXIT ? in.args[0] : in.op == Op.EXIT_IF ? in.args[1] : -1;
            if (t >= 0 && constOf[t] != null) {
                target[i] = blockAt(constOf[t].imm);
            } else if (t >= 0 && nLikely > 0) {
                guesses[i] = likely;
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

    /** The region blocks the computed exit at merged instruction i is compared with, or null. */
    int[] guessedBlocks(int i) {
        return guesses[i];
    }

    int pcSlot() {
        return pcSlot;
    }

    boolean touchesState() {
        return touchesState;
    }

    /** Whether some exit jumps (or may jump, for a computed one) back to the head: the region holds a loop through it. */
    boolean loopsToHead() {
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0 || guesses[i] != null && Arrays.stream(guesses[i]).anyMatch(k -> k == 0)) {
                return true;
            }
        }
        return false;
    }
}

package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-simulation of tier 2: random loops of random blocks run as one region, block by block
 * on the interpreter, and block by block on tier 1, from the same state, must leave the same
 * registers, memory, pc, icount, trap and fault. The block-by-block runs follow an exit only
 * where the region would stay inside: a constant exit to one of its blocks.
 * {@code -Demu.cosim.regions=N} runs more loops.
 */
class RegionCosimTest {
    static final int REGIONS = Integer.getInteger("emu.cosim.regions", 1500);
    static final long SEED = Long.getLong("emu.cosim.seed", 0x5EED_0001L) + 20;
    /** r0..r15, pc (the slots RandomBlocks uses) and a loop counter the random code never writes. */
    static final RegisterFile LOOP_REGISTERS;
    static final int COUNTER;
    static final long DONE = 0x7_0000L;
    static final int PC = RandomBlocks.REGISTERS.pcSlot();

    static {
        RegisterFile.Builder rb = RegisterFile.builder();
        for (int i = 0; i < RandomBlocks.GPRS; i++) {
            rb.add("r" + i, 64);
        }
        rb.pc("pc", 64);
        COUNTER = rb.add("ctr", 64);
        LOOP_REGISTERS = rb.build();
    }

    /** A loop of 1 to 6 blocks at consecutive pcs; the head is the first. */
    static List<Block> randomLoop(RandomBlocks gen) {
        int n = 1 + gen.random().nextInt(6);
        long[] pcs = new long[n];
        long base = 0x4_0000L + 0x100L * gen.random().nextInt(64);
        for (int k = 0; k < n; k++) {
            pcs[k] = base + 0x40L * k;
        }
        List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            blocks.add(gen.nextInLoop(pcs[k], 1 + gen.random().nextInt(8), pcs, COUNTER, DONE));
        }
        // make sure something loops back to the head
        if (RegionCompiler.classBytes(blocks, new long[0], PC, BlockCompiler.MAX_METHOD_BYTES) == null) {
            blocks.set(n - 1, gen.nextInLoop(pcs[n - 1], 1 + gen.random().nextInt(4), new long[] {pcs[0]}, COUNTER, DONE));
        }
        return blocks;
    }

    static CpuState loopState(RandomBlocks gen, AddressSpace mem, long pc) {
        CpuState r = gen.state(null, pc);
        CpuState s = new CpuState(LOOP_REGISTERS, mem);
        System.arraycopy(r.regs, 0, s.regs, 0, r.regs.length);
        s.regs[COUNTER] = 1 + gen.random().nextInt(60);
        return s;
    }

    /** Whether each exit (by number) of b has a constant target. */
    static boolean[] constantExits(Block b) {
        boolean[] out = new boolean[b.numExits];
        boolean[] isConst = new boolean[b.numTemps()];
        for (int i = 0; i < b.insns.length; i++) {
            Insn in = b.insns[i];
            if (in.op == Op.CONST) {
                isConst[in.dst] = true;
            }
            if (in.op == Op.EXIT) {
                out[b.exitIndex(i)] = isConst[in.args[0]];
            } else if (in.op == Op.EXIT_IF) {
                out[b.exitIndex(i)] = isConst[in.args[1]];
            }
        }
        return out;
    }

    /** Runs the blocks one at a time as the region would chain them, with per-block code from {@code tier}. */
    static Tiers.Outcome blockByBlock(List<Block> blocks, CpuState s, Function<Block, BlockCode> tier) {
        Map<Long, Block> at = new HashMap<>();
        Map<Block, BlockCode> code = new HashMap<>();
        for (Block b : blocks) {
            at.put(b.startPc, b);
            code.put(b, tier.apply(b));
        }
        Map<Block, Integer> exitBase = new HashMap<>();
        int exits = 0;
        for (Block b : blocks) {
            exitBase.put(b, exits);
            exits += b.numExits;
        }
        BlockCode chain = st -> {
            Block b = blocks.get(0);
            while (true) {
                long next;
                try {
                    next = code.get(b).run(st);
                } catch (GuestFault f) {
                    st.exitIndex = -7; // as Tiers.run leaves it: a fault sets no exit
                    throw f;
                }
                if (st.trap != null || !constantExits(b)[st.exitIndex] || !at.containsKey(next)) {
                    st.exitIndex += exitBase.get(b); // a region numbers exits across its blocks
                    return next;
                }
                b = at.get(next);
            }
        };
        return Tiers.run(chain, s);
    }

    @Test
    void randomLoops() {
        RandomBlocks.Window w = RandomBlocks.Window.STANDARD;
        RandomBlocks gen = new RandomBlocks(SEED, w).badAddressesOneIn(300);
        int compiled = 0;
        int faults = 0;
        int traps = 0;
        long iterations = 0;
        for (int n = 0; n < REGIONS; n++) {
            List<Block> blocks = randomLoop(gen);
            long memSeed = gen.random().nextLong();
            CpuState s = loopState(gen, null, blocks.get(0).startPc);
            BlockCode region = RegionCompiler.compile(blocks, PC, BlockCompiler.MAX_METHOD_BYTES);
            if (region == null) {
                assertThat(RegionCompiler.classBytes(blocks, new long[0], PC, BlockCompiler.MAX_METHOD_BYTES)).as("region %d is refused only without a loop", n).isNull();
                continue;
            }
            compiled++;
            AddressSpace m0 = w.newMemory(memSeed);
            AddressSpace m1 = w.newMemory(memSeed);
            AddressSpace m2 = w.newMemory(memSeed);
            Tiers.Outcome i = blockByBlock(blocks, s.copy(m0), b -> st -> IrInterpreter.run(b, st));
            Tiers.Outcome j = blockByBlock(blocks, s.copy(m1), BlockCompiler::compile);
            Tiers.Outcome r = Tiers.run(region, s.copy(m2));
            String listing = describe(blocks);
            assertThat(j).as("tier 1, loop %d (seed %x):\n%s", n, SEED, listing).isEqualTo(i);
            assertThat(r).as("region, loop %d (seed %x):\n%s", n, SEED, listing).isEqualTo(i);
            assertThat(w.contents(m2)).as("memory after region %d", n).isEqualTo(w.contents(m0));
            faults += i.fault() != null ? 1 : 0;
            traps += i.trap() != null ? 1 : 0;
            iterations += i.icount() - s.icount;
        }
        System.out.printf("region co-sim: %d loops compiled of %d, %d faulted, %d trapped, %d guest insns run%n",
                compiled, REGIONS, faults, traps, iterations);
        assertThat(compiled).isGreaterThan(REGIONS / 2);
        assertThat(faults).isPositive();
    }

    /** The same loops under a tiny method limit: a region that does not fit is refused, never truncated. */
    @Test
    void regionsOverTheSizeLimitAreRefused() {
        RandomBlocks gen = new RandomBlocks(SEED + 1, null);
        int refused = 0;
        for (int n = 0; n < 200; n++) {
            List<Block> blocks = randomLoop(gen);
            if (RegionCompiler.classBytes(blocks, new long[0], PC, BlockCompiler.MAX_METHOD_BYTES) != null
                    && RegionCompiler.compile(blocks, PC, 300) == null) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    static String describe(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            sb.append(b);
        }
        return sb.toString();
    }
}

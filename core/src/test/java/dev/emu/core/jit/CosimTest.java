package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.mem.AddressSpace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Co-simulation: seeded random blocks over every op run on the interpreter and the JIT from
 * the same state must leave the same registers, pc, icount, exit, trap and fault.
 * {@code -Demu.cosim.blocks=N} runs more blocks; {@code -Demu.cosim.seed=S} another series.
 */
class CosimTest {
    static final int BLOCKS = Integer.getInteger("emu.cosim.blocks", 3000);
    static final long SEED = Long.getLong("emu.cosim.seed", 0x5EED_0001L);

    @Test
    void randomBlocksWithoutMemory() {
        RandomBlocks gen = new RandomBlocks(SEED, null);
        int compiled = 0;
        long nanos = 0;
        for (int n = 0; n < BLOCKS; n++) {
            Block b = gen.next();
            CpuState s = gen.state(null, b.startPc);
            long t0 = System.nanoTime();
            var code = BlockCompiler.compile(b);
            nanos += System.nanoTime() - t0;
            assertThat(code).as("block %d compiles", n).isNotNull();
            compiled++;
            Tiers.Outcome i = Tiers.interpret(b, s.copy(null));
            Tiers.Outcome j = Tiers.run(code, s.copy(null));
            assertThat(j).as("block %d (seed %x):\n%s", n, SEED, b).isEqualTo(i);
        }
        System.out.printf("co-sim: %d blocks, mean compile %.1f us%n", compiled, nanos / 1e3 / compiled);
    }

    @Test
    void randomBlocksWithMemory() {
        RandomBlocks.Window w = RandomBlocks.Window.STANDARD;
        assumeTrue(w.newMemory(0) != null, "AddressSpace not implemented yet");
        RandomBlocks gen = new RandomBlocks(SEED + 2, w);
        int faults = 0;
        long executed = 0;
        long total = 0;
        for (int n = 0; n < BLOCKS; n++) {
            Block b = gen.next();
            long memSeed = gen.random().nextLong();
            CpuState s = gen.state(null, b.startPc);
            var code = BlockCompiler.compile(b);
            assertThat(code).as("block %d compiles", n).isNotNull();
            AddressSpace mi = w.newMemory(memSeed);
            AddressSpace mj = w.newMemory(memSeed);
            Tiers.Outcome i = Tiers.interpret(b, s.copy(mi));
            Tiers.Outcome j = Tiers.run(code, s.copy(mj));
            assertThat(j).as("block %d (seed %x):\n%s", n, SEED + 2, b).isEqualTo(i);
            assertThat(w.contents(mj)).as("memory after block %d (seed %x):\n%s", n, SEED + 2, b)
                    .isEqualTo(w.contents(mi));
            if (n % 3 == 0) {
                // the other way of emitting accesses: TLB check inline, or AddressSpace calls
                var other = BlockCompiler.compile(b, BlockCompiler.MAX_METHOD_BYTES, !BlockEmitter.INLINE_TLB);
                AddressSpace mk = w.newMemory(memSeed);
                assertThat(Tiers.run(other, s.copy(mk))).as("block %d, other access path", n).isEqualTo(i);
                assertThat(w.contents(mk)).as("memory after block %d, other access path", n).isEqualTo(w.contents(mi));
            }
            faults += i.fault() != null ? 1 : 0;
            executed += i.icount() - s.icount;
            total += b.guestInsns;
        }
        System.out.printf("co-sim with memory: %d blocks, %d of them faulted%n", BLOCKS, faults);
        assertThat(faults).isBetween(1, BLOCKS / 2);
    }

    /** Long lifter-like blocks, most of them split at the real 8,000-byte limit. */
    @Test
    void longBlocksSplitAtTheRealLimit() {
        RandomBlocks.Window w = RandomBlocks.Window.STANDARD;
        boolean memory = w.newMemory(0) != null;
        RandomBlocks gen = new RandomBlocks(SEED + 3, memory ? w : null).badAddressesOneIn(3000);
        int blocks = Math.max(20, BLOCKS / 50);
        int compiled = 0;
        int parts = 0;
        int faults = 0;
        long executed = 0;
        long total = 0;
        for (int n = 0; n < blocks; n++) {
            Block b = gen.next(100 + gen.random().nextInt(400), true);
            long memSeed = gen.random().nextLong();
            CpuState s = gen.state(null, b.startPc);
            byte[] bytes = BlockCompiler.classBytes(b);
            var code = BlockCompiler.compile(b);
            if (code == null) {
                continue;
            }
            compiled++;
            parts += GeneratedCodeTest.bytecodeText(b).split("\n  private final part", -1).length;
            AddressSpace mi = memory ? w.newMemory(memSeed) : null;
            AddressSpace mj = memory ? w.newMemory(memSeed) : null;
            Tiers.Outcome i = Tiers.interpret(b, s.copy(mi));
            Tiers.Outcome j = Tiers.run(code, s.copy(mj));
            assertThat(j).as("block %d (seed %x):\n%s", n, SEED + 3, b).isEqualTo(i);
            if (memory) {
                assertThat(w.contents(mj)).as("memory after block %d", n).isEqualTo(w.contents(mi));
            }
            assertThat(bytes).isNotNull();
            faults += i.fault() != null ? 1 : 0;
            executed += i.icount() - s.icount;
            total += b.guestInsns;
        }
        System.out.printf("co-sim of long blocks: %d of %d compiled, %.1f methods each on average, %d faulted,"
                + " %.0f%% of their instructions ran%n",
                compiled, blocks, parts / (double) Math.max(compiled, 1), faults, 100.0 * executed / total);
        assertThat(compiled).isEqualTo(blocks);
    }

    /** A tiny method limit makes the compiler split most blocks into chains of methods. */
    @Test
    void randomBlocksSplitIntoSmallMethods() {
        RandomBlocks.Window w = RandomBlocks.Window.STANDARD;
        boolean memory = w.newMemory(0) != null;
        RandomBlocks gen = new RandomBlocks(SEED + 1, memory ? w : null);
        int split = 0;
        int refused = 0;
        for (int n = 0; n < BLOCKS / 2; n++) {
            Block b = gen.next();
            long memSeed = gen.random().nextLong();
            CpuState s = gen.state(null, b.startPc);
            var code = BlockCompiler.compile(b, 400);
            if (code == null) {
                refused++;
                continue;
            }
            split++;
            AddressSpace mi = memory ? w.newMemory(memSeed) : null;
            AddressSpace mj = memory ? w.newMemory(memSeed) : null;
            Tiers.Outcome i = Tiers.interpret(b, s.copy(mi));
            Tiers.Outcome j = Tiers.run(code, s.copy(mj));
            assertThat(j).as("block %d (seed %x):\n%s", n, SEED + 1, b).isEqualTo(i);
            if (memory) {
                assertThat(w.contents(mj)).as("memory after block %d", n).isEqualTo(w.contents(mi));
            }
        }
        System.out.printf("co-sim with 400-byte methods: %d blocks compiled, %d left to the interpreter%n", split, refused);
        assertThat(split).isGreaterThan(BLOCKS / 8);
    }
}

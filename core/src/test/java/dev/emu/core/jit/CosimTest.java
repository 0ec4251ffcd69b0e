package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.RandomBlocks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}

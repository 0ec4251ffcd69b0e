package dev.emu.core.jit;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.RandomBlocks;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports what compiling costs once ASM and the JVM are warm; asserts only a loose bound. */
class CompileTimeTest {
    @Test
    void compileTimePerBlock() {
        RandomBlocks gen = new RandomBlocks(77, null);
        Block[] blocks = new Block[2000];
        long irInsns = 0;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = gen.next();
            irInsns += blocks[i].insns.length;
        }
        for (int i = 0; i < 1000; i++) {
            BlockCompiler.compile(blocks[i]); // warm-up
        }
        long[] emit = new long[1000];
        long[] total = new long[1000];
        for (int i = 0; i < 1000; i++) {
            Block b = blocks[1000 + i];
            long t0 = System.nanoTime();
            BlockCompiler.classBytes(b);
            long t1 = System.nanoTime();
            assertThat(BlockCompiler.compile(b)).isNotNull();
            long t2 = System.nanoTime();
            emit[i] = t1 - t0;
            total[i] = t2 - t1;
        }
        Arrays.sort(emit);
        Arrays.sort(total);
        System.out.printf("compile time per block (%.0f IR insns on average): emit median %.1f us p90 %.1f us;"
                        + " emit+define median %.1f us p90 %.1f us%n",
                irInsns / (double) blocks.length, emit[500] / 1e3, emit[900] / 1e3, total[500] / 1e3, total[900] / 1e3);
        assertThat(total[500]).isLessThan(50_000_000L);
    }

    @Test
    void compileTimeOfLongBlocksThatAreSplit() {
        RandomBlocks gen = new RandomBlocks(78, null);
        Block[] blocks = new Block[60];
        long irInsns = 0;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = gen.next(300, true);
            irInsns += blocks[i].insns.length;
        }
        for (int i = 0; i < 20; i++) {
            BlockCompiler.compile(blocks[i]); // warm-up
        }
        long[] total = new long[40];
        long[] emit = new long[40];
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            BlockCompiler.classBytes(blocks[20 + i]);
            long t1 = System.nanoTime();
            assertThat(BlockCompiler.compile(blocks[20 + i])).isNotNull();
            emit[i] = t1 - t0;
            total[i] = System.nanoTime() - t1;
        }
        Arrays.sort(total);
        Arrays.sort(emit);
        System.out.printf("compile time of 300-instruction blocks (%.0f IR insns on average, split):"
                + " emit median %.2f ms; emit+define median %.2f ms, max %.2f ms%n",
                irInsns / (double) blocks.length, emit[20] / 1e6, total[20] / 1e6, total[39] / 1e6);
    }
}

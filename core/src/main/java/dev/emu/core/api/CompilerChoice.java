package dev.emu.core.api;

import dev.emu.core.engine.BlockCode;
import dev.emu.core.engine.Engine;
import dev.emu.core.ir.Block;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.jit.RegionCompiler;

import java.util.List;
import java.util.function.Function;

/**
 * Chooses the tier-1 compiler for new engines: the ASM JIT, unless the system property
 * {@code emu.jit=false} asks for the interpreter alone.
 *
 * <p>The compilers are small classes rather than method references: a method reference
 * resolves (loads and verifies) {@code BlockCompiler} and with it ASM when the engine is
 * configured; these touch the JIT only when the first block is compiled, so a run that never
 * reaches the tier-up threshold loads no ASM class.
 */
public final class CompilerChoice {
    private CompilerChoice() {}

    /**
     * The tier-2 (region) compiler, unless {@code emu.jit=false} or {@code emu.jit.regions=false}.
     */
    public static Engine.RegionCompilerFunction defaultRegionCompiler() {
        return Boolean.parseBoolean(System.getProperty("emu.jit", "true"))
                && Boolean.parseBoolean(System.getProperty("emu.jit.regions", "true"))
                ? new Regions() : null;
    }

    public static Function<Block, BlockCode> defaultCompiler() {
        return Boolean.parseBoolean(System.getProperty("emu.jit", "true")) ? new Blocks() : null;
    }

    private static final class Blocks implements Function<Block, BlockCode> {
        @Override
        public BlockCode apply(Block b) {
            return BlockCompiler.compile(b);
        }
    }

    private static final class Regions implements Engine.RegionCompilerFunction {
        @Override
        public BlockCode compile(List<Block> blocks, long[] indirectTargets, int pcSlot) {
            return RegionCompiler.compile(blocks, indirectTargets, pcSlot);
        }
    }
}

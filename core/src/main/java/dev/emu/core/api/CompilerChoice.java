package dev.emu.core.api;

import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;
import dev.emu.core.jit.BlockCompiler;

import java.util.function.Function;

/**
 * Chooses the tier-1 compiler for new engines: the ASM JIT, unless the system property
 * {@code emu.jit=false} asks for the interpreter alone.
 */
public final class CompilerChoice {
    private CompilerChoice() {}

    /**
     * The tier-2 (region) compiler, unless {@code emu.jit=false} or {@code emu.jit.regions=false}.
     */
    public static dev.emu.core.engine.Engine.RegionCompilerFunction defaultRegionCompiler() {
        return Boolean.parseBoolean(System.getProperty("emu.jit", "true"))
                && Boolean.parseBoolean(System.getProperty("emu.jit.regions", "true"))
                ? dev.emu.core.jit.RegionCompiler::compile : null;
    }

    public static Function<Block, BlockCode> defaultCompiler() {
        return Boolean.parseBoolean(System.getProperty("emu.jit", "true")) ? BlockCompiler::compile : null;
    }
}

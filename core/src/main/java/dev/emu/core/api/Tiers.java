package dev.emu.core.api;

import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;

import java.util.function.Function;

/** Chooses the tier-1 compiler; null until the JIT is wired in. */
final class Tiers {
    private Tiers() {}

    static Function<Block, BlockCode> defaultCompiler() {
        return null;
    }
}

package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;

/** Tier 0: runs a block with the IR interpreter. */
public final class InterpretedCode implements BlockCode {
    private final Block block;

    public InterpretedCode(Block block) {
        this.block = block;
    }

    @Override
    public long run(CpuState state) {
        return IrInterpreter.run(block, state);
    }

    @Override
    public String toString() {
        return "interpreted block 0x" + Long.toHexString(block.startPc);
    }
}

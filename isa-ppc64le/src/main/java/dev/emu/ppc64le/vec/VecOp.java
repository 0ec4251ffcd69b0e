package dev.emu.ppc64le.vec;

import dev.emu.core.cpu.CpuState;

/** One vector or VSX instruction's semantics: reads its fields from the word, updates the state. */
@FunctionalInterface
public interface VecOp {
    void exec(CpuState s, int word);

    /** An element-wise operation on two {@code bytes}-wide unsigned elements. */
    @FunctionalInterface
    interface Lane2 {
        long apply(CpuState s, long a, long b);
    }

    /** An element-wise operation on one element. */
    @FunctionalInterface
    interface Lane1 {
        long apply(CpuState s, long a);
    }
}

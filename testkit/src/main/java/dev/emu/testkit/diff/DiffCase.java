package dev.emu.testkit.diff;

/**
 * One differential test case: the code under test and the state it starts from. Each ISA has
 * its own implementation ({@link dev.emu.testkit.diff.a64.A64Case} for AArch64).
 */
public interface DiffCase {
    /**
     * What a failure message shows to reproduce the case by hand: the encodings under test
     * (with their disassembly when the generator gave one) and the initial values.
     */
    String describe();
}

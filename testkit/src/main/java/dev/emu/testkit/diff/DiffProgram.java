package dev.emu.testkit.diff;

import java.util.List;

/**
 * Builds the guest program for a batch of cases of one ISA. The program runs the cases in
 * order and, after each, writes that case's state dump ({@link #layout} bytes) to fd 1; then
 * exits 0. A case that kills the program leaves the dumps of the cases before it intact, which
 * is how the campaign finds the culprit.
 */
public interface DiffProgram<C extends DiffCase> {
    /** The ELF image running {@code cases} in order. */
    byte[] build(List<C> cases);

    /** The dump one case writes. */
    DumpLayout layout(C c);

    /**
     * Whether this dump records a fault the program caught itself (a signal handler's dump),
     * so reports can count faults whatever the program's way of handling them.
     */
    default boolean isFaultDump(DiffDump dump) {
        return false;
    }

    /** How many cases one program holds at most (its code and data stay small). */
    default int maxCasesPerProgram() {
        return 500;
    }
}

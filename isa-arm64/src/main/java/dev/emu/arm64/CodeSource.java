package dev.emu.arm64;

/**
 * Where the lifter reads instruction words from: the guest address space in the engine, a
 * plain array in unit tests. A fault reading code propagates as a GuestFault.
 */
@FunctionalInterface
public interface CodeSource {
    /** The little-endian 32-bit word at {@code pc}, checked for execute permission. */
    int fetch32(long pc);

    /** {@code words} placed at {@code base}; anything else faults as unmapped. */
    static CodeSource of(long base, int... words) {
        return pc -> {
            long i = (pc - base) >> 2;
            if (pc < base || (pc & 3) != 0 || i >= words.length) {
                throw new dev.emu.core.mem.GuestFault(pc, dev.emu.core.mem.GuestFault.Access.EXECUTE,
                        dev.emu.core.mem.GuestFault.Reason.UNMAPPED);
            }
            return words[(int) i];
        };
    }
}

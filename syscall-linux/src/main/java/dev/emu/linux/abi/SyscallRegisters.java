package dev.emu.linux.abi;

import dev.emu.core.cpu.RegisterFile;

/**
 * The register slots of a syscall convention, looked up by name in a CPU's register file and
 * kept for the last file seen: the six argument registers (slots 0..5; the first also takes
 * the result), then any others the ABI names (the number register, a condition register).
 */
public final class SyscallRegisters {
    private record Binding(RegisterFile rf, int[] slots) {}

    private final String[] names;
    private volatile Binding bound;

    /** {@code names}: the six argument registers, then the extra ones, in slot order. */
    public SyscallRegisters(String... names) {
        this.names = names.clone();
    }

    /** The slots of the registers, in the order they were named, for {@code rf}. */
    public int[] slots(RegisterFile rf) {
        Binding b = bound;
        if (b == null || b.rf() != rf) {
            int[] slots = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                slots[i] = rf.get(names[i]).slot();
            }
            b = new Binding(rf, slots);
            bound = b;
        }
        return b.slots();
    }
}

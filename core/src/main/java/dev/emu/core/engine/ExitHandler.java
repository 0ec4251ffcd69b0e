package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;

/**
 * What the engine hands exits to: the Linux layer (syscalls, signals) or the embedding API
 * (hooks). Each method returns true to go on running the guest from its (possibly changed)
 * pc, false to make {@link Engine#run} return.
 */
public interface ExitHandler {
    /** A TRAP: the pc slot already holds where execution resumes. */
    boolean onTrap(CpuState cpu, TrapKind kind, long detail);

    /** A guest memory fault: the pc slot names the faulting instruction. */
    boolean onFault(CpuState cpu, GuestFault fault);

    /**
     * {@link CpuState#interruptRequested} was seen (and cleared) at a block boundary: a signal
     * to deliver, say. The default stops.
     */
    default boolean onInterrupt(CpuState cpu) {
        return false;
    }
}

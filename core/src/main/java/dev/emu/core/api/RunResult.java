package dev.emu.core.api;

import dev.emu.core.engine.StopReason;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;

/**
 * How {@link Machine#start} ended: the reason, the pc it stopped at, the instructions it
 * retired, and, when it stopped on one, the unhandled fault or trap.
 */
public record RunResult(StopReason reason, long pc, long instructions, GuestFault fault, TrapKind trap, long trapDetail) {
    /** True when the run ended at a limit the caller set (until, count, timeout) or by stop(). */
    public boolean ok() {
        return reason == StopReason.UNTIL_REACHED || reason == StopReason.COUNT_EXHAUSTED
                || reason == StopReason.TIMEOUT || reason == StopReason.INTERRUPTED;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(reason.name().toLowerCase()).append(" at pc 0x").append(Long.toHexString(pc))
                .append(" after ").append(instructions).append(" instructions");
        if (fault != null) {
            sb.append(": ").append(fault.getMessage());
        }
        if (trap != null) {
            sb.append(": ").append(trap.name().toLowerCase()).append(" 0x").append(Long.toHexString(trapDetail));
        }
        return sb.toString();
    }
}

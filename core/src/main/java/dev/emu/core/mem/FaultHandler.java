package dev.emu.core.mem;

/**
 * Gets a chance to fix an UNMAPPED or PROTECTION fault of a typed access or instruction fetch
 * before it reaches the guest (the embedding API's "unmapped memory" hook, lazy mapping).
 */
@FunctionalInterface
public interface FaultHandler {
    /** @return true to retry the access once (the handler mapped or unprotected the page) */
    boolean onFault(GuestFault fault);
}

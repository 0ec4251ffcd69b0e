package dev.emu.core.mem;

/**
 * Sees every typed guest access while installed (the embedding API's memory hooks). Reads are
 * reported after they complete, with the value read; writes before they land, with the value
 * to be written. A CAS reports its read and, when it swaps, its write.
 */
@FunctionalInterface
public interface AccessObserver {
    void onAccess(GuestFault.Access kind, long address, int size, long value);
}

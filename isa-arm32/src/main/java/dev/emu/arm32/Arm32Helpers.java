package dev.emu.arm32;

import dev.emu.core.mem.GuestFault;

/** Static helpers the AArch32 lifters call; shared by the interpreter and generated code. */
public final class Arm32Helpers {
    private Arm32Helpers() {}

    /**
     * The address, if its low bits under {@code mask} are clear; otherwise an alignment fault
     * (SIGBUS). LDRD, STRD, LDM, STM and the exclusives check alignment even with SCTLR.A
     * clear (A3.2.1). {@code write} names the access in the fault.
     */
    public static long checkAligned(long address, long mask, int write) {
        if ((address & mask) != 0) {
            throw new GuestFault(address, write != 0 ? GuestFault.Access.WRITE : GuestFault.Access.READ,
                    GuestFault.Reason.ALIGNMENT);
        }
        return address;
    }
}

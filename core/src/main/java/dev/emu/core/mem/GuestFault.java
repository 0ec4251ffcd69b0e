package dev.emu.core.mem;

/**
 * A guest memory access that the address space cannot satisfy. The OS layer turns it into
 * SIGSEGV or SIGBUS for the guest; the embedding API reports it. It carries no Java stack
 * trace: faults are guest events, not emulator bugs, and some guests take thousands.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the guest tried to do. */
    public enum Access { READ, WRITE, EXECUTE }

    /** Why it failed, in the terms of Linux's si_code. */
    public enum Reason {
        /** Nothing is mapped there: SIGSEGV / SEGV_MAPERR. */
        UNMAPPED,
        /** Mapped without the needed permission: SIGSEGV / SEGV_ACCERR. */
        PROTECTION,
        /** Misaligned where the ISA or operation requires alignment: SIGBUS / BUS_ADRALN. */
        ALIGNMENT,
        /** Beyond the end of a file-backed mapping's file: SIGBUS / BUS_ADRERR. */
        BEYOND_FILE
    }

    private final long address;
    private final Access access;
    private final Reason reason;

    public GuestFault(long address, Access access, Reason reason) {
        super(null, null, false, false);
        this.address = address;
        this.access = access;
        this.reason = reason;
    }

    public long address() {
        return address;
    }

    public Access access() {
        return access;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return access.name().toLowerCase() + " at 0x" + Long.toHexString(address) + ": "
                + reason.name().toLowerCase().replace('_', ' ');
    }
}

package dev.emu.core.elf;

/**
 * A well-formed ELF file this emulator cannot run, because no CPU core on the class path
 * claims its machine, class, byte order and flags. Unlike {@link ElfFormatException} the file
 * is fine: adding the right {@code isa-*} jar fixes it.
 */
public final class UnsupportedElfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedElfException(String message) {
        super(message);
    }
}

package dev.emu.core.elf;

/**
 * The one exception {@link ElfImage} raises for a file it cannot accept: not ELF, truncated,
 * corrupted, or a kind of ELF no Linux loader runs (a relocatable object, say). The message
 * says what is wrong and where, e.g. {@code "busybox: program header 3 at offset 0x1c0:
 * p_offset+p_filesz 0x1f0000 beyond end of file (size 0x1e8000)"}.
 *
 * <p>Unchecked on purpose: bad input is reported to the user in one place (the command line,
 * or the embedder's own handler), and every other caller would only wrap and rethrow it. No
 * other exception escapes the parser for any input bytes, however malformed.
 */
public final class ElfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param source the file's name for the message, or null
     * @param offset the file offset the problem was found at, or -1 when it has none
     * @param problem what is wrong, naming the offset and field
     */
    public ElfFormatException(String source, long offset, String problem) {
        super(source == null ? problem : source + ": " + problem);
        this.offset = offset;
    }

    /** The file offset of the offending field or structure, or -1 when the problem has none. */
    public long offset() {
        return offset;
    }
}

package dev.emu.core.mem;

/**
 * mmap flags as {@link AddressSpace#mmap} understands them. The values are the asm-generic
 * (x86, arm, arm64, ...) ones; an ABI whose numbers differ (mips: MAP_ANONYMOUS is 0x800)
 * translates before calling. Flags not listed here are accepted and ignored.
 */
public final class MapFlags {
    public static final int SHARED = 0x01;
    public static final int PRIVATE = 0x02;
    /** Linux's MAP_SHARED_VALIDATE; treated as SHARED. */
    public static final int SHARED_VALIDATE = 0x03;
    public static final int FIXED = 0x10;
    /** Informational: a null {@link Backing} is what makes a mapping anonymous. */
    public static final int ANONYMOUS = 0x20;
    public static final int GROWSDOWN = 0x0100;
    public static final int NORESERVE = 0x4000;
    public static final int STACK = 0x20000;
    public static final int FIXED_NOREPLACE = 0x100000;

    /** mremap flags. */
    public static final int MREMAP_MAYMOVE = 1;
    public static final int MREMAP_FIXED = 2;

    private MapFlags() {}
}

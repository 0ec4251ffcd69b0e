package dev.emu.core.mem;

/**
 * The errno values the mapping calls return, negated ({@code -ENOMEM}). They are the
 * asm-generic numbers, which every Linux architecture shares below 35, so the syscall layer
 * can hand them to any guest unchanged. A result in [-4095, -1] is an error; anything else
 * is an address or a break.
 */
public final class Errno {
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;

    private Errno() {}

    /** True when a mapping call's result is a negated errno. */
    public static boolean isError(long result) {
        return result < 0 && result >= -4095;
    }
}

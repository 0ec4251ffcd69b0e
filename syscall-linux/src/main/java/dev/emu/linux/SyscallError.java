package dev.emu.linux;

/** Thrown inside a syscall implementation to return {@code -errno}; carries no stack trace. */
public final class SyscallError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int errno;

    public SyscallError(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }
}

package dev.emu.linux;

/** One syscall's implementation: returns the result or a negated canonical errno. */
@FunctionalInterface
public interface SyscallHandler {
    long call(SyscallContext c) throws Exception;
}

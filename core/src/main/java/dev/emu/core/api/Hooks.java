package dev.emu.core.api;

import dev.emu.core.ir.TrapKind;

/** The callbacks an embedder can register on a {@link Machine}. */
public final class Hooks {
    private Hooks() {}

    /** Runs before each guest instruction in its address range executes. */
    @FunctionalInterface
    public interface CodeHook {
        void onInstruction(Machine m, long address);
    }

    /** Runs before each translated block executes. */
    @FunctionalInterface
    public interface BlockHook {
        void onBlock(Machine m, long address, long size);
    }

    /** A trap the guest raised: a system call, a breakpoint, an illegal instruction. Return true to resume. */
    @FunctionalInterface
    public interface TrapHook {
        boolean onTrap(Machine m, TrapKind kind, long detail);
    }

    /** A guest load or store in the hook's address range; {@code value} is the stored value for writes. */
    @FunctionalInterface
    public interface MemoryHook {
        void onAccess(Machine m, boolean write, long address, int size, long value);
    }

    /** An access to unmapped or protected memory; return true after mapping it to retry the access. */
    @FunctionalInterface
    public interface InvalidMemoryHook {
        boolean onInvalid(Machine m, boolean write, long address, int size, long value);
    }

    /** What {@code Machine.add*Hook} returns; pass it to {@link Machine#removeHook}. */
    public static final class Handle {
        final Object hook;
        final long begin;
        final long end;

        Handle(Object hook, long begin, long end) {
            this.hook = hook;
            this.begin = begin;
            this.end = end;
        }

        boolean covers(long addr) {
            return Long.compareUnsigned(addr, begin) >= 0 && Long.compareUnsigned(addr, end) <= 0;
        }
    }
}

package dev.emu.linux;

import dev.emu.linux.sys.ExecSyscalls;
import dev.emu.linux.sys.FileSyscalls;
import dev.emu.linux.sys.ForkSyscalls;
import dev.emu.linux.sys.MemorySyscalls;
import dev.emu.linux.sys.PathSyscalls;
import dev.emu.linux.sys.PollSyscalls;
import dev.emu.linux.sys.ProcessSyscalls;
import dev.emu.linux.sys.SignalSyscalls;
import dev.emu.linux.sys.ThreadSyscalls;
import dev.emu.linux.sys.TimeSyscalls;
import dev.emu.linux.sys.TimerSyscalls;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One ABI's syscall implementations by name: the canonical ones (asm-generic names, the
 * {@code handler(String)} switches of the {@code sys} classes) with the ABI's additions,
 * wrappers and removals on top ({@link dev.emu.linux.abi.LinuxAbi#registerSyscalls}).
 *
 * <p>A canonical handler is a lambda or method reference that the JVM spins into a class the
 * first time its expression runs; looking handlers up by name only when asked keeps start-up
 * from paying for ~200 of them when a program makes a dozen different syscalls.
 *
 * <p>Filled by one thread (the dispatcher's constructor), then only read.
 */
public final class SyscallHandlers {
    private final Map<String, SyscallHandler> added = new HashMap<>();
    /** Names implemented by another name's canonical handler, bound on first use like it. */
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    /** The handler for {@code name}: the ABI's own, else the canonical one unless the ABI removed it; or null. */
    public SyscallHandler get(String name) {
        SyscallHandler h = added.get(name);
        if (h != null) {
            return h;
        }
        String target = aliases.get(name);
        if (target != null && (h = canonical(target)) != null) {
            return h;
        }
        return removed.contains(name) ? null : canonical(name);
    }

    public boolean containsKey(String name) {
        return get(name) != null;
    }

    /** Implements {@code name} with {@code h}, replacing a canonical handler of that name. */
    public void put(String name, SyscallHandler h) {
        if (h == null) {
            throw new IllegalArgumentException("syscall " + name + ": null handler");
        }
        added.put(name, h);
        aliases.remove(name);
        removed.remove(name);
    }

    /** Leaves {@code name} unimplemented (ENOSYS) for this ABI. */
    public void remove(String name) {
        added.remove(name);
        aliases.remove(name);
        removed.add(name);
    }

    /**
     * Implements {@code name} with what implements {@code target} now, if anything does: the
     * ABI's own handler at once, a canonical one when {@code name} is first called (so aliases
     * do not bind every canonical handler they name at start-up). Later changes to
     * {@code target} do not follow.
     */
    public void alias(String name, String target) {
        SyscallHandler h = added.get(target);
        if (h != null) {
            put(name, h);
        } else if (!removed.contains(target) && !aliases.containsKey(target)) {
            added.remove(name);
            removed.remove(name);
            aliases.put(name, target);
        } else if (aliases.containsKey(target)) {
            alias(name, aliases.get(target));
        }
    }

    /** The canonical implementation of {@code name} (an asm-generic name), or null. */
    public static SyscallHandler canonical(String name) {
        SyscallHandler h;
        if ((h = FileSyscalls.handler(name)) != null
                || (h = PathSyscalls.handler(name)) != null
                || (h = MemorySyscalls.handler(name)) != null
                || (h = TimeSyscalls.handler(name)) != null
                || (h = ProcessSyscalls.handler(name)) != null
                || (h = SignalSyscalls.handler(name)) != null
                || (h = PollSyscalls.handler(name)) != null
                || (h = ExecSyscalls.handler(name)) != null
                || (h = ForkSyscalls.handler(name)) != null
                || (h = ThreadSyscalls.handler(name)) != null
                || (h = TimerSyscalls.handler(name)) != null) {
            return h;
        }
        return null;
    }
}

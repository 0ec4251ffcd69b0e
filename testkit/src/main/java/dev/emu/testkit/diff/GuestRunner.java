package dev.emu.testkit.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a guest ELF executable to completion and reports what it wrote and how it ended. The
 * reference is {@link QemuRunner}; the emulator under test plugs in through
 * {@link InProcessRunner} (or any lambda).
 */
@FunctionalInterface
public interface GuestRunner {
    /**
     * Runs {@code elf} with no arguments and stdin at end of file; kills it after {@code
     * timeout}. Never throws for a guest failure (signal, bad exit status): those are part of
     * the result.
     */
    RunResult run(Path elf, Duration timeout) throws IOException;

    /** For messages: "qemu-aarch64-static", "emu". */
    default String name() {
        return getClass().getSimpleName();
    }
}

package dev.emu.cli.battery;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * The shell battery: each case of {@code battery/shell.txt} is a script for
 * {@code busybox sh -c}: pipelines, subshells, redirections, traps, jobs, re-execution
 * through /proc/self/exe. Compared with the native amd64 busybox (see {@link Battery}).
 */
class ShellBatteryTest {
    @TestFactory
    Stream<DynamicNode> battery() throws IOException, InterruptedException {
        return Battery.tests("/battery/shell.txt", Battery.Format.SHELL);
    }
}

package dev.emu.cli.battery;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shell battery: each case of {@code battery/shell.txt} is a script for
 * {@code busybox sh -c}: pipelines, subshells, redirections, traps, jobs, re-execution
 * through /proc/self/exe. Compared with the native amd64 busybox (see {@link Battery}).
 * The emulators run with C1 only: these scripts are short, and C2's compile threads would
 * double their CPU time in CI (the applet battery keeps C2 behind the JIT's code).
 */
class ShellBatteryTest {
    @TestFactory
    Stream<DynamicNode> battery() throws IOException, InterruptedException {
        return Battery.tests("/battery/shell.txt", Battery.Format.SHELL, List.of("-XX:TieredStopAtLevel=1"));
    }
}

package dev.emu.cli;

import dev.emu.core.elf.ElfImage;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signals sent to the emulator's JVM reach the guest as the kernel would deliver them: the
 * terminal's SIGINT to the foreground group (here: a shell with a trap and its sleep), a
 * supervisor's SIGTERM to the first process, whose default action ends the emulator with 143.
 */
class HostSignalsTest {
    record Run(String out, int status) {}

    private static Run runAndSignal(String script, String signal) throws Exception {
        Assumptions.assumeTrue(ProcessHandle.current().info().command().isPresent(), "no java command to start");
        Path bb = Fixtures.busybox("arm64");
        Assumptions.assumeTrue(ElfImage.read(bb).findIsa().isPresent(), "no arm64 core on the class path");
        Assumptions.assumeTrue(Path.of("/bin/kill").toFile().canExecute(), "no /bin/kill on this host");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().get(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                bb.toString(), "sh", "-c", script));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            String first = r.readLine();
            out.append(first).append('\n');
            assertThat(first).as("the guest's first line").isEqualTo("ready");
            Process kill = new ProcessBuilder("/bin/kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the emulator ended").isTrue();
            return new Run(out.toString(), p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigintReachesTheForegroundShellsTrap() throws Exception {
        Run r = runAndSignal("trap 'echo got INT; exit 7' INT; echo ready; while :; do sleep 1; done", "INT");
        assertThat(r.out()).isEqualTo("ready\ngot INT\n");
        assertThat(r.status()).isEqualTo(7);
    }

    @Test
    void sigtermEndsTheFirstProcessByItsDefaultAction() throws Exception {
        Run r = runAndSignal("echo ready; sleep 30; echo not reached", "TERM");
        assertThat(r.out()).isEqualTo("ready\n");
        assertThat(r.status()).isEqualTo(128 + 15);
    }
}

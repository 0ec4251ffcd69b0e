package dev.emu.testkit.diff.x86;

import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.RunResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest ELF natively, as a child process: the reference of choice when the host is
 * the guest's architecture (an x86_64 host for the x86_64 core), since hardware is the best
 * oracle. stdout and stderr go to files so what the program wrote before dying is kept.
 */
public final class HostRunner implements GuestRunner {
    /** Whether this JVM runs on an x86_64 host, so x86_64 programs can run natively. */
    public static boolean hostIsX86_64() {
        String arch = System.getProperty("os.arch");
        return ("amd64".equals(arch) || "x86_64".equals(arch))
                && System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    @Override
    public String name() {
        return "host-cpu";
    }

    @Override
    public RunResult run(Path elf, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("emu-host-run");
        try {
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(elf.toAbsolutePath().toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + elf, e);
            }
            if (!finished) {
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            byte[] stdout = Files.readAllBytes(out);
            byte[] stderr = Files.readAllBytes(err);
            return finished ? RunResult.exited(stdout, stderr, p.exitValue(), elapsed)
                    : RunResult.timedOut(stdout, stderr, elapsed);
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }
}

package dev.emu.testkit.diff;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a guest under {@code qemu-<arch>-static} (qemu-user) as a child process. stdout and
 * stderr go to files, so what the guest wrote before it died or hung is kept. The child runs
 * in a private scratch directory (qemu may drop a core file there when the guest crashes),
 * deleted afterwards. {@code QEMU_*} variables of this process do not reach qemu: pass options
 * through the constructor instead.
 */
public final class QemuRunner implements GuestRunner {
    private final Path qemu;
    private final List<String> options;

    public QemuRunner(Path qemuBinary) {
        this(qemuBinary, List.of());
    }

    /** @param options extra qemu options placed before the program, such as {@code -cpu max} */
    public QemuRunner(Path qemuBinary, List<String> options) {
        this.qemu = qemuBinary.toAbsolutePath();
        this.options = List.copyOf(options);
    }

    public Path binary() {
        return qemu;
    }

    @Override
    public String name() {
        return qemu.getFileName().toString();
    }

    @Override
    public RunResult run(Path elf, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("emu-qemu-run");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(qemu.toString());
            cmd.addAll(options);
            cmd.add(elf.toAbsolutePath().toString());
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // QEMU_CPU, QEMU_STRACE and friends in the developer's shell would change results.
            pb.environment().keySet().removeIf(k -> k.startsWith("QEMU_"));
            long start = System.nanoTime();
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + elf, e);
            }
            if (!finished) {
                kill(p);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            byte[] stdout = Files.readAllBytes(out);
            byte[] stderr = Files.readAllBytes(err);
            return finished ? RunResult.exited(stdout, stderr, p.exitValue(), elapsed)
                    : RunResult.timedOut(stdout, stderr, elapsed);
        } finally {
            deleteTree(dir);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.emu.testkit.diff;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs a guest inside this JVM, for the emulator under test. The engine author supplies a
 * {@link Body} that loads the ELF through the embedding API, routes the guest's {@code write}
 * to {@link GuestOutput#stdout}/{@link GuestOutput#stderr} and returns the status passed to
 * {@code exit} (or {@code 128 + signal}). The body runs on its own thread with a large stack;
 * on timeout the thread is interrupted (the engine polls its interrupt flag) and the output so
 * far is kept.
 *
 * <pre>{@code
 * GuestRunner emu = new InProcessRunner("emu", (elf, out) -> {
 *     Emulator e = Emulator.load(elf);                       // whatever the embedding API becomes
 *     e.onSyscall(64, c -> out.write(c.arg(0), e.readBytes(c.arg(1), c.arg(2))));
 *     return e.runUntilExit();
 * });
 * }</pre>
 */
public final class InProcessRunner implements GuestRunner {
    /** The guest run proper. */
    @FunctionalInterface
    public interface Body {
        /** @return the exit status, 128 + signal when the guest died of one */
        int run(Path elf, GuestOutput out) throws Exception;
    }

    /** Where the guest's fd 1 and fd 2 go. Thread-safe. */
    public static final class GuestOutput {
        public final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        public final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        /** write(fd, bytes): fd 1 to stdout, anything else to stderr. */
        public synchronized void write(long fd, byte[] bytes) {
            (fd == 1 ? stdout : stderr).writeBytes(bytes);
        }

        synchronized byte[] out() {
            return stdout.toByteArray();
        }

        synchronized byte[] err() {
            return stderr.toByteArray();
        }
    }

    private static final long STACK_BYTES = 64L << 20;

    private final String name;
    private final Body body;

    public InProcessRunner(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    /** Adapts a runner that already builds a whole {@link RunResult} (no partial output on timeout). */
    public static InProcessRunner of(String name, Function<Path, RunResult> run) {
        return new InProcessRunner(name, (elf, out) -> {
            RunResult r = run.apply(elf);
            out.stdout.writeBytes(r.stdout());
            out.stderr.writeBytes(r.stderr());
            return r.exitStatus();
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunResult run(Path elf, Duration timeout) {
        GuestOutput out = new GuestOutput();
        int[] status = {-1};
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                status[0] = body.run(elf, out);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name + "-guest", STACK_BYTES);
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        boolean finished;
        try {
            t.join(Math.max(1, timeout.toMillis()));
            finished = !t.isAlive();
            if (!finished) {
                t.interrupt();
                t.join(1000);
            }
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            finished = false;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            return RunResult.timedOut(out.out(), out.err(), elapsed);
        }
        if (failure[0] != null) {
            // An emulator bug is a result to report, not a reason to abort the whole campaign.
            java.io.StringWriter sw = new java.io.StringWriter();
            failure[0].printStackTrace(new java.io.PrintWriter(sw));
            out.write(2, ("emulator threw: " + sw).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return RunResult.exited(out.out(), out.err(), 255, elapsed);
        }
        return RunResult.exited(out.out(), out.err(), status[0], elapsed);
    }
}

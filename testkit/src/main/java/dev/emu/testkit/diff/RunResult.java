package dev.emu.testkit.diff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What one guest program run produced.
 *
 * @param stdout     every byte the guest wrote to fd 1, also when it died or timed out
 * @param stderr     fd 2 of the guest and the runner's own messages (qemu's "uncaught target signal")
 * @param exitStatus the guest's exit status 0..255; death by signal N is {@code 128 + N} (the
 *                   shell's convention, which is also what {@link Process#exitValue()} reports);
 *                   -1 when timed out
 * @param timedOut   whether the run was killed for taking too long
 * @param elapsed    wall-clock time of the run
 */
public record RunResult(byte[] stdout, byte[] stderr, int exitStatus, boolean timedOut, Duration elapsed) {
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGSEGV = 11;

    public static RunResult exited(byte[] stdout, byte[] stderr, int status, Duration elapsed) {
        return new RunResult(stdout, stderr, status, false, elapsed);
    }

    public static RunResult killedBySignal(byte[] stdout, byte[] stderr, int signal, Duration elapsed) {
        return new RunResult(stdout, stderr, 128 + signal, false, elapsed);
    }

    public static RunResult timedOut(byte[] stdout, byte[] stderr, Duration elapsed) {
        return new RunResult(stdout, stderr, -1, true, elapsed);
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The signal that killed the guest, or 0. */
    public int signal() {
        return !timedOut && exitStatus > 128 ? exitStatus - 128 : 0;
    }

    /** "exit 0", "killed by signal 11", "timed out after 10 s", plus the last line of stderr. */
    public String describe() {
        String how = timedOut ? "timed out after " + elapsed.toMillis() + " ms"
                : signal() != 0 ? "killed by signal " + signal()
                : "exit " + exitStatus;
        String err = stderrText().strip();
        if (!err.isEmpty()) {
            int nl = err.lastIndexOf('\n');
            how += " (stderr: " + (nl >= 0 ? err.substring(nl + 1) : err) + ")";
        }
        return how;
    }
}

package dev.emu.linux;

import dev.emu.core.isa.Isa;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.loader.Launcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The C guest programs of {@code src/test/guest} (built static for aarch64 and armhf by its
 * build.sh): threads.c (pthreads with mutexes, condition variables, a barrier, C11 atomics),
 * signals.c (handlers, SA_RESTART, SA_SIGINFO, SIGSEGV fix-up and siglongjmp, sigaltstack,
 * SA_RESETHAND, masks, sigsuspend, sigtimedwait, children killed by signals, queued
 * real-time signals), jobctl.c (stop signals and SIGCONT, wait4's WUNTRACED/WCONTINUED,
 * waitid's WSTOPPED, WCONTINUED and WNOWAIT, SIGCHLD's CLD_STOPPED/CLD_CONTINUED and
 * SA_NOCLDSTOP) and clonefs.c (cwd and umask shared by CLONE_FS and threads, copied by fork).
 * threads.c and signals.c check themselves, the others print what they see; the whole
 * output must equal the native x86-64 build's, on the interpreter and with every block
 * compiled.
 */
class GuestProgramsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}, {2}")
    @CsvSource({
        "threads, aarch64, arm64, INTERPRETER", "threads, aarch64, arm64, COMPILER",
        "threads, armhf, arm32, INTERPRETER", "threads, armhf, arm32, COMPILER",
        "signals, aarch64, arm64, INTERPRETER", "signals, aarch64, arm64, COMPILER",
        "signals, armhf, arm32, INTERPRETER", "signals, armhf, arm32, COMPILER",
        "jobctl, aarch64, arm64, INTERPRETER", "jobctl, aarch64, arm64, COMPILER",
        "jobctl, armhf, arm32, INTERPRETER", "jobctl, armhf, arm32, COMPILER",
        "clonefs, aarch64, arm64, INTERPRETER", "clonefs, aarch64, arm64, COMPILER",
        "clonefs, armhf, arm32, INTERPRETER", "clonefs, armhf, arm32, COMPILER",
    })
    void selfCheckingProgram(String program, String arch, String core, String tier) throws Exception {
        Assumptions.assumeTrue(Isa.all().stream().anyMatch(i -> i.name().equals(core)),
                "the " + core + " core is not on the class path");
        Path exe = dir.resolve(program + "-" + arch);
        Files.write(exe, resource("/guest/" + program + "-" + arch));
        exe.toFile().setExecutable(true);
        String expected = new String(resource("/guest/" + program + ".out"), StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        Kernel.Options o = new Kernel.Options();
        o.diagnostics = new PrintStream(diag, true, StandardCharsets.UTF_8);
        o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, diag, false));
        o.compiler = tier.equals("INTERPRETER") ? null : BlockCompiler::compile;
        o.compileImmediately = tier.equals("COMPILER");
        Kernel k = new Kernel(o);
        int status = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            LinuxThread t = Launcher.start(k, exe, List.of(program), List.of("PATH=/bin"), null);
            int st = t.runProcess();
            k.shutdown();
            return st;
        });
        String where = program + " (" + arch + ", " + tier + "), emulator said: " + diag.toString(StandardCharsets.UTF_8);
        assertThat(out.toString(StandardCharsets.UTF_8)).as(where).isEqualTo(expected);
        assertThat(status).as(where).isZero();
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = GuestProgramsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}

package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.emu.linux.fs.StdStream;
import dev.emu.linux.loader.Launcher;
import dev.emu.testkit.Fixtures;
import dev.emu.testkit.asm.P64Asm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ppc64le Linux ABI through whole programs: the sc convention (number in r0, arguments
 * from r3, errors as CR0.SO with a positive errno), a signal handler entered with the ELF v2
 * registers and left through the rt_sigreturn trampoline with every register restored and the
 * interrupted code's red zone untouched, and the ppc64el busybox's uname.
 */
class Ppc64ProgramTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    Result run(Path exe, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        Kernel.Options o = new Kernel.Options();
        o.diagnostics = new PrintStream(diag, true, StandardCharsets.UTF_8);
        o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, err, false));
        Kernel k = new Kernel(o);
        List<String> argv = new ArrayList<>(List.of(exe.getFileName().toString()));
        argv.addAll(List.of(args));
        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            LinuxThread t = Launcher.start(k, exe, argv, List.of("PATH=/bin", "HOME=/"), null);
            return t.runProcess();
        });
        return new Result(status, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8) + diag.toString(StandardCharsets.UTF_8));
    }

    static final int NR_EXIT = 1, NR_WRITE = 4, NR_OPEN = 5, NR_GETPID = 20, NR_KILL = 37, NR_RT_SIGACTION = 173;
    static final int SIGUSR1 = 10, SA_SIGINFO = 4;

    /**
     * write(1, "hello\n"); open("/nonexistent") must fail with CR0.SO and r3 = ENOENT; then a
     * SIGUSR1 handler (SA_SIGINFO) stores r3 and si_signo and clobbers r14; back in the main
     * line r14 must hold its value again and the red zone below r1 its contents. Exits 100 +
     * the handler's signal number, 99 on any failed check.
     */
    static byte[] program() {
        P64Asm a = new P64Asm(0);
        P64Asm.Label base = a.newLabel(), fail = a.newLabel(), handler = a.newLabel(), msg = a.newLabel(),
                path = a.newLabel();
        a.stdu(1, 1, -256);
        a.bl(base);
        a.bind(base);
        a.mflr(31);
        a.mr(15, 1); // the main frame, for the handler
        // write(1, msg, 6)
        a.li(0, NR_WRITE).li(3, 1).addiDistance(4, 31, base, msg).li(5, 6).sc();
        // open("/nonexistent", O_RDONLY): CR0.SO and ENOENT (2)
        a.li(0, NR_OPEN).addiDistance(3, 31, base, path).li(4, 0).sc();
        a.bc(P64Asm.BO_FALSE, 3, fail); // bns fail
        a.cmpdi(0, 3, 2);
        a.bc(P64Asm.BO_FALSE, 2, fail); // bne fail
        // rt_sigaction(SIGUSR1, {handler, SA_SIGINFO, 0, 0}, NULL, 8)
        a.addiDistance(5, 31, base, handler).std(5, 1, 32);
        a.li(5, SA_SIGINFO).std(5, 1, 40);
        a.li(5, 0).std(5, 1, 48).std(5, 1, 56).std(5, 1, 64).std(5, 1, 72);
        a.li(0, NR_RT_SIGACTION).li(3, SIGUSR1).addi(4, 1, 32).li(5, 0).li(6, 8).sc();
        a.bc(P64Asm.BO_TRUE, 3, fail); // bso fail
        // kill(getpid(), SIGUSR1), with values in the red zone below r1 (the 288 bytes ELF v2
        // code may use without a frame; the kernel leaves 512 untouched) that the signal frame
        // must not overwrite
        a.li(14, 1234);
        a.li(7, 4321).std(7, 1, -8).std(7, 1, -288).std(7, 1, -512);
        a.li(0, NR_GETPID).sc();
        a.li(4, SIGUSR1).li(0, NR_KILL).sc();
        a.cmpdi(0, 14, 1234);
        a.bc(P64Asm.BO_FALSE, 2, fail);
        for (int off : new int[] {-8, -288, -512}) {
            a.ld(7, 1, off).cmpdi(0, 7, 4321);
            a.bc(P64Asm.BO_FALSE, 2, fail);
        }
        a.lwz(6, 1, 72).cmpdi(0, 6, SIGUSR1); // si_signo the handler saw
        a.bc(P64Asm.BO_FALSE, 2, fail);
        a.ld(3, 1, 64).addi(3, 3, 100);
        a.li(0, NR_EXIT).sc();
        a.bind(fail);
        a.li(3, 99).li(0, NR_EXIT).sc();
        // handler(signo, siginfo *, ucontext *): r15 still addresses the main frame
        a.bind(handler);
        a.std(3, 15, 64);
        a.lwz(6, 4, 0).stw(6, 15, 72);
        a.li(14, 0);
        a.blr();
        a.bind(msg);
        a.word(0x6c6c6568).word(0x00000a6f); // "hello\n"
        a.bind(path);
        byte[] p = "/nonexistent\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < p.length; i += 4) {
            a.word((p[i] & 0xFF) | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF) << 16 | (p[i + 3] & 0xFF) << 24);
        }
        return a.bytes();
    }

    @Test
    void syscallsErrorsAndSignalHandler() throws Exception {
        Path exe = dir.resolve("prog");
        Files.write(exe, TinyElf.build(21, 2, program(), 0));
        Result r = run(exe);
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.status()).as(r.err()).isEqualTo(110);
    }

    @Test
    void busyboxUname() throws Exception {
        Path busybox = Fixtures.busybox("ppc64el");
        Result r = run(busybox, "uname", "-m");
        assertThat(r.out()).isEqualTo("ppc64le\n");
        assertThat(r.status()).isZero();
    }
}

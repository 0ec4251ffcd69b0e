package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.emu.core.isa.Isa;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.loader.Launcher;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole programs on the arm64 core through the Linux layer: a hand-assembled one, then
 * busybox applets. Skipped while the arm64 core is not on the class path (or the fixture
 * is missing).
 */
class Arm64ProgramTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    static void assumeArm64Core() {
        Assumptions.assumeTrue(Isa.all().stream().anyMatch(i -> i.name().equals("arm64")),
                "the arm64 core is not on the class path yet");
    }

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

    @Test
    void handAssembledWriteAndExit() throws Exception {
        assumeArm64Core();
        int[] code = {
            0xd2800020, // mov x0, #1
            0x100000e1, // adr x1, msg (+28)
            0xd28000c2, // mov x2, #6
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd28000e0, // mov x0, #7
            0xd2800ba8, // mov x8, #93 (exit)
            0xd4000001, // svc #0
        };
        ByteBuffer b = ByteBuffer.allocate(code.length * 4 + 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : code) {
            b.putInt(c);
        }
        b.put("hello\n".getBytes(StandardCharsets.US_ASCII));
        Path exe = dir.resolve("hello");
        Files.write(exe, TinyElf.build(183, 2, b.array(), 0));
        Result r = run(exe);
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.status()).isEqualTo(7);
        // the same program as a #! interpreter
        Path script = dir.resolve("script");
        Files.writeString(script, "#!" + exe + " -x\nignored\n");
        Result s = run(script, "a");
        assertThat(s.out()).isEqualTo("hello\n");
        assertThat(s.status()).isEqualTo(7);
    }

    Path program(String name, int[] code, String data) throws Exception {
        byte[] d = data.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(code.length * 4 + d.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : code) {
            b.putInt(c);
        }
        b.put(d);
        Path exe = dir.resolve(name);
        Files.write(exe, TinyElf.build(183, 2, b.array(), 0));
        return exe;
    }

    @Test
    void aLoopOfSyscallsRunsIntoTheJit() throws Exception {
        assumeArm64Core();
        Path exe = program("loop", new int[] {
            0xd2800653, // mov x19, #50
            0xd2800020, // loop: mov x0, #1
            0x10000121, // adr x1, msg (+36)
            0xd2800022, // mov x2, #1
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xf1000673, // subs x19, x19, #1
            0x54ffff41, // b.ne loop
            0xd2800000, // mov x0, #0
            0xd2800ba8, // mov x8, #93 (exit)
            0xd4000001, // svc #0
        }, "x");
        Result r = run(exe);
        assertThat(r.out()).isEqualTo("x".repeat(50));
        assertThat(r.status()).isZero();
    }

    @Test
    void faultsAndIllegalInstructionsKillWithASignal() throws Exception {
        assumeArm64Core();
        Result segv = run(program("segv", new int[] {
            0xd2800000, // mov x0, #0
            0xf9400001, // ldr x1, [x0]
        }, ""));
        assertThat(segv.status()).isEqualTo(128 + Signals.SIGSEGV);
        assertThat(segv.err()).isEqualTo("emu: guest killed by SIGSEGV at pc 0x4000b4: read at 0x0: unmapped\n");
        Result ill = run(program("ill", new int[] {0xd2800000, 0x00000000}, ""));
        assertThat(ill.status()).isEqualTo(128 + Signals.SIGILL);
        assertThat(ill.err()).startsWith("emu: guest killed by SIGILL at pc 0x4000b4: illegal instruction 0x0");
        Result unknown = run(program("nosys", new int[] {
            0xd2808d08, // mov x8, #1128: no such syscall
            0xd4000001, // svc #0
            0xd2800ba8, // mov x8, #93 (exit) with x0 = -ENOSYS
            0xd4000001,
        }, ""));
        assertThat(unknown.status()).isEqualTo(-Errno.ENOSYS & 0xff);
        assertThat(unknown.err()).contains("emu: unsupported syscall 1128 (unknown), returning ENOSYS");
    }

    /** A program that execve's {@code target} with argv {target} and no environment, exiting with the error if that fails. */
    Path execer(String name, String target) throws Exception {
        byte[] path = (target + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer data = ByteBuffer.allocate(4 + 16 + path.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0).putLong(0x4000e0L).putLong(0).put(path);
        int[] code = {
            0x10000180, // adr x0, path (+48)
            0x100000e1, // adr x1, argv (+28)
            0xd2800002, // mov x2, #0
            0xd2801ba8, // mov x8, #221 (execve)
            0xd4000001, // svc #0
            0xd2800ba8, // mov x8, #93 (exit) with the error
            0xd4000001, // svc #0
        };
        ByteBuffer b = ByteBuffer.allocate(code.length * 4 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : code) {
            b.putInt(c);
        }
        b.put(data.array());
        Path exe = dir.resolve(name);
        Files.write(exe, TinyElf.build(183, 2, b.array(), 0));
        exe.toFile().setExecutable(true);
        return exe;
    }

    @Test
    void execveReplacesTheImage() throws Exception {
        assumeArm64Core();
        Path hello = program("hello2", new int[] {
            0xd2800020, 0x100000e1, 0xd28000c2, 0xd2800808, 0xd4000001, 0xd28000e0, 0xd2800ba8, 0xd4000001,
        }, "hello\n");
        hello.toFile().setExecutable(true);
        Result r = run(execer("exec-ok", hello.toString()));
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.status()).isEqualTo(7);
        Result missing = run(execer("exec-missing", dir.resolve("nope").toString()));
        assertThat(missing.status()).isEqualTo(-Errno.ENOENT & 0xff);
        Result notElf = run(execer("exec-text", dir.resolve("text").toString()));
        assertThat(notElf.status()).isEqualTo(-Errno.ENOENT & 0xff);
        Files.writeString(dir.resolve("text"), "text");
        dir.resolve("text").toFile().setExecutable(true);
        assertThat(run(execer("exec-text2", dir.resolve("text").toString())).status()).isEqualTo(-Errno.ENOEXEC & 0xff);
    }

    @Test
    void forkAndWait4() throws Exception {
        assumeArm64Core();
        Result r = run(program("fork", new int[] {
            0xd2800220, // mov x0, #17 (SIGCHLD)
            0xd2800001, // mov x1, #0
            0xd2800002, // mov x2, #0
            0xd2800003, // mov x3, #0
            0xd2800004, // mov x4, #0
            0xd2801b88, // mov x8, #220 (clone)
            0xd4000001, // svc #0
            0xb40001a0, // cbz x0, child (+52)
            0xd10043ff, // sub sp, sp, #16
            0x92800000, // mov x0, #-1
            0x910003e1, // mov x1, sp
            0xd2800002, // mov x2, #0
            0xd2800003, // mov x3, #0
            0xd2802088, // mov x8, #260 (wait4)
            0xd4000001, // svc #0
            0xb94003e0, // ldr w0, [sp]
            0x53087c00, // lsr w0, w0, #8
            0x11000400, // add w0, w0, #1
            0xd2800bc8, // mov x8, #94 (exit_group)
            0xd4000001, // svc #0
            0xd2800020, // child: mov x0, #1
            0x100000e1, // adr x1, msg (+28)
            0xd28000c2, // mov x2, #6
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd28000a0, // mov x0, #5
            0xd2800ba8, // mov x8, #93 (exit)
            0xd4000001, // svc #0
        }, "child\n"));
        assertThat(r.out()).isEqualTo("child\n");
        assertThat(r.status()).isEqualTo(6); // the child's 5, plus one in the parent
    }

    @Test
    void threadAndFutexJoin() throws Exception {
        assumeArm64Core();
        Result r = run(program("thread", new int[] {
            0xd10043ff, // sub sp, sp, #16
            0xd281e000, // movz x0, #0xf00
            0xf2a00620, // movk x0, #0x31, lsl #16: VM|FS|FILES|SIGHAND|THREAD|PARENT_SETTID|CHILD_CLEARTID
            0xd2800001, // mov x1, #0 (same stack: neither side uses it)
            0x910003e2, // mov x2, sp (parent_tid)
            0xd2800003, // mov x3, #0 (tls)
            0x910003e4, // mov x4, sp (child_tid)
            0xd2801b88, // mov x8, #220 (clone)
            0xd4000001, // svc #0
            0xb4000220, // cbz x0, child (+68)
            0xb94003e2, // loop: ldr w2, [sp]
            0x340000e2, // cbz w2, done (+28)
            0x910003e0, // mov x0, sp
            0xd2800001, // mov x1, #0 (FUTEX_WAIT)
            0xd2800003, // mov x3, #0 (no timeout)
            0xd2800c48, // mov x8, #98 (futex)
            0xd4000001, // svc #0
            0x17fffff9, // b loop
            0xd2800020, // done: mov x0, #1
            0x70000201, // adr x1, joined (+67)
            0xd28000e2, // mov x2, #7
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd2800000, // mov x0, #0
            0xd2800bc8, // mov x8, #94 (exit_group)
            0xd4000001, // svc #0
            0xd2800020, // child: mov x0, #1
            0x100000e1, // adr x1, thread (+28)
            0xd28000e2, // mov x2, #7
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd2800000, // mov x0, #0
            0xd2800ba8, // mov x8, #93 (exit: this thread only)
            0xd4000001, // svc #0
        }, "thread\njoined\n"));
        assertThat(r.out()).isEqualTo("thread\njoined\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void signalHandlerRunsAndReturns() throws Exception {
        assumeArm64Core();
        Result r = run(program("signal", new int[] {
            0xd10083ff, // sub sp, sp, #32
            0x10000309, // adr x9, handler (+96)
            0xf90003e9, // str x9, [sp]        sa_handler
            0xf90007ff, // str xzr, [sp, #8]   sa_flags: no SA_RESTORER, so the kernel's trampoline
            0xf9000bff, // str xzr, [sp, #16]
            0xf9000fff, // str xzr, [sp, #24]  sa_mask
            0xd2800140, // mov x0, #10 (SIGUSR1)
            0x910003e1, // mov x1, sp
            0xd2800002, // mov x2, #0
            0xd2800103, // mov x3, #8
            0xd28010c8, // mov x8, #134 (rt_sigaction)
            0xd4000001, // svc #0
            0xd2801588, // mov x8, #172 (getpid)
            0xd4000001, // svc #0
            0xd2800141, // mov x1, #10
            0xd2801028, // mov x8, #129 (kill)
            0xd4000001, // svc #0
            0xd2800020, // mov x0, #1
            0x100001c1, // adr x1, back (+56)
            0xd28000a2, // mov x2, #5
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd2800060, // mov x0, #3
            0xd2800bc8, // mov x8, #94 (exit_group)
            0xd4000001, // svc #0
            0xd2800020, // handler: mov x0, #1
            0x100000a1, // adr x1, sig (+20)
            0xd2800082, // mov x2, #4
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd65f03c0, // ret (to the rt_sigreturn trampoline)
        }, "sig\nback\n"));
        assertThat(r.out()).isEqualTo("sig\nback\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void segvHandlerSeesTheFault() throws Exception {
        assumeArm64Core();
        Result r = run(program("segv-handler", new int[] {
            0xd10083ff, // sub sp, sp, #32
            0x10000209, // adr x9, handler (+64)
            0xf90003e9, // str x9, [sp]
            0xf90007ff, // str xzr, [sp, #8]
            0xf9000bff, // str xzr, [sp, #16]
            0xf9000fff, // str xzr, [sp, #24]
            0xd2800160, // mov x0, #11 (SIGSEGV)
            0x910003e1, // mov x1, sp
            0xd2800002, // mov x2, #0
            0xd2800103, // mov x3, #8
            0xd28010c8, // mov x8, #134 (rt_sigaction)
            0xd4000001, // svc #0
            0xd2800000, // mov x0, #0
            0xf9400001, // ldr x1, [x0]: faults
            0xd2800020, // mov x0, #1 (not reached)
            0xd2800bc8, // mov x8, #94
            0xd4000001, // svc #0
            0xd2800120, // handler: mov x0, #9
            0xd2800bc8, // mov x8, #94 (exit_group)
            0xd4000001, // svc #0
        }, ""));
        assertThat(r.status()).isEqualTo(9);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void alarmEndsASpinningProgram() throws Exception {
        assumeArm64Core();
        Result r = run(program("alarm", new int[] {
            0xd10083ff, // sub sp, sp, #32
            0xf90003ff, // str xzr, [sp]       it_interval
            0xf90007ff, // str xzr, [sp, #8]
            0xf9000bff, // str xzr, [sp, #16]  it_value: 0 s
            0xd2986a09, // mov x9, #50000
            0xf9000fe9, // str x9, [sp, #24]   50000 us
            0xd2800000, // mov x0, #0 (ITIMER_REAL)
            0x910003e1, // mov x1, sp
            0xd2800002, // mov x2, #0
            0xd2800ce8, // mov x8, #103 (setitimer)
            0xd4000001, // svc #0
            0x14000000, // b .
        }, ""));
        assertThat(r.status()).isEqualTo(128 + Signals.SIGALRM);
    }

    @Test
    void childWritesIntoAPipeTheParentReadsToEndOfFile() throws Exception {
        assumeArm64Core();
        Result r = run(program("pipe-fork", new int[] {
            0xd10183ff, // sub sp, sp, #96
            0x910003e0, // mov x0, sp
            0xd2800001, // mov x1, #0
            0xd2800768, // mov x8, #59 (pipe2)
            0xd4000001, // svc #0
            0xd2800220, // mov x0, #17 (SIGCHLD)
            0xd2800001, 0xd2800002, 0xd2800003, 0xd2800004, // x1..x4 = 0
            0xd2801b88, // mov x8, #220 (clone)
            0xd4000001, // svc #0
            0xb40002c0, // cbz x0, child (+88)
            0xb94007e0, // ldr w0, [sp, #4]: the write end
            0xd2800728, // mov x8, #57 (close)
            0xd4000001, // svc #0
            0xb94003e0, // ldr w0, [sp]: the read end
            0x910043e1, // add x1, sp, #16
            0xd2800802, // mov x2, #64
            0xd28007e8, // mov x8, #63 (read)
            0xd4000001, // svc #0
            0xaa0003e2, // mov x2, x0
            0xd2800020, // mov x0, #1
            0x910043e1, // add x1, sp, #16
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xb94003e0, // ldr w0, [sp]
            0x910043e1, // add x1, sp, #16
            0xd2800802, // mov x2, #64
            0xd28007e8, // mov x8, #63 (read): 0 at end of file
            0xd4000001, // svc #0
            0x91001000, // add x0, x0, #4
            0xd2800bc8, // mov x8, #94 (exit_group)
            0xd4000001, // svc #0
            0xb94003e0, // child: ldr w0, [sp]
            0xd2800728, // mov x8, #57 (close the read end)
            0xd4000001, // svc #0
            0xb94007e0, // ldr w0, [sp, #4]
            0x100000e1, // adr x1, msg (+28)
            0xd28000a2, // mov x2, #5
            0xd2800808, // mov x8, #64 (write)
            0xd4000001, // svc #0
            0xd2800000, // mov x0, #0
            0xd2800ba8, // mov x8, #93 (exit)
            0xd4000001, // svc #0
        }, "pipe\n"));
        assertThat(r.out()).isEqualTo("pipe\n");
        assertThat(r.status()).isEqualTo(4);
    }

    @Test
    void busyboxApplets() {
        assumeArm64Core();
        Path bb = Fixtures.busybox("arm64");
        Result echo = run(bb, "echo", "hello");
        // while the core grows, an instruction it lacks is its gap, not this layer's
        Assumptions.assumeFalse(echo.status() == 128 + Signals.SIGILL,
                () -> "the arm64 core cannot run busybox yet: " + echo.err().trim());
        assertThat(echo.err()).isEmpty();
        assertThat(echo.out()).isEqualTo("hello\n");
        assertThat(echo.status()).isZero();
        assertThat(run(bb, "uname", "-m").out()).isEqualTo("aarch64\n");
        assertThat(run(bb, "true").status()).isZero();
        assertThat(run(bb, "false").status()).isEqualTo(1);
    }

    @Test
    void execOfAProgramForAnotherCore() {
        assumeArm64Core();
        Assumptions.assumeTrue(Isa.all().stream().anyMatch(i -> i.name().equals("arm32")), "no arm32 core");
        Path arm64 = Fixtures.busybox("arm64");
        Path armhf = Fixtures.busybox("armhf");
        // env execs its argument: the arm64 process continues as an armhf one, and back
        Result r = run(arm64, "env", armhf.toString(), "sh", "-c", "uname -m; " + arm64 + " uname -m; exit 3");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("armv7l\naarch64\n");
        assertThat(r.status()).isEqualTo(3);
    }
}

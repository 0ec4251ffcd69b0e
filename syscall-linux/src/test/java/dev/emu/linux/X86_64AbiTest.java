package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.FileStat;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.loader.Launcher;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.X86Registers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The x86_64 Linux ABI: its table and layouts, and a libc-free program built from
 * src/test/resources/x86_64/abi.c (files, stat, getdents, pipe/poll/select, arch_prctl,
 * signal frames for kill, #DE, UD2, HLT and a bad store with registers changed by the
 * handler, fork/wait4) whose output must equal the native run's, committed as abi.expected.
 */
class X86_64AbiTest {
    @TempDir
    Path dir;

    final LinuxAbi abi = LinuxAbi.forIsa("x86_64");

    record Result(int status, String out) {}

    Result run(Path exe, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel.Options o = new Kernel.Options();
        o.diagnostics = new PrintStream(out, true, StandardCharsets.UTF_8);
        o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, out, false));
        Kernel k = new Kernel(o);
        List<String> argv = new ArrayList<>(List.of(exe.getFileName().toString()));
        argv.addAll(List.of(args));
        LinuxThread t = Launcher.start(k, exe, argv, List.of(), null);
        t.process().setCwd(k.vfs().guestPathOfHost(dir));
        int status = t.runProcess();
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/x86_64/" + name)) {
            Files.copy(in, p);
        }
        p.toFile().setExecutable(true);
        return p;
    }

    @Test
    void theAbiProgramPrintsWhatItPrintsNatively() throws Exception {
        Path exe = resource("abi");
        String expected = new String(getClass().getResourceAsStream("/x86_64/abi.expected").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(run(exe)).isEqualTo(new Result(0, expected));
        if (System.getProperty("os.arch").equals("amd64") && System.getProperty("os.name").equals("Linux")) {
            // the committed expectation is still what the hardware and kernel say
            Process p = new ProcessBuilder(exe.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
            String nativeOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(nativeOut).isEqualTo(expected);
        }
    }

    /** Debian's amd64 busybox: a glibc program with SSE, x87 (printf of a long double path), TLS, signals. */
    @Test
    void debianBusybox() throws Exception {
        Path bb = dev.emu.testkit.Fixtures.busybox("amd64");
        assertThat(run(bb, "uname", "-m")).isEqualTo(new Result(0, "x86_64\n"));
        // a handler for SIGUSR1 (glibc's SA_RESTORER frame and rt_sigreturn), a pipeline, cpuinfo's flags, exit status
        Result sh = run(bb, "sh", "-c", "trap 'echo got USR1' USR1; kill -USR1 $$; echo abc | tr a-c x-z; "
                + "grep -c '^flags.* fpu .*sse2' /proc/cpuinfo; printf '%.3f %g\\n' 2.0625 1e-5; exit 3");
        assertThat(sh.out()).startsWith("got USR1\nxyz\n");
        assertThat(sh.out()).endsWith("2.062 1e-05\n");
        assertThat(sh.status()).isEqualTo(3);
    }

    @Test
    void theTableIsArchX86s() {
        String[][] known = {{"read", "0"}, {"write", "1"}, {"open", "2"}, {"stat", "4"}, {"poll", "7"},
            {"rt_sigreturn", "15"}, {"select", "23"}, {"clone", "56"}, {"fork", "57"}, {"vfork", "58"},
            {"execve", "59"}, {"exit", "60"}, {"getdents", "78"}, {"arch_prctl", "158"}, {"time", "201"},
            {"getdents64", "217"}, {"exit_group", "231"}, {"newfstatat", "262"}, {"statx", "332"}, {"clone3", "435"}};
        for (String[] k : known) {
            assertThat(abi.syscalls().number(k[0])).as(k[0]).isEqualTo(Integer.parseInt(k[1]));
        }
        assertThat(abi.cloneArgs()).containsExactly(0, 1, 2, 4, 3);
    }

    @Test
    void structStatHasNlinkBeforeMode() {
        FileStat s = new FileStat(0x801, 1234, 0100644, 3, 1000, 1001, 0, 4096, 4096, 8, 1, 2, 3, 4, 5, 6);
        ByteBuffer b = ByteBuffer.wrap(abi.structs().stat(s)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.capacity()).isEqualTo(144);
        assertThat(b.getLong(8)).isEqualTo(1234);
        assertThat(b.getLong(16)).isEqualTo(3);
        assertThat(b.getInt(24)).isEqualTo(0100644);
        assertThat(b.getInt(28)).isEqualTo(1000);
        assertThat(b.getLong(48)).isEqualTo(4096);
        assertThat(b.getLong(88)).isEqualTo(3);
    }

    @Test
    void hwcapAndCpuinfoComeFromCpuid() {
        assertThat(abi.hwcap()).isEqualTo(X86Helpers.cpuid(1, 0, 3) & 0xFFFF_FFFFL);
        String info = abi.cpuinfo(2);
        assertThat(info).contains("processor\t: 1").contains("flags\t\t: ");
        String flags = info.lines().filter(l -> l.startsWith("flags")).findFirst().orElseThrow();
        assertThat(flags).contains(" tsc").contains(" cx8").contains(" cmov").contains(" syscall").contains(" lm")
                .contains(" popcnt").contains(" lahf_lm");
        assertThat(flags.contains(" fpu") || flags.endsWith("fpu")).isEqualTo((abi.hwcap() & 1) != 0);
        assertThat(flags.contains(" sse2")).isEqualTo((abi.hwcap() & (1 << 26)) != 0);
        assertThat(abi.unameMachine()).isEqualTo("x86_64");
        assertThat(abi.platform()).isEqualTo("x86_64");
    }

    @Test
    void syscallRestartBacksUpOverTheTwoByteInstruction() {
        CpuState cpu = new CpuState(X86Registers.FILE, new AddressSpace(64));
        cpu.setPc(0x401002);
        cpu.regs[X86Registers.RAX] = 0; // read
        assertThat(abi.restartSyscall(cpu, 5)).isTrue();
        assertThat(cpu.pc()).isEqualTo(0x401000);
        assertThat(cpu.regs[X86Registers.RAX]).isZero();
    }
}

package dev.emu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class MainTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsBeforeTheProgramArgumentsAfter() throws Exception {
        Options o = Options.parse(new String[] {"-L", "/sysroot", "-E", "A=1,B=2", "-U", "HOME", "-0", "sh",
            "-cpu", "arm64", "-s", "16M", "-strace", "-d", "in_asm", "./prog", "-L", "x"}, Map.of());
        assertThat(o.root).isEqualTo(Path.of("/sysroot"));
        assertThat(o.setEnv).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(o.unsetEnv).containsExactly("HOME");
        assertThat(o.argv0).isEqualTo("sh");
        assertThat(o.cpu).isEqualTo("arm64");
        assertThat(o.stackSize).isEqualTo(16L << 20);
        assertThat(o.strace).isTrue();
        assertThat(o.traceBlocks).isTrue();
        assertThat(o.program).isEqualTo("./prog");
        assertThat(o.args).containsExactly("-L", "x");
    }

    @Test
    void plainDashDDoesNotEatTheProgram() throws Exception {
        Options o = Options.parse(new String[] {"-d", "busybox", "echo"}, Map.of());
        assertThat(o.traceBlocks).isTrue();
        assertThat(o.program).isEqualTo("busybox");
        o = Options.parse(new String[] {"--root=/r", "--", "-weird-name"}, Map.of());
        assertThat(o.root).isEqualTo(Path.of("/r"));
        assertThat(o.program).isEqualTo("-weird-name");
    }

    @Test
    void environmentVariablesLikeQemus() throws Exception {
        Options o = Options.parse(new String[] {"prog"}, Map.of("QEMU_LD_PREFIX", "/q", "EMU_STRACE", "1",
                "QEMU_SET_ENV", "X=1", "EMU_STACK_SIZE", "1M", "QEMU_UNSET_ENV", "Y"));
        assertThat(o.root).isEqualTo(Path.of("/q"));
        assertThat(o.strace).isTrue();
        assertThat(o.stackSize).isEqualTo(1L << 20);
        assertThat(o.guestEnvironment(Map.of("Y", "gone", "Z", "kept"))).containsExactlyInAnyOrder("X=1", "Z=kept");
        // the command line wins over the environment
        o = Options.parse(new String[] {"-L", "/cli", "prog"}, Map.of("EMU_LD_PREFIX", "/env"));
        assertThat(o.root).isEqualTo(Path.of("/cli"));
    }

    @Test
    void badCommandLines() {
        assertThatThrownBy(() -> Options.parse(new String[] {"-bogus", "x"}, Map.of()))
                .hasMessageContaining("unknown option '-bogus'");
        assertThatThrownBy(() -> Options.parse(new String[] {"-L"}, Map.of())).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {}, Map.of())).hasMessageContaining("no program");
        assertThatThrownBy(() -> Options.parse(new String[] {"-s", "huge", "x"}, Map.of())).hasMessageContaining("bad size");
        assertThat(run(Map.of(), "-bogus")).isEqualTo(1);
        assertThat(err()).startsWith("emu: unknown option '-bogus'").doesNotContain("Exception");
    }

    @Test
    void helpAndVersion() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar emu.jar").contains("-strace");
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(Main.VERSION);
    }

    @Test
    void missingNonElfAndForeignFiles() throws Exception {
        assertThat(run(Map.of(), dir.resolve("nope").toString())).isEqualTo(127);
        assertThat(err()).contains("No such file or directory").doesNotContain("Exception");
        err.reset();
        Path text = dir.resolve("script.txt");
        Files.writeString(text, "just some text, not a program\n");
        assertThat(run(Map.of(), text.toString())).isEqualTo(126);
        assertThat(err().lines().toList()).hasSize(1);
        assertThat(err()).contains("not an ELF executable");
        err.reset();
        assertThat(run(Map.of(), dir.toString())).isEqualTo(126);
        assertThat(err()).contains("Is a directory");
        err.reset();
        // a script whose interpreter is missing
        Path script = dir.resolve("script.sh");
        Files.writeString(script, "#!/no/such/shell -e\necho hi\n");
        assertThat(run(Map.of(), script.toString())).isEqualTo(127);
        assertThat(err()).contains("/no/such/shell").contains("No such file or directory");
        err.reset();
        // an ELF for a machine no core claims (EM_SPARCV9 = 43)
        byte[] elf = new byte[64 + 56];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 43).putInt(1).putLong(0x400000).putLong(64).putLong(0).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(0x400000).putLong(0x400000).putLong(120).putLong(120).putLong(0x1000);
        Path sparc = dir.resolve("sparc");
        Files.write(sparc, elf);
        assertThat(run(Map.of(), sparc.toString())).isEqualTo(126);
        assertThat(err()).contains("no CPU core for it").doesNotContain("Exception");
        assertThat(List.of(err().split("\n"))).hasSize(1);
    }
}

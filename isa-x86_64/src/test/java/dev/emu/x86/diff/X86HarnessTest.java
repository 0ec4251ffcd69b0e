package dev.emu.x86.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.diff.DiffDump;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.RunResult;
import dev.emu.testkit.diff.x86.HostRunner;
import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.testkit.diff.x86.X86DiffProgram;
import dev.emu.testkit.diff.x86.X86State;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** The harness itself: a case that changes nothing dumps its own state, on every runner. */
class X86HarnessTest {
    @TempDir
    Path dir;

    private DiffDump runOne(GuestRunner runner, X86Case c) throws Exception {
        Path elf = dir.resolve("p" + System.nanoTime());
        Files.write(elf, X86DiffProgram.INSTANCE.build(List.of(c, c)));
        elf.toFile().setExecutable(true);
        RunResult r = runner.run(elf, Duration.ofSeconds(20));
        assertThat(r.exitStatus()).as(r.describe()).isZero();
        int len = X86DiffProgram.INSTANCE.layout(c).length();
        assertThat(r.stdout()).hasSize(2 * len);
        return DiffDump.slice(X86DiffProgram.INSTANCE.layout(c), r.stdout(), len);
    }

    @Test
    void aNopDumpsTheInitialStateOnTheHostAndTheEmulator() throws Exception {
        X86State s = X86State.random(new Random(7), 256);
        s.rflags = 0x8D5;
        X86Case c = new X86Case(new byte[] {(byte) 0x90}, s, "nop");
        DiffDump expected = X86DiffProgram.dumpOf(s, X86State.FLAG_BITS, false);
        assertThat(runOne(X86DiffTest.INTERPRETER, c).compare(expected)).isEmpty();
        assertThat(runOne(X86DiffTest.COMPILER, c).compare(expected)).isEmpty();
        Assumptions.assumeTrue(HostRunner.hostIsX86_64());
        assertThat(runOne(new HostRunner(), c).compare(expected)).isEmpty();
    }

    @Test
    void aChangeShowsInTheDump() throws Exception {
        X86State s = X86State.random(new Random(8), 256);
        // 48 83 c0 01    add rax, 1
        X86Case c = new X86Case(new byte[] {0x48, (byte) 0x83, (byte) 0xC0, 1}, s, "add rax, 1");
        DiffDump before = X86DiffProgram.dumpOf(s, X86State.FLAG_BITS, false);
        DiffDump after = runOne(X86DiffTest.INTERPRETER, c);
        assertThat(after.getLong("rax")).isEqualTo(s.gpr[0] + 1);
        assertThat(before.compare(after)).extracting(DiffDump.FieldDiff::field).contains("rax");
    }
}

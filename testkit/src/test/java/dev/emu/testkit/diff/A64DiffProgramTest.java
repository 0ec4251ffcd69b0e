package dev.emu.testkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.asm.A64Asm;
import dev.emu.testkit.diff.a64.A64Case;
import dev.emu.testkit.diff.a64.A64DiffProgram;
import dev.emu.testkit.diff.a64.A64State;
import dev.emu.testkit.support.QemuBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AArch64 diff program under qemu: state goes in and comes out unchanged where the code leaves it alone. */
class A64DiffProgramTest {
    @TempDir
    Path tmp;

    private QemuRunner qemu;

    @BeforeEach
    void findQemu() {
        qemu = new QemuRunner(QemuBinaries.require("aarch64"));
    }

    private List<DiffDump> run(List<A64Case> cases) throws Exception {
        return run(A64DiffProgram.INSTANCE, cases);
    }

    private List<DiffDump> run(A64DiffProgram program, List<A64Case> cases) throws Exception {
        Path elf = tmp.resolve("prog");
        Files.write(elf, program.build(cases));
        elf.toFile().setExecutable(true);
        RunResult r = qemu.run(elf, Duration.ofSeconds(20));
        assertThat(r.exitStatus()).as(r.describe()).isZero();
        int off = 0;
        List<DiffDump> out = new java.util.ArrayList<>();
        for (A64Case c : cases) {
            DumpLayout l = program.layout(c);
            out.add(DiffDump.slice(l, r.stdout(), off));
            off += l.length();
        }
        assertThat(off).isEqualTo(r.stdout().length);
        return out;
    }

    @Test
    void nopLeavesEveryFieldAsLoaded() throws Exception {
        A64State s = A64State.random(new Random(42), 96);
        s.fpcr = 0x03c00000L; // AHP, DN, FZ, RMode = RZ: all writable
        s.fpsr = 0x0000009fL; // every cumulative flag
        List<DiffDump> d = run(List.of(new A64Case(0xd503201f, s, "nop")));
        assertThat(A64DiffProgram.dumpOf(s).compare(d.get(0))).isEmpty();
    }

    @Test
    void instructionEffectsShowInTheirFieldsOnly() throws Exception {
        A64State s = A64State.random(new Random(7), 64);
        s.x[1] = 5;
        s.x[2] = 7;
        s.x[4] = A64DiffProgram.WINDOW + 16;
        s.x[5] = 0x1122334455667788L;
        int[] code = A64Case.assemble(a -> a
                .word(0xab020020)             // adds x0, x1, x2
                .word(0xf9000485)             // str x5, [x4, #8]
                .pairX(false, A64Asm.Index.PRE, 1, 2, A64Asm.SP, -16)); // stp x1, x2, [sp, #-16]!
        List<DiffDump> d = run(List.of(new A64Case(code, s, "adds x0, x1, x2; str x5, [x4, #8]; stp x1, x2, [sp, #-16]!")));
        assertThat(A64DiffProgram.dumpOf(s).compare(d.get(0)))
                .extracting(DiffDump.FieldDiff::field)
                .containsExactly("x0", "sp", "nzcv", "mem[+0x10]", "mem[+0x30]");
        assertThat(d.get(0).getLong("x0")).isEqualTo(12);
        assertThat(d.get(0).getLong("nzcv")).isZero();
        assertThat(d.get(0).getLong("sp")).isEqualTo(A64DiffProgram.WINDOW + 48);
        assertThat(d.get(0).format("mem[+0x10]")).endsWith("88 77 66 55 44 33 22 11");
        assertThat(d.get(0).format("mem[+0x30]")).isEqualTo("05 00 00 00 00 00 00 00  07 00 00 00 00 00 00 00");
    }

    @Test
    void branchesLeaveThroughTheEndLabel() throws Exception {
        A64State s = new A64State(0);
        int[] code = A64Case.assemble((a, end) -> {
            a.cbz(3, end);        // taken when x3 == 0
            a.movz(0, 1, 0);
            a.movz(1, 2, 0);
        });
        A64State taken = s.copy();
        A64State notTaken = s.copy();
        notTaken.x[3] = 9;
        List<DiffDump> d = run(List.of(
                new A64Case(code, taken, "cbz x3, end; movz x0, #1; movz x1, #2"),
                new A64Case(code, notTaken, null).withEndBlock(true)));
        assertThat(d.get(0).getLong("x0")).isZero();
        assertThat(d.get(1).getLong("x0")).isEqualTo(1);
        assertThat(d.get(1).getLong("x1")).isEqualTo(2);
    }

    @Test
    void aCaseGivesTheSameDumpAloneOrInABatch() throws Exception {
        Random r = new Random(3);
        A64State a = A64State.random(r, 32);
        A64State b = A64State.random(r, 128);
        b.x[4] = A64DiffProgram.WINDOW + 8;
        A64Case ca = new A64Case(0x8b020020, a, "add x0, x1, x2");
        A64Case cb = new A64Case(0xf9400080, b, "ldr x0, [x4]");
        List<DiffDump> batch = run(List.of(ca, cb));
        assertThat(batch.get(1).compare(run(List.of(cb)).get(0))).isEmpty();
        assertThat(batch.get(0).compare(run(List.of(ca)).get(0))).isEmpty();
    }

    @Test
    void caughtFaultsDumpTheStateAtTheFaultingInstructionAndGoOn() throws Exception {
        Random r = new Random(11);
        A64State a = A64State.random(r, 32);
        a.x[1] = 0; // ldr x0, [x1] faults: nothing is mapped at 0
        int[] segv = A64Case.assemble(asm -> asm
                .movz(2, 5, 0)        // movz x2, #5      (done before the fault)
                .word(0xf9400020)     // ldr x0, [x1]     (faults)
                .movz(3, 7, 0));      // movz x3, #7      (never runs)
        A64State b = A64State.random(r, 32);
        A64State c = A64State.random(r, 32);
        c.x[1] = 5;
        c.x[2] = 7;
        List<DiffDump> d = run(A64DiffProgram.CATCHING_FAULTS, List.of(
                new A64Case(segv, a, "movz x2, #5; ldr x0, [x1]; movz x3, #7"),
                new A64Case(0x00000000, b, "udf #0"),
                new A64Case(0x8b020020, c, "add x0, x1, x2")));

        DiffDump fault = d.get(0);
        assertThat(fault.getLong("signal")).isEqualTo(RunResult.SIGSEGV);
        assertThat(fault.getLong("si_code")).isEqualTo(1); // SEGV_MAPERR
        assertThat(fault.getLong("si_addr")).isZero();
        assertThat(fault.getLong("x2")).isEqualTo(5);
        assertThat(fault.getLong("x3")).isEqualTo(a.x[3]);
        assertThat(fault.getLong("x0")).isEqualTo(a.x[0]);
        assertThat(fault.getLong("sp")).isEqualTo(a.sp);
        assertThat(fault.getLong("nzcv")).isEqualTo(a.nzcv);
        assertThat(fault.format("v7")).isEqualTo(String.format("0x%016x%016x", a.vHi[7], a.vLo[7]));
        long segvPc = fault.getLong("fault_pc");
        assertThat(segvPc).isBetween(A64DiffProgram.TEXT, A64DiffProgram.TEXT + 0x10000);

        DiffDump ill = d.get(1);
        assertThat(ill.getLong("signal")).isEqualTo(RunResult.SIGILL);
        assertThat(ill.getLong("si_addr")).isEqualTo(ill.getLong("fault_pc"));
        assertThat(ill.getLong("x5")).isEqualTo(b.x[5]);

        DiffDump ok = d.get(2);
        assertThat(ok.getLong("signal")).isZero();
        assertThat(ok.getLong("fault_pc")).isZero();
        assertThat(ok.getLong("x0")).isEqualTo(12);
    }

    @Test
    void theBorrowedTpidrReadsZeroInEveryCase() throws Exception {
        Random r = new Random(5);
        int mrsX0Tpidr = new dev.emu.testkit.asm.A64Asm().mrs(0, A64Asm.SysReg.TPIDR_EL0).words()[0];
        List<DiffDump> d = run(List.of(
                new A64Case(0xd503201f, A64State.random(r, 0), "nop"),
                new A64Case(mrsX0Tpidr, A64State.random(r, 0), "mrs x0, tpidr_el0")));
        assertThat(d.get(1).getLong("x0")).isZero();
    }
}

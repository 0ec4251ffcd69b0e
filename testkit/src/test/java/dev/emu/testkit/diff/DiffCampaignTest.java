package dev.emu.testkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.diff.a64.A64Case;
import dev.emu.testkit.diff.a64.A64DiffProgram;
import dev.emu.testkit.support.QemuBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign machinery checked with qemu against itself: identical programs must give
 * identical dumps, and a runner that lies must be caught with a message a person can act on.
 */
class DiffCampaignTest {
    private QemuRunner qemu;

    @BeforeEach
    void findQemu() {
        qemu = new QemuRunner(QemuBinaries.require("aarch64"));
    }

    private static DiffCampaign<A64Case> campaign(String name, DiffCampaign.Generator<A64Case> g) {
        return DiffCampaign.of(name, A64DiffProgram.INSTANCE, g);
    }

    @Test
    void qemuAgreesWithItselfOnAddSub() {
        CampaignReport r = campaign("ADD_SUB_shift", A64Generators::addSubShifted).run(qemu, qemu);
        System.out.println(r.summary());
        r.assertNoMismatches();
        assertThat(r.cases()).isEqualTo(DiffCampaign.of("x", A64DiffProgram.INSTANCE, A64Generators::addSubShifted).cases());
    }

    @Test
    void qemuAgreesWithItselfOnFloatingPoint() {
        CampaignReport r = campaign("FP_2src_double", A64Generators::fpDouble).run(qemu, qemu);
        System.out.println(r.summary());
        r.assertNoMismatches();
    }

    @Test
    void qemuAgreesWithItselfOnLoadsStoresAndBranches() {
        System.out.println(campaign("LDR_STR_uimm", A64Generators::loadStore).run(qemu, qemu).assertNoMismatches().summary());
        System.out.println(campaign("B_cond", A64Generators::conditionalBranch).run(qemu, qemu).assertNoMismatches().summary());
    }

    @Test
    void casesThatFaultAlikeMatchAndTheBatchGoesOn() {
        CampaignReport r = campaign("UDF_mix", A64Generators::sometimesUndefined).cases(300).run(qemu, qemu);
        System.out.println(r.summary());
        r.assertNoMismatches();
        assertThat(r.faultedAlike()).isBetween(40, 110); // a quarter are UDF
        // One program for the start, one more after each fault, a few more as batches shrink after faults.
        assertThat(r.programs()).isBetween(1 + r.faultedAlike(), 2 * (1 + r.faultedAlike()));
    }

    @Test
    void caughtFaultsNeedNoExtraPrograms() {
        CampaignReport r = DiffCampaign.of("UDF_mix_caught", A64DiffProgram.CATCHING_FAULTS, A64Generators::sometimesUndefined)
                .cases(300).run(qemu, qemu);
        System.out.println(r.summary());
        r.assertNoMismatches();
        assertThat(r.programs()).isEqualTo(1);
        assertThat(r.faultedAlike()).isBetween(40, 110);
    }

    @Test
    void throughputOfOneBigCampaign() {
        int n = Math.max(2000, Integer.getInteger("emu.diff.cases", 200));
        CampaignReport r = campaign("ADD_SUB_shift_throughput", A64Generators::addSubShifted).cases(n).run(qemu, qemu);
        System.out.println(r.summary());
        r.assertNoMismatches();
        assertThat(r.programs()).isEqualTo((n + 499) / 500);
    }

    @Test
    void aWrongFieldIsReportedWithSeedCodeInitialStateAndBothValues() {
        DiffCampaign<A64Case> c = campaign("ADD_SUB_shift", A64Generators::addSubShifted).cases(20);
        int dumpLen = A64DiffProgram.layout(32).length();
        int x3 = A64DiffProgram.layout(32).field("x3").offset();
        GuestRunner lying = new GuestRunner() {
            @Override
            public RunResult run(Path elf, Duration timeout) throws java.io.IOException {
                RunResult r = qemu.run(elf, timeout);
                byte[] out = r.stdout().clone();
                out[5 * dumpLen + x3 + 7] ^= (byte) 0x80; // case #5's x3, sign bit
                return new RunResult(out, r.stderr(), r.exitStatus(), r.timedOut(), r.elapsed());
            }

            @Override
            public String name() {
                return "lying-emu";
            }
        };
        CampaignReport other = c.ignoring("x9").run(qemu, lying);
        assertThat(other.mismatches()).hasSize(1);
        deleteKeptPrograms(other.mismatches().get(0).elf().getParent());
        CampaignReport r = c.run(qemu, lying);
        assertThat(r.mismatches()).hasSize(1);
        CampaignReport.Mismatch m = r.mismatches().get(0);
        assertThat(m.index()).isEqualTo(5);
        assertThat(m.seed()).isEqualTo(c.caseSeed(5));
        assertThat(m.diffs()).extracting(DiffDump.FieldDiff::field).containsExactly("x3");
        String msg = r.failureMessage(5);
        System.out.println(msg);
        A64Case theCase = c.generate().get(5).value();
        assertThat(msg)
                .contains("ADD_SUB_shift case #5, seed 0x" + String.format("%016x", c.caseSeed(5)))
                .contains(String.format("code: %08x", theCase.code()[0]))
                .contains(theCase.asm())
                .contains(String.format("x3  0x%016x", theCase.init().x[3]))
                .contains("expected = " + qemu.name() + ", actual = lying-emu")
                .containsPattern("x3 +expected 0x[0-9a-f]{16}\\n +actual   0x[0-9a-f]{16}")
                .contains("runSeeds");
        assertThat(m.elf()).exists();
        deleteKeptPrograms(m.elf().getParent());
        assertThat(c.ignoring("x3").run(qemu, lying).mismatches()).isEmpty();

        // The failure assertion carries the same text.
        try {
            r.assertNoMismatches();
            throw new IllegalStateException("assertNoMismatches passed");
        } catch (AssertionError e) {
            assertThat(e.getMessage()).contains("case #5").contains("x3");
        }
    }

    @Test
    void aCrashOnOneSideIsReportedAndTheRestStillCompared() {
        DiffCampaign<A64Case> c = campaign("ADD_SUB_shift", A64Generators::addSubShifted).cases(12);
        int dumpLen = A64DiffProgram.layout(32).length();
        AtomicInteger calls = new AtomicInteger();
        GuestRunner crashing = new InProcessRunner("crashing-emu", (elf, out) -> {
            RunResult r = qemu.run(elf, Duration.ofSeconds(20));
            if (calls.getAndIncrement() == 0) {
                out.stdout.writeBytes(Arrays.copyOf(r.stdout(), 3 * dumpLen + 100)); // died inside case #3's dump
                return 128 + RunResult.SIGSEGV;
            }
            out.stdout.writeBytes(r.stdout());
            return r.exitStatus();
        });
        CampaignReport r = c.run(qemu, crashing);
        assertThat(r.mismatches()).hasSize(1);
        CampaignReport.Mismatch m = r.mismatches().get(0);
        assertThat(m.index()).isEqualTo(3);
        assertThat(m.problem()).contains("expected (qemu-aarch64-static): a dump")
                .contains("actual   (crashing-emu): killed by signal 11");
        assertThat(r.programs()).isEqualTo(2);
        assertThat(r.cases()).isEqualTo(12);
        deleteKeptPrograms(m.elf().getParent());
    }

    private static void deleteKeptPrograms(Path dir) {
        try (var s = java.nio.file.Files.list(dir)) {
            for (Path p : s.toList()) {
                java.nio.file.Files.delete(p);
            }
            java.nio.file.Files.delete(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void runSeedsRegeneratesTheSameCase() {
        DiffCampaign<A64Case> c = campaign("FP_2src_double", A64Generators::fpDouble).cases(10);
        DiffCampaign.Seeded<A64Case> seventh = c.generate().get(7);
        CampaignReport r = c.runSeeds(qemu, qemu, seventh.seed());
        assertThat(r.cases()).isEqualTo(1);
        r.assertNoMismatches();
        assertThat(c.generate().get(7).value().describe()).isEqualTo(seventh.value().describe());
    }

    @Test
    void aReferenceThatCannotRunTheProgramStopsTheCampaign() {
        GuestRunner broken = (elf, timeout) -> RunResult.exited(new byte[0],
                "qemu: could not open ELF file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> campaign("ADD_SUB_shift", A64Generators::addSubShifted).cases(5).run(broken, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit 1")
                .hasMessageContaining("could not open ELF file");
    }
}

package dev.emu.x86.diff;

import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.QemuRunner;
import dev.emu.testkit.diff.x86.HostRunner;
import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.testkit.diff.x86.X86DiffProgram;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

/**
 * The SSE/SSE2 campaigns ({@link SseCampaigns}) against the host CPU and qemu-x86_64, on
 * both tiers, with XMM0-15 and MXCSR in the dump. {@code -Demu.diff.cases=N} sizes every
 * campaign (default 100 here), {@code -Demu.diff.only=NAME} runs one.
 */
class SseDiffTest {
    static DiffCampaign<X86Case> campaign(SseCampaigns.Group g) {
        return sized(g, DiffCampaign.of(g.name(), X86DiffProgram.WITH_XMM, g.gen()::apply));
    }

    /** 100 cases a campaign unless {@code -Demu.diff.cases} says otherwise: 15 campaigns, 50 runs in CI. */
    private static DiffCampaign<X86Case> sized(SseCampaigns.Group g, DiffCampaign<X86Case> c) {
        int base = Integer.getInteger("emu.diff.cases", 100);
        return c.cases(Math.max(1, base * g.casePercent() / 100));
    }

    /**
     * Against qemu 7.2 every case starts with MXCSR.DE already set: qemu does not raise the
     * denormal-operand flag (the host CPU does, and the core matches the host), so DE is
     * compared against the hardware only. And MINPS/MAXPS/MINSS/... run without DAZ there:
     * with DAZ qemu returns a denormal operand as it was, the hardware (and the core) return
     * the zero it was read as.
     */
    static DiffCampaign<X86Case> qemuCampaign(SseCampaigns.Group g) {
        return sized(g, DiffCampaign.of(g.name(), X86DiffProgram.WITH_XMM, r -> {
            X86Case c = g.gen().apply(r);
            c.init().mxcsr |= 0x2;
            if (c.asm().contains("0f 5d") || c.asm().contains("0f 5f")) {
                c.init().mxcsr &= ~0x40L;
            }
            return c;
        }));
    }

    static Stream<SseCampaigns.Group> groups() {
        String only = System.getProperty("emu.diff.only");
        return SseCampaigns.groups().stream().filter(g -> only == null || g.name().equals(only));
    }

    @TestFactory
    Stream<DynamicTest> againstTheHostCpu() {
        Assumptions.assumeTrue(HostRunner.hostIsX86_64(), "the host is not x86_64 Linux");
        GuestRunner host = new HostRunner();
        return groups().filter(g -> !g.qemuOnly()).flatMap(g -> Stream.of(
                DynamicTest.dynamicTest(g.name() + " interpreter",
                        () -> report(campaign(g).run(host, X86DiffTest.INTERPRETER))),
                DynamicTest.dynamicTest(g.name() + " compiler", () -> report(campaign(g).run(host, X86DiffTest.COMPILER)))));
    }

    @TestFactory
    Stream<DynamicTest> againstQemu() {
        GuestRunner qemu = new QemuRunner(Fixtures.qemu("x86_64"), List.of("-cpu", "max"));
        return groups().filter(g -> !g.hostOnly()).flatMap(g -> Stream.of(
                DynamicTest.dynamicTest(g.name() + " interpreter",
                        () -> report(qemuCampaign(g).run(qemu, X86DiffTest.INTERPRETER))),
                DynamicTest.dynamicTest(g.name() + " compiler", () -> report(qemuCampaign(g).run(qemu, X86DiffTest.COMPILER)))));
    }

    private static void report(CampaignReport rep) {
        System.out.println(rep.summary());
        rep.assertNoMismatches();
    }
}

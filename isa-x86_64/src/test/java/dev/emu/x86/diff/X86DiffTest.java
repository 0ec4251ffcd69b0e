package dev.emu.x86.diff;

import dev.emu.core.api.Machine;
import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.MachineRunner;
import dev.emu.testkit.diff.QemuRunner;
import dev.emu.testkit.diff.x86.HostRunner;
import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.testkit.diff.x86.X86DiffProgram;
import dev.emu.x86.X86_64Isa;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

/**
 * The x86-64 core against the host CPU (this machine is x86_64: the same ELF runs natively)
 * and against qemu-x86_64 ({@code -cpu max}), campaign by campaign ({@link X86Campaigns}), on
 * the interpreter and on the compiled tier: seeded random operands, every general register,
 * RSP, the flags each instruction defines, and a 256-byte memory window compared.
 * {@code -Demu.diff.cases=N} runs more cases per campaign; {@code -Demu.diff.only=NAME}
 * one campaign.
 */
class X86DiffTest {
    static final GuestRunner INTERPRETER =
            MachineRunner.create(new X86_64Isa(), MachineRunner.SyscallConvention.X86_64, Machine.Tiers.INTERPRETER);
    static final GuestRunner COMPILER =
            MachineRunner.create(new X86_64Isa(), MachineRunner.SyscallConvention.X86_64, Machine.Tiers.COMPILER);

    static DiffCampaign<X86Case> campaign(X86Campaigns.Group g) {
        return DiffCampaign.of(g.name(), X86DiffProgram.INSTANCE, g.gen()::apply);
    }

    static Stream<X86Campaigns.Group> groups() {
        String only = System.getProperty("emu.diff.only");
        return X86Campaigns.groups().stream().filter(g -> only == null || g.name().equals(only));
    }

    @TestFactory
    Stream<DynamicTest> againstTheHostCpu() {
        Assumptions.assumeTrue(HostRunner.hostIsX86_64(), "the host is not x86_64 Linux");
        GuestRunner host = new HostRunner();
        return groups().filter(g -> !g.qemuOnly()).flatMap(g -> Stream.of(
                DynamicTest.dynamicTest(g.name() + " interpreter", () -> report(campaign(g).run(host, INTERPRETER))),
                DynamicTest.dynamicTest(g.name() + " compiler", () -> report(campaign(g).run(host, COMPILER)))));
    }

    @TestFactory
    Stream<DynamicTest> againstQemu() {
        GuestRunner qemu = new QemuRunner(Fixtures.qemu("x86_64"), List.of("-cpu", "max"));
        return groups().filter(g -> !g.hostOnly()).flatMap(g -> Stream.of(
                DynamicTest.dynamicTest(g.name() + " interpreter", () -> report(campaign(g).run(qemu, INTERPRETER))),
                DynamicTest.dynamicTest(g.name() + " compiler", () -> report(campaign(g).run(qemu, COMPILER)))));
    }

    private static void report(dev.emu.testkit.diff.CampaignReport rep) {
        System.out.println(rep.summary());
        rep.assertNoMismatches();
    }
}

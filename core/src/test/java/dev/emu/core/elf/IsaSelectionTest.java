package dev.emu.core.elf;

import dev.emu.core.isa.Isa;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsaSelectionTest {
    private static ElfImage image(int machine, boolean bigEndian, int flags) {
        TestElf t = TestElf.static64();
        t.machine = machine;
        t.bigEndian = bigEndian;
        t.flags = flags;
        return ElfImage.parse(t.build());
    }

    @Test
    void serviceLoaderFindsTheCoreThatClaimsTheFile() {
        Isa isa = image(FakeIsa.MACHINE, false, 1).requireIsa();
        assertThat(isa).isInstanceOf(FakeIsa.class);
        assertThat(image(FakeIsa.MACHINE, false, 1).findIsa()).map(Isa::name).contains("fake-elf-test");
    }

    @Test
    void classByteOrderAndFlagsReachTheCore() {
        assertThat(image(FakeIsa.MACHINE, true, 1).findIsa()).isEmpty();
        assertThat(image(FakeIsa.MACHINE, false, 0).findIsa()).isEmpty();
        TestElf t32 = TestElf.dyn32be();
        t32.machine = FakeIsa.MACHINE;
        t32.bigEndian = false;
        t32.flags = 1;
        assertThat(ElfImage.parse(t32.build()).findIsa()).isEmpty();
    }

    @Test
    void noCoreNamesTheMachineAndTheCoresPresent() {
        ElfImage arm64 = image(ElfMachine.EM_AARCH64, false, 0);
        assertThat(arm64.findIsa()).isEmpty();
        assertThatThrownBy(arm64::requireIsa)
                .isInstanceOf(UnsupportedElfException.class)
                .hasMessage("ELF machine 183 (AArch64), 64-bit little-endian: no CPU core for it on the class path"
                        + " (cores present: [fake-elf-test])");
        assertThatThrownBy(() -> arm64.requireIsa(List.of()))
                .hasMessageEndingWith("(cores present: none)");
    }

    @Test
    void firstClaimingCoreWins() {
        FakeIsa a = new FakeIsa();
        FakeIsa b = new FakeIsa();
        assertThat(image(FakeIsa.MACHINE, false, 1).findIsa(List.of(a, b))).containsSame(a);
    }

    @Test
    void machineNames() {
        assertThat(ElfMachine.describe(62)).isEqualTo("62 (x86-64)");
        assertThat(ElfMachine.name(ElfMachine.EM_PPC64)).isEqualTo("PowerPC64");
        assertThat(ElfMachine.name(ElfMachine.EM_S390)).isEqualTo("IBM S/390");
        assertThat(ElfMachine.name(ElfMachine.EM_386)).isEqualTo("Intel 80386");
        assertThat(ElfMachine.name(12345)).isEqualTo("unknown");
    }
}

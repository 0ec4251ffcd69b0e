package dev.emu.testkit.elf;

import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ElfMachine;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's qemu-user-static binaries are static-PIE (ET_DYN, no PT_INTERP, linked at 0) for
 * the host: real ET_DYN inputs for the reader, and a check that the fixture layout gives one
 * qemu per busybox architecture.
 */
class QemuElfTest {
    static Iterable<String> qemuArches() {
        return Fixtures.BUSYBOX_ARCHES.stream().map(Fixtures::qemuArch).distinct().toList();
    }

    @ParameterizedTest(name = "qemu-{0}-static")
    @MethodSource("qemuArches")
    void qemuIsAStaticPieForTheHost(String qemuArch) throws IOException {
        ElfImage elf = ElfImage.read(Fixtures.qemu(qemuArch));
        assertThat(elf.isDyn()).as("ET_DYN").isTrue();
        assertThat(elf.isStatic()).as("no PT_INTERP").isTrue();
        assertThat(elf.loadStart()).isZero();
        assertThat(elf.phdrAddress()).isPresent();
        assertThat(elf.tls()).isPresent();
        String hostArch = System.getProperty("os.arch");
        if (hostArch.equals("amd64") || hostArch.equals("x86_64")) {
            assertThat(elf.machine()).isEqualTo(ElfMachine.EM_X86_64);
        } else if (hostArch.equals("aarch64")) {
            assertThat(elf.machine()).isEqualTo(ElfMachine.EM_AARCH64);
        }
    }
}

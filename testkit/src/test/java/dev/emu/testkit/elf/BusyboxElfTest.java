package dev.emu.testkit.elf;

import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ElfMachine;
import dev.emu.core.elf.ProgramHeader;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Debian busybox-static fixture parses, with the class, byte order and machine its
 * architecture has, and segments a static executable needs. These tests sit in testkit rather
 * than next to ElfImage because core's tests cannot see testkit (testkit depends on core), and
 * finding fixtures has exactly one implementation: {@link Fixtures}.
 */
class BusyboxElfTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // arch,   class, big-endian, machine, e_type, exec stack
            // All bookworm busybox-static are ET_EXEC (2), not static-PIE; MIPS asks for an executable
            // stack (PT_GNU_STACK RWE), as MIPS toolchains have for FPU-emulation trampolines.
            "amd64,    64, false, 62,  2, false",
            "arm64,    64, false, 183, 2, false",
            "armhf,    32, false, 40,  2, false",
            "armel,    32, false, 40,  2, false",
            "ppc64el,  64, false, 21,  2, false",
            "s390x,    64, true,  22,  2, false",
            "mipsel,   32, false, 8,   2, true",
            "mips64el, 64, false, 8,   2, true",
            "i386,     32, false, 3,   2, false",
    })
    void busyboxIsRecognised(String arch, int bits, boolean bigEndian, int machine, int type, boolean execStack)
            throws IOException {
        Path file = Fixtures.busybox(arch);
        ElfImage elf = ElfImage.read(file);

        assertThat(elf.is64Bit()).isEqualTo(bits == 64);
        assertThat(elf.isBigEndian()).isEqualTo(bigEndian);
        assertThat(elf.byteOrder()).isEqualTo(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.machine()).as(elf.describeMachine()).isEqualTo(machine);
        assertThat(elf.type()).as("e_type").isEqualTo(type);
        assertThat(elf.isStatic()).as("static busybox has no PT_INTERP").isTrue();
        assertThat(elf.phentsize()).isEqualTo(bits == 64 ? 56 : 32);

        // Text: one executable, non-writable PT_LOAD holds the entry point.
        ProgramHeader text = elf.loadSegments().stream()
                .filter(ph -> Long.compareUnsigned(elf.entry(), ph.vaddr()) >= 0 && elf.entry() < ph.end())
                .findFirst().orElseThrow();
        assertThat(text.executable()).isTrue();
        assertThat(text.writable()).isFalse();
        // Data: a writable PT_LOAD with .bss after the file bytes.
        assertThat(elf.loadSegments()).anySatisfy(ph -> {
            assertThat(ph.writable()).isTrue();
            assertThat(ph.hasBss()).isTrue();
        });
        // glibc static binaries carry a TLS template and a PT_GNU_STACK.
        assertThat(elf.tls()).isPresent();
        assertThat(elf.gnuStack()).isPresent();
        assertThat(elf.execStack()).isEqualTo(execStack);
        // AT_PHDR: static glibc finds PT_TLS through it, so the table must be mapped.
        assertThat(elf.phdrAddress()).isPresent();
        long phdr = elf.phdrAddress().getAsLong();
        assertThat(elf.loadSegments()).anyMatch(ph -> phdr >= ph.vaddr() && phdr + (long) elf.phnum() * elf.phentsize() <= ph.end());
        // The text segment's bytes start with the ELF header itself (it maps file offset 0).
        if (elf.loadSegments().get(0).offset() == 0) {
            byte[] head = elf.segmentBytes(elf.loadSegments().get(0));
            assertThat(head).startsWith(0x7f, 'E', 'L', 'F');
        }
        assertThat(elf.fileSize()).isBetween(500_000, 4_000_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"armhf, 0x400", "armel, 0x200"})
    void armFloatAbiIsInTheFlags(String arch, String floatFlag) throws IOException {
        ElfImage elf = ElfImage.read(Fixtures.busybox(arch));
        // EF_ARM_ABI_FLOAT_HARD (0x400) or _SOFT (0x200), EABI version 5 in the top byte.
        assertThat(elf.flags() & Integer.decode(floatFlag)).isNotZero();
        assertThat(elf.flags() >>> 24).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mips64el, 0x120000000", "s390x, 0x1000000", "arm64, 0x400000", "amd64, 0x400000"})
    void loadAddresses(String arch, String start) throws IOException {
        ElfImage elf = ElfImage.read(Fixtures.busybox(arch));
        assertThat(elf.loadStart()).isEqualTo(Long.decode(start));
        assertThat(ElfMachine.name(elf.machine())).isNotEqualTo("unknown");
    }
}

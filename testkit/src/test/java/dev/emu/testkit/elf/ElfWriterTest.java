package dev.emu.testkit.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.testkit.asm.A64Asm;
import dev.emu.testkit.diff.QemuRunner;
import dev.emu.testkit.diff.RunResult;
import dev.emu.testkit.support.QemuBinaries;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class ElfWriterTest {
    private static final long TEXT = 0x400000;
    private static final long DATA = 0x410000;
    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    /** write(1, "hello\n", 6); exit(3) on arm64 Linux. */
    private static byte[] a64Hello(long text) {
        A64Asm a = new A64Asm(text);
        a.movz(0, 1, 0);
        a.addressOf(1, DATA);
        a.movz(2, HELLO.length, 0);
        a.movz(8, 64, 0);   // __NR_write
        a.svc(0);
        a.movz(0, 3, 0);
        a.movz(8, 93, 0);   // __NR_exit
        a.svc(0);
        return a.bytes();
    }

    @Test
    void headerFieldsOfElf64() {
        byte[] elf = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a64Hello(TEXT)).data(DATA, HELLO, 100).entry(TEXT).toBytes();
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0x464c457f);          // \x7fELF
        assertThat(elf[4]).isEqualTo((byte) 2);                 // ELFCLASS64
        assertThat(elf[5]).isEqualTo((byte) 1);                 // ELFDATA2LSB
        assertThat(b.getShort(16)).isEqualTo((short) 2);        // ET_EXEC
        assertThat(b.getShort(18)).isEqualTo((short) 183);      // EM_AARCH64
        assertThat(b.getLong(24)).isEqualTo(TEXT);              // e_entry
        assertThat(b.getLong(32)).isEqualTo(64);                // e_phoff
        assertThat(b.getShort(54)).isEqualTo((short) 56);       // e_phentsize
        assertThat(b.getShort(56)).isEqualTo((short) 3);        // e_phnum
        // Second program header: the data segment, file size 6, memory size 106, RW.
        int ph = 64 + 56;
        assertThat(b.getInt(ph)).isEqualTo(ElfWriter.PT_LOAD);
        assertThat(b.getInt(ph + 4)).isEqualTo(ElfWriter.PF_R | ElfWriter.PF_W);
        long off = b.getLong(ph + 8);
        assertThat(b.getLong(ph + 16)).isEqualTo(DATA);
        assertThat(off % 0x10000).isEqualTo(DATA % 0x10000);
        assertThat(b.getLong(ph + 32)).isEqualTo(6);
        assertThat(b.getLong(ph + 40)).isEqualTo(106);
        assertThat(new String(elf, (int) off, 6, StandardCharsets.US_ASCII)).isEqualTo("hello\n");
        assertThat(b.getInt(64 + 2 * 56)).isEqualTo(ElfWriter.PT_GNU_STACK);
    }

    @Test
    void headerFieldsOfElf32BigEndian() {
        byte[] elf = new ElfWriter(ElfWriter.ELFCLASS32, ByteOrder.BIG_ENDIAN, ElfWriter.EM_MIPS)
                .flags(0x70001007).text(0x400100, new byte[16]).entry(0x400100).toBytes();
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.BIG_ENDIAN);
        assertThat(elf[4]).isEqualTo((byte) 1);                 // ELFCLASS32
        assertThat(elf[5]).isEqualTo((byte) 2);                 // ELFDATA2MSB
        assertThat(b.getShort(18)).isEqualTo((short) 8);        // EM_MIPS
        assertThat(b.getInt(24)).isEqualTo(0x400100);           // e_entry
        assertThat(b.getInt(28)).isEqualTo(52);                 // e_phoff
        assertThat(b.getInt(36)).isEqualTo(0x70001007);         // e_flags
        assertThat(b.getShort(42)).isEqualTo((short) 32);       // e_phentsize
        int ph = 52;
        assertThat(b.getInt(ph + 4) % 0x10000).isEqualTo(0x100); // p_offset congruent to p_vaddr
        assertThat(b.getInt(ph + 24)).isEqualTo(ElfWriter.PF_R | ElfWriter.PF_X);
    }

    @Test
    void overlappingSegmentsAreRejected() {
        ElfWriter w = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, new byte[8]).data(TEXT + 0x100, new byte[8], 0).entry(TEXT);
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("overlap");
    }

    @Test
    void qemuAarch64RunsHello() throws Exception {
        Path qemu = QemuBinaries.require("aarch64");
        Path elf = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a64Hello(TEXT)).data(DATA, HELLO, 4096).entry(TEXT).writeTo(tmp.resolve("hello"));
        assertThat(Files.isExecutable(elf)).isTrue();
        RunResult r = new QemuRunner(qemu).run(elf, Duration.ofSeconds(20));
        assertThat(r.stdoutText()).isEqualTo("hello\n");
        assertThat(r.exitStatus()).as(r.describe()).isEqualTo(3);
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void qemuAarch64BigEndianRunsHello() throws Exception {
        // aarch64_be: the ELF header and data are big-endian, instructions stay little-endian.
        Path qemu = QemuBinaries.optional("aarch64_be");
        Path elf = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.BIG_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a64Hello(TEXT)).data(DATA, HELLO, 0).entry(TEXT).writeTo(tmp.resolve("hello-be"));
        RunResult r = new QemuRunner(qemu).run(elf, Duration.ofSeconds(20));
        assertThat(r.stdoutText()).isEqualTo("hello\n");
        assertThat(r.exitStatus()).as(r.describe()).isEqualTo(3);
    }

    @Test
    void qemuArmRunsElf32Hello() throws Exception {
        Path qemu = QemuBinaries.optional("arm");
        int[] code = {
            0xe3a00001, // mov r0, #1
            0xe3001000, // movw r1, #0
            0xe3401041, // movt r1, #0x41      (r1 = 0x410000)
            0xe3a02006, // mov r2, #6
            0xe3a07004, // mov r7, #4          (__NR_write)
            0xef000000, // svc #0
            0xe3a00003, // mov r0, #3
            0xe3a07001, // mov r7, #1          (__NR_exit)
            0xef000000, // svc #0
        };
        ByteBuffer text = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : code) {
            text.putInt(w);
        }
        Path elf = new ElfWriter(ElfWriter.ELFCLASS32, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_ARM)
                .flags(0x05000000) // EF_ARM_EABI_VER5
                .text(TEXT, text.array()).data(DATA, HELLO, 64).entry(TEXT).writeTo(tmp.resolve("hello-arm"));
        RunResult r = new QemuRunner(qemu).run(elf, Duration.ofSeconds(20));
        assertThat(r.stdoutText()).isEqualTo("hello\n");
        assertThat(r.exitStatus()).as(r.describe()).isEqualTo(3);
    }

    /** One hello-and-exit(3) program per ISA, code bytes in memory order, "hello\n" at 0x410000. */
    static Stream<Arguments> otherIsas() {
        return Stream.of(
                Arguments.of("x86_64", ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_X86_64, 0,
                        "bf01000000"      // mov $1, %edi
                        + "be00004100"    // mov $0x410000, %esi
                        + "ba06000000"    // mov $6, %edx
                        + "b801000000"    // mov $1, %eax        (write)
                        + "0f05"          // syscall
                        + "bf03000000"    // mov $3, %edi
                        + "b83c000000"    // mov $60, %eax       (exit)
                        + "0f05"),        // syscall
                Arguments.of("ppc64le", ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_PPC64, 2, // ELFv2
                        "01006038"        // li r3, 1
                        + "4100803c"      // lis r4, 0x41
                        + "0600a038"      // li r5, 6
                        + "04000038"      // li r0, 4            (write)
                        + "02000044"      // sc
                        + "03006038"      // li r3, 3
                        + "01000038"      // li r0, 1            (exit)
                        + "02000044"),    // sc
                Arguments.of("s390x", ElfWriter.ELFCLASS64, ByteOrder.BIG_ENDIAN, ElfWriter.EM_S390, 0,
                        "a7290001"        // lghi %r2, 1
                        + "c03f00410000"  // llilf %r3, 0x410000
                        + "a7490006"      // lghi %r4, 6
                        + "0a04"          // svc 4               (write)
                        + "a7290003"      // lghi %r2, 3
                        + "0a01"),        // svc 1               (exit)
                Arguments.of("mips", ElfWriter.ELFCLASS32, ByteOrder.BIG_ENDIAN, ElfWriter.EM_MIPS, 0x70001005, // MIPS32r2, o32
                        "24040001"        // addiu $a0, $zero, 1
                        + "3c050041"      // lui $a1, 0x41
                        + "24060006"      // addiu $a2, $zero, 6
                        + "24020fa4"      // addiu $v0, $zero, 4004 (write)
                        + "0000000c"      // syscall
                        + "24040003"      // addiu $a0, $zero, 3
                        + "24020fa1"      // addiu $v0, $zero, 4001 (exit)
                        + "0000000c"));   // syscall
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherIsas")
    void qemuRunsHelloOnOtherIsas(String qemuArch, int elfClass, ByteOrder order, int machine, int flags, String code)
            throws Exception {
        Path qemu = QemuBinaries.optional(qemuArch); // the fixture script fetches what the cores need; these are extras
        Path elf = new ElfWriter(elfClass, order, machine).flags(flags)
                .text(TEXT, HexFormat.of().parseHex(code)).data(DATA, HELLO, 16).entry(TEXT)
                .writeTo(tmp.resolve("hello-" + qemuArch));
        RunResult r = new QemuRunner(qemu).run(elf, Duration.ofSeconds(20));
        assertThat(r.stdoutText()).as(r.describe()).isEqualTo("hello\n");
        assertThat(r.exitStatus()).as(r.describe()).isEqualTo(3);
    }

    @Test
    void qemuReportsACrashAsSignal() throws Exception {
        Path qemu = QemuBinaries.require("aarch64");
        A64Asm a = new A64Asm(TEXT);
        a.movz(0, 1, 0);
        a.addressOf(1, DATA);
        a.movz(2, HELLO.length, 0);
        a.movz(8, 64, 0);
        a.svc(0);
        a.word(0x00000000); // udf #0: SIGILL after the output
        Path elf = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a.bytes()).data(DATA, HELLO, 0).entry(TEXT).writeTo(tmp.resolve("crash"));
        RunResult r = new QemuRunner(qemu).run(elf, Duration.ofSeconds(20));
        assertThat(r.stdoutText()).isEqualTo("hello\n");
        assertThat(r.signal()).as(r.describe()).isEqualTo(RunResult.SIGILL);
    }
}

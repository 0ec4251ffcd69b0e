package dev.emu.core.elf;

import dev.emu.core.elf.TestElf.Seg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import static dev.emu.core.elf.ProgramHeader.PT_GNU_STACK;
import static dev.emu.core.elf.ProgramHeader.PT_INTERP;
import static dev.emu.core.elf.ProgramHeader.PT_LOAD;
import static dev.emu.core.elf.ProgramHeader.PT_NULL;
import static dev.emu.core.elf.ProgramHeader.PT_PHDR;
import static dev.emu.core.elf.ProgramHeader.PT_TLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfImageTest {

    @Test
    void static64LittleEndian() {
        ElfImage elf = ElfImage.parse(TestElf.static64().build());
        assertThat(elf.elfClass()).isEqualTo(ElfImage.ELFCLASS64);
        assertThat(elf.is64Bit()).isTrue();
        assertThat(elf.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.isBigEndian()).isFalse();
        assertThat(elf.type()).isEqualTo(ElfImage.ET_EXEC);
        assertThat(elf.isDyn()).isFalse();
        assertThat(elf.machine()).isEqualTo(183);
        assertThat(elf.machineName()).isEqualTo("AArch64");
        assertThat(elf.entry()).isEqualTo(0x400180);
        assertThat(elf.phoff()).isEqualTo(64);
        assertThat(elf.phentsize()).isEqualTo(56);
        assertThat(elf.phnum()).isEqualTo(4);
        assertThat(elf.programHeaders()).hasSize(4);
        assertThat(elf.loadSegments()).extracting(ProgramHeader::vaddr).containsExactly(0x400000L, 0x401300L);
        ProgramHeader data = elf.loadSegments().get(1);
        assertThat(data.hasBss()).isTrue();
        assertThat(data.flagString()).isEqualTo("RW-");
        assertThat(data.end()).isEqualTo(0x401500);
        assertThat(elf.loadSegments().get(0).hasBss()).isFalse();
        assertThat(elf.loadSegments().get(0).executable()).isTrue();
        assertThat(elf.loadStart()).isEqualTo(0x400000);
        assertThat(elf.loadEnd()).isEqualTo(0x401500);
        assertThat(elf.interpreter()).isEmpty();
        assertThat(elf.isStatic()).isTrue();
        assertThat(elf.tls()).map(ProgramHeader::memsz).contains(0x40L);
        assertThat(elf.gnuStack()).isPresent();
        assertThat(elf.execStack()).isFalse();
        assertThat(elf.phdrSegment()).isEmpty();
        // No PT_PHDR: the table at file offset 0x40 is mapped by the first PT_LOAD (offset 0).
        assertThat(elf.phdrAddress()).hasValue(0x400040);
        assertThat(elf.toString()).isEqualTo("ELF 64-bit LSB executable, AArch64, entry 0x400180, static");
        assertThat(elf.describeMachine()).isEqualTo("ELF machine 183 (AArch64), 64-bit little-endian");
    }

    @Test
    void dynamic32BigEndian() {
        ElfImage elf = ElfImage.parse(TestElf.dyn32be().build());
        assertThat(elf.elfClass()).isEqualTo(ElfImage.ELFCLASS32);
        assertThat(elf.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(elf.isDyn()).isTrue();
        assertThat(elf.machine()).isEqualTo(ElfMachine.EM_MIPS);
        assertThat(elf.flags()).isEqualTo(0x70001007);
        assertThat(elf.entry()).isEqualTo(0x200);
        assertThat(elf.phentsize()).isEqualTo(32);
        assertThat(elf.interpreter()).contains("/lib/ld.so.1");
        assertThat(elf.isStatic()).isFalse();
        assertThat(elf.execStack()).isTrue();
        assertThat(elf.phdrSegment()).map(ProgramHeader::type).contains(PT_PHDR);
        assertThat(elf.phdrAddress()).hasValue(0x34);
        assertThat(elf.tls()).isEmpty();
        assertThat(elf.describeMachine()).isEqualTo("ELF machine 8 (MIPS), 32-bit big-endian, e_flags 0x70001007");
        assertThat(elf.toString()).contains("MSB shared object/PIE", "interpreter /lib/ld.so.1");
    }

    @Test
    void noPtGnuStackMeansExecutableStack() {
        TestElf t = TestElf.static64();
        t.segs.remove(3);
        assertThat(ElfImage.parse(t.build()).execStack()).isTrue();
    }

    @Test
    void phdrAddressIsEmptyWhenNoSegmentMapsTheTable() {
        TestElf t = TestElf.static64();
        t.set(0, new Seg(PT_LOAD, 5, 0x200, 0x400200, 0x100, 0x100, 0x1000));
        t.entry = 0x400280;
        assertThat(ElfImage.parse(t.build()).phdrAddress()).isEmpty();
    }

    @Test
    void segmentBytesAreTheFileBytes() {
        byte[] file = TestElf.static64().build();
        ElfImage elf = ElfImage.parse(file);
        ProgramHeader data = elf.loadSegments().get(1);
        assertThat(elf.segmentBytes(data)).isEqualTo(Arrays.copyOfRange(file, 0x300, 0x380));
        ByteBuffer view = elf.segmentData(data);
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.remaining()).isEqualTo(0x80);
        assertThat(view.get(0)).isEqualTo(file[0x300]);
        assertThat(view.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        // The image keeps its own copy.
        file[0x300] ^= 1;
        assertThat(elf.segmentBytes(data)[0]).isNotEqualTo(file[0x300]);
    }

    @Test
    void segmentBytesRejectsForeignHeaders() {
        ElfImage elf = ElfImage.parse(TestElf.static64().build());
        ProgramHeader forged = new ProgramHeader(1, 0, PT_LOAD, 6, 0, 0, 0, 0x400, 0x400, 0);
        assertThatThrownBy(() -> elf.segmentBytes(forged)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ptNullEntriesAreIgnored() {
        TestElf t = TestElf.static64();
        t.segs.add(new Seg(PT_NULL, 0, -1, -1, -1, 0, 3));
        assertThat(ElfImage.parse(t.build()).programHeaders()).hasSize(5);
    }

    @Test
    void dynWithEntryZeroIsALibrary() {
        TestElf t = TestElf.dyn32be();
        t.entry = 0;
        assertThat(ElfImage.parse(t.build()).entry()).isZero();
    }

    @Test
    void readsFromAPathAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good");
        Files.write(good, TestElf.static64().build());
        assertThat(ElfImage.read(good).source()).isEqualTo(good.toString());
        Path bad = dir.resolve("script.sh");
        Files.writeString(bad, "#!/bin/sh\necho hi\n");
        assertThatThrownBy(() -> ElfImage.read(bad))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage(bad + ": not an ELF file: magic at offset 0 is 23 21 2f 62, expected 7f 45 4c 46");
    }

    // ---- rejected input: one exception type, a message naming field and offset ----------------

    private static void rejects(TestElf t, String message) {
        rejects(t.build(), message);
    }

    private static void rejects(byte[] file, String message) {
        assertThatThrownBy(() -> ElfImage.parse(file)).isInstanceOf(ElfFormatException.class).hasMessage(message);
    }

    private static void rejectsContaining(TestElf t, String... parts) {
        assertThatThrownBy(() -> ElfImage.parse(t.build())).isInstanceOf(ElfFormatException.class).hasMessageContainingAll(parts);
    }

    private static TestElf with(TestElf t, Consumer<TestElf> change) {
        change.accept(t);
        return t;
    }

    @Test
    void rejectsShortAndForeignFiles() {
        rejects(new byte[0], "file is 0 bytes, shorter than the 16-byte ELF identification");
        rejects(Arrays.copyOf(TestElf.static64().build(), 40), "file is 40 bytes, shorter than the 64-byte ELF64 header");
        byte[] f = TestElf.static64().build();
        f[3] = 'X';
        rejects(f, "not an ELF file: magic at offset 0 is 7f 45 4c 58, expected 7f 45 4c 46");
    }

    @Test
    void magicTest() {
        assertThat(ElfImage.hasElfMagic(TestElf.static64().build())).isTrue();
        assertThat(ElfImage.hasElfMagic(new byte[] {0x7f, 'E', 'L'})).isFalse();
        assertThat(ElfImage.hasElfMagic("#!/bin/sh".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void rejectsBadIdentification() {
        byte[] f = TestElf.static64().build();
        f[4] = 3;
        rejects(f, "e_ident[EI_CLASS] at offset 0x4 is 3; expected 1 (32-bit) or 2 (64-bit)");
        f = TestElf.static64().build();
        f[5] = 0;
        rejects(f, "e_ident[EI_DATA] at offset 0x5 is 0; expected 1 (little-endian) or 2 (big-endian)");
        f = TestElf.static64().build();
        f[6] = 2;
        rejects(f, "e_ident[EI_VERSION] at offset 0x6 is 2; expected 1 (EV_CURRENT)");
        f = TestElf.static64().build();
        f[0x14] = 0;
        rejects(f, "e_version at offset 0x14 is 0; expected 1 (EV_CURRENT)");
    }

    @Test
    void rejectsObjectsAndCoreDumps() {
        rejects(with(TestElf.static64(), t -> t.type = ElfImage.ET_REL), "e_type at offset 0x10 is 1 (ET_REL, relocatable object);"
                + " only executables (ET_EXEC) and position-independent executables or shared objects (ET_DYN) load");
        rejectsContaining(with(TestElf.static64(), t -> t.type = ElfImage.ET_CORE), "is 4 (ET_CORE, core dump)");
    }

    @Test
    void rejectsBadHeaderSizes() {
        rejects(with(TestElf.static64(), t -> t.ehsize = 52), "e_ehsize at offset 0x34 is 52; the ELF64 header is 64 bytes");
        rejects(with(TestElf.static64(), t -> t.phentsize = 32), "e_phentsize at offset 0x36 is 32; expected 56 for ELF64");
        rejects(with(TestElf.dyn32be(), t -> t.phentsize = 56), "e_phentsize at offset 0x2a is 56; expected 32 for ELF32");
        rejects(with(TestElf.static64(), t -> t.phnum = 0), "e_phnum at offset 0x38 is 0: no program headers, nothing to load");
        rejects(with(TestElf.static64(), t -> t.phnum = 0xffff),
                "e_phnum at offset 0x38 is 0xffff (PN_XNUM, extended numbering); not supported");
        rejects(with(TestElf.static64(), t -> t.phnum = 1200),
                "program header table of 1200 entries (67200 bytes) exceeds the 65536 bytes Linux accepts");
    }

    @Test
    void rejectsProgramHeaderTableOutsideTheFile() {
        rejects(with(TestElf.static64(), t -> t.phoff = 0x3c0L), "program header table at e_phoff 0x3c0 (field at offset 0x20),"
                + " 4 entries of 56 bytes, ends beyond end of file (size 0x400)");
        rejectsContaining(with(TestElf.static64(), t -> t.phoff = -8L), "e_phoff 0xfffffffffffffff8");
        rejectsContaining(with(TestElf.static64(), t -> t.phnum = 200), "200 entries of 56 bytes, ends beyond end of file");
    }

    @Test
    void rejectsSegmentsOutsideTheFile() {
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401300, 0x180, 0x200, 0x1000))),
                "program header 1 at offset 0x78: PT_LOAD p_offset+p_filesz 0x300+0x180 beyond end of file (size 0x400)");
        rejectsContaining(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, -0x100, 0x401300, 0x180, 0x200, 0))),
                "program header 1 at offset 0x78: PT_LOAD p_offset+p_filesz 0xffffffffffffff00+0x180 beyond end of file");
        rejectsContaining(with(TestElf.static64(), t -> t.set(2, new Seg(PT_TLS, 4, 0x300, 0x401300, 0x7fffffffffffffffL, -1, 8))),
                "program header 2 at offset 0xb0: PT_TLS p_offset+p_filesz 0x300+0x7fffffffffffffff beyond end of file");
    }

    @Test
    void rejectsFileSizeAboveMemorySize() {
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401300, 0x80, 0x40, 0x1000))),
                "program header 1 at offset 0x78: PT_LOAD p_filesz 0x80 exceeds p_memsz 0x40");
    }

    @Test
    void rejectsBadAlignment() {
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401300, 0x80, 0x200, 0x1800))),
                "program header 1 at offset 0x78: PT_LOAD p_align 0x1800 is not a power of two");
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401400, 0x80, 0x200, 0x1000))),
                "program header 1 at offset 0x78: PT_LOAD p_vaddr 0x401400 and p_offset 0x300 are not congruent modulo p_align 0x1000");
        rejects(with(TestElf.static64(), t -> t.set(2, new Seg(PT_TLS, 4, 0x300, 0x401300, 0x10, 0x40, 12))),
                "program header 2 at offset 0xb0: PT_TLS p_align 0xc is not a power of two");
    }

    @Test
    void rejectsAddressOverflow() {
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x7ffffffffffff300L, 0x80, 0x1000, 0x1000))),
                "program header 1 at offset 0x78: PT_LOAD p_vaddr+p_memsz 0x7ffffffffffff300+0x1000 runs past the end of"
                        + " the 63-bit user address space");
        rejectsContaining(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401300, 0x80, -0x1000, 0x1000))),
                "p_vaddr+p_memsz 0x401300+0xfffffffffffff000 runs past");
        TestElf t32 = TestElf.dyn32be();
        t32.set(3, new Seg(PT_LOAD, 6, 0x300, 0xffff0300L, 0x100, 0x10000, 0x10000));
        rejects(t32, "program header 3 at offset 0x94: PT_LOAD p_vaddr+p_memsz 0xffff0300+0x10000 runs past the end of"
                + " the 32-bit address space");
    }

    @Test
    void rejectsUnsortedAndOverlappingLoads() {
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x3ff300, 0x80, 0x200, 0x1000))),
                "program header 1 at offset 0x78: PT_LOAD at p_vaddr 0x3ff300 follows the PT_LOAD at 0x400000 (program header 0);"
                        + " PT_LOAD segments must be sorted by ascending p_vaddr");
        rejects(with(TestElf.static64(), t -> t.set(1, new Seg(PT_LOAD, 6, 0x300, 0x400300 - 0x100 + 0x100 - 0x10, 0x0, 0x200, 0x10))),
                "program header 1 at offset 0x78: PT_LOAD [0x4002f0, 0x4004f0) overlaps program header 0's [0x400000, 0x400300)");
    }

    @Test
    void rejectsFilesWithoutLoadOrWithStrayEntry() {
        TestElf t = TestElf.static64();
        t.segs.removeIf(s -> s.type() == PT_LOAD);
        rejects(t, "no PT_LOAD segment among the 2 program headers: nothing to load");
        rejects(with(TestElf.static64(), e -> e.entry = 0x401500),
                "e_entry 0x401500 at offset 0x18 lies outside every PT_LOAD segment");
        rejects(with(TestElf.static64(), e -> e.entry = 0), "e_entry 0x0 at offset 0x18 lies outside every PT_LOAD segment");
    }

    @Test
    void rejectsDuplicateSingletons() {
        rejects(with(TestElf.static64(), t -> t.segs.add(new Seg(PT_GNU_STACK, 7, 0, 0, 0, 0, 16))),
                "program header 4 at offset 0x120: a second PT_GNU_STACK (the first is program header 3); at most one is allowed");
        rejectsContaining(with(TestElf.dyn32be(), t -> t.segs.add(new Seg(PT_INTERP, 4, 0x100, 0x100, 14, 14, 1))),
                "a second PT_INTERP (the first is program header 1)");
    }

    @Test
    void rejectsBadInterpreterPaths() {
        byte[] f = TestElf.dyn32be().put(0x10d, new byte[] {'x'}).build();
        rejects(f, "program header 1 at offset 0x54: PT_INTERP path at file offset 0x100 is not NUL-terminated within its 14 bytes");
        rejects(with(TestElf.dyn32be(), t -> t.set(1, new Seg(PT_INTERP, 4, 0x100, 0x100, 1, 1, 1))),
                "program header 1 at offset 0x54: PT_INTERP p_filesz 1 is not a path length between 2 and 4096 bytes (with its NUL)");
        rejects(TestElf.dyn32be().put(0x100, new byte[] {0}).build(),
                "program header 1 at offset 0x54: PT_INTERP path at file offset 0x100 is empty");
    }

    @Test
    void exceptionCarriesTheOffset() {
        TestElf t = with(TestElf.static64(), e -> e.set(1, new Seg(PT_LOAD, 6, 0x300, 0x401300, 0x80, 0x40, 0x1000)));
        assertThatThrownBy(() -> ElfImage.parse(t.build(), "prog"))
                .isInstanceOfSatisfying(ElfFormatException.class, e -> assertThat(e.offset()).isEqualTo(0x78))
                .hasMessageStartingWith("prog: program header 1 at offset 0x78: ");
    }
}

package dev.emu.core.elf;

import dev.emu.core.isa.Isa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.emu.core.elf.ProgramHeader.PT_GNU_STACK;
import static dev.emu.core.elf.ProgramHeader.PT_INTERP;
import static dev.emu.core.elf.ProgramHeader.PT_LOAD;
import static dev.emu.core.elf.ProgramHeader.PT_NULL;
import static dev.emu.core.elf.ProgramHeader.PT_PHDR;
import static dev.emu.core.elf.ProgramHeader.PT_TLS;

/**
 * A validated ELF executable (ET_EXEC) or position-independent executable / shared object
 * (ET_DYN), 32- or 64-bit, either byte order: its header, its program headers and the file
 * bytes behind them. Section headers are not read; loaders do not need them.
 *
 * <p>Every check a loader relies on is made up front, so a caller may trust what it gets:
 * the program header table and every segment's file bytes lie inside the file, PT_LOAD and
 * PT_TLS have {@code memsz >= filesz}, power-of-two alignment, addresses that do not overflow
 * the address space, PT_LOAD segments ascend without overlapping (as Linux requires), the
 * entry point lies in a PT_LOAD segment and PT_INTERP holds a NUL-terminated path. Any input
 * that fails raises {@link ElfFormatException}, and nothing else, naming the field and offset.
 *
 * <p>Addresses are as linked: an ET_DYN image is placed at a load bias the loader chooses and
 * adds to {@link #entry()}, segment addresses and {@link #phdrAddress()}.
 */
public final class ElfImage {
    public static final int ELFCLASS32 = 1;
    public static final int ELFCLASS64 = 2;
    public static final int ELFDATA2LSB = 1;
    public static final int ELFDATA2MSB = 2;
    public static final int EV_CURRENT = 1;

    public static final int ET_NONE = 0;
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    /** Byte arrays are int-indexed; a larger file is refused rather than half-read. */
    public static final long MAX_FILE_SIZE = Integer.MAX_VALUE - 8;
    /** Linux refuses a PT_INTERP longer than PATH_MAX. */
    public static final int MAX_INTERP_LENGTH = 4096;
    /** Linux refuses a program header table larger than this many bytes. */
    public static final int MAX_PHDR_TABLE_BYTES = 65536;

    private static final int EI_NIDENT = 16;
    private static final int EHDR32_SIZE = 52;
    private static final int EHDR64_SIZE = 64;
    private static final int PHDR32_SIZE = 32;
    private static final int PHDR64_SIZE = 56;
    private static final int PN_XNUM = 0xffff;

    private final String source;
    private final byte[] data;
    private final ByteBuffer buf;

    private final int elfClass;
    private final int dataEncoding;
    private final int osAbi;
    private final int abiVersion;
    private final int type;
    private final int machine;
    private final int flags;
    private final long entry;
    private final long phoff;
    private final int ehsize;
    private final int phentsize;
    private final int phnum;

    private final List<ProgramHeader> programHeaders;
    private final List<ProgramHeader> loadSegments;
    private final ProgramHeader interpHeader;
    private final String interpreter;
    private final ProgramHeader tls;
    private final ProgramHeader gnuStack;
    private final ProgramHeader phdrSegment;
    private final OptionalLong phdrAddress;

    /**
     * Whether {@code head} starts with the ELF magic: a quick test for callers that also accept
     * other formats (a {@code #!} script, say) before committing to {@link #parse}.
     */
    public static boolean hasElfMagic(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    /** Parses {@code bytes} (copied; later changes to the array do not reach the image). */
    public static ElfImage parse(byte[] bytes) {
        return parse(bytes, null);
    }

    /** Parses {@code bytes}; {@code source} (a file name, or null) prefixes error messages. */
    public static ElfImage parse(byte[] bytes, String source) {
        return new ElfImage(bytes.clone(), source);
    }

    /**
     * Reads and parses the whole file. I/O failures (missing file, no permission) are
     * {@link IOException}s; anything wrong with the contents is an {@link ElfFormatException}.
     */
    public static ElfImage read(Path path) throws IOException {
        String source = path.toString();
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new ElfFormatException(source, -1, "file is " + size + " bytes; files over "
                    + MAX_FILE_SIZE + " bytes are not supported");
        }
        return new ElfImage(Files.readAllBytes(path), source);
    }

    private ElfImage(byte[] data, String source) {
        this.source = source;
        this.data = data;

        // e_ident: magic, class, data encoding, version.
        if (data.length < EI_NIDENT) {
            throw fail(0, "file is " + data.length + " bytes, shorter than the 16-byte ELF identification");
        }
        if (!hasElfMagic(data)) {
            throw fail(0, String.format("not an ELF file: magic at offset 0 is %02x %02x %02x %02x, expected 7f 45 4c 46",
                    data[0] & 0xff, data[1] & 0xff, data[2] & 0xff, data[3] & 0xff));
        }
        elfClass = data[4] & 0xff;
        if (elfClass != ELFCLASS32 && elfClass != ELFCLASS64) {
            throw fail(4, "e_ident[EI_CLASS] at offset 0x4 is " + elfClass + "; expected 1 (32-bit) or 2 (64-bit)");
        }
        dataEncoding = data[5] & 0xff;
        if (dataEncoding != ELFDATA2LSB && dataEncoding != ELFDATA2MSB) {
            throw fail(5, "e_ident[EI_DATA] at offset 0x5 is " + dataEncoding
                    + "; expected 1 (little-endian) or 2 (big-endian)");
        }
        int identVersion = data[6] & 0xff;
        if (identVersion != EV_CURRENT) {
            throw fail(6, "e_ident[EI_VERSION] at offset 0x6 is " + identVersion + "; expected 1 (EV_CURRENT)");
        }
        osAbi = data[7] & 0xff;
        abiVersion = data[8] & 0xff;
        buf = ByteBuffer.wrap(data).order(dataEncoding == ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);

        // The rest of the file header.
        boolean is64 = elfClass == ELFCLASS64;
        int ehdrSize = is64 ? EHDR64_SIZE : EHDR32_SIZE;
        if (data.length < ehdrSize) {
            throw fail(0, "file is " + data.length + " bytes, shorter than the " + ehdrSize + "-byte ELF"
                    + (is64 ? "64" : "32") + " header");
        }
        type = u16(0x10);
        if (type != ET_EXEC && type != ET_DYN) {
            throw fail(0x10, "e_type at offset 0x10 is " + type + " (" + typeName(type)
                    + "); only executables (ET_EXEC) and position-independent executables or shared objects (ET_DYN) load");
        }
        machine = u16(0x12);
        long version = u32(0x14);
        if (version != EV_CURRENT) {
            throw fail(0x14, "e_version at offset 0x14 is " + version + "; expected 1 (EV_CURRENT)");
        }
        entry = is64 ? u64(0x18) : u32(0x18);
        int phoffAt = is64 ? 0x20 : 0x1c;
        phoff = is64 ? u64(phoffAt) : u32(phoffAt);
        flags = (int) u32(is64 ? 0x30 : 0x24);
        int ehsizeAt = is64 ? 0x34 : 0x28;
        ehsize = u16(ehsizeAt);
        if (ehsize < ehdrSize) {
            throw fail(ehsizeAt, "e_ehsize at offset " + hex(ehsizeAt) + " is " + ehsize + "; the ELF"
                    + (is64 ? "64" : "32") + " header is " + ehdrSize + " bytes");
        }
        int phentsizeAt = ehsizeAt + 2;
        phentsize = u16(phentsizeAt);
        int wantPhent = is64 ? PHDR64_SIZE : PHDR32_SIZE;
        if (phentsize != wantPhent) {
            throw fail(phentsizeAt, "e_phentsize at offset " + hex(phentsizeAt) + " is " + phentsize + "; expected "
                    + wantPhent + " for ELF" + (is64 ? "64" : "32"));
        }
        int phnumAt = phentsizeAt + 2;
        phnum = u16(phnumAt);
        if (phnum == 0) {
            throw fail(phnumAt, "e_phnum at offset " + hex(phnumAt) + " is 0: no program headers, nothing to load");
        }
        if (phnum == PN_XNUM) {
            throw fail(phnumAt, "e_phnum at offset " + hex(phnumAt)
                    + " is 0xffff (PN_XNUM, extended numbering); not supported");
        }
        long tableBytes = (long) phnum * phentsize;
        if (tableBytes > MAX_PHDR_TABLE_BYTES) {
            throw fail(phnumAt, "program header table of " + phnum + " entries (" + tableBytes
                    + " bytes) exceeds the " + MAX_PHDR_TABLE_BYTES + " bytes Linux accepts");
        }
        if (phoff < 0 || phoff > data.length || tableBytes > data.length - phoff) {
            throw fail(phoffAt, "program header table at e_phoff " + hex(phoff) + " (field at offset " + hex(phoffAt)
                    + "), " + phnum + " entries of " + phentsize + " bytes, ends beyond end of file (size "
                    + hex(data.length) + ")");
        }

        // Program headers, each checked on its own.
        List<ProgramHeader> all = new ArrayList<>(phnum);
        List<ProgramHeader> loads = new ArrayList<>();
        ProgramHeader interpPh = null;
        ProgramHeader tlsPh = null;
        ProgramHeader stackPh = null;
        ProgramHeader phdrPh = null;
        for (int i = 0; i < phnum; i++) {
            ProgramHeader ph = readProgramHeader(i, phoff + (long) i * phentsize);
            check(ph);
            all.add(ph);
            switch (ph.type()) {
                case PT_LOAD -> loads.add(ph);
                case PT_INTERP -> interpPh = unique(interpPh, ph);
                case PT_TLS -> tlsPh = unique(tlsPh, ph);
                case PT_GNU_STACK -> stackPh = unique(stackPh, ph);
                case PT_PHDR -> phdrPh = unique(phdrPh, ph);
                default -> { }
            }
        }
        programHeaders = Collections.unmodifiableList(all);
        loadSegments = Collections.unmodifiableList(loads);
        interpHeader = interpPh;
        tls = tlsPh;
        gnuStack = stackPh;
        phdrSegment = phdrPh;

        // How the headers fit together.
        if (loads.isEmpty()) {
            throw fail(phoff, "no PT_LOAD segment among the " + phnum + " program headers: nothing to load");
        }
        for (int i = 1; i < loads.size(); i++) {
            ProgramHeader prev = loads.get(i - 1);
            ProgramHeader cur = loads.get(i);
            if (Long.compareUnsigned(cur.vaddr(), prev.vaddr()) < 0) {
                throw fail(cur, "PT_LOAD at p_vaddr " + hex(cur.vaddr()) + " follows the PT_LOAD at " + hex(prev.vaddr())
                        + " (program header " + prev.index() + "); PT_LOAD segments must be sorted by ascending p_vaddr");
            }
            if (Long.compareUnsigned(cur.vaddr(), prev.end()) < 0) {
                throw fail(cur, "PT_LOAD [" + hex(cur.vaddr()) + ", " + hex(cur.end()) + ") overlaps program header "
                        + prev.index() + "'s [" + hex(prev.vaddr()) + ", " + hex(prev.end()) + ")");
            }
        }
        interpreter = interpPh == null ? null : readInterpreter(interpPh);
        if (type == ET_EXEC || entry != 0) {
            boolean inside = false;
            for (ProgramHeader ph : loads) {
                inside |= Long.compareUnsigned(entry, ph.vaddr()) >= 0 && Long.compareUnsigned(entry, ph.end()) < 0;
            }
            if (!inside) {
                throw fail(0x18, "e_entry " + hex(entry) + " at offset 0x18 lies outside every PT_LOAD segment");
            }
        }
        phdrAddress = findPhdrAddress(phdrPh, loads, tableBytes);
    }

    private ProgramHeader readProgramHeader(int index, long at) {
        if (elfClass == ELFCLASS64) {
            return new ProgramHeader(index, at, (int) u32(at), (int) u32(at + 4), u64(at + 8), u64(at + 16),
                    u64(at + 24), u64(at + 32), u64(at + 40), u64(at + 48));
        }
        return new ProgramHeader(index, at, (int) u32(at), (int) u32(at + 24), u32(at + 4), u32(at + 8),
                u32(at + 12), u32(at + 16), u32(at + 20), u32(at + 28));
    }

    private void check(ProgramHeader ph) {
        if (ph.type() == PT_NULL) {
            return;
        }
        // File range: every segment but PT_NULL describes bytes of this file.
        if (ph.offset() < 0 || ph.filesz() < 0 || ph.offset() > data.length || ph.filesz() > data.length - ph.offset()) {
            throw fail(ph, ph.typeName() + " p_offset+p_filesz " + hex(ph.offset()) + "+" + hex(ph.filesz())
                    + " beyond end of file (size " + hex(data.length) + ")");
        }
        if (ph.type() != PT_LOAD && ph.type() != PT_TLS) {
            return;
        }
        if (Long.compareUnsigned(ph.filesz(), ph.memsz()) > 0) {
            throw fail(ph, ph.typeName() + " p_filesz " + hex(ph.filesz()) + " exceeds p_memsz " + hex(ph.memsz()));
        }
        long align = ph.align();
        if (align != 0 && (align & (align - 1)) != 0) {
            throw fail(ph, ph.typeName() + " p_align " + hex(align) + " is not a power of two");
        }
        if (ph.type() == PT_LOAD && Long.compareUnsigned(align, 1) > 0 && ((ph.vaddr() - ph.offset()) & (align - 1)) != 0) {
            throw fail(ph, "PT_LOAD p_vaddr " + hex(ph.vaddr()) + " and p_offset " + hex(ph.offset())
                    + " are not congruent modulo p_align " + hex(align));
        }
        long limit = elfClass == ELFCLASS64 ? Long.MAX_VALUE : 1L << 32;
        String space = elfClass == ELFCLASS64 ? "the 63-bit user address space" : "the 32-bit address space";
        if (ph.vaddr() < 0 || ph.memsz() < 0 || ph.memsz() > limit - ph.vaddr()) {
            throw fail(ph, ph.typeName() + " p_vaddr+p_memsz " + hex(ph.vaddr()) + "+" + hex(ph.memsz())
                    + " runs past the end of " + space);
        }
    }

    private ProgramHeader unique(ProgramHeader seen, ProgramHeader ph) {
        if (seen != null) {
            throw fail(ph, "a second " + ph.typeName() + " (the first is program header " + seen.index()
                    + "); at most one is allowed");
        }
        return ph;
    }

    private String readInterpreter(ProgramHeader ph) {
        if (ph.filesz() < 2 || ph.filesz() > MAX_INTERP_LENGTH) {
            throw fail(ph, "PT_INTERP p_filesz " + ph.filesz() + " is not a path length between 2 and "
                    + MAX_INTERP_LENGTH + " bytes (with its NUL)");
        }
        int start = (int) ph.offset();
        int len = (int) ph.filesz();
        if (data[start + len - 1] != 0) {
            throw fail(ph, "PT_INTERP path at file offset " + hex(start) + " is not NUL-terminated within its "
                    + len + " bytes");
        }
        int nul = start;
        while (data[nul] != 0) {
            nul++;
        }
        if (nul == start) {
            throw fail(ph, "PT_INTERP path at file offset " + hex(start) + " is empty");
        }
        return new String(data, start, nul - start, StandardCharsets.UTF_8);
    }

    /**
     * AT_PHDR: PT_PHDR's address when the file has one, else the address at which the PT_LOAD
     * whose file bytes contain the table maps it (what Linux computes).
     */
    private OptionalLong findPhdrAddress(ProgramHeader phdrPh, List<ProgramHeader> loads, long tableBytes) {
        if (phdrPh != null) {
            return OptionalLong.of(phdrPh.vaddr());
        }
        for (ProgramHeader ph : loads) {
            if (ph.offset() <= phoff && phoff + tableBytes <= ph.fileEnd()) {
                return OptionalLong.of(ph.vaddr() + (phoff - ph.offset()));
            }
        }
        return OptionalLong.empty();
    }

    // ---- accessors -------------------------------------------------------------------------

    /** The name errors are prefixed with (the path for {@link #read}), or null. */
    public String source() {
        return source;
    }

    /** {@link #ELFCLASS32} or {@link #ELFCLASS64}. */
    public int elfClass() {
        return elfClass;
    }

    public boolean is64Bit() {
        return elfClass == ELFCLASS64;
    }

    /** {@link #ELFDATA2LSB} or {@link #ELFDATA2MSB}. */
    public int dataEncoding() {
        return dataEncoding;
    }

    public boolean isBigEndian() {
        return dataEncoding == ELFDATA2MSB;
    }

    public ByteOrder byteOrder() {
        return buf.order();
    }

    /** e_ident[EI_OSABI]: 0 (System V) or 3 (GNU/Linux) for Linux binaries. */
    public int osAbi() {
        return osAbi;
    }

    public int abiVersion() {
        return abiVersion;
    }

    /** {@link #ET_EXEC} or {@link #ET_DYN}. */
    public int type() {
        return type;
    }

    /** Whether the image is position-independent (ET_DYN) and so loads at a bias the loader picks. */
    public boolean isDyn() {
        return type == ET_DYN;
    }

    /** e_machine; see {@link ElfMachine}. */
    public int machine() {
        return machine;
    }

    public String machineName() {
        return ElfMachine.name(machine);
    }

    /** e_flags: processor-specific (ARM EABI version and float ABI, MIPS ABI and ISA level, ...). */
    public int flags() {
        return flags;
    }

    /** e_entry as linked (an ET_DYN image adds its load bias). */
    public long entry() {
        return entry;
    }

    /** e_phoff: file offset of the program header table. */
    public long phoff() {
        return phoff;
    }

    public int ehsize() {
        return ehsize;
    }

    /** e_phentsize (AT_PHENT). */
    public int phentsize() {
        return phentsize;
    }

    /** e_phnum (AT_PHNUM). */
    public int phnum() {
        return phnum;
    }

    /** Every program header, in table order. */
    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** The PT_LOAD segments, in (ascending, non-overlapping) address order. */
    public List<ProgramHeader> loadSegments() {
        return loadSegments;
    }

    /** Lowest PT_LOAD address, as linked. */
    public long loadStart() {
        return loadSegments.get(0).vaddr();
    }

    /** First address past the highest PT_LOAD (the initial program break starts here, page-rounded). */
    public long loadEnd() {
        return loadSegments.get(loadSegments.size() - 1).end();
    }

    /** The PT_INTERP path (e.g. "/lib/ld-linux-aarch64.so.1"), empty for a static executable. */
    public Optional<String> interpreter() {
        return Optional.ofNullable(interpreter);
    }

    public Optional<ProgramHeader> interpreterSegment() {
        return Optional.ofNullable(interpHeader);
    }

    /** Whether there is no dynamic loader to run (no PT_INTERP): static, or static-PIE when {@link #isDyn}. */
    public boolean isStatic() {
        return interpreter == null;
    }

    /** The thread-local storage template, if any. */
    public Optional<ProgramHeader> tls() {
        return Optional.ofNullable(tls);
    }

    public Optional<ProgramHeader> gnuStack() {
        return Optional.ofNullable(gnuStack);
    }

    /**
     * Whether the stack should be executable: PT_GNU_STACK's PF_X, or true when the file has no
     * PT_GNU_STACK (the legacy default; the Linux ABI layer may decide otherwise per arch).
     */
    public boolean execStack() {
        return gnuStack == null || gnuStack.executable();
    }

    public Optional<ProgramHeader> phdrSegment() {
        return Optional.ofNullable(phdrSegment);
    }

    /**
     * Where the program header table is in memory, as linked (AT_PHDR minus the load bias):
     * PT_PHDR's p_vaddr, else computed from the PT_LOAD whose file bytes contain the table;
     * empty when neither exists (the table is then not mapped).
     */
    public OptionalLong phdrAddress() {
        return phdrAddress;
    }

    /** Size of the file in bytes. */
    public int fileSize() {
        return data.length;
    }

    /** A read-only view of the segment's file bytes ({@code filesz} of them), in file byte order. */
    public ByteBuffer segmentData(ProgramHeader ph) {
        checkOwn(ph);
        return ByteBuffer.wrap(data, (int) ph.offset(), (int) ph.filesz()).slice().asReadOnlyBuffer().order(buf.order());
    }

    /** A copy of the segment's file bytes ({@code filesz} of them). */
    public byte[] segmentBytes(ProgramHeader ph) {
        checkOwn(ph);
        byte[] out = new byte[(int) ph.filesz()];
        System.arraycopy(data, (int) ph.offset(), out, 0, out.length);
        return out;
    }

    private void checkOwn(ProgramHeader ph) {
        if (ph.index() < 0 || ph.index() >= programHeaders.size() || !programHeaders.get(ph.index()).equals(ph)) {
            throw new IllegalArgumentException("program header " + ph + " is not one of this image's");
        }
        if (ph.type() == PT_NULL) {
            throw new IllegalArgumentException("program header " + ph.index() + " is PT_NULL and has no bytes");
        }
    }

    // ---- choosing a CPU core ----------------------------------------------------------------

    /** The first CPU core on the class path that claims this file ({@link Isa#matchesElf}). */
    public Optional<Isa> findIsa() {
        return findIsa(Isa.all());
    }

    /** The first of {@code cores} that claims this file. */
    public Optional<Isa> findIsa(Iterable<? extends Isa> cores) {
        for (Isa isa : cores) {
            if (isa.matchesElf(machine, elfClass, isBigEndian(), flags)) {
                return Optional.of(isa);
            }
        }
        return Optional.empty();
    }

    /** {@link #findIsa()}, or an {@link UnsupportedElfException} naming the machine and the cores present. */
    public Isa requireIsa() {
        return requireIsa(Isa.all());
    }

    public Isa requireIsa(List<? extends Isa> cores) {
        return findIsa(cores).orElseThrow(() -> new UnsupportedElfException(
                (source == null ? "" : source + ": ") + describeMachine()
                        + ": no CPU core for it on the class path (cores present: "
                        + (cores.isEmpty() ? "none" : cores.stream().map(Isa::name).toList()) + ")"));
    }

    /** "ELF machine 183 (AArch64), 64-bit little-endian" (plus e_flags when non-zero). */
    public String describeMachine() {
        return "ELF machine " + ElfMachine.describe(machine) + ", " + (is64Bit() ? "64" : "32") + "-bit "
                + (isBigEndian() ? "big" : "little") + "-endian" + (flags != 0 ? ", e_flags " + hex(flags & 0xffffffffL) : "");
    }

    /** "ELF 64-bit LSB executable, AArch64, entry 0x400580, static". */
    @Override
    public String toString() {
        return "ELF " + (is64Bit() ? "64" : "32") + "-bit " + (isBigEndian() ? "MSB" : "LSB") + " "
                + (type == ET_EXEC ? "executable" : "shared object/PIE") + ", " + machineName()
                + ", entry " + hex(entry) + ", " + (interpreter == null ? "static" : "interpreter " + interpreter);
    }

    public static String typeName(int type) {
        return switch (type) {
            case ET_NONE -> "ET_NONE";
            case ET_REL -> "ET_REL, relocatable object";
            case ET_EXEC -> "ET_EXEC";
            case ET_DYN -> "ET_DYN";
            case ET_CORE -> "ET_CORE, core dump";
            default -> "unknown";
        };
    }

    // ---- bounds-checked reads ---------------------------------------------------------------
    // Validation above keeps every read in range; these checks make sure that a mistake there
    // still ends as an ElfFormatException rather than an IndexOutOfBoundsException.

    private int u16(long at) {
        return Short.toUnsignedInt(buf.getShort(index(at, 2)));
    }

    private long u32(long at) {
        return Integer.toUnsignedLong(buf.getInt(index(at, 4)));
    }

    private long u64(long at) {
        return buf.getLong(index(at, 8));
    }

    private int index(long at, int size) {
        if (at < 0 || at > data.length - size) {
            throw fail(at, "read of " + size + " bytes at offset " + hex(at) + " beyond end of file (size "
                    + hex(data.length) + ")");
        }
        return (int) at;
    }

    private ElfFormatException fail(ProgramHeader ph, String problem) {
        return fail(ph.headerOffset(), "program header " + ph.index() + " at offset " + hex(ph.headerOffset()) + ": " + problem);
    }

    private ElfFormatException fail(long offset, String problem) {
        return new ElfFormatException(source, offset, problem);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}

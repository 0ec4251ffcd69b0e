package dev.emu.core.elf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded corruption campaign on ELF files built here (so it runs without fixtures; the same
 * campaign over the Debian busybox binaries lives in testkit): whatever the damage, parsing
 * either succeeds with an image whose every accessor works, or throws ElfFormatException.
 */
class ElfCorruptionTest {
    /** Fixed in CI; -Demu.elf.seed=... and -Demu.elf.mutants=... run a different or longer campaign. */
    static final long SEED = Long.getLong("emu.elf.seed", 0x5eed_e1fL);
    static final int MUTANTS_PER_BASE = Integer.getInteger("emu.elf.mutants", 400);

    /** Byte flips, field overwrites with edge values, and truncations of {@code file}. */
    static byte[] mutate(byte[] file, int headerEnd, Random rnd) {
        byte[] f = file.clone();
        int kind = rnd.nextInt(4);
        int edits = 1 + rnd.nextInt(4);
        int region = Math.min(f.length, Math.max(headerEnd, 16));
        for (int i = 0; i < edits && kind != 3; i++) {
            int at = rnd.nextInt(10) == 0 ? rnd.nextInt(f.length) : rnd.nextInt(region);
            if (kind == 0) {
                f[at] ^= (byte) (1 << rnd.nextInt(8));
            } else if (kind == 1) {
                f[at] = (byte) rnd.nextInt(256);
            } else {
                // A whole 2/4/8-byte field set to an edge value: the sizes and offsets that break parsers.
                int width = 2 << rnd.nextInt(3);
                at &= ~(width - 1);
                long[] edges = {0, -1, 1, 0x7f, 0x80, 0xffff, 0x7fffffffL, 0x80000000L, 0xffffffffL,
                        Long.MAX_VALUE, Long.MIN_VALUE, f.length, f.length - 1, f.length + 1, rnd.nextLong()};
                long v = edges[rnd.nextInt(edges.length)];
                for (int b = 0; b < width && at + b < f.length; b++) {
                    f[at + b] = (byte) (v >>> (8 * (rnd.nextBoolean() ? b : width - 1 - b)));
                }
            }
        }
        if (kind == 3 || rnd.nextInt(8) == 0) {
            int cut = rnd.nextBoolean() ? rnd.nextInt(region + 1) : rnd.nextInt(f.length + 1);
            f = Arrays.copyOf(f, cut);
        }
        return f;
    }

    /** Parses and exercises a mutant; returns whether it was accepted. Any other exception fails the test. */
    static boolean parseMutant(byte[] mutant, String what) {
        try {
            ElfImage elf = ElfImage.parse(mutant);
            exercise(elf);
            return true;
        } catch (ElfFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (Throwable t) {
            fail(what + ": " + t + " escaped instead of ElfFormatException", t);
            return false;
        }
    }

    /** Every accessor of an accepted image must work, including reading every segment's bytes. */
    static void exercise(ElfImage elf) {
        elf.toString();
        elf.describeMachine();
        elf.interpreter();
        elf.phdrAddress();
        elf.execStack();
        assertThat(elf.loadSegments()).isNotEmpty();
        assertThat(elf.loadEnd()).isGreaterThanOrEqualTo(elf.loadStart());
        for (ProgramHeader ph : elf.programHeaders()) {
            ph.toString();
            if (ph.type() != ProgramHeader.PT_NULL) {
                assertThat(elf.segmentBytes(ph)).hasSize((int) ph.filesz());
                assertThat(elf.segmentData(ph).remaining()).isEqualTo((int) ph.filesz());
            }
        }
    }

    static List<TestElf> bases() {
        List<TestElf> out = new ArrayList<>();
        out.add(TestElf.static64());
        out.add(TestElf.dyn32be());
        TestElf be64 = TestElf.static64();
        be64.bigEndian = true;
        be64.machine = ElfMachine.EM_S390;
        out.add(be64);
        TestElf le32 = TestElf.dyn32be();
        le32.bigEndian = false;
        le32.type = ElfImage.ET_EXEC;
        le32.machine = ElfMachine.EM_ARM;
        out.add(le32);
        return out;
    }

    @Test
    void randomCorruptionsRaiseOnlyElfFormatException() {
        Random rnd = new Random(SEED);
        int accepted = 0;
        int rejected = 0;
        for (TestElf base : bases()) {
            byte[] file = base.build();
            int headerEnd = base.headerSize() + base.segs.size() * base.phdrSize();
            assertThat(parseMutant(file, "unmutated base")).isTrue();
            for (int i = 0; i < MUTANTS_PER_BASE; i++) {
                if (parseMutant(mutate(file, headerEnd, rnd), "seed " + SEED + ", base " + base.machine + ", mutant " + i)) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        // Both outcomes occur, so the campaign is not all one kind of damage.
        assertThat(accepted).isGreaterThan(MUTANTS_PER_BASE / 8);
        assertThat(rejected).isGreaterThan(MUTANTS_PER_BASE);
    }

    @Test
    void everyTruncationIntoTheContentsIsRejected() {
        for (TestElf base : bases()) {
            byte[] file = base.build();
            long contentEnd = ElfImage.parse(file).programHeaders().stream()
                    .mapToLong(ProgramHeader::fileEnd).max().orElseThrow();
            for (int len = 0; len < file.length; len++) {
                assertThat(parseMutant(Arrays.copyOf(file, len), "truncated to " + len))
                        .as("truncated to %d of %d", len, file.length).isEqualTo(len >= contentEnd);
            }
        }
    }
}

package dev.emu.testkit.elf;

import dev.emu.core.elf.ElfFormatException;
import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ProgramHeader;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The corruption campaign over real binaries: seeded byte flips and edge-value overwrites in
 * the ELF header and program header table of each busybox, and truncations. Parsing must
 * succeed or throw ElfFormatException, never anything else. (core's ElfCorruptionTest runs the
 * same kind of campaign on built files, without fixtures.)
 */
class BusyboxCorruptionTest {
    private static final long SEED = 20261128L;
    private static final int MUTANTS_PER_ARCH = 120;

    static Iterable<String> arches() {
        return Fixtures.BUSYBOX_ARCHES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arches")
    void corruptedBusyboxRaisesOnlyElfFormatException(String arch) throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.busybox(arch));
        ElfImage clean = ElfImage.parse(file);
        int headerEnd = (int) (clean.phoff() + (long) clean.phnum() * clean.phentsize());
        Random rnd = new Random(SEED ^ arch.hashCode());
        int rejected = 0;
        for (int i = 0; i < MUTANTS_PER_ARCH; i++) {
            byte[] mutant = file.clone();
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(headerEnd);
                switch (rnd.nextInt(3)) {
                    case 0 -> mutant[at] ^= (byte) (1 << rnd.nextInt(8));
                    case 1 -> mutant[at] = (byte) rnd.nextInt(256);
                    default -> {
                        // A 4- or 8-byte field set to all ones, the sign bit, or the file size.
                        int width = rnd.nextBoolean() ? 4 : 8;
                        at &= ~(width - 1);
                        long v = switch (rnd.nextInt(3)) {
                            case 0 -> -1L;
                            case 1 -> Long.MIN_VALUE >>> (64 - 8 * width);
                            default -> file.length;
                        };
                        for (int b = 0; b < width && at + b < mutant.length; b++) {
                            mutant[at + b] = (byte) (v >>> (8 * b));
                        }
                    }
                }
            }
            if (rnd.nextInt(4) == 0) {
                mutant = Arrays.copyOf(mutant, rnd.nextInt(mutant.length));
            }
            if (!parses(mutant, arch + " seed " + SEED + " mutant " + i)) {
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(MUTANTS_PER_ARCH / 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arches")
    void truncatedBusyboxIsRejected(String arch) throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.busybox(arch));
        long contentEnd = ElfImage.parse(file).programHeaders().stream().mapToLong(ProgramHeader::fileEnd).max().orElseThrow();
        Random rnd = new Random(SEED + arch.hashCode());
        for (int i = 0; i < 40; i++) {
            int len = i < 20 ? rnd.nextInt(256) : rnd.nextInt((int) contentEnd);
            assertThat(parses(Arrays.copyOf(file, len), arch + " truncated to " + len)).isFalse();
        }
    }

    private static boolean parses(byte[] mutant, String what) {
        try {
            ElfImage elf = ElfImage.parse(mutant);
            for (ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() != ProgramHeader.PT_NULL) {
                    assertThat(elf.segmentBytes(ph)).hasSize((int) ph.filesz());
                }
            }
            elf.toString();
            elf.phdrAddress();
            return true;
        } catch (ElfFormatException expected) {
            return false;
        } catch (Throwable t) {
            fail(what + ": " + t + " escaped instead of ElfFormatException", t);
            return false;
        }
    }
}

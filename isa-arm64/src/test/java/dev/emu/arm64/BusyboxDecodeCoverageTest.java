package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.Fixtures;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Every word in the executable segments of Debian's static arm64 busybox either has a
 * decoder row or belongs to a class this core leaves to others or does not advertise:
 * SIMD&amp;FP data processing (its own lifters), SVE, MTE and MOPS (glibc's ifuncs pick those
 * routines only when HWCAP says so). A word of another class is an integer instruction
 * busybox uses that the core would trap on.
 */
class BusyboxDecodeCoverageTest {
    static String classify(int w) {
        if (A64Decoder.TABLE.lookup(w) != null) {
            return "decoded";
        }
        int op0 = w >>> 25 & 0xF;
        if ((op0 & 7) == 7) {
            return "SIMD&FP data processing";
        }
        if (op0 == 2) {
            return "SVE";
        }
        if ((w & 0xFF20_0000) == 0xD920_0000 || (w & 0x7FE0_F000) == 0x1AC0_1000 || (w & 0xFFE0_FC00) == 0x9AC0_0000) {
            return "MTE";
        }
        if ((w & 0x3B20_0C00) == 0x1900_0400) {
            return "MOPS";
        }
        return "other";
    }

    /** The file bytes of the section called {@code name} (ElfImage reads no section headers). */
    static ByteBuffer section(byte[] elf, String name) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int shentsize = b.getShort(0x3A) & 0xFFFF;
        int shnum = b.getShort(0x3C) & 0xFFFF;
        int shstrndx = b.getShort(0x3E) & 0xFFFF;
        long strtab = b.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            int nameOff = (int) strtab + b.getInt(sh);
            StringBuilder n = new StringBuilder();
            for (int k = nameOff; elf[k] != 0; k++) {
                n.append((char) elf[k]);
            }
            if (n.toString().equals(name)) {
                int off = (int) b.getLong(sh + 0x18);
                int size = (int) b.getLong(sh + 0x20);
                return ByteBuffer.wrap(elf, off, size).slice().order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }

    @Test
    void everyIntegerInstructionOfBusyboxHasARow() throws Exception {
        byte[] elf = java.nio.file.Files.readAllBytes(Fixtures.busybox("arm64"));
        ByteBuffer text = section(elf, ".text");
        Map<String, Integer> counts = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (int off = 0; off + 4 <= text.capacity(); off += 4) {
            int w = text.getInt(off);
            String c = classify(w);
            counts.merge(c, 1, Integer::sum);
            if (c.equals("other") && other.size() < 20) {
                other.add(String.format("+0x%x: %08x", off, w));
            }
        }
        System.out.println("busybox arm64 .text words: " + counts);
        assertThat(counts.get("decoded")).isGreaterThan(300_000);
        assertThat(counts.getOrDefault("other", 0)).as("undecoded words: %s", other).isZero();
    }
}

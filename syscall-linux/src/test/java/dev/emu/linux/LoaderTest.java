package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.elf.ElfImage;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.loader.Auxv;
import dev.emu.linux.loader.ElfLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class LoaderTest {
    final LinuxAbi abi = LinuxAbi.forIsa("arm64");

    @Test
    void stackHoldsArgvEnvpAndAuxvAsLinuxLaysThemOut() {
        byte[] file = TinyElf.build(183, 2, new byte[] {0, 0, 0, 0x14}, 0x2345);
        ElfImage elf = ElfImage.parse(file, "tiny");
        AddressSpace mem = new AddressSpace(64);
        byte[] random = new byte[16];
        for (int i = 0; i < 16; i++) {
            random[i] = (byte) (i + 1);
        }
        ElfLoader.Loaded l = ElfLoader.load(mem, abi, elf, file, "/bin/tiny", null, null, null,
                List.of("tiny", "-x", "héllo"), List.of("HOME=/root", "PATH=/bin"), "/bin/tiny", 8L << 20, random);

        assertThat(l.entry()).isEqualTo(TinyElf.BASE + 64 + 112);
        assertThat(l.sp() & 15).isZero();
        assertThat(l.sp()).isLessThan(abi.stackTop()).isGreaterThan(abi.stackTop() - 4096);
        assertThat(l.brk()).isEqualTo(0x403000); // page after code + bss

        long sp = l.sp();
        assertThat(mem.ld64le(sp)).isEqualTo(3);
        List<String> argv = new ArrayList<>();
        long p = sp + 8;
        for (long a; (a = mem.ld64le(p)) != 0; p += 8) {
            argv.add(str(mem, a));
        }
        assertThat(argv).containsExactly("tiny", "-x", "héllo");
        p += 8;
        List<String> envp = new ArrayList<>();
        for (long a; (a = mem.ld64le(p)) != 0; p += 8) {
            envp.add(str(mem, a));
        }
        assertThat(envp).containsExactly("HOME=/root", "PATH=/bin");
        p += 8;
        Map<Long, Long> aux = new LinkedHashMap<>();
        while (true) {
            long k = mem.ld64le(p);
            long v = mem.ld64le(p + 8);
            p += 16;
            if (k == Auxv.AT_NULL) {
                break;
            }
            aux.put(k, v);
        }
        assertThat(aux.get((long) Auxv.AT_PAGESZ)).isEqualTo(4096);
        assertThat(aux.get((long) Auxv.AT_PHDR)).isEqualTo(TinyElf.BASE + 64);
        assertThat(aux.get((long) Auxv.AT_PHENT)).isEqualTo(56);
        assertThat(aux.get((long) Auxv.AT_PHNUM)).isEqualTo(2);
        assertThat(aux.get((long) Auxv.AT_ENTRY)).isEqualTo(l.entry());
        assertThat(aux.get((long) Auxv.AT_BASE)).isZero();
        assertThat(aux.get((long) Auxv.AT_CLKTCK)).isEqualTo(100);
        assertThat(aux.get((long) Auxv.AT_HWCAP)).isEqualTo(0x983);
        assertThat(aux.get((long) Auxv.AT_SECURE)).isZero();
        assertThat(aux.get((long) Auxv.AT_MINSIGSTKSZ)).isEqualTo(5120);
        assertThat(str(mem, aux.get((long) Auxv.AT_PLATFORM))).isEqualTo("aarch64");
        assertThat(str(mem, aux.get((long) Auxv.AT_EXECFN))).isEqualTo("/bin/tiny");
        byte[] r = new byte[16];
        mem.peek(aux.get((long) Auxv.AT_RANDOM), r, 0, 16);
        assertThat(r).isEqualTo(random);
        assertThat(aux).containsKeys((long) Auxv.AT_UID, (long) Auxv.AT_EUID, (long) Auxv.AT_GID, (long) Auxv.AT_EGID,
                (long) Auxv.AT_FLAGS, (long) Auxv.AT_HWCAP2);

        // the code is mapped read+exec from the file, the bss is zero, the stack is named
        assertThat(mem.fetch32le(l.entry())).isEqualTo(0x14000000);
        assertThat(mem.ld8(TinyElf.BASE + file.length + 0x2000)).isZero();
        String maps = mem.procMaps();
        assertThat(maps).contains("r-xp 00000000 00:00 0").contains("/bin/tiny").contains("[stack]");
    }

    @Test
    void staticPieLoadsAtTheAbiBase() {
        byte[] file = TinyElf.build(183, 3, new byte[] {0, 0, 0, 0x14}, 0);
        ElfImage elf = ElfImage.parse(file, "pie");
        AddressSpace mem = new AddressSpace(64);
        ElfLoader.Loaded l = ElfLoader.load(mem, abi, elf, file, "/pie", null, null, null, List.of("pie"), List.of(),
                "/pie", 1 << 20, new byte[16]);
        assertThat(l.loadBias()).isEqualTo(abi.pieLoadBase());
        assertThat(l.entry()).isEqualTo(abi.pieLoadBase() + 64 + 112);
        assertThat(mem.fetch32le(l.entry())).isEqualTo(0x14000000);
    }

    private static String str(AddressSpace mem, long a) {
        return new String(mem.readCString(a, 4096), StandardCharsets.UTF_8);
    }
}

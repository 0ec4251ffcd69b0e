package dev.emu.linux.loader;

import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.Structs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the initial process stack as Linux's create_elf_tables does: from the top, a NULL
 * word, the executable's name (AT_EXECFN), the argv and envp strings, the platform string
 * and the 16 AT_RANDOM bytes; then, 16-byte aligned, argc, argv[], NULL, envp[], NULL and
 * the auxv pairs ending in AT_NULL. Returns the initial stack pointer.
 */
public final class StackBuilder {
    private final AddressSpace mem;
    private final Structs structs;
    private final int word;
    private final int bits;
    private final List<long[]> auxv = new ArrayList<>();

    public StackBuilder(AddressSpace mem, Structs structs, int bits) {
        this.mem = mem;
        this.structs = structs;
        this.bits = bits;
        this.word = bits / 8;
    }

    public StackBuilder aux(int type, long value) {
        auxv.add(new long[] {type, value});
        return this;
    }

    /** Addresses the auxv refers to are filled in by {@link #build}: AT_EXECFN, AT_PLATFORM, AT_RANDOM. */
    public long build(long top, List<String> argv, List<String> envp, String execfn, String platform, byte[] random) {
        long pos = top - word; // the NULL at the very top
        byte[] fn = cstr(execfn);
        pos -= fn.length;
        long execfnAddr = pos;
        mem.poke(execfnAddr, fn, 0, fn.length);

        long[] argAddrs = new long[argv.size()];
        long[] envAddrs = new long[envp.size()];
        int stringsSize = 0;
        for (String s : argv) {
            stringsSize += cstr(s).length;
        }
        for (String s : envp) {
            stringsSize += cstr(s).length;
        }
        pos -= stringsSize;
        long p = pos;
        for (int i = 0; i < argv.size(); i++) {
            byte[] b = cstr(argv.get(i));
            mem.poke(p, b, 0, b.length);
            argAddrs[i] = p;
            p += b.length;
        }
        for (int i = 0; i < envp.size(); i++) {
            byte[] b = cstr(envp.get(i));
            mem.poke(p, b, 0, b.length);
            envAddrs[i] = p;
            p += b.length;
        }
        pos &= -16;
        long platformAddr = 0;
        if (platform != null) {
            byte[] b = cstr(platform);
            pos -= b.length;
            platformAddr = pos;
            mem.poke(pos, b, 0, b.length);
        }
        pos -= 16;
        long randomAddr = pos;
        mem.poke(randomAddr, random, 0, 16);
        pos &= -16;

        List<long[]> aux = new ArrayList<>(auxv);
        if (platform != null) {
            aux.add(new long[] {Auxv.AT_PLATFORM, platformAddr});
        }
        aux.add(new long[] {Auxv.AT_RANDOM, randomAddr});
        aux.add(new long[] {Auxv.AT_EXECFN, execfnAddr});
        aux.add(new long[] {Auxv.AT_NULL, 0});

        int items = 1 + argv.size() + 1 + envp.size() + 1 + 2 * aux.size();
        long sp = (pos - (long) items * word) & -16;
        GuestBuffer b = structs.buffer(items * word);
        int o = 0;
        b.word(o, argv.size(), bits);
        o += word;
        for (long a : argAddrs) {
            b.word(o, a, bits);
            o += word;
        }
        o += word; // NULL
        for (long a : envAddrs) {
            b.word(o, a, bits);
            o += word;
        }
        o += word; // NULL
        for (long[] kv : aux) {
            b.word(o, kv[0], bits).word(o + word, kv[1], bits);
            o += 2 * word;
        }
        mem.poke(sp, b.bytes(), 0, b.size());
        return sp;
    }

    private static byte[] cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }
}

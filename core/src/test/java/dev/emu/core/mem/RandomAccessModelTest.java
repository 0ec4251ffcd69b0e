package dev.emu.core.mem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.mem.GuestFault.Access;
import dev.emu.core.mem.GuestFault.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random typed accesses, permission changes, unmaps and forks against a byte-per-address
 * model: values, fault addresses and fault reasons must agree, which exercises the TLBs'
 * flushing, page crossing in both byte orders and copy-on-write together.
 */
class RandomAccessModelTest {
    static final long BASE = 0x7fff_0000_0000L;
    static final int PAGES = 6;

    /** What the memory should be: bytes and per-page protection (-1: unmapped). */
    static final class Model {
        final Map<Long, Byte> bytes = new HashMap<>();
        final int[] prot = new int[PAGES];

        Model copy() {
            Model c = new Model();
            c.bytes.putAll(bytes);
            System.arraycopy(prot, 0, c.prot, 0, PAGES);
            return c;
        }

        int protOf(long addr) {
            long page = (addr - BASE) >> 12;
            return page < 0 || page >= PAGES ? -1 : prot[(int) page];
        }

        /** The first address of [addr, addr + size) that faults for access, or -1. */
        long faultAt(long addr, int size, int need) {
            for (int i = 0; i < size; i++) {
                int p = protOf(addr + i);
                if (p < 0 || (p & need) == 0) {
                    return addr + i;
                }
            }
            return -1;
        }

        Reason reasonAt(long addr) {
            return protOf(addr) < 0 ? Reason.UNMAPPED : Reason.PROTECTION;
        }

        long load(long addr, int size, boolean be) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                long b = bytes.getOrDefault(addr + i, (byte) 0) & 0xFF;
                v |= b << (8 * (be ? size - 1 - i : i));
            }
            return v;
        }

        void store(long addr, int size, boolean be, long v) {
            for (int i = 0; i < size; i++) {
                bytes.put(addr + i, (byte) (v >>> (8 * (be ? size - 1 - i : i))));
            }
        }
    }

    static long load(AddressSpace m, long addr, int size, boolean be) {
        return switch (size) {
            case 1 -> m.ld8(addr);
            case 2 -> be ? m.ld16be(addr) : m.ld16le(addr);
            case 4 -> (be ? m.ld32be(addr) : m.ld32le(addr)) & 0xFFFF_FFFFL;
            default -> be ? m.ld64be(addr) : m.ld64le(addr);
        };
    }

    static void store(AddressSpace m, long addr, int size, boolean be, long v) {
        switch (size) {
            case 1 -> m.st8(addr, (int) v);
            case 2 -> {
                if (be) {
                    m.st16be(addr, (int) v);
                } else {
                    m.st16le(addr, (int) v);
                }
            }
            case 4 -> {
                if (be) {
                    m.st32be(addr, (int) v);
                } else {
                    m.st32le(addr, (int) v);
                }
            }
            default -> {
                if (be) {
                    m.st64be(addr, v);
                } else {
                    m.st64le(addr, v);
                }
            }
        }
    }

    static long mask(int size) {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }

    @Test
    void randomOperationsAgreeWithTheModel() {
        Random rnd = new Random(1234);
        AddressSpace[] spaces = {new AddressSpace(64), null};
        Model[] models = {new Model(), null};
        spaces[0].map(BASE, PAGES * 4096L, Prot.RW);
        java.util.Arrays.fill(models[0].prot, Prot.RW);
        int[] sizes = {1, 2, 4, 8};
        for (int step = 0; step < 200_000; step++) {
            int which = spaces[1] != null && rnd.nextBoolean() ? 1 : 0;
            AddressSpace m = spaces[which];
            Model model = models[which];
            int op = rnd.nextInt(1000);
            // Mostly near page edges, where the interesting cases are.
            long addr = BASE - 8 + rnd.nextInt(PAGES + 1) * 4096L + (rnd.nextBoolean() ? rnd.nextInt(16) : rnd.nextInt(4096));
            int size = sizes[rnd.nextInt(4)];
            boolean be = rnd.nextBoolean();
            if (op < 5) {
                int page = rnd.nextInt(PAGES);
                int prot = rnd.nextInt(4);  // NONE, READ, WRITE, RW
                if (model.prot[page] >= 0) {
                    m.protect(BASE + page * 4096L, 4096, prot);
                    model.prot[page] = prot;
                }
            } else if (op < 7) {
                int page = rnd.nextInt(PAGES);
                if (rnd.nextBoolean()) {
                    m.unmap(BASE + page * 4096L, 4096);
                    model.prot[page] = -1;
                } else {
                    m.map(BASE + page * 4096L, 4096, Prot.RW);
                    model.prot[page] = Prot.RW;
                }
                for (int i = 0; i < 4096; i++) {
                    model.bytes.remove(BASE + page * 4096L + i);
                }
            } else if (op < 8) {
                spaces[1] = spaces[0].fork();
                models[1] = models[0].copy();
                if (rnd.nextBoolean()) {
                    AddressSpace t = spaces[0];
                    spaces[0] = spaces[1];
                    spaces[1] = t;
                    Model tm = models[0];
                    models[0] = models[1];
                    models[1] = tm;
                }
            } else if (op < 500) {
                long fault = model.faultAt(addr, size, Prot.READ);
                String what = "step " + step + " load" + size + (be ? "be" : "le") + " at " + Long.toHexString(addr);
                try {
                    long v = load(m, addr, size, be);
                    assertThat(fault).as(what + " should fault").isEqualTo(-1);
                    assertThat(v).as(what).isEqualTo(model.load(addr, size, be));
                } catch (GuestFault f) {
                    assertThat(f.address()).as(what).isEqualTo(fault);
                    assertThat(f.access()).isEqualTo(Access.READ);
                    assertThat(f.reason()).as(what).isEqualTo(model.reasonAt(fault));
                }
            } else {
                long v = rnd.nextLong() & mask(size);
                long fault = model.faultAt(addr, size, Prot.WRITE);
                String what = "step " + step + " store" + size + (be ? "be" : "le") + " at " + Long.toHexString(addr);
                try {
                    store(m, addr, size, be, v);
                    assertThat(fault).as(what + " should fault").isEqualTo(-1);
                    model.store(addr, size, be, v);
                } catch (GuestFault f) {
                    assertThat(f.address()).as(what).isEqualTo(fault);
                    assertThat(f.access()).isEqualTo(Access.WRITE);
                    assertThat(f.reason()).as(what).isEqualTo(model.reasonAt(fault));
                }
            }
        }
        // Finally every byte agrees, privileged view.
        for (int s = 0; s < 2 && spaces[s] != null; s++) {
            for (int page = 0; page < PAGES; page++) {
                if (models[s].prot[page] < 0) {
                    continue;
                }
                byte[] got = new byte[4096];
                spaces[s].peek(BASE + page * 4096L, got, 0, 4096);
                for (int i = 0; i < 4096; i++) {
                    assertThat(got[i]).isEqualTo(models[s].bytes.getOrDefault(BASE + page * 4096L + i, (byte) 0));
                }
            }
        }
    }
}

package dev.emu.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.core.mem.GuestFault.Access;
import dev.emu.core.mem.GuestFault.Reason;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {
    static final long BASE = 0x10000;

    static void assertFault(ThrowingCallable c, long addr, Access access, Reason reason) {
        assertThatThrownBy(c).isInstanceOfSatisfying(GuestFault.class, f -> {
            assertThat(f.address()).as("fault address").isEqualTo(addr);
            assertThat(f.access()).isEqualTo(access);
            assertThat(f.reason()).isEqualTo(reason);
        });
    }

    static byte[] peek(AddressSpace m, long addr, int n) {
        byte[] b = new byte[n];
        m.peek(addr, b, 0, n);
        return b;
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void freshMappingReadsZeroAndTypedStoresLandInGuestByteOrder() {
        AddressSpace m = new AddressSpace(32);
        m.map(BASE, 0x2000, Prot.RW);
        assertThat(m.ld64le(BASE + 8)).isZero();

        m.st32le(BASE, 0x11223344);
        assertThat(peek(m, BASE, 4)).containsExactly(bytes(0x44, 0x33, 0x22, 0x11));
        m.st32be(BASE, 0x11223344);
        assertThat(peek(m, BASE, 4)).containsExactly(bytes(0x11, 0x22, 0x33, 0x44));
        assertThat(m.ld32le(BASE)).isEqualTo(0x44332211);
        assertThat(m.ld32be(BASE)).isEqualTo(0x11223344);

        m.st64be(BASE + 16, 0x0102030405060708L);
        assertThat(peek(m, BASE + 16, 8)).containsExactly(bytes(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(m.ld64le(BASE + 16)).isEqualTo(0x0807060504030201L);
        m.st64le(BASE + 16, 0x0102030405060708L);
        assertThat(m.ld64be(BASE + 16)).isEqualTo(0x0807060504030201L);

        m.st16le(BASE + 32, 0xFFFF_8281);
        assertThat(peek(m, BASE + 32, 3)).containsExactly(bytes(0x81, 0x82, 0));
        assertThat(m.ld16le(BASE + 32)).as("zero-extended").isEqualTo(0x8281);
        assertThat(m.ld16be(BASE + 32)).isEqualTo(0x8182);
        m.st16be(BASE + 32, 0x1234);
        assertThat(m.ld16le(BASE + 32)).isEqualTo(0x3412);

        m.st8(BASE + 40, 0x1F0);
        assertThat(m.ld8(BASE + 40)).isEqualTo(0xF0);
    }

    @Test
    void pageCrossingAccessesAssembleBothPagesInEitherByteOrder() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x2000, Prot.RW);
        long edge = BASE + 0x1000;
        for (int k = 1; k < 8; k++) {
            long a = edge - k;
            m.st64le(a, 0x0102030405060708L);
            assertThat(m.ld64le(a)).isEqualTo(0x0102030405060708L);
            assertThat(m.ld64be(a)).isEqualTo(0x0807060504030201L);
            assertThat(peek(m, a, 8)).containsExactly(bytes(8, 7, 6, 5, 4, 3, 2, 1));
            m.st64be(a, 0x0102030405060708L);
            assertThat(peek(m, a, 8)).containsExactly(bytes(1, 2, 3, 4, 5, 6, 7, 8));
        }
        for (int k = 1; k < 4; k++) {
            long a = edge - k;
            m.st32be(a, 0xA1B2C3D4);
            assertThat(m.ld32be(a)).isEqualTo(0xA1B2C3D4);
            assertThat(m.ld32le(a)).isEqualTo(0xD4C3B2A1);
            m.st32le(a, 0xA1B2C3D4);
            assertThat(peek(m, a, 4)).containsExactly(bytes(0xD4, 0xC3, 0xB2, 0xA1));
        }
        m.st16be(edge - 1, 0xBEEF);
        assertThat(m.ld16be(edge - 1)).isEqualTo(0xBEEF);
        assertThat(m.ld16le(edge - 1)).isEqualTo(0xEFBE);
        assertThat(m.ld8(edge)).isEqualTo(0xEF);
    }

    @Test
    void pageCrossingRespectsTheSecondPagesPermissionsAndFaultsAtItsFirstByte() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RW);
        m.map(BASE + 0x1000, 0x1000, Prot.READ);
        long edge = BASE + 0x1000;
        m.st32le(edge - 8, 0x55555555);
        assertFault(() -> m.st32le(edge - 2, 0x12345678), edge, Access.WRITE, Reason.PROTECTION);
        assertThat(peek(m, edge - 2, 2)).as("a faulting store writes nothing").containsExactly(0, 0);
        assertThat(m.ld32le(edge - 2)).isZero();

        m.unmap(edge, 0x1000);
        assertFault(() -> m.ld64be(edge - 3), edge, Access.READ, Reason.UNMAPPED);
        m.map(edge, 0x1000, Prot.NONE);
        assertFault(() -> m.ld16le(edge - 1), edge, Access.READ, Reason.PROTECTION);
    }

    @Test
    void unmappedAndOutOfRangeAddressesFaultAtTheExactAddress() {
        AddressSpace m32 = new AddressSpace(32);
        assertFault(() -> m32.ld32le(0x1234), 0x1234, Access.READ, Reason.UNMAPPED);
        assertFault(() -> m32.st8(0x5678, 1), 0x5678, Access.WRITE, Reason.UNMAPPED);
        assertFault(() -> m32.ld8(0x1_0000_0000L), 0x1_0000_0000L, Access.READ, Reason.UNMAPPED);
        assertFault(() -> m32.ld8(-1L), -1L, Access.READ, Reason.UNMAPPED);
        m32.map(0xFFFF_F000L, 0x1000, Prot.RW);
        m32.st32le(0xFFFF_FFFCL, 7);
        assertThat(m32.ld32le(0xFFFF_FFFCL)).isEqualTo(7);
        assertFault(() -> m32.ld32le(0xFFFF_FFFEL), 0x1_0000_0000L, Access.READ, Reason.UNMAPPED);

        AddressSpace m64 = new AddressSpace(64);
        m64.map(0x1_2000_0000L, 0x1000, Prot.RW);
        m64.st64le(0x1_2000_0ff8L, -2);
        assertThat(m64.ld64le(0x1_2000_0ff8L)).isEqualTo(-2);
        m64.map((1L << 48) - 0x1000, 0x1000, Prot.RW);
        assertThat(m64.ld64le((1L << 48) - 8)).isZero();
        assertFault(() -> m64.ld8(1L << 48), 1L << 48, Access.READ, Reason.UNMAPPED);
        assertThatThrownBy(() -> m64.map(1L << 48, 0x1000, Prot.RW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permissionsAreCheckedAndProtectFlushesWhatTheTlbsCached() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RW);
        m.st32le(BASE, 42);          // fills the write TLB
        assertThat(m.ld32le(BASE)).isEqualTo(42); // and the read TLB
        m.protect(BASE, 0x1000, Prot.READ);
        assertFault(() -> m.st32le(BASE + 4, 1), BASE + 4, Access.WRITE, Reason.PROTECTION);
        assertThat(m.ld32le(BASE)).isEqualTo(42);
        m.protect(BASE, 0x1000, Prot.NONE);
        assertFault(() -> m.ld32le(BASE), BASE, Access.READ, Reason.PROTECTION);
        assertFault(() -> m.ld8(BASE + 5), BASE + 5, Access.READ, Reason.PROTECTION);
        m.protect(BASE, 0x1000, Prot.WRITE);
        m.st8(BASE, 9);
        assertFault(() -> m.ld8(BASE), BASE, Access.READ, Reason.PROTECTION);
        m.protect(BASE, 0x1000, Prot.RW);
        assertThat(m.ld32le(BASE)).as("data survives protection changes").isEqualTo(9);
        m.unmap(BASE, 0x1000);
        assertFault(() -> m.ld32le(BASE), BASE, Access.READ, Reason.UNMAPPED);
        assertFault(() -> m.st32le(BASE, 0), BASE, Access.WRITE, Reason.UNMAPPED);
        m.map(BASE, 0x1000, Prot.RW);
        assertThat(m.ld32le(BASE)).as("a new mapping is zero-filled").isZero();
        assertThatThrownBy(() -> m.protect(BASE + 0x1000, 0x1000, Prot.RW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapReplacesAnExistingMapping() {
        AddressSpace m = new AddressSpace(32);
        m.map(BASE, 0x3000, Prot.RW);
        m.st32le(BASE + 0x1000, 5);
        m.st32le(BASE + 0x2000, 6);
        m.map(BASE + 0x1000, 0x1000, Prot.READ);
        assertThat(m.ld32le(BASE + 0x1000)).isZero();
        assertThat(m.ld32le(BASE + 0x2000)).isEqualTo(6);
        assertFault(() -> m.st32le(BASE + 0x1000, 1), BASE + 0x1000, Access.WRITE, Reason.PROTECTION);
    }

    @Test
    void casSwapsOnlyOnMatchAndReturnsTheOldValue() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RW);
        m.st32le(BASE, 10);
        assertThat(m.cas32le(BASE, 11, 20)).isEqualTo(10);
        assertThat(m.ld32le(BASE)).isEqualTo(10);
        assertThat(m.cas32le(BASE, 10, 20)).isEqualTo(10);
        assertThat(m.ld32le(BASE)).isEqualTo(20);

        m.st32be(BASE + 4, 0x01020304);
        assertThat(m.cas32be(BASE + 4, 0x01020304, 0x0A0B0C0D)).isEqualTo(0x01020304);
        assertThat(peek(m, BASE + 4, 4)).containsExactly(bytes(10, 11, 12, 13));

        m.st64le(BASE + 8, -1L);
        assertThat(m.cas64le(BASE + 8, -1L, 3L)).isEqualTo(-1L);
        assertThat(m.cas64be(BASE + 8, 3L, 4L)).as("3 in LE is not 3 in BE").isEqualTo(0x0300000000000000L);
        assertThat(m.cas64be(BASE + 8, 0x0300000000000000L, 4L)).isEqualTo(0x0300000000000000L);
        assertThat(m.ld64be(BASE + 8)).isEqualTo(4L);
    }

    @Test
    void casFaultsWhenMisalignedReadOnlyOrUnmapped() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RW);
        assertFault(() -> m.cas32le(BASE + 2, 0, 1), BASE + 2, Access.WRITE, Reason.ALIGNMENT);
        assertFault(() -> m.cas64be(BASE + 4, 0, 1), BASE + 4, Access.WRITE, Reason.ALIGNMENT);
        m.protect(BASE, 0x1000, Prot.READ);
        assertFault(() -> m.cas32le(BASE, 0, 1), BASE, Access.WRITE, Reason.PROTECTION);
        assertFault(() -> m.cas64le(BASE + 0x1000, 0, 1), BASE + 0x1000, Access.WRITE, Reason.UNMAPPED);
    }

    @Test
    void casIsAtomicAcrossThreads() throws Exception {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RW);
        int threads = 4;
        int perThread = 50_000;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int old;
                    do {
                        old = m.ld32le(BASE);
                    } while (m.cas32le(BASE, old, old + 1) != old);
                    long o64;
                    do {
                        o64 = m.ld64be(BASE + 8);
                    } while (m.cas64be(BASE + 8, o64, o64 + 1) != o64);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertThat(m.ld32le(BASE)).isEqualTo(threads * perThread);
        assertThat(m.ld64be(BASE + 8)).isEqualTo((long) threads * perThread);
    }

    @Test
    void fetchNeedsExecPermission() {
        AddressSpace m = new AddressSpace(32);
        m.map(BASE, 0x2000, Prot.RW);
        m.st32le(BASE + 0xFFE, 0xD503201F);
        assertFault(() -> m.fetch32le(BASE + 0xFFE), BASE + 0xFFE, Access.EXECUTE, Reason.PROTECTION);
        m.protect(BASE, 0x1000, Prot.RX);
        assertFault(() -> m.fetch32le(BASE + 0xFFE), BASE + 0x1000, Access.EXECUTE, Reason.PROTECTION);
        m.protect(BASE, 0x2000, Prot.RX);
        assertThat(m.fetch32le(BASE + 0xFFE)).isEqualTo(0xD503201F);
        assertThat(m.fetch32be(BASE + 0xFFE)).isEqualTo(0x1F2003D5);
        assertThat(m.fetch16le(BASE + 0xFFE)).isEqualTo(0x201F);
        assertThat(m.fetch16be(BASE + 0xFFE)).isEqualTo(0x1F20);
        assertThat(m.fetch8(BASE + 0x1001)).isEqualTo(0xD5);
        assertFault(() -> m.fetch8(BASE + 0x2000), BASE + 0x2000, Access.EXECUTE, Reason.UNMAPPED);
    }

    @Test
    void bulkCopiesCheckPermissionsAndFaultAtTheFirstBadByte() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x2000, Prot.RW);
        byte[] src = new byte[0x1800];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) i;
        }
        m.write(BASE + 0x400, src, 0, src.length);
        byte[] dst = new byte[src.length];
        m.read(BASE + 0x400, dst, 0, dst.length);
        assertThat(dst).isEqualTo(src);
        assertFault(() -> m.read(BASE + 0x1800, new byte[0x1000], 0, 0x1000), BASE + 0x2000, Access.READ,
                Reason.UNMAPPED);

        m.protect(BASE + 0x1000, 0x1000, Prot.READ);
        assertFault(() -> m.write(BASE + 0xF00, src, 0, 0x200), BASE + 0x1000, Access.WRITE, Reason.PROTECTION);
        m.protect(BASE, 0x1000, Prot.NONE);
        assertFault(() -> m.read(BASE + 0x10, dst, 0, 4), BASE + 0x10, Access.READ, Reason.PROTECTION);

        // Privileged access ignores permissions, not mappings.
        m.poke(BASE + 0xFFE, bytes(1, 2, 3, 4), 0, 4);
        assertThat(peek(m, BASE + 0xFFE, 4)).containsExactly(bytes(1, 2, 3, 4));
        assertFault(() -> m.poke(BASE + 0x1FFF, bytes(1, 2), 0, 2), BASE + 0x2000, Access.WRITE, Reason.UNMAPPED);
        assertThatThrownBy(() -> m.read(BASE, dst, dst.length - 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readCStringStopsAtNulOrMaxAndCrossesPages() {
        AddressSpace m = new AddressSpace(32);
        m.map(BASE, 0x1000, Prot.RW);
        m.map(BASE + 0x1000, 0x1000, Prot.READ);
        byte[] s = "hello, world".getBytes();
        m.write(BASE + 0xFFA, s, 0, 6);
        m.poke(BASE + 0x1000, s, 6, s.length - 6);
        assertThat(new String(m.readCString(BASE + 0xFFA, 100))).isEqualTo("hello, world");
        assertThat(new String(m.readCString(BASE + 0xFFA, 5))).isEqualTo("hello");
        assertThat(m.readCString(BASE + 0x20, 100)).isEmpty();
        m.protect(BASE + 0x1000, 0x1000, Prot.NONE);
        assertFault(() -> m.readCString(BASE + 0xFFA, 100), BASE + 0x1000, Access.READ, Reason.PROTECTION);
        byte[] big = new byte[5000];
        java.util.Arrays.fill(big, (byte) 'x');
        AddressSpace m2 = new AddressSpace(64);
        m2.map(BASE, 0x3000, Prot.RW);
        m2.write(BASE, big, 0, big.length);
        assertThat(m2.readCString(BASE, 10_000)).hasSize(5000);
    }

    @Test
    void eachAddressSpaceHasItsOwnTlb() {
        AddressSpace a = new AddressSpace(64);
        AddressSpace b = new AddressSpace(64);
        a.map(BASE, 0x1000, Prot.RW);
        b.map(BASE, 0x1000, Prot.RW);
        a.st32le(BASE, 1);
        b.st32le(BASE, 2);
        assertThat(a.ld32le(BASE)).isEqualTo(1);
        assertThat(b.ld32le(BASE)).isEqualTo(2);
    }

    @Test
    void tlbAliasesDoNotMixPages() {
        AddressSpace m = new AddressSpace(64);
        // 1024 pages apart: the same TLB slot.
        long a = 0x100000;
        long b = a + 1024L * 4096;
        m.map(a, 0x1000, Prot.RW);
        m.map(b, 0x1000, Prot.RW);
        for (int i = 0; i < 10; i++) {
            m.st64le(a, i);
            m.st64le(b, -i);
            assertThat(m.ld64le(a)).isEqualTo(i);
            assertThat(m.ld64le(b)).isEqualTo(-i);
        }
    }

    @Test
    void tlbPagesForGeneratedCodeAppearOnlyAfterAnAccessAndOnlyWhenSafe() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x2000, Prot.RW);
        assertThat(m.tlbReadPage(BASE, 4)).isNull();
        m.ld32le(BASE);
        byte[] page = m.tlbReadPage(BASE + 0x10, 8);
        assertThat(page).isNotNull().hasSize(AddressSpace.PAGE_SIZE);
        assertThat(m.tlbReadPage(BASE + 0xffc, 8)).as("would cross the page").isNull();
        assertThat(m.tlbWritePage(BASE, 4)).as("zero page: copy-on-write first").isNull();
        m.st32le(BASE, 0x01020304);
        byte[] w = m.tlbWritePage(BASE + 4, 4);
        assertThat(w).isNotNull();
        w[4] = 7;
        assertThat(m.ld8(BASE + 4)).isEqualTo(7);
        m.markCode(BASE, BASE + 4);
        assertThat(m.tlbWritePage(BASE, 4)).as("translated code").isNull();
        assertThat(m.tlbReadPage(BASE, 4)).as("reads are unaffected").isNotNull();
        m.protect(BASE, 0x1000, Prot.READ);
        assertThat(m.tlbReadPage(BASE, 4)).as("flushed by protect").isNull();
    }

    @Test
    void theFetchTlbForgetsPagesWhoseMappingPermissionOrDataChanged() {
        AddressSpace m = new AddressSpace(64);
        m.map(BASE, 0x1000, Prot.RWX);
        m.st32le(BASE, 0x11111111);
        assertThat(m.fetch32le(BASE)).isEqualTo(0x11111111);
        m.st32le(BASE, 0x22222222);
        assertThat(m.fetch32le(BASE)).as("same array: stores show").isEqualTo(0x22222222);

        AddressSpace child = m.fork();
        assertThat(m.fetch32le(BASE)).isEqualTo(0x22222222);
        m.st32le(BASE, 0x33333333);   // copy-on-write break: a new array for the parent
        assertThat(m.fetch32le(BASE)).isEqualTo(0x33333333);
        assertThat(child.fetch32le(BASE)).isEqualTo(0x22222222);
        m.poke(BASE, bytes(0x44), 0, 1);
        assertThat(m.fetch8(BASE)).isEqualTo(0x44);

        m.protect(BASE, 0x1000, Prot.RW);
        assertFault(() -> m.fetch32le(BASE), BASE, Access.EXECUTE, Reason.PROTECTION);
        m.protect(BASE, 0x1000, Prot.RX);
        assertThat(m.fetch16be(BASE)).isEqualTo(0x4433);
        m.unmap(BASE, 0x1000);
        assertFault(() -> m.fetch16le(BASE), BASE, Access.EXECUTE, Reason.UNMAPPED);
        m.map(BASE, 0x1000, Prot.RX);
        assertThat(m.fetch32be(BASE)).isZero();
    }
}

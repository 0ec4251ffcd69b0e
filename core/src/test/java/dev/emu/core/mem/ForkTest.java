package dev.emu.core.mem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForkTest {
    static final long AT = 0x40_0000;

    @Test
    void writesAfterForkAreInvisibleToTheOtherSideInBothDirections() {
        AddressSpace parent = new AddressSpace(64);
        parent.map(AT, 0x3000, Prot.RW);
        parent.st64le(AT, 1);
        parent.st64le(AT + 0x1000, 2);
        // Warm the parent's write TLB so that fork must flush it.
        parent.st64le(AT + 8, 3);
        AddressSpace child = parent.fork();

        assertThat(child.ld64le(AT)).isEqualTo(1);
        parent.st64le(AT, 10);      // would go through the stale write TLB if not flushed
        assertThat(child.ld64le(AT)).isEqualTo(1);
        assertThat(parent.ld64le(AT)).isEqualTo(10);

        child.st64le(AT + 0x1000, 20);
        assertThat(parent.ld64le(AT + 0x1000)).isEqualTo(2);
        assertThat(child.ld64le(AT + 0x1000)).isEqualTo(20);

        // A page neither had touched: both start from zero, each keeps its own writes.
        child.st32le(AT + 0x2000, 5);
        parent.st32le(AT + 0x2000, 6);
        assertThat(child.ld32le(AT + 0x2000)).isEqualTo(5);
        assertThat(parent.ld32le(AT + 0x2000)).isEqualTo(6);

        // Page-crossing, CAS and bulk writes break COW too.
        child.st64be(AT + 0xffc, -1L);
        assertThat(parent.ld64be(AT + 0xffc)).isNotEqualTo(-1L);
        child.st64le(AT + 0x1010, 20);
        AddressSpace grandchild = child.fork();
        assertThat(grandchild.cas64le(AT + 0x1010, 20, 30)).isEqualTo(20);
        assertThat(child.ld64le(AT + 0x1010)).isEqualTo(20);
        assertThat(grandchild.ld64le(AT + 0x1010)).isEqualTo(30);
        grandchild.write(AT + 0x2000, new byte[] {9}, 0, 1);
        assertThat(child.ld8(AT + 0x2000)).isEqualTo(5);
        assertThat(grandchild.ld8(AT + 0x2000)).isEqualTo(9);
    }

    @Test
    void sharedMappingsStaySharedAcrossForkEvenForUntouchedPages() {
        AddressSpace parent = new AddressSpace(32);
        long s = parent.mmap(0, 0x2000, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, null, 0);
        parent.st32le(s, 1);
        AddressSpace child = parent.fork();
        child.st32le(s, 2);
        assertThat(parent.ld32le(s)).isEqualTo(2);
        child.st32le(s + 0x1000, 3);   // touched by nobody before the fork
        assertThat(parent.ld32le(s + 0x1000)).isEqualTo(3);
        parent.st32le(s + 0x1004, 4);
        assertThat(child.ld32le(s + 0x1004)).isEqualTo(4);
        assertThat(parent.procMaps()).contains("rw-s");
    }

    @Test
    void childInheritsVmasBreakAndPlacementButUnmapsIndependently() {
        AddressSpace parent = new AddressSpace(64);
        parent.map(AT, 0x1000, Prot.READ);
        parent.setBrk(0x60_0000);
        parent.brk(0x60_2000);
        AddressSpace child = parent.fork();
        assertThat(child.procMaps()).isEqualTo(parent.procMaps());
        assertThat(child.currentBrk()).isEqualTo(0x60_2000);
        child.munmap(AT, 0x1000);
        assertThat(parent.isMapped(AT)).isTrue();
        assertThat(child.isMapped(AT)).isFalse();
        assertThat(child.mmap(0, 0x1000, Prot.RW, MapFlags.PRIVATE, null, 0))
                .isEqualTo(parent.mmap(0, 0x1000, Prot.RW, MapFlags.PRIVATE, null, 0));
    }

    @Test
    void readOnlyPagesPokedBeforeForkKeepTheirContents() {
        AddressSpace parent = new AddressSpace(64);
        parent.map(AT, 0x1000, Prot.RX);
        parent.poke(AT, new byte[] {1, 2, 3, 4}, 0, 4);
        AddressSpace child = parent.fork();
        assertThat(child.fetch32le(AT)).isEqualTo(0x04030201);
        parent.poke(AT, new byte[] {9}, 0, 1);
        assertThat(child.fetch8(AT)).isEqualTo(1);
    }
}

package dev.emu.core.mem;

import static dev.emu.core.mem.AddressSpaceTest.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.mem.GuestFault.Access;
import dev.emu.core.mem.GuestFault.Reason;
import org.junit.jupiter.api.Test;

class MappingsTest {
    static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    @Test
    void mmapPlacesTopDownBelowTheBaseAndHonoursFreeHints() {
        AddressSpace m = new AddressSpace(64);
        assertThat(m.mmapBase()).isEqualTo(0x7f00_0000_0000L);
        long a = m.mmap(0, 0x3000, Prot.RW, ANON, null, 0);
        assertThat(a).isEqualTo(0x7f00_0000_0000L - 0x3000);
        long b = m.mmap(0, 1, Prot.READ, ANON, null, 0);
        assertThat(b).as("next one just below, length rounded up").isEqualTo(a - 0x1000);
        long hinted = m.mmap(0x5000_0000L, 0x1000, Prot.RW, ANON, null, 0);
        assertThat(hinted).isEqualTo(0x5000_0000L);
        long unaligned = m.mmap(0x6000_0123L, 0x1000, Prot.RW, ANON, null, 0);
        assertThat(unaligned).isEqualTo(0x6000_1000L);
        long taken = m.mmap(0x5000_0000L, 0x1000, Prot.RW, ANON, null, 0);
        assertThat(taken).as("an occupied hint is only a hint").isEqualTo(b - 0x1000);
        m.munmap(a, 0x1000);
        assertThat(m.mmap(0, 0x1000, Prot.RW, ANON, null, 0)).as("reuses the highest hole that fits").isEqualTo(a);

        AddressSpace m32 = new AddressSpace(32);
        assertThat(m32.mmap(0, 0x10000, Prot.RW, ANON, null, 0)).isEqualTo(0xf700_0000L - 0x10000);
        m32.setMmapBase(0x4000_0000L);
        assertThat(m32.mmap(0, 0x1000, Prot.RW, ANON, null, 0)).isEqualTo(0x4000_0000L - 0x1000);
    }

    @Test
    void placementFallsBackAboveTheBaseAndFailsWithEnomemWhenFull() {
        AddressSpace m = new AddressSpace(32);
        m.setMmapBase(0x20000);
        m.setMmapMin(0x10000);
        assertThat(m.mmap(0, 0x10000, Prot.RW, ANON, null, 0)).isEqualTo(0x10000);
        assertThat(m.mmap(0, 0x1000, Prot.RW, ANON, null, 0)).isEqualTo(0xFFFF_F000L);
        assertThat(m.mmap(0, 0xFFFF_0000L, Prot.RW, ANON, null, 0)).isEqualTo(-Errno.ENOMEM);
    }

    @Test
    void fixedReplacesNoreplaceRefusesAndBadArgumentsGiveErrno() {
        AddressSpace m = new AddressSpace(64);
        long at = 0x40_0000;
        assertThat(m.mmap(at, 0x3000, Prot.RW, ANON | MapFlags.FIXED, null, 0)).isEqualTo(at);
        m.st32le(at + 0x1000, 99);
        assertThat(m.mmap(at + 0x1000, 0x1000, Prot.RW, ANON | MapFlags.FIXED_NOREPLACE, null, 0))
                .isEqualTo(-Errno.EEXIST);
        assertThat(m.ld32le(at + 0x1000)).isEqualTo(99);
        assertThat(m.mmap(at + 0x3000, 0x1000, Prot.READ, ANON | MapFlags.FIXED_NOREPLACE, null, 0))
                .isEqualTo(at + 0x3000);
        assertThat(m.mmap(at + 0x1000, 0x1000, Prot.READ, ANON | MapFlags.FIXED, null, 0)).isEqualTo(at + 0x1000);
        assertThat(m.ld32le(at + 0x1000)).isZero();
        assertThat(m.vmas()).extracting(Vma::start, Vma::end, Vma::prot).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at, at + 0x1000, Prot.RW),
                org.assertj.core.groups.Tuple.tuple(at + 0x1000, at + 0x2000, Prot.READ),
                org.assertj.core.groups.Tuple.tuple(at + 0x2000, at + 0x3000, Prot.RW),
                org.assertj.core.groups.Tuple.tuple(at + 0x3000, at + 0x4000, Prot.READ));

        assertThat(m.mmap(at + 1, 0x1000, Prot.RW, ANON | MapFlags.FIXED, null, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.mmap(0, 0, Prot.RW, ANON, null, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.mmap(0, 0x1000, Prot.RW, MapFlags.ANONYMOUS, null, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.mmap(0, 0x1000, Prot.RW, MapFlags.PRIVATE, Backing.ofBytes(new byte[10], "f"), 5))
                .isEqualTo(-Errno.EINVAL);
        assertThat(m.mmap((1L << 48) - 0x1000, 0x2000, Prot.RW, ANON | MapFlags.FIXED, null, 0))
                .isEqualTo(-Errno.ENOMEM);
        assertThat(m.mmap(0, -1L, Prot.RW, ANON, null, 0)).isEqualTo(-Errno.ENOMEM);
        assertThat(Errno.isError(m.mmap(0, 0x1000, Prot.RW, ANON, null, 0))).isFalse();
    }

    @Test
    void munmapSplitsAndMprotectNeedsEverythingMapped() {
        AddressSpace m = new AddressSpace(32);
        long at = 0x10_0000;
        m.map(at, 0x4000, Prot.RW);
        m.st8(at + 0x3000, 1);
        assertThat(m.munmap(at + 0x1000, 0x1000)).isZero();
        assertThat(m.vmas()).hasSize(2);
        assertThat(m.mprotect(at, 0x3000, Prot.READ)).isEqualTo(-Errno.ENOMEM);
        assertThat(m.mprotect(at + 0x2000, 0x2000, Prot.READ)).isZero();
        assertThat(m.ld8(at + 0x3000)).isEqualTo(1);
        assertThat(m.mprotect(at + 0x2000, 0x2000, Prot.RW)).isZero();
        assertThat(m.vmas()).as("equal neighbours merge back").hasSize(2);
        assertThat(m.munmap(at + 1, 0x1000)).isEqualTo(-Errno.EINVAL);
        assertThat(m.munmap(at, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(m.mprotect(at + 3, 0x1000, Prot.READ)).isEqualTo(-Errno.EINVAL);
        assertThat(m.munmap(0x7000_0000L, 0x1000)).as("unmapping nothing is fine").isZero();
    }

    @Test
    void mremapShrinksGrowsInPlaceMovesAndMovesToAFixedAddress() {
        AddressSpace m = new AddressSpace(64);
        long at = 0x100_0000;
        m.map(at, 0x2000, Prot.RW);
        m.st64le(at + 0x1ff8, 0x1234);
        assertThat(m.mremap(at, 0x2000, 0x4000, 0, 0)).as("grow in place").isEqualTo(at);
        assertThat(m.vmas()).singleElement().satisfies(v -> assertThat(v.end()).isEqualTo(at + 0x4000));
        assertThat(m.ld64le(at + 0x3ff8)).isZero();

        m.map(at + 0x4000, 0x1000, Prot.READ);
        assertThat(m.mremap(at, 0x4000, 0x8000, 0, 0)).as("blocked and may not move").isEqualTo(-Errno.ENOMEM);
        long moved = m.mremap(at, 0x4000, 0x8000, MapFlags.MREMAP_MAYMOVE, 0);
        assertThat(moved).isNotEqualTo(at).isPositive();
        assertThat(m.ld64le(moved + 0x1ff8)).as("data moves with the mapping").isEqualTo(0x1234);
        assertFault(() -> m.ld8(at), at, Access.READ, Reason.UNMAPPED);
        assertThat(m.ld8(moved + 0x7fff)).isZero();

        assertThat(m.mremap(moved, 0x8000, 0x1000, 0, 0)).as("shrink").isEqualTo(moved);
        assertFault(() -> m.ld8(moved + 0x1000), moved + 0x1000, Access.READ, Reason.UNMAPPED);

        long target = 0x200_0000;
        m.map(target, 0x1000, Prot.READ);
        assertThat(m.mremap(moved, 0x1000, 0x2000, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, target))
                .isEqualTo(target);
        assertThat(m.ld64le(target + 0xff8)).isZero();
        m.st64le(target + 0x1ff8, 5);
        assertThat(m.protAt(target)).as("the mapping replaced what was at the target").isEqualTo(Prot.RW);

        assertThat(m.mremap(target, 0x1000, 0x1000, MapFlags.MREMAP_FIXED, at)).isEqualTo(-Errno.EINVAL);
        assertThat(m.mremap(target, 0x2000, 0x2000, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, target + 0x1000))
                .as("overlapping ranges").isEqualTo(-Errno.EINVAL);
        assertThat(m.mremap(0x9000_0000L, 0x1000, 0x2000, MapFlags.MREMAP_MAYMOVE, 0)).isEqualTo(-Errno.EFAULT);
        assertThat(m.mremap(target, 0x3000, 0x4000, MapFlags.MREMAP_MAYMOVE, 0)).as("beyond the VMA")
                .isEqualTo(-Errno.EFAULT);
        assertThat(m.mremap(target, 0x1000, 0, MapFlags.MREMAP_MAYMOVE, 0)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void brkGrowsAndShrinksAHeapAndRefusesToRunIntoAMapping() {
        AddressSpace m = new AddressSpace(32);
        m.map(0x10000, 0x2000, Prot.RW);
        m.setBrk(0x12000 + 0x123);
        assertThat(m.brk(0)).as("a query returns the break").isEqualTo(0x12123);
        assertThat(m.brk(0x12500)).as("inside the same page: no mapping").isEqualTo(0x12500);
        assertThat(m.isMapped(0x13000)).isFalse();
        assertThat(m.brk(0x15000)).isEqualTo(0x15000);
        m.st32le(0x14ffc, 7);
        assertThat(m.findVma(0x13000).name()).isEqualTo("[heap]");
        assertThat(m.findVma(0x13000).start()).isEqualTo(0x13000);
        assertThat(m.brk(0x14000)).isEqualTo(0x14000);
        assertFault(() -> m.ld32le(0x14ffc), 0x14ffc, Access.READ, Reason.UNMAPPED);
        assertThat(m.brk(0x10000)).as("below the start").isEqualTo(0x14000);
        m.map(0x20000, 0x1000, Prot.READ);
        assertThat(m.brk(0x20000)).as("would touch a mapping").isEqualTo(0x14000);
        assertThat(m.brk(0x1f001)).as("needs a guard page before it").isEqualTo(0x14000);
        assertThat(m.brk(0x1f000)).as("leaving exactly the guard page").isEqualTo(0x1f000);
        assertThat(m.brk(0x1e000)).isEqualTo(0x1e000);
        assertThat(m.ld32le(0x14ffc)).as("regrown heap is zero").isZero();
        assertThat(m.currentBrk()).isEqualTo(0x1e000);
        assertThat(m.vmas()).filteredOn(v -> "[heap]".equals(v.name())).singleElement()
                .satisfies(v -> assertThat(v.end()).isEqualTo(0x1e000));
    }

    @Test
    void privateFileMappingsCopySharedOnesShareAndPagesBeyondEofFault() {
        byte[] file = new byte[0x1800];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i >> 4);
        }
        Backing b = Backing.ofBytes(file, "/lib/libc.so.6");
        AddressSpace m = new AddressSpace(64);
        long p = m.mmap(0, 0x3000, Prot.RW, MapFlags.PRIVATE, b, 0x1000);
        assertThat(m.ld8(p + 0x10)).isEqualTo(0x01);
        assertThat(m.ld8(p + 0x7ff)).isEqualTo(0x7f);
        assertThat(m.ld8(p + 0x800)).as("past EOF within the last page reads zero").isZero();
        assertFault(() -> m.ld8(p + 0x1000), p + 0x1000, Access.READ, Reason.BEYOND_FILE);
        assertFault(() -> m.st8(p + 0x2000, 1), p + 0x2000, Access.WRITE, Reason.BEYOND_FILE);
        m.st8(p + 0x10, 0xEE);
        assertThat(file[0x1010]).as("a private mapping writes its own copy").isEqualTo((byte) 0x01);

        long s1 = m.mmap(0, 0x1000, Prot.RW, MapFlags.SHARED, b, 0);
        long s2 = m.mmap(0, 0x1000, Prot.READ, MapFlags.SHARED, b, 0);
        m.st8(s1 + 0x20, 0x77);
        assertThat(m.ld8(s2 + 0x20)).as("two shared mappings of one file see each other").isEqualTo(0x77);

        m.mprotect(p, 0x3000, Prot.NONE);
        assertFault(() -> m.ld8(p + 0x2000), p + 0x2000, Access.READ, Reason.PROTECTION);
    }

    @Test
    void procMapsMatchesLinuxFormat() {
        AddressSpace m = new AddressSpace(64);
        Backing exe = new Backing() {
            public long length() {
                return 0x10000;
            }

            public int read(long offset, byte[] dst, int off, int len) {
                return len;
            }

            public String path() {
                return "/usr/bin/busybox";
            }

            public int deviceMajor() {
                return 8;
            }

            public int deviceMinor() {
                return 1;
            }

            public long inode() {
                return 1234567;
            }
        };
        m.mmap(0x400000, 0x2000, Prot.RX, MapFlags.PRIVATE | MapFlags.FIXED, exe, 0);
        m.mmap(0x402000, 0x1000, Prot.READ, MapFlags.PRIVATE | MapFlags.FIXED, exe, 0x2000);
        m.mmap(0x7ffffffde000L, 0x21000, Prot.RW, MapFlags.PRIVATE | MapFlags.FIXED, null, 0);
        m.setName(0x7ffffffde000L, 0x21000, "[stack]");
        m.mmap(0x7f0000000000L, 0x1000, Prot.RW, MapFlags.SHARED | MapFlags.FIXED, exe, 0x3000);
        m.mmap(0x7f0000001000L, 0x1000, Prot.NONE, MapFlags.PRIVATE | MapFlags.FIXED, null, 0);
        m.setBrk(0x500000);
        m.brk(0x521000);
        assertThat(m.procMaps()).isEqualTo(""
                + "00400000-00403000 r-xp 00000000 08:01 1234567                            /usr/bin/busybox\n"
                        .replace("00403000 r-xp", "00402000 r-xp")
                + "00402000-00403000 r--p 00002000 08:01 1234567                            /usr/bin/busybox\n"
                + "00500000-00521000 rw-p 00000000 00:00 0                                  [heap]\n"
                + "7f0000000000-7f0000001000 rw-s 00003000 08:01 1234567                    /usr/bin/busybox\n"
                + "7f0000001000-7f0000002000 ---p 00000000 00:00 0 \n"
                + "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n");
        for (String line : m.procMaps().split("\n")) {
            if (line.contains("/") || line.contains("[")) {
                assertThat(line.indexOf(line.contains("/") ? '/' : '[')).as(line).isEqualTo(73);
            }
        }
    }

    @Test
    void fileReadsHappenWithoutTheLockSoABackingMayWaitForAnotherMappingCall() {
        AddressSpace m = new AddressSpace(64);
        Backing slow = new Backing() {
            public long length() {
                return 0x1000;
            }

            public int read(long offset, byte[] dst, int off, int len) {
                // A file system that waits for a thread which is itself mapping memory.
                Thread other = new Thread(() -> m.mmap(0, 0x1000, Prot.RW, ANON, null, 0));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                dst[off] = 42;
                return len;
            }
        };
        long at = m.mmap(0, 0x1000, Prot.READ, MapFlags.PRIVATE, slow, 0);
        int v = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> m.ld8(at));
        assertThat(v).isEqualTo(42);
        assertThat(m.vmas()).hasSize(2);
    }

    @Test
    void thirtyTwoBitSpacesPlaceAndFixWithinFourGigabytes() {
        AddressSpace m = new AddressSpace(32);
        assertThat(m.mmap(0xFFFF_F000L, 0x1000, Prot.RW, ANON | MapFlags.FIXED, null, 0)).isEqualTo(0xFFFF_F000L);
        assertThat(m.mmap(0xFFFF_F000L, 0x2000, Prot.RW, ANON | MapFlags.FIXED, null, 0)).isEqualTo(-Errno.ENOMEM);
        assertThat(m.mmap(0x1_0000_0000L, 0x1000, Prot.RW, ANON | MapFlags.FIXED, null, 0)).isEqualTo(-Errno.ENOMEM);
        assertThat(m.mmap(0x1_0000_0000L, 0x1000, Prot.RW, ANON, null, 0)).as("a hint out of range is ignored")
                .isEqualTo(0xf700_0000L - 0x1000);
        assertThat(m.mremap(0xFFFF_F000L, 0x1000, 0x2000, 0, 0)).as("cannot grow past 4 GiB").isEqualTo(-Errno.ENOMEM);
        assertThat(m.munmap(0xFFFF_F000L, 0x2000)).isEqualTo(-Errno.EINVAL);
        assertThat(m.procMaps()).startsWith("f6fff000-f7000000 rw-p 00000000 00:00 0 \nfffff000-100000000 rw-p");
    }

    @Test
    void namesSplitVmasAndNeedMappedRanges() {
        AddressSpace m = new AddressSpace(64);
        m.map(0x10000, 0x3000, Prot.RW);
        assertThat(m.setName(0x11000, 0x1000, "[anon:jit]")).isZero();
        assertThat(m.vmas()).extracting(Vma::name).containsExactly(null, "[anon:jit]", null);
        assertThat(m.setName(0x11000, 0x1000, null)).isZero();
        assertThat(m.vmas()).as("merged back").hasSize(1);
        assertThat(m.setName(0x12000, 0x2000, "x")).isEqualTo(-Errno.ENOMEM);
        assertThat(m.setName(0x12001, 0x1000, "x")).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void sharedMappingsKeepSharingWhenRemappedAndGrowBeyondEofFaults() {
        byte[] file = new byte[0x1000];
        file[5] = 55;
        Backing b = Backing.ofBytes(file, "/tmp/shm");
        AddressSpace m = new AddressSpace(64);
        long a = m.mmap(0, 0x1000, Prot.RW, MapFlags.SHARED, b, 0);
        long other = m.mmap(0, 0x1000, Prot.READ, MapFlags.SHARED, b, 0);
        m.st8(a + 6, 66);
        long moved = m.mremap(a, 0x1000, 0x2000, MapFlags.MREMAP_MAYMOVE, 0);
        assertThat(moved).isPositive();
        assertThat(m.ld8(moved + 5)).isEqualTo(55);
        m.st8(moved + 7, 77);
        assertThat(m.ld8(other + 7)).isEqualTo(77);
        assertThat(m.ld8(other + 6)).isEqualTo(66);
        assertFault(() -> m.ld8(moved + 0x1000), moved + 0x1000, Access.READ, Reason.BEYOND_FILE);

        long anon = m.mmap(0, 0x1000, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, null, 0);
        m.st8(anon, 1);
        AddressSpace child = m.fork();
        long grown = m.mremap(anon, 0x1000, 0x3000, MapFlags.MREMAP_MAYMOVE, 0);
        m.st8(grown + 0x2000, 9);
        assertThat(child.ld8(anon)).isEqualTo(1);
        child.st8(anon, 2);
        assertThat(m.ld8(grown)).as("still the same shared object after mremap").isEqualTo(2);
    }
}

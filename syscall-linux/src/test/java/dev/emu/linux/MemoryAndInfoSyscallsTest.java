package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.mem.GuestFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryAndInfoSyscallsTest {
    static final int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_SHARED = 1, MAP_ANON = 0x20, MAP_FIXED = 0x10;

    @TempDir
    Path dir;

    @Test
    void anonymousMmapMunmapMprotect() {
        Harness h = new Harness();
        long a = h.call("mmap", 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
        assertThat(Errno.isError(a)).isFalse();
        assertThat(a & 4095).isZero();
        h.mem.st64le(a, 0x1122334455667788L);
        assertThat(h.mem.ld64le(a)).isEqualTo(0x1122334455667788L);
        assertThat(h.call("mprotect", a, 4096, PROT_READ)).isZero();
        assertThatThrownBy(() -> h.mem.st8(a, 1)).isInstanceOf(GuestFault.class);
        assertThat(h.call("munmap", a, 8192)).isZero();
        assertThatThrownBy(() -> h.mem.ld8(a)).isInstanceOf(GuestFault.class);
        assertThat(h.call("mmap", 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(h.call("mmap", 0, 4096, PROT_READ, MAP_ANON, -1, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(h.call("mmap", 0, 4096, PROT_READ, MAP_PRIVATE, 77, 0)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void fileMmapReadsTheFile() throws Exception {
        Files.writeString(dir.resolve("m"), "mapped contents");
        Harness h = new Harness();
        long fd = h.call("openat", -100, h.str(dir.resolve("m").toString()), 0);
        long a = h.call("mmap", 0, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
        assertThat(Errno.isError(a)).isFalse();
        assertThat(h.cstr(a)).isEqualTo("mapped contents");
        assertThat(h.mem.procMaps()).contains(dir.resolve("m").toString());
    }

    @Test
    void brkGrowsAndShrinks() {
        Harness h = new Harness();
        long start = h.call("brk", 0);
        assertThat(start).isEqualTo(0x400000);
        assertThat(h.call("brk", start + 0x3000)).isEqualTo(start + 0x3000);
        h.mem.st32le(start + 0x2ff0, 7);
        assertThat(h.call("brk", start + 0x1000)).isEqualTo(start + 0x1000);
        assertThatThrownBy(() -> h.mem.ld8(start + 0x2ff0)).isInstanceOf(GuestFault.class);
        assertThat(h.call("brk", start - 0x1000)).isEqualTo(start + 0x1000);
    }

    @Test
    void unameReportsTheGuestMachine() {
        Harness h = new Harness();
        long buf = h.alloc(390);
        assertThat(h.call("uname", buf)).isZero();
        assertThat(h.cstr(buf)).isEqualTo("Linux");
        assertThat(h.cstr(buf + 260)).isEqualTo("aarch64");
        assertThat(h.cstr(buf + 130)).isNotEmpty();
    }

    @Test
    void clocksAndSleep() {
        Harness h = new Harness();
        long ts = h.alloc(16);
        assertThat(h.call("clock_gettime", 0, ts)).isZero();
        long sec = h.u64(ts);
        assertThat(sec).isBetween(System.currentTimeMillis() / 1000 - 5, System.currentTimeMillis() / 1000 + 5);
        assertThat(h.u64(ts + 8)).isBetween(0L, 999_999_999L);
        assertThat(h.call("clock_gettime", 1, ts)).isZero();
        long m1 = h.u64(ts) * 1_000_000_000L + h.u64(ts + 8);
        long req = h.alloc(16);
        h.mem.st64le(req, 0);
        h.mem.st64le(req + 8, 20_000_000);
        assertThat(h.call("nanosleep", req, 0)).isZero();
        assertThat(h.call("clock_gettime", 1, ts)).isZero();
        long m2 = h.u64(ts) * 1_000_000_000L + h.u64(ts + 8);
        assertThat(m2 - m1).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(h.call("clock_gettime", 99, ts)).isEqualTo(-Errno.EINVAL);
        assertThat(h.call("clock_getres", 1, ts)).isZero();
        assertThat(h.u64(ts + 8)).isEqualTo(1);
        assertThat(h.call("gettimeofday", ts, 0)).isZero();
        assertThat(h.u64(ts + 8)).isBetween(0L, 999_999L);
    }

    @Test
    void identityLimitsAndRandom() {
        Harness h = new Harness();
        assertThat(h.call("getpid")).isEqualTo(h.proc.pid());
        assertThat(h.call("gettid")).isEqualTo(h.proc.pid());
        assertThat(h.call("set_tid_address", 0x1234)).isEqualTo(h.proc.pid());
        long rl = h.alloc(16);
        assertThat(h.call("prlimit64", 0, 3, 0, rl)).isZero(); // RLIMIT_STACK
        assertThat(h.u64(rl)).isEqualTo(8L << 20);
        assertThat(h.call("getrlimit", 7, rl)).isZero();
        assertThat(h.u64(rl)).isEqualTo(1024);
        long buf = h.alloc(64);
        assertThat(h.call("getrandom", buf, 64, 0)).isEqualTo(64);
        assertThat(h.call("sched_getaffinity", 0, 128, buf)).isGreaterThanOrEqualTo(8);
        assertThat(h.read(buf, 1)[0] & 1).isEqualTo(1);
        assertThat(h.call("umask", 077)).isEqualTo(022);
        assertThat(h.call("umask", 022)).isEqualTo(077);
        long si = h.alloc(112);
        assertThat(h.call("sysinfo", si)).isZero();
        assertThat(h.u64(si + 32)).isGreaterThan(0); // totalram
        assertThat(h.u32(si + 104)).isEqualTo(1);    // mem_unit
    }

    @Test
    void signalStateIsRecorded() {
        Harness h = new Harness();
        long act = h.alloc(32);
        h.mem.st64le(act, 0x4000);           // handler
        h.mem.st64le(act + 8, 0x04000000);   // SA_RESTORER
        h.mem.st64le(act + 24, 1L << 9);
        long old = h.alloc(32);
        assertThat(h.call("rt_sigaction", 10, act, 0, 8)).isZero();
        assertThat(h.call("rt_sigaction", 10, 0, old, 8)).isZero();
        assertThat(h.u64(old)).isEqualTo(0x4000);
        assertThat(h.u64(old + 24)).isEqualTo(1L << 9);
        assertThat(h.call("rt_sigaction", 9, act, 0, 8)).isEqualTo(-Errno.EINVAL);
        long set = h.alloc(8);
        h.mem.st64le(set, 0b1010);
        long oldset = h.alloc(8);
        assertThat(h.call("rt_sigprocmask", 0, set, 0, 8)).isZero();
        assertThat(h.call("rt_sigprocmask", 2, 0, oldset, 8)).isZero();
        assertThat(h.u64(oldset)).isEqualTo(0b1010);
    }

    @Test
    void exitGroupEndsTheProcess() {
        Harness h = new Harness();
        h.call("exit_group", 3);
        assertThat(h.proc.exitStatus).isEqualTo(3);
    }

    @Test
    void unknownSyscallIsEnosysReportedOnce() {
        Harness h = new Harness();
        assertThat(h.callNr(0)).isEqualTo(-Errno.ENOSYS);
        assertThat(h.callNr(0)).isEqualTo(-Errno.ENOSYS);
        assertThat(h.callNr(9999)).isEqualTo(-Errno.ENOSYS);
        String d = h.diagnostics();
        assertThat(d).contains("emu: unsupported syscall 0 (io_setup), returning ENOSYS");
        assertThat(d.split("syscall 0 ", -1)).hasSize(2);
        assertThat(d).contains("unsupported syscall 9999 (unknown)");
    }

    @Test
    void procSelfFiles() {
        Harness h = new Harness();
        long buf = h.alloc(4096);
        long n = h.call("readlinkat", -100, h.str("/proc/self/exe"), buf, 4096);
        assertThat(new String(h.read(buf, (int) n), StandardCharsets.UTF_8)).isEqualTo("/bin/test-exe");
        long fd = h.call("openat", -100, h.str("/proc/self/maps"), 0);
        assertThat(fd).isEqualTo(3);
        n = h.call("read", fd, buf, 4096);
        String maps = new String(h.read(buf, (int) n), StandardCharsets.UTF_8);
        assertThat(maps).startsWith("00010000-00020000 rw-p");
        fd = h.call("openat", -100, h.str("/proc/self/cmdline"), 0);
        n = h.call("read", fd, buf, 4096);
        assertThat(new String(h.read(buf, (int) n), StandardCharsets.UTF_8)).isEqualTo("test-exe\0arg1\0");
        n = h.call("readlinkat", -100, h.str("/proc/self/fd/1"), buf, 4096);
        assertThat(n).isGreaterThan(0);
        fd = h.call("openat", -100, h.str("/proc/cpuinfo"), 0);
        n = h.call("read", fd, buf, 4096);
        assertThat(new String(h.read(buf, (int) n), StandardCharsets.UTF_8)).contains("Features\t: fp asimd crc32 atomics cpuid");
        long st = h.alloc(128);
        assertThat(h.call("newfstatat", -100, h.str("/proc/self/fd"), st, 0)).isZero();
        assertThat(h.u32(st + 16) & 0170000).isEqualTo(040000);
    }
}

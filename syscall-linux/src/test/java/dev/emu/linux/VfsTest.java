package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.linux.fs.Vfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

class VfsTest {
    @TempDir
    Path dir;

    @Test
    void normalisesLexically() {
        assertThat(Vfs.normalize("/a//b/./c/../d/")).isEqualTo("/a/b/d");
        assertThat(Vfs.normalize("/../..")).isEqualTo("/");
        assertThat(Vfs.normalize("/")).isEqualTo("/");
    }

    @Test
    void guestRootIsSearchedFirstThenTheHost() throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "guest\n");
        Harness h = new Harness(root, "", false);
        long buf = h.alloc(64);
        long fd = h.call("openat", -100, h.str("/etc/hostname"), 0);
        assertThat(h.call("read", fd, buf, 64)).isEqualTo(6);
        assertThat(new String(h.read(buf, 6), StandardCharsets.US_ASCII)).isEqualTo("guest\n");
        // not in the root: the host's file
        Path hostFile = dir.resolve("only-on-host");
        Files.writeString(hostFile, "h");
        assertThat(h.call("openat", -100, h.str(hostFile.toString()), 0)).isGreaterThan(0);
        // a new file in an existing root directory is created in the root
        long nf = h.call("openat", -100, h.str("/etc/new"), 0101, 0644);
        assertThat(nf).isGreaterThan(0);
        assertThat(Files.exists(root.resolve("etc/new"))).isTrue();
        assertThat(h.kernel.vfs().guestPathOfHost(root.resolve("etc"))).isEqualTo("/etc");
    }

    @Test
    void statxUtimensatSendfileReadvAndFlags() throws Exception {
        Files.writeString(dir.resolve("src"), "0123456789");
        Harness h = new Harness();
        h.setCwd(dir);
        long sx = h.alloc(256);
        assertThat(h.call("statx", -100, h.str("src"), 0, 0x7ff, sx)).isZero();
        assertThat(h.u32(sx) & 0x7ff).isEqualTo(0x7ff);
        assertThat(h.u64(sx + 40)).isEqualTo(10);               // stx_size
        assertThat(h.u16(sx + 28) & 0170000).isEqualTo(0100000);  // stx_mode

        long times = h.alloc(32);
        h.mem.st64le(times, 1_000_000);
        h.mem.st64le(times + 8, 0);
        h.mem.st64le(times + 16, 2_000_000);
        h.mem.st64le(times + 24, 500);
        assertThat(h.call("utimensat", -100, h.str("src"), times, 0)).isZero();
        assertThat(Files.getLastModifiedTime(dir.resolve("src")).toMillis()).isEqualTo(2_000_000_000L);
        h.mem.st64le(times + 8, (1L << 30) - 2); // atime UTIME_OMIT
        h.mem.st64le(times + 24, (1L << 30) - 1); // mtime UTIME_NOW
        assertThat(h.call("utimensat", -100, h.str("src"), times, 0)).isZero();
        assertThat(Files.getLastModifiedTime(dir.resolve("src")).compareTo(FileTime.fromMillis(2_000_000_000L)))
                .isPositive();

        long in = h.call("openat", -100, h.str("src"), 0);
        long out = h.call("openat", -100, h.str("dst"), 01101, 0644); // O_WRONLY|O_CREAT|O_TRUNC
        long off = h.alloc(8);
        h.mem.st64le(off, 2);
        assertThat(h.call("sendfile", out, in, off, 100)).isEqualTo(8);
        assertThat(h.u64(off)).isEqualTo(10);
        assertThat(Files.readString(dir.resolve("dst"))).isEqualTo("23456789");

        long iov = h.alloc(32);
        long b1 = h.alloc(4);
        long b2 = h.alloc(8);
        h.mem.st64le(iov, b1);
        h.mem.st64le(iov + 8, 4);
        h.mem.st64le(iov + 16, b2);
        h.mem.st64le(iov + 24, 8);
        assertThat(h.call("readv", in, iov, 2)).isEqualTo(10);
        assertThat(new String(h.read(b1, 4), StandardCharsets.US_ASCII)).isEqualTo("0123");
        assertThat(new String(h.read(b2, 6), StandardCharsets.US_ASCII)).isEqualTo("456789");

        // F_GETFL answers in the guest's (arm64) values; O_LARGEFILE is 0400000 there
        long dfd = h.call("openat", -100, h.str("."), 040000); // O_DIRECTORY (arm64)
        assertThat(h.call("fcntl", dfd, 3) & 0400000).isEqualTo(0400000);
        assertThat(h.call("fcntl", out, 4, 02000)).isZero(); // F_SETFL O_APPEND
        assertThat(h.call("fcntl", out, 3) & 02003).isEqualTo(02001);
        // the fd directory lists what is open
        long fdDir = h.call("openat", -100, h.str("/proc/self/fd"), 040000);
        long buf = h.alloc(2048);
        long n = h.call("getdents64", fdDir, buf, 2048);
        StringBuilder names = new StringBuilder();
        for (long o = 0; o < n; o += h.u16(buf + o + 16)) {
            names.append(h.cstr(buf + o + 19)).append(' ');
        }
        assertThat(names.toString()).contains(" 0 1 2 3 4 5 ");
        // openat relative to a directory fd
        assertThat(h.call("openat", dfd, h.str("src"), 0)).isGreaterThan(0);
    }
}

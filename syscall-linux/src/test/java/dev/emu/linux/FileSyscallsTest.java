package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class FileSyscallsTest {
    static final long AT_FDCWD = -100;
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_APPEND = 02000, O_DIRECTORY_ARM64 = 040000, O_CLOEXEC = 02000000;

    @TempDir
    Path dir;

    @Test
    void writeToStdoutGoesToTheHostStream() {
        Harness h = new Harness();
        long buf = h.str("hello\n");
        assertThat(h.call("write", 1, buf, 6)).isEqualTo(6);
        assertThat(h.stdout()).isEqualTo("hello\n");
    }

    @Test
    void createWriteSeekReadAndStat() throws Exception {
        Harness h = new Harness();
        h.setCwd(dir);
        long fd = h.call("openat", AT_FDCWD, h.str("f.txt"), O_RDWR | O_CREAT | O_EXCL, 0644);
        assertThat(fd).isEqualTo(3);
        long data = h.str("abcdef");
        assertThat(h.call("write", fd, data, 6)).isEqualTo(6);
        assertThat(h.call("lseek", fd, 2, 0)).isEqualTo(2);
        long buf = h.alloc(16);
        assertThat(h.call("read", fd, buf, 16)).isEqualTo(4);
        assertThat(new String(h.read(buf, 4), StandardCharsets.US_ASCII)).isEqualTo("cdef");
        assertThat(h.call("pread64", fd, buf, 3, 1)).isEqualTo(3);
        assertThat(new String(h.read(buf, 3), StandardCharsets.US_ASCII)).isEqualTo("bcd");

        long st = h.alloc(128);
        assertThat(h.call("fstat", fd, st)).isZero();
        assertThat(h.u32(st + 16) & 0170000).isEqualTo(0100000); // S_IFREG
        assertThat(h.u64(st + 48)).isEqualTo(6);                 // st_size
        assertThat(h.u32(st + 56)).isEqualTo(4096);              // st_blksize
        assertThat(h.call("close", fd)).isZero();
        assertThat(h.call("close", fd)).isEqualTo(-Errno.EBADF);
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("abcdef");

        // O_EXCL on an existing file, and a missing file
        assertThat(h.call("openat", AT_FDCWD, h.str("f.txt"), O_RDWR | O_CREAT | O_EXCL, 0644)).isEqualTo(-Errno.EEXIST);
        assertThat(h.call("openat", AT_FDCWD, h.str("missing"), O_RDONLY)).isEqualTo(-Errno.ENOENT);
        long st2 = h.alloc(128);
        assertThat(h.call("newfstatat", AT_FDCWD, h.str("f.txt"), st2, 0)).isZero();
        assertThat(h.u64(st2 + 8)).isEqualTo(h.u64(st + 8)); // same inode
    }

    @Test
    void appendTruncateAndWritev() throws Exception {
        Harness h = new Harness();
        h.setCwd(dir);
        Files.writeString(dir.resolve("a"), "xyz");
        long fd = h.call("openat", AT_FDCWD, h.str("a"), O_WRONLY | O_APPEND);
        long iov = h.alloc(32);
        long p1 = h.str("12");
        long p2 = h.str("345");
        byte[] v = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(p1).putLong(2).putLong(p2).putLong(3).array();
        h.mem.poke(iov, v, 0, 32);
        assertThat(h.call("writev", fd, iov, 2)).isEqualTo(5);
        assertThat(Files.readString(dir.resolve("a"))).isEqualTo("xyz12345");
        assertThat(h.call("ftruncate", fd, 4)).isZero();
        assertThat(Files.readString(dir.resolve("a"))).isEqualTo("xyz1");
        long fd2 = h.call("openat", AT_FDCWD, h.str("a"), O_WRONLY | O_TRUNC);
        assertThat(fd2).isEqualTo(4);
        assertThat(Files.size(dir.resolve("a"))).isZero();
    }

    @Test
    void getdents64ListsTheDirectory() throws Exception {
        Files.writeString(dir.resolve("one"), "1");
        Files.createDirectory(dir.resolve("two"));
        Harness h = new Harness();
        long fd = h.call("openat", AT_FDCWD, h.str(dir.toString()), O_RDONLY | O_DIRECTORY_ARM64 | O_CLOEXEC);
        assertThat(fd).isGreaterThanOrEqualTo(3);
        List<String> names = new ArrayList<>();
        long buf = h.alloc(4096);
        while (true) {
            long n = h.call("getdents64", fd, buf, 4096);
            assertThat(n).isGreaterThanOrEqualTo(0);
            if (n == 0) {
                break;
            }
            for (long off = 0; off < n; ) {
                int reclen = h.u16(buf + off + 16);
                int type = h.read(buf + off + 18, 1)[0];
                String name = h.cstr(buf + off + 19);
                names.add(name + ":" + type);
                assertThat(reclen % 8).isZero();
                off += reclen;
            }
        }
        assertThat(names).containsExactlyInAnyOrder(".:4", "..:4", "one:8", "two:4");
        // reading a directory is EISDIR; getdents on a file ENOTDIR
        assertThat(h.call("read", fd, buf, 10)).isEqualTo(-Errno.EISDIR);
        long f = h.call("openat", AT_FDCWD, h.str(dir.resolve("one").toString()), O_RDONLY);
        assertThat(h.call("getdents64", f, buf, 4096)).isEqualTo(-Errno.ENOTDIR);
    }

    @Test
    void pathOperations() throws Exception {
        Harness h = new Harness();
        h.setCwd(dir);
        assertThat(h.call("mkdirat", AT_FDCWD, h.str("d"), 0755)).isZero();
        assertThat(Files.isDirectory(dir.resolve("d"))).isTrue();
        assertThat(h.call("mkdirat", AT_FDCWD, h.str("d"), 0755)).isEqualTo(-Errno.EEXIST);
        Files.writeString(dir.resolve("d/x"), "x");
        assertThat(h.call("unlinkat", AT_FDCWD, h.str("d"), 0x200)).isEqualTo(-Errno.ENOTEMPTY);
        assertThat(h.call("unlinkat", AT_FDCWD, h.str("d"), 0)).isEqualTo(-Errno.EISDIR);
        assertThat(h.call("renameat", AT_FDCWD, h.str("d/x"), AT_FDCWD, h.str("y"))).isZero();
        assertThat(Files.readString(dir.resolve("y"))).isEqualTo("x");
        assertThat(h.call("unlinkat", AT_FDCWD, h.str("d"), 0x200)).isZero();
        assertThat(h.call("symlinkat", h.str("y"), AT_FDCWD, h.str("link"))).isZero();
        long buf = h.alloc(64);
        assertThat(h.call("readlinkat", AT_FDCWD, h.str("link"), buf, 64)).isEqualTo(1);
        assertThat(h.read(buf, 1)[0]).isEqualTo((byte) 'y');
        assertThat(h.call("readlinkat", AT_FDCWD, h.str("y"), buf, 64)).isEqualTo(-Errno.EINVAL);
        assertThat(h.call("faccessat", AT_FDCWD, h.str("y"), 4)).isZero();
        assertThat(h.call("faccessat", AT_FDCWD, h.str("nope"), 0)).isEqualTo(-Errno.ENOENT);
        assertThat(h.call("linkat", AT_FDCWD, h.str("y"), AT_FDCWD, h.str("hard"), 0)).isZero();
        assertThat(Files.readString(dir.resolve("hard"))).isEqualTo("x");
        assertThat(h.call("fchmodat", AT_FDCWD, h.str("y"), 0600)).isZero();
        long st = h.alloc(128);
        assertThat(h.call("newfstatat", AT_FDCWD, h.str("y"), st, 0)).isZero();
        assertThat(h.u32(st + 16) & 07777).isEqualTo(0600);
        assertThat(h.u32(st + 20)).isEqualTo(2); // nlink after linkat
        assertThat(h.call("newfstatat", AT_FDCWD, h.str("link"), st, 0x100)).isZero();
        assertThat(h.u32(st + 16) & 0170000).isEqualTo(0120000); // lstat sees the link
    }

    @Test
    void getcwdChdirAndDup() throws Exception {
        Harness h = new Harness();
        h.setCwd(dir);
        Files.createDirectory(dir.resolve("sub"));
        assertThat(h.call("chdir", h.str("sub"))).isZero();
        long buf = h.alloc(4096);
        long n = h.call("getcwd", buf, 4096);
        assertThat(h.cstr(buf)).isEqualTo(dir.resolve("sub").toString());
        assertThat(n).isEqualTo(dir.resolve("sub").toString().length() + 1);
        assertThat(h.call("getcwd", buf, 2)).isEqualTo(-Errno.ERANGE);
        assertThat(h.call("chdir", h.str("nonexistent"))).isEqualTo(-Errno.ENOENT);

        assertThat(h.call("dup", 1)).isEqualTo(3);
        assertThat(h.call("dup3", 1, 10, O_CLOEXEC)).isEqualTo(10);
        assertThat(h.call("fcntl", 10, 1)).isEqualTo(1);   // F_GETFD: FD_CLOEXEC
        assertThat(h.call("fcntl", 1, 1030, 20)).isEqualTo(20); // F_DUPFD_CLOEXEC
        long msg = h.str("via dup\n");
        assertThat(h.call("write", 10, msg, 8)).isEqualTo(8);
        assertThat(h.stdout()).isEqualTo("via dup\n");
        assertThat(h.call("dup3", 1, 1, 0)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void ioctlOnANonTerminalIsEnotty() {
        Harness h = new Harness();
        long buf = h.alloc(64);
        assertThat(h.call("ioctl", 1, 0x5401, buf)).isEqualTo(-Errno.ENOTTY);  // TCGETS
        assertThat(h.call("ioctl", 1, 0x5413, buf)).isEqualTo(-Errno.ENOTTY);  // TIOCGWINSZ
        assertThat(h.call("ioctl", 1, 0x5451, 0)).isZero();                     // FIOCLEX
        assertThat(h.call("ioctl", 99, 0x5401, buf)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void devicesAndStdin() {
        Harness h = new Harness(null, "input!", false);
        long buf = h.alloc(64);
        assertThat(h.call("read", 0, buf, 64)).isEqualTo(6);
        assertThat(new String(h.read(buf, 6), StandardCharsets.US_ASCII)).isEqualTo("input!");
        long fd = h.call("openat", AT_FDCWD, h.str("/dev/null"), O_RDWR);
        assertThat(h.call("read", fd, buf, 64)).isZero();
        assertThat(h.call("write", fd, buf, 64)).isEqualTo(64);
        long z = h.call("openat", AT_FDCWD, h.str("/dev/zero"), O_RDONLY);
        h.mem.poke(buf, new byte[] {1, 2, 3}, 0, 3);
        assertThat(h.call("read", z, buf, 3)).isEqualTo(3);
        assertThat(h.read(buf, 3)).containsExactly(0, 0, 0);
        long r = h.call("openat", AT_FDCWD, h.str("/dev/urandom"), O_RDONLY);
        assertThat(h.call("read", r, buf, 32)).isEqualTo(32);
    }

    @Test
    void badPointersAreEfault() {
        Harness h = new Harness();
        assertThat(h.call("write", 1, 0xdead0000L, 10)).isEqualTo(-Errno.EFAULT);
        assertThat(h.call("openat", AT_FDCWD, 0, O_RDONLY)).isEqualTo(-Errno.EFAULT);
        assertThat(h.call("openat", AT_FDCWD, 0x7000_0000L, O_RDONLY)).isEqualTo(-Errno.EFAULT);
        assertThat(h.call("fstat", 1, 0x5000_0000L)).isEqualTo(-Errno.EFAULT);
        assertThat(h.call("uname", 0x40)).isEqualTo(-Errno.EFAULT);
    }
}

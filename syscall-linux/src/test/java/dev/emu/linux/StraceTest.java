package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StraceTest {
    @Test
    void formatsCallsLikeStrace() {
        Harness h = new Harness(null, "", true);
        long msg = h.str("hi\n");
        h.call("write", 1, msg, 3);
        h.call("openat", -100, h.str("/nonexistent/file"), 02000000);
        h.call("mmap", 0, 4096, 3, 0x22, -1, 0);
        h.call("close", 55);
        h.call("exit_group", 0);
        String[] lines = h.diagnostics().split("\n");
        assertThat(lines[0]).isEqualTo("write(1, \"hi\\n\", 3) = 3");
        assertThat(lines[1]).isEqualTo(
                "openat(AT_FDCWD, \"/nonexistent/file\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)");
        assertThat(lines[2]).matches("mmap\\(NULL, 4096, PROT_READ\\|PROT_WRITE, MAP_PRIVATE\\|MAP_ANONYMOUS, -1, 0x0\\) = 0x[0-9a-f]+");
        assertThat(lines[3]).isEqualTo("close(55) = -1 EBADF (Bad file descriptor)");
        assertThat(lines[4]).isEqualTo("exit_group(0) = ?");
    }

    @Test
    void structsAreDecoded() {
        Harness h = new Harness(null, "", true);
        long buf = h.alloc(390);
        h.call("fstat", 1, buf);
        h.call("newfstatat", -100, h.str("/dev/null"), buf, 0);
        h.call("clock_gettime", 1, buf);
        h.call("uname", buf);
        String[] lines = h.diagnostics().split("\n");
        assertThat(lines[0]).matches("fstat\\(1, \\{st_mode=S_IF[A-Z]+\\|0[0-7]{3}, .*, \\.\\.\\.\\}\\) = 0");
        assertThat(lines[1]).isEqualTo(
                "newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0");
        assertThat(lines[2]).matches("clock_gettime\\(CLOCK_MONOTONIC, \\{tv_sec=\\d+, tv_nsec=\\d+\\}\\) = 0");
        assertThat(lines[3]).startsWith("uname({sysname=\"Linux\", nodename=\"").endsWith("\", ...}) = 0");
    }

    @Test
    void longBuffersAreTruncated() {
        Harness h = new Harness(null, "", true);
        long msg = h.str("0123456789012345678901234567890123456789");
        h.call("write", 1, msg, 40);
        assertThat(h.diagnostics().trim())
                .isEqualTo("write(1, \"01234567890123456789012345678901\"..., 40) = 40");
    }
}

package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class PipeAndPollTest {
    @Test
    void pipeCarriesBytesAndSignalsEndOfFile() {
        Harness h = new Harness();
        long fds = h.alloc(8);
        assertThat(h.call("pipe2", fds, 0)).isZero();
        int r = h.u32(fds);
        int w = h.u32(fds + 4);
        assertThat(r).isEqualTo(3);
        assertThat(w).isEqualTo(4);
        long msg = h.str("through the pipe");
        assertThat(h.call("write", w, msg, 16)).isEqualTo(16);
        long buf = h.alloc(64);
        assertThat(h.call("read", r, buf, 7)).isEqualTo(7);
        assertThat(new String(h.read(buf, 7), StandardCharsets.US_ASCII)).isEqualTo("through");
        assertThat(h.call("read", w, buf, 7)).isEqualTo(-Errno.EBADF);
        long st = h.alloc(128);
        assertThat(h.call("fstat", r, st)).isZero();
        assertThat(h.u32(st + 16) & 0170000).isEqualTo(010000); // S_IFIFO
        assertThat(h.call("lseek", r, 0, 0)).isEqualTo(-Errno.ESPIPE);
        assertThat(h.call("close", w)).isZero();
        assertThat(h.call("read", r, buf, 64)).isEqualTo(9);
        assertThat(h.call("read", r, buf, 64)).isZero();
        // a pipe nobody reads: EPIPE
        assertThat(h.call("pipe2", fds, 04000)).isZero(); // O_NONBLOCK
        r = h.u32(fds);
        w = h.u32(fds + 4);
        assertThat(h.call("read", r, buf, 64)).isEqualTo(-Errno.EAGAIN);
        h.call("close", r);
        // SIGPIPE ignored: the write fails with EPIPE
        long act = h.alloc(32);
        h.mem.st64le(act, 1); // SIG_IGN
        assertThat(h.call("rt_sigaction", 13, act, 0, 8)).isZero();
        assertThat(h.call("write", w, msg, 4)).isEqualTo(-Errno.EPIPE);
        assertThat(h.proc.exited()).isFalse();
        // default action: the process dies of SIGPIPE, quietly
        h.mem.st64le(act, 0);
        assertThat(h.call("rt_sigaction", 13, act, 0, 8)).isZero();
        h.call("write", w, msg, 4);
        assertThat(h.proc.exitStatus).isEqualTo(128 + 13);
        assertThat(h.diagnostics()).isEmpty();
    }

    @Test
    void ppollReportsReadiness() {
        Harness h = new Harness();
        long pfd = h.alloc(24);
        h.mem.st32le(pfd, 0);
        h.mem.st16le(pfd + 4, 1);    // POLLIN on stdin
        h.mem.st32le(pfd + 8, 1);
        h.mem.st16le(pfd + 12, 4);   // POLLOUT on stdout
        h.mem.st32le(pfd + 16, 77);
        h.mem.st16le(pfd + 20, 1);   // a closed fd
        assertThat(h.call("ppoll", pfd, 3, 0, 0, 8)).isEqualTo(3);
        assertThat(h.u16(pfd + 6)).isEqualTo(1);
        assertThat(h.u16(pfd + 14)).isEqualTo(4);
        assertThat(h.u16(pfd + 22)).isEqualTo(0x20); // POLLNVAL
        assertThat(h.call("wait4", -1, 0, 0, 0)).isEqualTo(-Errno.ECHILD);
    }
}

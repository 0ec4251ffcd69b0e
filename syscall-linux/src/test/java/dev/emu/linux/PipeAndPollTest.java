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

    @Test
    void pollOnAPipeSleepsUntilDataAndSeesTheWriterGo() throws Exception {
        Harness h = new Harness();
        long fds = h.alloc(8);
        assertThat(h.call("pipe2", fds, 0)).isZero();
        int r = h.u32(fds);
        int w = h.u32(fds + 4);
        long pfd = h.alloc(16);
        h.mem.st32le(pfd, r);
        h.mem.st16le(pfd + 4, 1);  // POLLIN
        h.mem.st32le(pfd + 8, w);
        h.mem.st16le(pfd + 12, 4); // POLLOUT
        long zero = h.alloc(16);   // a zero timeout: just look
        assertThat(h.call("ppoll", pfd, 1, zero, 0, 8)).isZero();
        assertThat(h.call("ppoll", pfd + 8, 1, zero, 0, 8)).isEqualTo(1);
        assertThat(h.u16(pfd + 14)).isEqualTo(4);
        // no timeout: the poll sleeps until another thread writes
        var writeEnd = h.proc.fds().get(w);
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(100);
                writeEnd.write(new byte[] {'x'}, 0, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        long t0 = System.nanoTime();
        assertThat(h.call("ppoll", pfd, 1, 0, 0, 8)).isEqualTo(1);
        assertThat(System.nanoTime() - t0).isGreaterThan(50_000_000L);
        assertThat(h.u16(pfd + 6)).isEqualTo(1);
        writer.join();
        // the writer gone: POLLHUP after the data, and the legacy poll says the same
        assertThat(h.call("close", w)).isZero();
        long buf = h.alloc(8);
        assertThat(h.call("read", r, buf, 8)).isEqualTo(1);
        assertThat(h.call("ppoll", pfd, 1, zero, 0, 8)).isEqualTo(1);
        assertThat(h.u16(pfd + 6)).isEqualTo(0x10);
    }

    @Test
    void aSignalWakesASleepingWaitAndIgnoredOnesDoNot() throws Exception {
        Harness h = new Harness();
        long set = h.alloc(8);
        h.mem.st64le(set, 1L << (Signals.SIGUSR1 - 1));
        assertThat(h.call("rt_sigprocmask", 0, set, 0, 8)).isZero(); // block SIGUSR1
        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(50);
                // SIGCHLD's default is to ignore it: discarded when sent, it wakes nobody
                h.proc.signal(dev.emu.linux.abi.SigInfo.user(Signals.SIGCHLD, 1, 0));
                Thread.sleep(50);
                h.proc.signal(dev.emu.linux.abi.SigInfo.user(Signals.SIGUSR1, 4321, 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();
        long info = h.alloc(128);
        assertThat(h.call("rt_sigtimedwait", set, info, 0, 8)).isEqualTo(Signals.SIGUSR1);
        sender.join();
        assertThat(h.u32(info)).isEqualTo(Signals.SIGUSR1);
        assertThat(h.u32(info + 16)).isEqualTo(4321); // si_pid
        assertThat(h.thread.pendingSignals()).isZero();
        // pending while blocked, and rt_sigpending says so
        h.proc.signal(dev.emu.linux.abi.SigInfo.user(Signals.SIGUSR1, 1, 0));
        long pending = h.alloc(8);
        assertThat(h.call("rt_sigpending", pending, 8)).isZero();
        assertThat(h.u64(pending)).isEqualTo(1L << (Signals.SIGUSR1 - 1));
    }

    @Test
    void processGroupsAndKillToAGroup() {
        Harness h = new Harness();
        int pid = h.proc.pid();
        assertThat(h.call("getpgid", 0)).isEqualTo(pid);
        assertThat(h.call("setsid")).isEqualTo(-Errno.EPERM); // already a group leader
        assertThat(h.call("getsid", 0)).isEqualTo(pid);
        assertThat(h.call("kill", 0, 0)).isZero();          // the caller's group exists
        assertThat(h.call("kill", -(pid + 12345), 0)).isEqualTo(-Errno.ESRCH);
        assertThat(h.call("setpgid", 0, pid + 12345)).isEqualTo(-Errno.EPERM); // a session leader keeps its group
    }
}

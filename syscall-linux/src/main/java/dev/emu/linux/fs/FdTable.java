package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;

import java.util.ArrayList;
import java.util.List;

/** A process's file descriptors: each slot an open file description and its FD_CLOEXEC bit. */
public final class FdTable {
    private OpenFile[] files = new OpenFile[64];
    private boolean[] cloexec = new boolean[64];
    private int limit = 1024;

    public synchronized OpenFile get(int fd) {
        if (fd < 0 || fd >= files.length || files[fd] == null) {
            throw new SyscallError(Errno.EBADF);
        }
        return files[fd];
    }

    public synchronized OpenFile getOrNull(int fd) {
        return fd < 0 || fd >= files.length ? null : files[fd];
    }

    /** Installs {@code f} (taking over the caller's reference) at the lowest free fd >= min. */
    public synchronized int install(OpenFile f, int min, boolean closeOnExec) {
        for (int fd = Math.max(min, 0); fd < limit; fd++) {
            if (fd >= files.length) {
                grow(fd + 1);
            }
            if (files[fd] == null) {
                files[fd] = f;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        f.release();
        throw new SyscallError(Errno.EMFILE);
    }

    /** dup2/dup3: puts {@code f} at exactly {@code fd}, closing what was there. */
    public synchronized void installAt(int fd, OpenFile f, boolean closeOnExec) {
        if (fd < 0 || fd >= limit) {
            f.release();
            throw new SyscallError(Errno.EBADF);
        }
        if (fd >= files.length) {
            grow(fd + 1);
        }
        OpenFile old = files[fd];
        files[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) {
            old.release();
        }
    }

    public synchronized void close(int fd) {
        OpenFile f = get(fd);
        files[fd] = null;
        cloexec[fd] = false;
        f.release();
    }

    public synchronized boolean closeOnExec(int fd) {
        get(fd);
        return cloexec[fd];
    }

    public synchronized void setCloseOnExec(int fd, boolean on) {
        get(fd);
        cloexec[fd] = on;
    }

    public synchronized void setLimit(int limit) {
        this.limit = limit;
    }

    /** Open fds in order (for /proc/self/fd). */
    public synchronized List<Integer> openFds() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                out.add(i);
            }
        }
        return out;
    }

    /** A copy sharing every open file description (fork). */
    public synchronized FdTable copy() {
        FdTable t = new FdTable();
        t.files = files.clone();
        t.cloexec = cloexec.clone();
        t.limit = limit;
        for (OpenFile f : t.files) {
            if (f != null) {
                f.retain();
            }
        }
        return t;
    }

    /** execve: closes every fd marked FD_CLOEXEC. */
    public synchronized void closeOnExec() {
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null && cloexec[i]) {
                files[i].release();
                files[i] = null;
                cloexec[i] = false;
            }
        }
    }

    /** Processes using this table: more than one after clone with CLONE_FILES. */
    private int users = 1;

    /** Another process shares this table (CLONE_FILES). */
    public synchronized FdTable share() {
        users++;
        return this;
    }

    /** Whether another process uses this table too (then execve takes a copy of its own). */
    public synchronized boolean shared() {
        return users > 1;
    }

    /** A process using the table ends or leaves it: the last one closes every fd. */
    public synchronized void closeAll() {
        if (--users > 0) {
            return;
        }
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                files[i].release();
                files[i] = null;
            }
        }
    }

    private void grow(int min) {
        int n = Math.max(min, files.length * 2);
        files = java.util.Arrays.copyOf(files, n);
        cloexec = java.util.Arrays.copyOf(cloexec, n);
    }
}

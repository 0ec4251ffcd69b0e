package dev.emu.linux;

import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.abi.OpenFlags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats one syscall as strace does: {@code openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3}
 * or {@code = -1 ENOENT (No such file or directory)}. Argument kinds come from a table keyed
 * by syscall name; a syscall not in it shows its first three arguments in hex.
 */
public final class Strace {
    /**
     * One letter per argument: d int, u unsigned, x hex, p pointer, f fd, D dirfd, s path
     * string, b input buffer (length in the next argument), B output buffer (length = result),
     * o open flags, m octal mode, P prot, M mmap flags, a AT_* flags, S signal, c clock id.
     * Parsed when the first line is written, not when a dispatcher (which every run has) is made.
     */
    private static final class Signatures {
        static final Map<String, String> MAP = parse();
    }

    /** Syscalls whose result is an address. */
    private static final java.util.Set<String> HEX_RESULT = java.util.Set.of("mmap", "mmap2", "brk", "mremap");
    static final int MAX_STRING = 32;

    private static Map<String, String> parse() {
        Map<String, String> signatures = new HashMap<>();
        String table = """
                openat Dsom; open som; creat sm; close f; read fBu; write fbu; pread64 fBud; pwrite64 fbud;
                readv fpd; writev fpd; lseek fdd; fstat fT; newfstatat DsTa; statx Dsaxp; getdents64 fpu;
                readlinkat DsBu; readlink sBu; faccessat Dsd; faccessat2 Dsda; access sd; mkdirat Dsm; mkdir sm;
                unlinkat Dsa; unlink s; rmdir s; renameat DsDs; renameat2 DsDsx; rename ss; linkat DsDsa;
                symlinkat sDs; fchmodat Dsm; fchmod fm; fchownat Dsdda; fchown fdd; utimensat Dspa; truncate sd;
                ftruncate fd; fsync f; fdatasync f; fcntl fdx; dup f; dup3 ffo; ioctl fxp; getcwd pu; chdir s;
                fchdir f; umask m; statfs sp; fstatfs fp; sendfile ffpu; brk p; mmap puPMfx; munmap pu;
                mprotect puP; mremap puuxp; madvise pud; uname N; sysinfo p; getrandom pux; prlimit64 ddpp;
                getrlimit dp; setrlimit dp; getrusage dp; times p; set_tid_address p; set_robust_list pu;
                rseq pudx; sched_getaffinity dup; clock_gettime cC; clock_getres cp; gettimeofday pp;
                nanosleep pp; clock_nanosleep cdpp; exit d; exit_group d; rt_sigaction Sppu;
                rt_sigprocmask dppu; sigaltstack pp; kill dS; tgkill ddS; tkill dS; prctl dxxxx; execve spp; execveat Dsppa;
                pipe2 px; ppoll pdppu; wait4 dpxp; clone xppxp; futex pddpp; waitid ddpxp; getpid ; getppid ; gettid ; getuid ; geteuid ; getgid ; getegid ; sched_yield ; close_range ddx
                stat64 sT; lstat64 sT; fstat64 fT; fstatat64 DsTa; mmap2 puPMfx; _llseek fxxpd; fcntl64 fdx;
                ugetrlimit dp; statfs64 sup; fstatfs64 fup; truncate64 sdxx; ftruncate64 fdxx; set_tls p; get_tls ;
                clock_gettime64 cC; clock_getres_time64 cp; clock_nanosleep_time64 cdpp; futex_time64 pddpp;
                ppoll_time64 pdppu; utimensat_time64 Dspa; getuid32 ; geteuid32 ; getgid32 ; getegid32 ;
                sendfile64 ffpu; chown32 sdd; lchown32 sdd; fchown32 fdd; pipe p; sigreturn ; rt_sigreturn ;
                """;
        for (String entry : table.split(";")) {
            String[] t = entry.trim().split("\\s+");
            if (t.length >= 1 && !t[0].isEmpty()) {
                signatures.put(t[0], t.length > 1 ? t[1] : "");
            }
        }
        return signatures;
    }

    private final LinuxAbi abi;

    public Strace(LinuxAbi abi) {
        this.abi = abi;
    }

    public String format(SyscallContext c, int nr, long result, boolean noReturn) {
        String name = abi.syscalls().name(nr);
        StringBuilder sb = new StringBuilder();
        if (name == null) {
            sb.append("syscall_").append(nr);
        } else {
            sb.append(name);
        }
        sb.append('(');
        if (c.outValue instanceof Object[] exec && name != null && name.startsWith("execve")) {
            return sb.append(execArgs(exec)).append(") = ").append(result).toString();
        }
        String sig = name == null ? null : Signatures.MAP.get(name);
        if (sig == null) {
            sig = "xxx";
        }
        if (name != null && (name.equals("openat") || name.equals("open"))) {
            int flags = abi.openFlagsIn((int) c.args[sig.indexOf('o')]);
            if ((flags & (OpenFlags.O_CREAT | OpenFlags.O_TMPFILE)) == 0) {
                sig = sig.substring(0, sig.length() - 1); // strace shows the mode only when it matters
            }
        }
        for (int i = 0; i < sig.length(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(arg(c, sig, i, result));
        }
        sb.append(')');
        if (noReturn) {
            return sb.append(" = ?").toString();
        }
        sb.append(" = ");
        if (Errno.isError(result)) {
            int e = (int) -result;
            sb.append("-1 ").append(Errno.name(e)).append(" (").append(Errno.message(e)).append(')');
        } else if (name != null && HEX_RESULT.contains(name)) {
            sb.append("0x").append(Long.toHexString(result));
        } else {
            sb.append(result);
        }
        return sb.toString();
    }

    private String arg(SyscallContext c, String sig, int i, long result) {
        long v = abi.wordBits() == 32 ? c.args[i] & 0xffffffffL : c.args[i]; // pointers zero-extended
        int iv = (int) v;
        try {
            switch (sig.charAt(i)) {
                case 'd':
                case 'f':
                    return String.valueOf(iv);
                case 'D':
                    return iv == -100 ? "AT_FDCWD" : String.valueOf(iv);
                case 'u':
                    return Long.toUnsignedString(v);
                case 'p':
                    return v == 0 ? "NULL" : "0x" + Long.toHexString(v);
                case 's':
                    if (v == 0) {
                        return "NULL";
                    }
                    return quote(c.cStringBytes(v, 4096), Integer.MAX_VALUE);
                case 'b': {
                    if (v == 0) {
                        return "NULL";
                    }
                    int len = (int) Math.min(c.args[i + 1], MAX_STRING + 1);
                    byte[] data = c.read(v, Math.max(len, 0));
                    return quote(data, MAX_STRING);
                }
                case 'B':
                    if (Errno.isError(result) || c.outData == null) {
                        return "0x" + Long.toHexString(v);
                    }
                    return quote(c.outData, MAX_STRING);
                case 'o':
                    return OpenFlags.toString(abi.openFlagsIn(iv));
                case 'm':
                    return "0" + Integer.toOctalString(iv);
                case 'P':
                    return prot(iv);
                case 'M':
                    return mmapFlags(iv);
                case 'a':
                    return atFlags(iv);
                case 'S':
                    return Signals.name(iv);
                case 'c':
                    return clock(iv);
                case 'T':
                    return c.outValue instanceof dev.emu.linux.fs.FileStat s ? stat(s) : pointer(v);
                case 'C':
                    return c.outValue instanceof long[] ts ? "{tv_sec=" + ts[0] + ", tv_nsec=" + ts[1] + "}" : pointer(v);
                case 'N':
                    return c.outValue instanceof String[] u ? "{sysname=\"" + u[0] + "\", nodename=\"" + u[1] + "\", ...}"
                            : pointer(v);
                case 'x':
                default:
                    return "0x" + Long.toHexString(v);
            }
        } catch (SyscallError e) {
            return "0x" + Long.toHexString(v);
        }
    }

    /** execve's arguments, captured before the new image replaced the memory they were in. */
    private static String execArgs(Object[] exec) {
        StringBuilder sb = new StringBuilder(quote(((String) exec[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Integer.MAX_VALUE)).append(", [");
        List<?> argv = (List<?>) exec[1];
        for (int i = 0; i < argv.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote(((String) argv.get(i)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), MAX_STRING));
        }
        return sb.append("], 0x... /* ").append(exec[2]).append(" vars */").toString();
    }

    private static String pointer(long v) {
        return v == 0 ? "NULL" : "0x" + Long.toHexString(v);
    }

    /** strace's abbreviated struct stat: type and permissions, then size (or device numbers). */
    static String stat(dev.emu.linux.fs.FileStat s) {
        String[] types = {"S_IFIFO", "S_IFCHR", null, "S_IFDIR", null, "S_IFBLK", null, "S_IFREG", null, "S_IFLNK",
            null, "S_IFSOCK"};
        int t = (s.mode() >> 12) & 15;
        String type = t >= 1 && t <= 12 && types[t - 1] != null ? types[t - 1] : "0" + Integer.toOctalString(t << 12);
        String perm = String.format("%04o", s.mode() & 07777);
        String tail = s.type() == dev.emu.linux.fs.FileStat.S_IFCHR || s.type() == dev.emu.linux.fs.FileStat.S_IFBLK
                ? "st_rdev=makedev(0x" + Long.toHexString(dev.emu.linux.fs.FileStat.major(s.rdev())) + ", 0x"
                        + Long.toHexString(dev.emu.linux.fs.FileStat.minor(s.rdev())) + ")"
                : "st_size=" + s.size();
        return "{st_mode=" + type + "|" + perm + ", " + tail + ", ...}";
    }

    /** strace's quoting: C escapes, non-printables as \ooo (octal), truncated with "..." after. */
    static String quote(byte[] data, int max) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(data.length, max);
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0x0c -> sb.append("\\f");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        sb.append((char) b);
                    } else {
                        sb.append('\\').append(Integer.toOctalString(b));
                    }
                }
            }
        }
        sb.append('"');
        if (data.length > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    static String prot(int p) {
        if (p == 0) {
            return "PROT_NONE";
        }
        StringBuilder sb = new StringBuilder();
        String[] names = {"PROT_READ", "PROT_WRITE", "PROT_EXEC"};
        for (int i = 0; i < 3; i++) {
            if ((p & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "|" : "").append(names[i]);
            }
        }
        int rest = p & ~7;
        if (rest != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }

    static String mmapFlags(int f) {
        StringBuilder sb = new StringBuilder();
        switch (f & 0xf) {
            case 1 -> sb.append("MAP_SHARED");
            case 2 -> sb.append("MAP_PRIVATE");
            case 3 -> sb.append("MAP_SHARED_VALIDATE");
            default -> sb.append("0x").append(Integer.toHexString(f & 0xf));
        }
        int[] bits = {0x10, 0x20, 0x100, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000, 0x40000, 0x100000};
        String[] names = {"MAP_FIXED", "MAP_ANONYMOUS", "MAP_GROWSDOWN", "MAP_DENYWRITE", "MAP_EXECUTABLE",
            "MAP_LOCKED", "MAP_NORESERVE", "MAP_POPULATE", "MAP_NONBLOCK", "MAP_STACK", "MAP_HUGETLB",
            "MAP_FIXED_NOREPLACE"};
        int rest = f & ~0xf;
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) != 0) {
                sb.append('|').append(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            sb.append("|0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }

    static String atFlags(int f) {
        if (f == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        int[] bits = {0x100, 0x200, 0x400, 0x800, 0x1000};
        String[] names = {"AT_SYMLINK_NOFOLLOW", "AT_REMOVEDIR", "AT_SYMLINK_FOLLOW", "AT_NO_AUTOMOUNT", "AT_EMPTY_PATH"};
        int rest = f;
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) != 0) {
                sb.append(sb.length() > 0 ? "|" : "").append(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }

    static String clock(int id) {
        String[] names = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID",
            "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME"};
        return id >= 0 && id < names.length ? names[id] : String.valueOf(id);
    }
}

package dev.emu.linux.abi;

/**
 * The facts of one signal that reach a handler's siginfo: number, si_code and either the
 * sender (kill) or the faulting address (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP).
 */
public record SigInfo(int signo, int code, int pid, int uid, long addr, long value) {
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_TKILL = -6,
            SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, BUS_ADRERR = 2, ILL_ILLOPC = 1, ILL_ILLOPN = 2, FPE_INTDIV = 1,
            TRAP_BRKPT = 1, CLD_EXITED = 1, CLD_KILLED = 2, CLD_STOPPED = 5, CLD_CONTINUED = 6;

    /** A signal without a value (si_status, si_value). */
    public SigInfo(int signo, int code, int pid, int uid, long addr) {
        this(signo, code, pid, uid, addr, 0);
    }

    public static SigInfo user(int sig, int pid, int uid) {
        return new SigInfo(sig, SI_USER, pid, uid, 0);
    }

    /** tkill/tgkill from process {@code pid}. */
    public static SigInfo tkill(int sig, int pid) {
        return new SigInfo(sig, SI_TKILL, pid, dev.emu.linux.fs.HostIds.UID, 0);
    }

    public static SigInfo fault(int sig, int code, long addr) {
        return new SigInfo(sig, code, 0, 0, addr);
    }

    /**
     * The 128-byte siginfo_t (the union starts at 16 on a 64-bit guest, at 12 on a 32-bit
     * one): the fault address, or the sender's pid and uid followed by si_status (SIGCHLD) or
     * si_value (sigqueue), which share an offset.
     */
    public byte[] bytes(Structs s) {
        GuestBuffer b = s.buffer(128);
        b.u32(0, signo).u32(4, 0).u32(8, code);
        int u = s.wordSize() == 8 ? 16 : 12;
        if (addr != 0 || pid == 0 && value == 0) {
            b.word(u, addr, s.wordSize() * 8);
        } else {
            b.u32(u, pid).u32(u + 4, uid);
            if (signo == 17 /* SIGCHLD */) {
                b.u32(u + 8, (int) value);
            } else {
                b.word(u + 8, value, s.wordSize() * 8);
            }
        }
        return b.bytes();
    }
}

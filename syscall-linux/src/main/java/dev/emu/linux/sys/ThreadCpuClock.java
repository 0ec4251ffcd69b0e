package dev.emu.linux.sys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time (getrusage, times, CLOCK_THREAD_CPUTIME_ID). A class of its
 * own so that java.management (some 30 classes and an MBean server's set-up) loads when a guest
 * first asks for CPU time, not when a syscall class is first touched.
 */
final class ThreadCpuClock {
    private ThreadCpuClock() {}

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
}

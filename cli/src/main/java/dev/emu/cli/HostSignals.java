package dev.emu.cli;

import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.Signals;
import dev.emu.linux.abi.SigInfo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Forwards the signals a terminal or a supervisor sends the emulator to the guest, as the
 * kernel would: SIGINT, SIGQUIT and SIGWINCH (the terminal's) to the foreground process
 * group (tcsetpgrp, else the first process's group), SIGTERM and SIGHUP (sent to the
 * emulator's pid, which is the first guest process's) to the first process. The guest's
 * actions decide: a handler runs, an ignored signal vanishes, a default action ends the
 * process (and the emulator with 128+N once the first process has ended). Uses
 * {@code sun.misc.Signal} through reflection; where that is missing the JVM's own behaviour
 * stays.
 */
final class HostSignals {
    private HostSignals() {}

    static void forward(Kernel kernel) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            String[] names = {"INT", "QUIT", "WINCH", "TERM", "HUP"};
            int[] numbers = {Signals.SIGINT, Signals.SIGQUIT, Signals.SIGWINCH, Signals.SIGTERM, Signals.SIGHUP};
            for (int i = 0; i < names.length; i++) {
                int sig = numbers[i];
                InvocationHandler h = (p, m, args) -> {
                    if (m.getName().equals("handle")) {
                        deliver(kernel, sig);
                    }
                    return null;
                };
                Object handler = Proxy.newProxyInstance(HostSignals.class.getClassLoader(),
                        new Class<?>[] {handlerType}, h);
                try {
                    handle.invoke(null, signal.getConstructor(String.class).newInstance(names[i]), handler);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // this signal is reserved by the JVM here (SIGQUIT with -Xrs, say) or unknown: leave it
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no sun.misc.Signal: the JVM's defaults apply
        }
    }

    /** Whom a host signal reaches: the terminal's foreground group, or the first process. */
    static List<LinuxProcess> targets(Kernel kernel, int sig) {
        LinuxProcess first = kernel.firstProcess();
        if (sig == Signals.SIGINT || sig == Signals.SIGQUIT || sig == Signals.SIGWINCH) {
            List<LinuxProcess> group = kernel.group(kernel.foregroundGroup);
            if (!group.isEmpty()) {
                return group;
            }
        }
        return first == null || first.terminated ? List.of() : List.of(first);
    }

    static void deliver(Kernel kernel, int sig) {
        for (LinuxProcess p : targets(kernel, sig)) {
            p.signal(SigInfo.user(sig, 0, 0)); // si_pid 0: from the kernel's side, as a tty's signals are
        }
    }
}

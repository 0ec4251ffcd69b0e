package dev.emu.cli;

import dev.emu.linux.LinuxProcess;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.Signals;
import dev.emu.linux.abi.SigInfo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Forwards the signals a terminal or a supervisor sends the emulator (SIGINT, SIGTERM,
 * SIGHUP, SIGQUIT) to the guest: to its handler when it has one, else their default action
 * ends the emulator with 128+N. Uses {@code sun.misc.Signal} through reflection; where that
 * is missing the JVM's own behaviour stays.
 */
final class HostSignals {
    private HostSignals() {}

    static void forward(LinuxProcess proc) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : new String[] {"INT", "TERM", "HUP", "QUIT"}) {
                int sig = switch (name) {
                    case "INT" -> Signals.SIGINT;
                    case "TERM" -> Signals.SIGTERM;
                    case "HUP" -> Signals.SIGHUP;
                    default -> Signals.SIGQUIT;
                };
                InvocationHandler h = (p, m, args) -> {
                    if (m.getName().equals("handle")) {
                        deliver(proc, sig);
                    }
                    return null;
                };
                Object handler = Proxy.newProxyInstance(HostSignals.class.getClassLoader(),
                        new Class<?>[] {handlerType}, h);
                try {
                    handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // this signal is reserved by the JVM here (SIGQUIT with -Xrs, say): leave it
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no sun.misc.Signal: the JVM's defaults apply
        }
    }

    static void deliver(LinuxProcess proc, int sig) {
        long[] act = proc.sigactions[sig];
        LinuxThread main = proc.mainThread();
        if (act != null && act[0] == 1) {
            return; // SIG_IGN
        }
        if (act != null && act[0] > 1 && main != null) {
            main.raise(SigInfo.user(sig, 0, 0));
            return;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(128 + sig);
    }
}

package dev.emu.bench;

/** The start-up baseline: a bare JVM printing one line, measured beside {@code emu.jar uname -a}. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}

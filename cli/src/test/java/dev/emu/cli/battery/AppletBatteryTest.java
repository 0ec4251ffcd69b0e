package dev.emu.cli.battery;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * The applet battery: each line of {@code battery/applets.txt} is one direct busybox applet
 * invocation, compared with the native amd64 busybox (see {@link Battery}).
 */
class AppletBatteryTest {
    @TestFactory
    Stream<DynamicNode> battery() throws IOException, InterruptedException {
        return Battery.tests("/battery/applets.txt", Battery.Format.APPLET, java.util.List.of());
    }
}

package dev.emu.cli.battery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** The files the battery's applets read, made the same way every run. */
final class BatteryFiles {
    private BatteryFiles() {}

    static void create(Path dir, Path nativeBusybox) throws IOException, InterruptedException {
        write(dir, "words.txt", "the quick brown fox\njumps over\nthe lazy dog\nalpha beta\ngamma delta epsilon\n"
                + "zeta 42 eta\ntheta\n");
        write(dir, "words2.txt", "the quick brown fox\njumps over\nthe sleepy cat\nalpha beta\ngamma\nzeta 42 eta\n");
        write(dir, "nums.txt", "10\n-3\n2.5\n100\n7\n0\n33\n-12\n8\n");
        write(dir, "data.csv", "apple,red,3\nbanana,yellow,12\ncherry,red,7\ndate,brown,21\nelder,black,5\n");
        write(dir, "dups.txt", "b\na\nc\na\nb\nb\nd\n");
        write(dir, "dups.sorted", "a\na\nb\nb\nb\nc\nd\n");
        write(dir, "other.sorted", "a\nb\nbb\nc\ne\n");
        write(dir, "spaces.txt", "a   b     c\n  d  e\n");
        write(dir, "tabs.txt", "a\tb\tc\n\tindented\n12345678\tx\n");
        byte[] bin = new byte[512];
        for (int i = 0; i < 256; i++) {
            bin[i] = (byte) i;
        }
        byte[] msg = "printable strings in a binary file\0another one here\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(msg, 0, bin, 300, msg.length);
        Files.write(dir.resolve("binary.dat"), bin);
        write(dir, "b64.txt", Base64.getMimeEncoder().encodeToString("decoded by base64 -d\n".repeat(5).getBytes()) + "\n");
        StringBuilder big = new StringBuilder();
        Random r = new Random(42);
        String[] vocab = {"lorem", "ipsum", "dolor", "sit", "amet", "emulator", "guest", "block", "java", "page"};
        while (big.length() < 200_000) {
            big.append(vocab[r.nextInt(vocab.length)]).append(r.nextInt(10) == 0 ? '\n' : ' ');
        }
        write(dir, "big.txt", big.toString());
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("sub/deeper"));
        Files.createDirectories(tree.resolve("empty"));
        write(tree, "a.txt", "file a\n");
        write(tree, "b.dat", "file b\n");
        write(tree.resolve("sub"), "c.txt", "file c\n");
        write(tree.resolve("sub/deeper"), "d.txt", "file d\n");
        Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("words.txt"));
        // compressed inputs and an archive, made by the native busybox itself
        sh(dir, nativeBusybox, List.of("gzip", "-k", "words.txt"), "words.gz", "words.txt.gz");
        sh(dir, nativeBusybox, List.of("bzip2", "-k", "words.txt"), "words.bz2", "words.txt.bz2");
        // busybox's xz only decompresses: the .xz input was made once with Python's lzma module
        try (var in = BatteryFiles.class.getResourceAsStream("/battery/words.xz")) {
            Files.write(dir.resolve("words.xz"), in.readAllBytes());
        }
        Path save = dir.resolve("tosave");
        Files.createDirectories(save);
        write(save, "one.txt", "one\n");
        write(save, "two.txt", "two\n");
        run(dir, nativeBusybox, List.of("tar", "-cf", "archive.tar", "tosave"));
        try (var s = Files.list(save)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(save);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void sh(Path dir, Path busybox, List<String> args, String renameTo, String produced)
            throws IOException, InterruptedException {
        run(dir, busybox, args);
        Files.move(dir.resolve(produced), dir.resolve(renameTo));
    }

    private static void run(Path dir, Path busybox, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(busybox.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("setting up the battery failed: " + cmd);
        }
    }
}

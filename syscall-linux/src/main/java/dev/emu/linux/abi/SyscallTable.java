package dev.emu.linux.abi;

import java.util.HashMap;
import java.util.Map;

/** An architecture's syscall numbers, both ways. */
public final class SyscallTable {
    private final String[] names;
    private final Map<String, Integer> numbers = new HashMap<>();

    public SyscallTable(Map<Integer, String> byNumber) {
        int max = 0;
        for (int n : byNumber.keySet()) {
            max = Math.max(max, n);
        }
        names = new String[max + 1];
        for (Map.Entry<Integer, String> e : byNumber.entrySet()) {
            names[e.getKey()] = e.getValue();
            numbers.put(e.getValue(), e.getKey());
        }
    }

    /** The syscall's name, or null for a number the architecture does not have. */
    public String name(int number) {
        return number >= 0 && number < names.length ? names[number] : null;
    }

    /** The number of the syscall called {@code name}, or -1. */
    public int number(String name) {
        Integer n = numbers.get(name);
        return n == null ? -1 : n;
    }

    public int size() {
        return names.length;
    }
}

package org.referrals.infra.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine: cores, memory, processor, Java. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "%d cores (%s), %s memory, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                                                             line("/proc/cpuinfo", "model name"), line("/proc/meminfo", "MemTotal"),
                                                             System.getProperty("java.version"));
    }

    private static String line(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package org.referrals.infra.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The bytes an intruder with the data directory and the backups reads: every file whole, every zip entry whole. */
final class StoredBytes {

    private StoredBytes() {
    }

    static Map<String, byte[]> files(Path directory) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file.toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                in.transferTo(content);
                entries.put(zip + "!" + entry.getName(), content.toByteArray());
            }
        }
        return entries;
    }

    static List<String> filesContaining(Map<String, byte[]> files, String... texts) {
        List<String> found = new ArrayList<>();
        files.forEach((name, bytes) -> {
            for (String text : texts) {
                if (indexOf(bytes, text.getBytes(StandardCharsets.UTF_8)) >= 0) {
                    found.add(name + ": " + text);
                }
            }
        });
        return found;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

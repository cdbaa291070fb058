package org.referrals.infra.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A generated data set kept between benchmark runs ({@code -Dbenchmark.dataset=DIR}): generating 1,000,000 events
 * takes longer than the rest of the harness, and the generator is measured once. The first run keeps its data
 * directory there once the projections have caught up (stopped cleanly, so the files are consistent); later runs
 * copy it into their work directory and skip the generation. A directory per size: {@code DIR/events-N}.
 */
record DataSet(Path dir) {

    /** Written last, so that an interrupted copy is not taken for a data set. */
    private static final String COMPLETE = "complete";

    static DataSet fromProperty(long events) {
        String root = System.getProperty("benchmark.dataset", "");
        return root.isBlank() ? null : new DataSet(Path.of(root).toAbsolutePath().resolve("events-" + events));
    }

    /** Copies the kept data set into that data directory; answers false (and copies nothing) when there is none yet. */
    boolean copyInto(Path dataDirectory) throws IOException {
        if (!Files.exists(dir.resolve(COMPLETE))) {
            return false;
        }
        copy(dir, dataDirectory);
        Files.delete(dataDirectory.resolve(COMPLETE));
        return true;
    }

    /** Keeps a stopped application's data directory as the data set. */
    void keep(Path dataDirectory) throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        copy(dataDirectory, dir);
        Files.writeString(dir.resolve(COMPLETE), "");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                               StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

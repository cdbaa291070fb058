package org.referrals.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.referrals.infra.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keys live: outside the data directory, so that a copy of the data directory or a backup of it holds no
 * key that opens it. {@code referrals.keys-dir} ({@code REFERRALS_KEYS_DIR}), by default {@code <data dir>-keys}
 * beside it (mode 0700). It holds the generated master key (unless {@code REFERRALS_MASTER_KEY} gives it) and the
 * {@link ErasureLedger}. A master key that an earlier version kept in the data directory is moved here at start.
 */
public final class KeysDirectory {

    static final String MASTER_KEY = "master-key";
    private static final Logger log = LoggerFactory.getLogger(KeysDirectory.class);

    private final Path path;

    private KeysDirectory(Path path) {
        this.path = path;
    }

    public static KeysDirectory of(String configured, Path dataDir) {
        Path path = configured == null || configured.isBlank()
                ? dataDir.resolveSibling(dataDir.getFileName() + "-keys") : Path.of(configured).toAbsolutePath().normalize();
        if (path.startsWith(dataDir)) {
            throw new IllegalStateException("the keys directory " + path + " must not be inside the data directory " + dataDir
                                            + ": a copy or backup of the data would carry the key that opens it");
        }
        try {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path);
                DataDirectory.restrictToOwner(path, "rwx------");
            }
            moveEarlierMasterKey(dataDir.resolve(MASTER_KEY), path.resolve(MASTER_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the keys directory " + path, e);
        }
        return new KeysDirectory(path);
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    public Path path() {
        return path;
    }

    /** Before 2026-12-05 the generated master key lay in the data directory (and in every backup of it). */
    private static void moveEarlierMasterKey(Path earlier, Path target) throws IOException {
        if (!Files.exists(earlier)) {
            return;
        }
        if (Files.exists(target)) {
            if (!Arrays.equals(Files.readAllBytes(earlier), Files.readAllBytes(target))) {
                throw new IllegalStateException("two different master keys: " + earlier + " and " + target
                                                + "; keep the one that opens this data directory's cases and remove the other");
            }
            Files.delete(earlier);
        } else {
            Files.move(earlier, target);
        }
        log.info("moved the master key out of the data directory into {}", target);
    }
}

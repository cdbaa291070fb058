package org.referrals.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.referrals.infra.backup.EmbeddedBackup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The data directory, created on first start (mode 0700: it holds keys and personal data, encrypted or not). */
@Component
public class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private final Path path;

    /** @param restoreFrom a backup to unpack into the directory first (see EmbeddedBackup), or empty */
    public DataDirectory(ReferralsProperties properties, @Value("${referrals.restore-from:}") String restoreFrom) {
        this.path = properties.dataPath();
        if (!restoreFrom.isBlank()) {
            EmbeddedBackup.restore(Path.of(restoreFrom), path);
            log.info("restored {} into {}; the read models are rebuilt from the events", restoreFrom, path);
        }
        try {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path);
                restrictToOwner(path, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + path, e);
        }
        log.info("data directory: {}", path);
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Sets POSIX permissions where the file system has them (not on Windows). */
    public static void restrictToOwner(Path file, String permissions) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
    }
}

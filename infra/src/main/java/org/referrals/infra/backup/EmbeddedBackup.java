package org.referrals.infra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.eventstore.EmbeddedEventStoreFiles;

/**
 * A backup of the embedded data directory, taken while the application runs, and its restore into a new directory.
 *
 * <p>The zip holds what cannot be rebuilt: SQLite's consistent online copy ({@code VACUUM INTO}, one read
 * transaction, without free pages) of the event store, which also holds the case key store (wrapped keys). It does
 * not hold the master key that unwraps them: that lives in the keys directory, outside the data directory, and is
 * backed up apart (a backup alone opens no case). A restore needs it again ({@code REFERRALS_KEYS_DIR} or
 * {@code REFERRALS_MASTER_KEY}); a start without it refuses rather than generating a new one. Backups of a version
 * before 2026-12-05 still carry a master key: restored, the first start moves it into the keys directory. A backup
 * of a version before 2026-12-04 holds the H2 file instead; it is restored as it is, and the first start moves it to
 * SQLite. The MongoDB read models are left out on purpose: a restored directory starts without them and its
 * projections rebuild them from the events. Written with mode 0600.
 */
public final class EmbeddedBackup {

    static final String EVENT_STORE = EmbeddedEventStoreFiles.SQLITE;
    /** The event store in a backup of a version before 2026-12-04. */
    static final String EVENT_STORE_H2 = "eventstore.mv.db";
    /** In backups of versions before 2026-12-05 only. */
    static final String MASTER_KEY = "master-key";
    static final String MANIFEST = "backup.properties";
    private static final Set<String> STORES = Set.of(EVENT_STORE, EVENT_STORE_H2);
    private static final Set<String> ENTRIES = Set.of(EVENT_STORE, EVENT_STORE_H2, MASTER_KEY, MANIFEST);

    private EmbeddedBackup() {
    }

    /** What a backup holds. */
    public record Manifest(Instant takenAt, boolean masterKeyIncluded, long bytes) {
    }

    /** Writes the backup to target (a new file). */
    public static Manifest take(DataSource eventStore, Path target) throws IOException, SQLException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path copy = target.toAbsolutePath().resolveSibling(target.getFileName() + ".eventstore.tmp");
        try {
            // SQLite writes into an empty file, created first so that it is never readable by others
            Files.createFile(copy);
            DataDirectory.restrictToOwner(copy, "rw-------");
            try (Connection connection = eventStore.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
            }
            Instant takenAt = Instant.now();
            Files.createFile(target);
            DataDirectory.restrictToOwner(target, "rw-------");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                try (InputStream in = Files.newInputStream(copy)) {
                    add(zip, EVENT_STORE, in);
                }
                Properties manifest = new Properties();
                manifest.setProperty("format", "2");
                manifest.setProperty("takenAt", takenAt.toString());
                manifest.setProperty("masterKeyIncluded", "false");
                manifest.setProperty("readModels", "not included: rebuilt from the event store at the first start");
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "referral network backup; the master key is NOT in it: restore with the keys directory");
                zip.closeEntry();
            }
            return new Manifest(takenAt, false, Files.size(target));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Unpacks a backup into dataDir, which must not hold an event store yet. */
    public static void restore(Path backup, Path dataDir) {
        if (STORES.stream().anyMatch(store -> Files.exists(dataDir.resolve(store)))) {
            throw new IllegalStateException("will not restore into " + dataDir + ": it already holds an event store");
        }
        try {
            Files.createDirectories(dataDir);
            DataDirectory.restrictToOwner(dataDir, "rwx------");
            boolean eventStoreFound = false;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    // only the names a backup is made of: nothing can be written outside the directory
                    if (!ENTRIES.contains(entry.getName()) || entry.getName().equals(MANIFEST)) {
                        continue;
                    }
                    Path file = dataDir.resolve(entry.getName());
                    Files.createFile(file);
                    DataDirectory.restrictToOwner(file, "rw-------");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        zip.transferTo(out);
                    }
                    eventStoreFound |= STORES.contains(entry.getName());
                }
            }
            if (!eventStoreFound) {
                throw new IllegalStateException(backup + " is not a backup of the referral network: it holds no event store");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + backup + " into " + dataDir, e);
        }
    }

    private static void add(ZipOutputStream zip, String name, InputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        content.transferTo(zip);
        zip.closeEntry();
    }
}

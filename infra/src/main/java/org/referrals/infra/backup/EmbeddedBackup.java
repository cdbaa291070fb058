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
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.referrals.infra.DataDirectory;

/**
 * A backup of the embedded data directory, taken while the application runs, and its restore into a new directory.
 *
 * <p>The zip holds what cannot be rebuilt: H2's consistent online copy ({@code BACKUP TO}) of the event store, which
 * also holds the case key store, and the master key file that wraps those keys (without it every case's personal
 * data is gone). The MongoDB read models are left out on purpose: a restored directory starts without them and
 * its projections rebuild them from the events. A backup therefore holds keys and personal data (encrypted): it is
 * written with mode 0600 and must be kept like the data directory itself.
 */
public final class EmbeddedBackup {

    static final String EVENT_STORE = "eventstore.mv.db";
    static final String MASTER_KEY = "master-key";
    static final String MANIFEST = "backup.properties";
    private static final Set<String> ENTRIES = Set.of(EVENT_STORE, MASTER_KEY, MANIFEST);

    private EmbeddedBackup() {
    }

    /** What a backup holds. */
    public record Manifest(Instant takenAt, boolean masterKeyIncluded, long bytes) {
    }

    /** Writes the backup to target (a new file). */
    public static Manifest take(DataSource eventStore, Path dataDir, Path target) throws IOException, SQLException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path h2Copy = Files.createTempFile(target.toAbsolutePath().getParent(), "eventstore-", ".zip");
        try {
            try (Connection connection = eventStore.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + h2Copy.toString().replace("'", "''") + "'");
            }
            Path masterKey = dataDir.resolve(MASTER_KEY);
            boolean withKey = Files.exists(masterKey);
            Instant takenAt = Instant.now();
            Files.createFile(target);
            DataDirectory.restrictToOwner(target, "rw-------");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target));
                 ZipFile h2 = new ZipFile(h2Copy.toFile())) {
                ZipEntry store = h2.getEntry(EVENT_STORE);
                if (store == null) {
                    throw new IOException("H2's backup holds no " + EVENT_STORE);
                }
                try (InputStream in = h2.getInputStream(store)) {
                    add(zip, EVENT_STORE, in);
                }
                if (withKey) {
                    try (InputStream in = Files.newInputStream(masterKey)) {
                        add(zip, MASTER_KEY, in);
                    }
                }
                Properties manifest = new Properties();
                manifest.setProperty("format", "1");
                manifest.setProperty("takenAt", takenAt.toString());
                manifest.setProperty("masterKeyIncluded", Boolean.toString(withKey));
                manifest.setProperty("readModels", "not included: rebuilt from the event store at the first start");
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, withKey ? "referral network backup"
                        : "referral network backup; the master key came from REFERRALS_MASTER_KEY and is NOT in it");
                zip.closeEntry();
            }
            return new Manifest(takenAt, withKey, Files.size(target));
        } finally {
            Files.deleteIfExists(h2Copy);
        }
    }

    /** Unpacks a backup into dataDir, which must not hold an event store yet. */
    public static void restore(Path backup, Path dataDir) {
        if (Files.exists(dataDir.resolve(EVENT_STORE))) {
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
                    eventStoreFound |= entry.getName().equals(EVENT_STORE);
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

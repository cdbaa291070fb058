package org.referrals.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.referrals.api.common.Limits;
import org.referrals.infra.DataDirectory;

/**
 * The ids of erased cases, one per line, in the keys directory (outside the data directory and its backups). A
 * backup taken before an erasure still holds the case's key; restored, the erasure is applied again at the first
 * start ({@link ErasuresReapplied}). Case ids only: no personal data. Written (and forced to disk) before the erasure
 * commits, so an erasure can be in the ledger and not yet in the store, never the other way round.
 */
public final class ErasureLedger {

    static final String FILE = "erasures";
    private static final Pattern CASE_ID = Pattern.compile(Limits.UUID_PATTERN);

    private final Path file;

    public ErasureLedger(KeysDirectory keys) {
        this.file = keys.resolve(FILE);
    }

    public synchronized void record(String caseId) {
        try {
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                        StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(caseId + "\n"));
                channel.force(true);
            }
            if (created) {
                DataDirectory.restrictToOwner(file, "rw-------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the erasure in " + file + "; the case was not erased", e);
        }
    }

    public List<String> caseIds() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(id -> CASE_ID.matcher(id).matches()).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the erasure ledger " + file, e);
        }
    }
}

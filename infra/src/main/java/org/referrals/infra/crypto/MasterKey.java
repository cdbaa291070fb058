package org.referrals.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that wraps every case's data key: from {@code REFERRALS_MASTER_KEY} (base64 of 32 bytes), else read
 * from, or generated once into, {@code master-key} of the {@link KeysDirectory} with mode 0600. Losing it makes
 * every case's personal data unreadable, so back it up apart from the data; a new key is generated only while no
 * case key exists, never in place of a missing one.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    /** @param caseKeysExist whether the key store holds keys that an earlier master key wrapped */
    public static SecretKey load(String configured, Path file, boolean caseKeysExist) {
        if (configured != null && !configured.isBlank()) {
            return AesGcm.key(Base64.getDecoder().decode(configured.trim()));
        }
        try {
            if (!Files.exists(file)) {
                if (caseKeysExist) {
                    throw new IllegalStateException("the master key is missing: no " + file + " and no REFERRALS_MASTER_KEY, "
                            + "while the case key store holds keys. Set REFERRALS_KEYS_DIR to the directory that holds its "
                            + "master-key, or REFERRALS_MASTER_KEY (a new key would leave every case unreadable)");
                }
                createOnce(file);
            }
            return AesGcm.key(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key " + file, e);
        }
    }

    private static void createOnce(Path file) throws IOException {
        String encoded = Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded());
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            return;
        }
        Files.writeString(file, encoded + "\n");
        log.info("generated a master key into {} (mode 0600); back it up apart from the data", file);
    }
}

package org.referrals.infra.backup;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
import org.referrals.query.common.ReadProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/admin/backups}: an online backup of the embedded data directory (see {@link EmbeddedBackup}). */
@RestController
@RequestMapping(path = "/api/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Backups", description = "Online backup of the embedded data directory")
public class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** Where a backup was written and what it holds. */
    public record BackupTaken(String file, long bytes, boolean masterKeyIncluded, String takenAt) {
    }

    private final DataSource eventStore;
    private final ReferralsProperties properties;
    private final Path backupDir;
    private final boolean axonServer;

    /** Each backup copies the whole event store: a few an hour, so that a stolen admin key cannot fill the disk. */
    private final Bucket backups;

    public BackupController(DataSource eventStore, DataDirectory dataDirectory, ReferralsProperties properties,
                            @Value("${referrals.backup-dir:}") String backupDir,
                            @Value("${axon.axonserver.enabled:false}") boolean axonServer,
                            @Value("${referrals.backup.per-hour:6}") int perHour) {
        this.backups = Bucket.builder().addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                             .build();
        this.eventStore = eventStore;
        this.axonServer = axonServer;
        this.properties = properties;
        this.backupDir = backupDir.isBlank() ? dataDirectory.path().resolveSibling("backups") : Path.of(backupDir).toAbsolutePath();
    }

    @PostMapping
    @Operation(operationId = "takeBackup", summary = "Back up the event store and the case key store while the application runs",
               description = "Role: ADMIN. Writes <backup dir>/referrals-<UTC time>.zip (mode 0600). It holds the "
                             + "wrapped case keys but not the master key, which lives in the keys directory and is "
                             + "backed up apart. Restore with --referrals.restore-from=<zip> into a new data directory "
                             + "and REFERRALS_KEYS_DIR (or REFERRALS_MASTER_KEY); the read models are rebuilt and the "
                             + "erasures of the ledger applied again at that first start. 409 with an external event "
                             + "store or Axon Server (back those up with their own tools). At most "
                             + "REFERRALS_BACKUP_PER_HOUR (6) an hour, then 429 with Retry-After.")
    public Mono<ResponseEntity<BackupTaken>> backup() {
        // with Axon Server the SQLite file holds the case keys only: a backup of it alone would look whole and not be
        if (!properties.eventstore().embedded() || axonServer) {
            throw ReadProblems.problem(HttpStatus.CONFLICT, "backup-not-embedded", "Backup not possible here",
                    "the events are not in the embedded data directory (external database or Axon Server): back them "
                    + "up with their own tools");
        }
        ConsumptionProbe allowed = backups.tryConsumeAndReturnRemaining(1);
        if (!allowed.isConsumed()) {
            ErrorResponseException tooMany = ReadProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-backups", "Too many backups",
                    "the hour's backups were taken; try again later");
            tooMany.getHeaders().set("Retry-After", Long.toString(Math.max(1, Duration.ofNanos(allowed.getNanosToWaitForRefill()).toSeconds())));
            throw tooMany;
        }
        return Mono.fromCallable(() -> {
            Path target = backupDir.resolve("referrals-" + NAME.format(java.time.Instant.now()) + ".zip");
            EmbeddedBackup.Manifest manifest = EmbeddedBackup.take(eventStore, target);
            log.info("backup written: {} ({} bytes, master key included: {})", target, manifest.bytes(), manifest.masterKeyIncluded());
            return ResponseEntity.status(HttpStatus.CREATED).body(new BackupTaken(target.toString(), manifest.bytes(),
                    manifest.masterKeyIncluded(), manifest.takenAt().toString()));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}

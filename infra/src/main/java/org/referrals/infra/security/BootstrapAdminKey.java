package org.referrals.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.referrals.api.apikey.EnsureBootstrapAdminKey;
import org.referrals.api.common.Actor;
import org.referrals.api.common.DaemonThreads;
import org.referrals.command.apikey.ApiKeySecrets;
import org.referrals.infra.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * At start, before the web server opens: the admin key is {@code REFERRALS_BOOTSTRAP_ADMIN_KEY} when set, else the
 * key in {@code <data dir>/admin-api-key}, generated there (mode 0600) at first start. It is made valid through a
 * command, so it exists as events like every other key. Runs where the command side runs.
 */
@Component
@Profile("!query")
public class BootstrapAdminKey implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT = 16;

    private final CommandGateway commands;
    private final DataDirectory dataDirectory;
    private final String configuredKey;
    private final ScheduledExecutorService retry = DaemonThreads.single("bootstrap-admin-key");
    private volatile boolean running;

    public BootstrapAdminKey(CommandGateway commands, DataDirectory dataDirectory,
                             @Value("${referrals.bootstrap-admin-key:}") String configuredKey) {
        this.commands = commands;
        this.dataDirectory = dataDirectory;
        this.configuredKey = configuredKey;
    }

    @Override
    public void start() {
        String key = configuredKey.isBlank() ? keyFromFile(dataDirectory.resolve("admin-api-key")) : configuredKey.trim();
        var presented = ApiKeySecrets.parse(key);
        if (!ApiKeySecrets.BOOTSTRAP_KEY_ID.equals(presented.keyId())) {
            throw new IllegalStateException("REFERRALS_BOOTSTRAP_ADMIN_KEY must not start with rk_ unless it is "
                                            + "rk_" + ApiKeySecrets.BOOTSTRAP_KEY_ID + ".<secret>");
        }
        if (!isStrong(presented.secret())) {
            throw new IllegalStateException("REFERRALS_BOOTSTRAP_ADMIN_KEY is too weak: use at least " + MIN_LENGTH
                    + " random characters (at least " + MIN_DISTINCT + " different), e.g. `openssl rand -base64 33`");
        }
        var command = GenericCommandMessage.asCommandMessage(
                new EnsureBootstrapAdminKey(ApiKeySecrets.BOOTSTRAP_KEY_ID, presented.secret()))
                .andMetaData(Actor.system("bootstrap").asMetaData());
        running = true;
        try {
            ensure(command);
        } catch (RuntimeException unreachable) {
            // e.g. Axon Server not reachable yet: keep serving and try again in the background
            log.error("bootstrap admin key not ensured yet, retrying every 10 s: {}", unreachable.toString());
            retry.scheduleWithFixedDelay(() -> {
                try {
                    ensure(command);
                    retry.shutdown();
                } catch (RuntimeException stillUnreachable) {
                    log.warn("bootstrap admin key still not ensured: {}", stillUnreachable.toString());
                }
            }, 10, 10, TimeUnit.SECONDS);
        }
    }

    /**
     * The admin key can do anything but read cases, and valid keys are never throttled (FailedAuthenticationThrottle):
     * it must be as hard to guess as a generated one. Length and variety are what can be checked of a given string.
     */
    static boolean isStrong(String secret) {
        return secret.length() >= MIN_LENGTH && secret.chars().distinct().count() >= MIN_DISTINCT;
    }

    private void ensure(org.axonframework.commandhandling.CommandMessage<?> command) {
        Boolean changed = commands.sendAndWait(command, 30, TimeUnit.SECONDS);
        log.info("bootstrap admin key {} ({})", ApiKeySecrets.BOOTSTRAP_KEY_ID,
                 Boolean.TRUE.equals(changed) ? "issued" : "unchanged");
    }

    private static String keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                String key = ApiKeySecrets.format(ApiKeySecrets.BOOTSTRAP_KEY_ID, ApiKeySecrets.newSecret());
                try {
                    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, key + "\n");
                    log.info("generated the admin API key into {} (mode 0600)", file);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // read it below
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    @Override
    public void stop() {
        retry.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after Axon's components started, before the web server opens (a higher phase). */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }
}

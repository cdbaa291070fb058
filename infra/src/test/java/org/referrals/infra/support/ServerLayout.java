package org.referrals.infra.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The application as README.md starts a server: the jar unpacked and a class-data archive recorded by
 * {@code infra/bin/prepare-server.sh}, then {@code java -XX:SharedArchiveFile=... -jar <unpacked>/referral-network.jar}.
 */
public record ServerLayout(Path jar) {

    private static ServerLayout shared;

    /**
     * One layout for every test of this JVM, prepared by the first that asks (target/server): the training start
     * takes about 40 s on 2 cores, and each start from the layout then saves a third of its time.
     */
    public static synchronized ServerLayout shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path dir = Path.of("target", "server").toAbsolutePath();
            Files.createDirectories(dir.getParent());
            shared = prepare(dir);
        }
        return shared;
    }

    /**
     * Runs the script for the packaged jar into that directory (the build's work, not counted in any start), unless
     * the directory holds an archive recorded after the jar was built (a second harness run on the same build).
     */
    static ServerLayout prepare(Path dir) throws IOException, InterruptedException {
        ServerLayout layout = new ServerLayout(dir.resolve(AppProcess.jar().getFileName()));
        if (Files.isRegularFile(layout.jar()) && Files.isRegularFile(layout.archive()) && Files.size(layout.archive()) > 0
                && Files.getLastModifiedTime(layout.archive()).compareTo(Files.getLastModifiedTime(AppProcess.jar())) > 0) {
            return layout;
        }
        Path script = Path.of("bin", "prepare-server.sh").toAbsolutePath();
        Path log = dir.resolveSibling(dir.getFileName() + "-prepare.log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), AppProcess.jar().toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA", AppProcess.java()); // the archive belongs to the JDK that starts the server
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("prepare-server.sh failed: " + Files.readString(log));
        }
        return layout;
    }

    /** The class-data archive the training start recorded. */
    public Path archive() {
        return jar.resolveSibling("application.jsa");
    }

    /** What a start from this layout adds to the JVM's options. */
    public List<String> jvmOptions() {
        return List.of("-XX:SharedArchiveFile=" + archive());
    }
}

package org.referrals.infra.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.referrals.infra.support.AppProcess;

/**
 * The application as README.md starts a server: the jar unpacked and a class-data archive recorded by
 * {@code infra/bin/prepare-server.sh}, then {@code java -XX:SharedArchiveFile=... -jar <unpacked>/referral-network.jar}.
 */
record ServerLayout(Path jar, List<String> jvmOptions) {

    /** Runs the script for the packaged jar into that directory (the build's work, not counted in any start). */
    static ServerLayout prepare(Path dir) throws IOException, InterruptedException {
        Path script = Path.of("bin", "prepare-server.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), AppProcess.jar().toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling("prepare-server.log").toFile());
        builder.environment().put("JAVA", AppProcess.java()); // the archive belongs to the JDK that starts the server
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("prepare-server.sh failed: " + Files.readString(dir.resolveSibling("prepare-server.log")));
        }
        return new ServerLayout(dir.resolve(AppProcess.jar().getFileName()),
                                List.of("-XX:SharedArchiveFile=" + dir.resolve("application.jsa")));
    }
}

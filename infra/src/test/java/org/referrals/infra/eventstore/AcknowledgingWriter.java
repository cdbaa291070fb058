package org.referrals.infra.eventstore;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;

/**
 * Child process of {@link KillDashNineTest}: the whole application on a data directory, registering partners
 * from four threads and printing {@code ACK <partnerId>} once each command returned, until it is killed.
 */
public final class AcknowledgingWriter {

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        String prefix = args[1];
        var app = RunningApplication.start(dataDir, "logging.level.root=WARN");
        System.out.println("READY");
        System.out.flush();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int client = 0; client < 4; client++) {
            clients.submit(() -> {
                while (true) {
                    String partnerId = prefix + "-" + next.getAndIncrement();
                    app.send(Samples.partner(partnerId), Samples.COORDINATOR);
                    synchronized (System.out) {
                        System.out.println("ACK " + partnerId);
                        System.out.flush();
                    }
                }
            });
        }
    }
}

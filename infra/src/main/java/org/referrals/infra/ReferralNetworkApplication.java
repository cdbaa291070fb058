package org.referrals.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one runnable application: both sides in one process by default; {@code --spring.profiles.active=command}
 * or {@code query} starts one side only (see {@link org.referrals.infra.sides}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferralNetworkApplication {

    /**
     * Reactor Netty 1.2.11 (Spring Boot 3.5.7's) can leave a kept-alive connection "active" when its next request
     * arrives before the last answer's write completed (answers made off the event loop, reactor-netty#4188); a SIGTERM
     * then waits the whole graceful-shutdown timeout and aborts. Terminating a request as its last answer is written
     * closes that window. Set before Netty's classes load; an explicit -D wins. (1.2.18 fixes the race but loses the
     * read of a kept-alive connection after a request answered at once, reactor-netty#4361: a hung client is worse.)
     */
    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    public static void main(String[] args) {
        configureHttpServer();
        SpringApplication.run(ReferralNetworkApplication.class, args);
    }

    /** See {@link #LAST_FLUSH_WHEN_NO_READ}; the in-process test application calls it too. */
    public static void configureHttpServer() {
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
    }
}

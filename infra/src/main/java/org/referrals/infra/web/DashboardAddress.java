package org.referrals.infra.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to go once the server listens: the dashboard and the API's documentation (one log line). */
@Component
@Profile("!command") // the dashboard is served with the query side
public class DashboardAddress {

    private static final Logger log = LoggerFactory.getLogger(DashboardAddress.class);

    @EventListener
    void listening(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        log.info("dashboard: http://localhost:{}/ (API documentation: http://localhost:{}/swagger-ui.html)", port, port);
    }
}

package org.referrals.infra.messaging;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Uses the Axon Server connector only when {@code axon.axonserver.servers} (env {@code AXON_AXONSERVER_SERVERS})
 * is set; otherwise disables it, so nothing tries to reach port 8124 and the JDBC event store is used. An explicit
 * {@code axon.axonserver.enabled} still wins.
 */
public class AxonServerSwitch implements EnvironmentPostProcessor {

    static final String ENABLED = "axon.axonserver.enabled";
    static final String SERVERS = "axon.axonserver.servers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String servers = environment.getProperty(SERVERS);
        boolean configured = servers != null && !servers.isBlank();
        environment.getPropertySources().addLast(
                new MapPropertySource("referrals-axonserver-switch", Map.of(ENABLED, Boolean.toString(configured))));
    }
}

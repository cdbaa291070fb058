package org.referrals.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AxonServerSwitchTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new AxonServerSwitch().postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void withoutServersTheConnectorIsOff() {
        assertThat(environment(Map.of()).getProperty(AxonServerSwitch.ENABLED)).isEqualTo("false");
        assertThat(environment(Map.of(AxonServerSwitch.SERVERS, " ")).getProperty(AxonServerSwitch.ENABLED)).isEqualTo("false");
    }

    @Test
    void configuredServersTurnTheConnectorOn() {
        assertThat(environment(Map.of(AxonServerSwitch.SERVERS, "axonserver:8124")).getProperty(AxonServerSwitch.ENABLED))
                .isEqualTo("true");
    }

    @Test
    void anExplicitSettingWins() {
        var environment = environment(Map.of(AxonServerSwitch.SERVERS, "axonserver:8124", AxonServerSwitch.ENABLED, "false"));
        assertThat(environment.getProperty(AxonServerSwitch.ENABLED)).isEqualTo("false");
    }
}

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

    public static void main(String[] args) {
        SpringApplication.run(ReferralNetworkApplication.class, args);
    }
}

package org.referrals.infra.sides;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The query side (projections, query handlers): in every process except one started with profile {@code command}. */
@Configuration
@Profile("!command")
@ComponentScan("org.referrals.query")
public class QuerySideConfiguration {
}

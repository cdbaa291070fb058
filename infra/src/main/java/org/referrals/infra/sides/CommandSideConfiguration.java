package org.referrals.infra.sides;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The command side (aggregates, command handlers): in every process except one started with profile {@code query}. */
@Configuration
@Profile("!query")
@ComponentScan("org.referrals.command")
public class CommandSideConfiguration {
}

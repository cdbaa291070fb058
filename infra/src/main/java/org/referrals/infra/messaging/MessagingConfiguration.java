package org.referrals.infra.messaging;

import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.referrals.api.common.MetaDataKeys;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How messages travel: metadata every event carries, command validation, the clock. */
@Configuration
public class MessagingConfiguration {

    /** {@code correlationId} (kept when the caller set one, else the command's id) and {@code traceId}. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MetaDataKeys.CORRELATION_ID, "traceId");
    }

    /** The actor and the idempotency key of the command, copied into every event it causes. */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.USER_ID, MetaDataKeys.PARTNER_ID, MetaDataKeys.ROLE,
                                                 MetaDataKeys.IDEMPOTENCY_KEY);
    }

    /** Bean Validation of every command before its handler runs, whether sent locally or through Axon Server. */
    @Bean
    public InitializingBean commandValidation(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new BeanValidationInterceptor<>());
    }

    /** All time-dependent logic reads this clock, so tests can move time instead of sleeping. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** No update check or usage report to AxonIQ: this system holds data of vulnerable people and calls nobody. */
    @Bean
    public UsagePropertyProvider usagePropertyProvider() {
        return new UsagePropertyProvider() {
            @Override
            public Boolean getDisabled() {
                return true;
            }

            @Override
            public String getUrl() {
                return null;
            }

            @Override
            public int priority() {
                return Integer.MAX_VALUE;
            }
        };
    }

}

package org.referrals.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class IdempotencyConfiguration {

    @Bean
    public InitializingBean idempotencyInterceptorRegistration(CommandBus commandBus,
                                                               Repository<IdempotencyRecord> idempotencyRecordRepository,
                                                               Serializer serializer) {
        return () -> commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(idempotencyRecordRepository, serializer));
    }
}

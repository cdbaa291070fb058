package org.referrals.infra.mongo;

import java.util.Set;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Poison events: a projection that fails on an event parks it, with every later event of the same aggregate, in a
 * sequenced dead-letter queue in MongoDB, and goes on with the other aggregates. Operators list, retry and evict
 * them through {@code /api/admin/dead-letters}.
 *
 * <p>Only the streaming projections get a queue. The subscribing processors (deadlines, retention, immediate
 * revocation) run inside the command's own transaction, where a failure must fail the command. When MongoDB itself
 * is down the queue cannot be written either: the failure then propagates and the processor retries the batch with
 * back-off, so nothing is skipped. A dead letter is a copy of an event the event store keeps, under the same
 * durability as the tokens (see DESIGN "Durability"): if a crash loses it, the token rolls back with it and the
 * event fails and is parked again.
 */
@Configuration
public class DeadLetterConfiguration {

    @Bean
    public ConfigurerModule deadLetterQueues(MongoTemplate axonMongoTemplate,
                                             @Value("${referrals.projections.dead-letter-groups:referrals,partners,cases,timeline,api-keys}")
                                             Set<String> groups) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String group : groups) {
                processing.registerDeadLetterQueue(group, configuration -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .mongoTemplate(axonMongoTemplate)
                        .serializer(configuration.eventSerializer())
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .build());
                // the cache spares a query of the queue per event while a sequence is known not to be parked; a
                // rebuild clears the queue (the replay meets the poison event again and parks it again)
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, invoker) -> invoker
                        .enableSequenceIdentifierCache()
                        .allowReset(true)
                        .transactionManager(NoTransactionManager.INSTANCE));
            }
        };
    }
}

package org.referrals.infra.eventstore;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the embedded SQLite store, commands are handled one at a time, by one thread: SQLite has one writer at a time,
 * and every write of this application (events, case keys, deadlines) happens in a command's transaction.
 * <p>
 * With commands handled in the callers' threads, a command held Axon's lock on one aggregate and waited for
 * SQLite's write lock while another held that lock and waited for the same aggregate (a new referral loads its
 * receiving partner): both waited out SQLite's busy timeout (RacesApiTest). A transaction that read first and wrote
 * later could also find its snapshot outdated by another writer and fail at once ({@code SQLITE_BUSY_SNAPSHOT}).
 * With one writer thread neither can happen, readers (projections, timelines) never wait in WAL mode, and a command
 * holds one pooled connection, not one per waiting caller. It is Axon's own asynchronous command bus, configured
 * as its Spring Boot starter configures the local one (transaction, correlation data, monitor, spans). PostgreSQL
 * and Axon Server keep the starter's bus, which handles commands in parallel.
 */
@Configuration
@ConditionalOnExpression("'${referrals.eventstore.url:}'.isBlank()")
public class SingleWriterCommands {

    @Bean
    @Qualifier("localSegment")
    public CommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                 DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        ExecutorService writer = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "command-writer");
            thread.setDaemon(true);
            return thread;
        });
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                                                           .executor(writer)
                                                           .transactionManager(transactionManager)
                                                           .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                                                           .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                                                           .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                                                           .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}

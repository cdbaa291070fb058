package org.referrals.infra.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.api.common.Actor;
import org.referrals.infra.ReferralNetworkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole application in this JVM, on a data directory of the test's, for tests that stop and start it. */
public final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningApplication start(Path dataDir, String... properties) {
        return start(dataDir, null, properties);
    }

    /** With this clock instead of the system's (the application's {@code Clock} bean gives way to it). */
    public static RunningApplication start(Path dataDir, java.time.Clock clock, String... properties) {
        return start(dataDir, clock, List.of(), properties);
    }

    /** With these test components (event handlers, say) beside the application's own. */
    public static RunningApplication startWith(Path dataDir, List<Class<?>> components, String... properties) {
        return start(dataDir, null, components, properties);
    }

    private static RunningApplication start(Path dataDir, java.time.Clock clock, List<Class<?>> components, String... properties) {
        ReferralNetworkApplication.configureHttpServer(); // as main() does
        // as command-line arguments: they override application.yml (builder "properties" would not)
        // immediate shutdown: the tests need no graceful one (GracefulShutdownIT tests it on the packaged jar)
        List<String> arguments = new ArrayList<>(List.of("--referrals.data-dir=" + dataDir, "--server.port=0",
                                                          "--server.shutdown=immediate"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        List<Class<?>> sources = new ArrayList<>(List.of(ReferralNetworkApplication.class));
        sources.addAll(components);
        var builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new));
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        return new RunningApplication(builder.run(arguments.toArray(String[]::new)));
    }

    public static RunningApplication startWithProfile(Path dataDir, String profile) {
        return start(dataDir, "spring.profiles.active=" + profile);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Sends a command as that actor and waits for its result (or its exception). */
    public <R> R send(Object command, Actor actor) {
        return send(context.getBean(CommandGateway.class), command, actor);
    }

    public static <R> R send(CommandGateway gateway, Object command, Actor actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()));
    }

    /** An HTTP client for this application's port. */
    public WebTestClient web() {
        return WebTestClient.bindToServer()
                            .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                            .build();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}

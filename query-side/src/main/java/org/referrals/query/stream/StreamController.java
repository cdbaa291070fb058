package org.referrals.query.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.ReferralView;
import org.referrals.query.referral.ReferralChanges;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Server-sent events of the referral changes the caller may see, so an inbox updates without polling. */
@RestController
@Tag(name = "Live updates")
public class StreamController {

    private final ReferralChanges changes;
    /** Completes every open stream when the application closes, so a graceful shutdown need not wait for them. */
    private final Sinks.Empty<Void> closing = Sinks.empty();

    public StreamController(ReferralChanges changes) {
        this.changes = changes;
    }

    @EventListener(ContextClosedEvent.class)
    public void closeStreams() {
        closing.tryEmitEmpty();
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamReferralChanges", summary = "Live referral changes (server-sent events, event name 'referral')",
               description = "Any role: a partner agent receives its own partner's referrals (either side), a "
                             + "coordinator all, other roles none. A comment every 15 s keeps the connection open.")
    public Flux<ServerSentEvent<ReferralView>> stream(@AuthenticationPrincipal Actor actor) {
        Flux<ServerSentEvent<ReferralView>> referrals = changes.changes()
                .filter(view -> actor.isCoordinator() || actor.actsFor(view.fromPartnerId()) || actor.actsFor(view.toPartnerId()))
                .map(view -> ServerSentEvent.builder(view).event("referral").id(view.referralId() + ":" + view.version()).build());
        Flux<ServerSentEvent<ReferralView>> heartbeat = Flux.interval(Duration.ofSeconds(15))
                .map(tick -> ServerSentEvent.<ReferralView>builder().comment("keep-alive").build());
        // a first comment at once, so the response starts (and the client knows it is subscribed) before any change
        ServerSentEvent<ReferralView> connected = ServerSentEvent.<ReferralView>builder().comment("connected").build();
        return Flux.merge(referrals, heartbeat).startWith(connected).takeUntilOther(closing.asMono());
    }
}

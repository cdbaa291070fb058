package org.referrals.query.caseregistry;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import org.referrals.api.common.Actor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a caller sees a case at all (whole, or as a receiving partner sees it), by the same rule as
 * {@code GET /api/cases/{id}}: an action on a case the caller sees but may not take answers 403, on one it does not
 * see 404 (DESIGN, "Rules that hold for every endpoint").
 */
@Component
public class CaseVisibility {

    private final MongoDatabase mongo;
    private final Clock clock;

    public CaseVisibility(MongoDatabase reactiveMongoDatabase, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.clock = clock;
    }

    public Mono<Boolean> visibleTo(String caseId, Actor actor) {
        return CaseQueryController.CaseAccess.find(mongo, caseId, actor, clock.instant())
                                             .map(access -> true)
                                             .onErrorReturn(false)
                                             .defaultIfEmpty(false);
    }
}

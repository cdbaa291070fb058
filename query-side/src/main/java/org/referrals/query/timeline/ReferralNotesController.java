package org.referrals.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.SealedText;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralNotes;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.caseregistry.ReceivingPartnerSight;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.ReferralFields;
import org.referrals.query.referral.ReferralProjection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The free texts of a referral (its reason and the notes of its actions), opened from its events for the referring
 * partner and coordinators, and for the receiving partner while its part lasts ({@link ReceivingPartnerSight}: not
 * after a decline, cancellation, expiry or closure, nor once the legal basis ended); a redirect's note, which may say
 * where the person went, only for the referrer and coordinators. Never in lists, timelines or the live stream.
 */
@RestController
@Tag(name = "Timelines")
public class ReferralNotesController {

    private final MongoDatabase mongo;
    private final EventStore events;
    private final PersonalDataReader personalData;
    private final Clock clock;

    public ReferralNotesController(MongoDatabase reactiveMongoDatabase, EventStore eventStore, PersonalDataReader personalData,
                                   Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.events = eventStore;
        this.personalData = personalData;
        this.clock = clock;
    }

    @GetMapping("/api/referrals/{referralId}/notes")
    @Operation(operationId = "getReferralNotes", summary = "The referral's reason and notes, with who wrote them and when",
               description = "The referring partner and COORDINATOR; the receiving partner while its part lasts (not after a "
                             + "decline, cancellation, expiry or closure, or the end of the legal basis), without redirect "
                             + "notes; else 404. Texts are null once the case's personal data is erased.")
    public Mono<ReferralNotes> notes(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.eq("_id", referralId)).first())
                   .filterWhen(referral -> mayRead(referral, actor))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(referral -> Mono.fromCallable(() -> read(referral, whole(referral, actor)))
                                            .subscribeOn(Schedulers.boundedElastic()));
    }

    private static boolean whole(Document referral, Actor actor) {
        return actor.isCoordinator() || actor.actsFor(referral.getString(ReferralFields.FROM));
    }

    private Mono<Boolean> mayRead(Document referral, Actor actor) {
        if (whole(referral, actor)) {
            return Mono.just(true);
        }
        if (!actor.actsFor(referral.getString(ReferralFields.TO))) {
            return Mono.just(false);
        }
        return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", referral.getString(ReferralFields.CASE))).first())
                   .map(theCase -> ReceivingPartnerSight.of(theCase, List.of(referral), clock.instant()).level()
                                   != ReceivingPartnerSight.Level.NONE)
                   .defaultIfEmpty(false);
    }

    private ReferralNotes read(Document referral, boolean whole) {
        String caseId = referral.getString(ReferralFields.CASE);
        String reason = null;
        List<ReferralNotes.Note> notes = new ArrayList<>();
        for (DomainEventMessage<?> message : events.readEvents(referral.getString("_id"), 0).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof ReferralRequested requested) {
                reason = open(caseId, requested.reason()).orElse(null);
            } else if (whole || !(event instanceof ReferralRedirected)) {
                SealedText note = noteOf(event);
                if (note != null) {
                    notes.add(new ReferralNotes.Note(message.getTimestamp(), message.getPayloadType().getSimpleName(),
                                                     (String) message.getMetaData().get(MetaDataKeys.USER_ID),
                                                     (String) message.getMetaData().get(MetaDataKeys.PARTNER_ID),
                                                     open(caseId, note).orElse(null)));
                }
            }
        }
        return new ReferralNotes(referral.getString("_id"), reason, notes);
    }

    private Optional<String> open(String caseId, SealedText text) {
        return text == null ? Optional.empty() : personalData.openText(caseId, text);
    }

    /** The note an event carries, if any (a cancellation's is its reason). */
    static SealedText noteOf(Object event) {
        if (event instanceof ReferralAccepted e) return e.note();
        if (event instanceof ReferralDeclined e) return e.note();
        if (event instanceof ReferralPutOnHold e) return e.note();
        if (event instanceof ReferralResumed e) return e.note();
        if (event instanceof ServiceStarted e) return e.note();
        if (event instanceof ServiceDelivered e) return e.note();
        if (event instanceof ServiceFailed e) return e.note();
        if (event instanceof ReferralCancelled e) return e.reason();
        if (event instanceof ReferralClosed e) return e.note();
        if (event instanceof ReferralNoteAdded e) return e.note();
        if (event instanceof ReferralRedirected e) return e.note();
        return null;
    }
}

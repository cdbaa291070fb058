package org.referrals.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.referrals.command.common.Permissions.requireRole;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.PartnerReactivated;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.PartnerServicesUpdated;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.partner.PartnershipAgreed;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ReactivatePartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.api.partner.SuspendPartner;
import org.referrals.api.partner.UpdatePartnerServices;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;

/** A member of the network: what it offers, whether it may receive referrals, whom it has agreements with. */
@Aggregate
public class Partner {

    @AggregateIdentifier
    private String partnerId;
    private PartnerStatus status;
    private final Map<ServiceCategory, ServiceOffer> services = new EnumMap<>(ServiceCategory.class);
    /** Partners with a higher id that this one has an agreement with (see {@link PartnershipAgreed}). */
    private final Set<String> agreedWith = new HashSet<>();

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(RegisterPartner command, Actor actor) {
        requireRole(actor, "RegisterPartner", Role.ADMIN, Role.COORDINATOR);
        requireDistinctCategories(command.services());
        apply(new PartnerRegistered(command.partnerId(), command.name(), command.kind(), command.country(),
                                    List.copyOf(command.regions()), List.copyOf(command.languages()),
                                    command.contactEmail(), List.copyOf(command.services())));
    }

    @CommandHandler
    public void handle(UpdatePartnerServices command, Actor actor) {
        if (!(actor.actsFor(partnerId) || actor.hasRole(Role.ADMIN) || actor.isCoordinator())) {
            throw new ActionNotAllowedException("only the partner itself, a coordinator or an admin may change its services");
        }
        requireDistinctCategories(command.services());
        apply(new PartnerServicesUpdated(partnerId, List.copyOf(command.services())));
    }

    @CommandHandler
    public void handle(SuspendPartner command, Actor actor) {
        requireRole(actor, "SuspendPartner", Role.ADMIN, Role.COORDINATOR);
        if (status != PartnerStatus.ACTIVE) {
            throw new IllegalTransitionException("partner", "SuspendPartner", status);
        }
        apply(new PartnerSuspended(partnerId, command.reason()));
    }

    @CommandHandler
    public void handle(ReactivatePartner command, Actor actor) {
        requireRole(actor, "ReactivatePartner", Role.ADMIN, Role.COORDINATOR);
        if (status != PartnerStatus.SUSPENDED) {
            throw new IllegalTransitionException("partner", "ReactivatePartner", status);
        }
        apply(new PartnerReactivated(partnerId, command.reason()));
    }

    /** Called by {@link PartnershipCommandHandler} on the partner whose id sorts first. */
    void agreePartnership(String otherPartnerId, String description) {
        if (agreedWith.contains(otherPartnerId)) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNERSHIP_ALREADY_AGREED,
                                                     "%s and %s already have a partnership".formatted(partnerId, otherPartnerId));
        }
        apply(new PartnershipAgreed(partnerId, otherPartnerId, description));
    }

    public String partnerId() {
        return partnerId;
    }

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }

    public boolean offers(ServiceCategory category) {
        return services.containsKey(category);
    }

    private static void requireDistinctCategories(List<ServiceOffer> offers) {
        if (offers.stream().map(ServiceOffer::category).distinct().count() != offers.size()) {
            throw new BusinessRuleViolationException(BusinessRule.DUPLICATE_SERVICE_CATEGORY,
                                                     "each service category may be listed once");
        }
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerId = event.partnerId();
        status = PartnerStatus.ACTIVE;
        replaceServices(event.services());
    }

    @EventSourcingHandler
    void on(PartnerServicesUpdated event) {
        replaceServices(event.services());
    }

    @EventSourcingHandler
    void on(PartnerSuspended event) {
        status = PartnerStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(PartnerReactivated event) {
        status = PartnerStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PartnershipAgreed event) {
        agreedWith.add(event.partnerB());
    }

    private void replaceServices(List<ServiceOffer> offers) {
        services.clear();
        offers.forEach(offer -> services.put(offer.category(), offer));
    }
}

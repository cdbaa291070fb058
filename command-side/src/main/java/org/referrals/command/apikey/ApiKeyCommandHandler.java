package org.referrals.command.apikey;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.apikey.EnsureBootstrapAdminKey;
import org.referrals.api.apikey.IssueApiKey;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.Permissions;
import org.referrals.command.partner.Partner;
import org.springframework.stereotype.Component;

@Component
public class ApiKeyCommandHandler {

    private final Repository<ApiKey> keys;
    private final Repository<Partner> partners;

    public ApiKeyCommandHandler(Repository<ApiKey> apiKeyRepository, Repository<Partner> partnerRepository) {
        this.keys = apiKeyRepository;
        this.partners = partnerRepository;
    }

    /** Answers the key id. A partner agent's key is bound to a registered partner; other roles to none. */
    @CommandHandler
    public String handle(IssueApiKey command, Actor actor) throws Exception {
        Permissions.requireRole(actor, "IssueApiKey", Role.ADMIN);
        if (command.role() == Role.SYSTEM) {
            throw new BusinessRuleViolationException(BusinessRule.API_KEY_ROLE_MISMATCH, "no key is issued for role SYSTEM");
        }
        boolean agent = command.role() == Role.PARTNER_AGENT;
        if (agent != (command.partnerId() != null)) {
            throw new BusinessRuleViolationException(BusinessRule.API_KEY_ROLE_MISMATCH,
                                                     "a partnerId is required for PARTNER_AGENT keys and only for them");
        }
        if (agent) {
            try {
                partners.load(command.partnerId());
            } catch (AggregateNotFoundException unknown) {
                throw new BusinessRuleViolationException(BusinessRule.PARTNER_UNKNOWN,
                                                         "partner %s is not registered".formatted(command.partnerId()));
            }
        }
        keys.newInstance(() -> new ApiKey(new ApiKeyIssued(command.keyId(), command.role(), command.partnerId(),
                                                           command.label(), command.salt(), command.hash())));
        return command.keyId();
    }

    /** Answers whether the key was issued or rotated (false: it already accepted that secret). */
    @CommandHandler
    public boolean handle(EnsureBootstrapAdminKey command, Actor actor) throws Exception {
        Permissions.requireRole(actor, "EnsureBootstrapAdminKey", Role.SYSTEM);
        String salt = ApiKeySecrets.newSalt();
        String hash = ApiKeySecrets.hash(salt, command.secret());
        Aggregate<ApiKey> existing;
        try {
            existing = keys.load(command.keyId());
        } catch (AggregateNotFoundException firstStart) {
            keys.newInstance(() -> new ApiKey(new ApiKeyIssued(command.keyId(), Role.ADMIN, null, "bootstrap admin",
                                                               salt, hash)));
            return true;
        }
        if (existing.invoke(key -> key.acceptsSecret(command.secret()))) {
            return false;
        }
        existing.execute(key -> key.rotate(salt, hash));
        return true;
    }
}

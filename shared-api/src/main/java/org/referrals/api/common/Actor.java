package org.referrals.api.common;

import java.util.Map;

/**
 * Who sends a command: taken from the command's metadata (never from its body), and copied into every event's
 * metadata. A partner agent is bound to one partner; the other roles have no partner.
 */
public record Actor(String userId, String partnerId, Role role) {

    /** An actor nobody authenticated: every permission check refuses it. */
    public static final Actor ANONYMOUS = new Actor(null, null, null);

    public static Actor partnerAgent(String userId, String partnerId) {
        return new Actor(userId, partnerId, Role.PARTNER_AGENT);
    }

    public static Actor coordinator(String userId) {
        return new Actor(userId, null, Role.COORDINATOR);
    }

    public static Actor admin(String userId) {
        return new Actor(userId, null, Role.ADMIN);
    }

    public static Actor system(String process) {
        return new Actor(process, null, Role.SYSTEM);
    }

    public boolean hasRole(Role expected) {
        return role == expected;
    }

    public boolean isCoordinator() {
        return role == Role.COORDINATOR;
    }

    /** True for a partner agent acting for exactly this partner. */
    public boolean actsFor(String somePartnerId) {
        return role == Role.PARTNER_AGENT && partnerId != null && partnerId.equals(somePartnerId);
    }

    /** The metadata entries that carry this actor (see {@link MetaDataKeys}). */
    public Map<String, Object> asMetaData() {
        var entries = new java.util.HashMap<String, Object>();
        if (userId != null) entries.put(MetaDataKeys.USER_ID, userId);
        if (partnerId != null) entries.put(MetaDataKeys.PARTNER_ID, partnerId);
        if (role != null) entries.put(MetaDataKeys.ROLE, role.name());
        return entries;
    }

    /** Reads an actor back from message metadata; unknown or missing entries give a powerless actor. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object role = metaData.get(MetaDataKeys.ROLE);
        Role parsed = null;
        if (role != null) {
            try {
                parsed = Role.valueOf(role.toString());
            } catch (IllegalArgumentException unknownRole) {
                parsed = null;
            }
        }
        return new Actor(asString(metaData.get(MetaDataKeys.USER_ID)),
                         asString(metaData.get(MetaDataKeys.PARTNER_ID)),
                         parsed);
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}

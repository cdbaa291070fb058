package org.referrals.command.common;

/**
 * The sender may not see the resource at all. Answered exactly like a resource that does not exist (HTTP 404),
 * so that nobody learns which cases or referrals exist by probing.
 */
public class ResourceNotVisibleException extends CommandRefusedException {

    private final String resource;
    private final String id;

    public ResourceNotVisibleException(String resource, String id) {
        super("%s %s not found".formatted(resource, id));
        this.resource = resource;
        this.id = id;
    }

    /** What kind of resource: "case", "referral", "action". */
    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}

package org.referrals.command.common;

/**
 * The sender may not see the resource at all. Answered exactly like a resource that does not exist (HTTP 404),
 * so that nobody learns which cases or referrals exist by probing.
 */
public class ResourceNotVisibleException extends CommandRefusedException {

    public ResourceNotVisibleException(String resource, String id) {
        super("%s %s not found".formatted(resource, id));
    }
}

package org.referrals.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** {@code If-Match: "<version>"} (also weak or unquoted) as the expected aggregate version; null when absent. */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private IfMatch() {
    }

    public static Long expectedVersion(ServerHttpRequest request) {
        String value = request.getHeaders().getFirst("If-Match");
        if (value == null) {
            return null;
        }
        Matcher matcher = VERSION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new BadRequestException("If-Match", "must be a referral version, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}

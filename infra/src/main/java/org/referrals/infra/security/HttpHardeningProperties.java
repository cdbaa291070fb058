package org.referrals.infra.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and browser rules of the HTTP API.
 *
 * @param maxBodySize         larger request bodies answer 413
 * @param corsAllowedOrigins  origins whose pages may call the API from a browser; empty: none (CORS closed)
 * @param failedAuthLimit     refused credentials per client address and per key id in a window before further ones get 429
 * @param failedAuthWindow    that window
 * @param headerTimeout       a request's line and headers must arrive within it (HttpServerGuards)
 * @param bodyReadTimeout     the longest pause while a body is read
 * @param bodyTimeout         the longest a body may take
 */
@ConfigurationProperties("referrals.http")
public record HttpHardeningProperties(DataSize maxBodySize, List<String> corsAllowedOrigins, int failedAuthLimit,
                                      Duration failedAuthWindow, Duration headerTimeout, Duration bodyReadTimeout,
                                      Duration bodyTimeout) {
}

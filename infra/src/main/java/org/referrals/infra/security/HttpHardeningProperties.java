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
 * @param failedAuthLimit     failed authentications one client address may make per window before it gets 429
 * @param failedAuthWindow    that window
 */
@ConfigurationProperties("referrals.http")
public record HttpHardeningProperties(DataSize maxBodySize, List<String> corsAllowedOrigins, int failedAuthLimit,
                                      Duration failedAuthWindow) {
}

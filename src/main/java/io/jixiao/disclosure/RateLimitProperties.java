package io.jixiao.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The per-client token bucket of {@code /public/**} ({@code jixiao.public.rate-limit.*}).
 *
 * @param enabled          off only for a deployment whose proxy limits instead
 * @param capacity         requests a client may make at once (the bucket's size)
 * @param refillPerSecond  requests per second a client may make in the long run
 * @param maxClients       clients remembered at most; beyond it the least recently seen is forgotten
 */
@ConfigurationProperties("jixiao.public.rate-limit")
record RateLimitProperties(Boolean enabled, Integer capacity, Double refillPerSecond, Integer maxClients) {

  RateLimitProperties {
    enabled = enabled == null || enabled;
    capacity = capacity == null ? 60 : capacity;
    refillPerSecond = refillPerSecond == null ? 5.0 : refillPerSecond;
    maxClients = maxClients == null ? 10_000 : maxClients;
    if (capacity < 1 || refillPerSecond <= 0 || maxClients < 1) {
      throw new IllegalArgumentException("jixiao.public.rate-limit: capacity, refill-per-second and max-clients must be positive");
    }
  }
}

package io.jixiao.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per client address: each holds up to {@code capacity} tokens, refills at
 * {@code refillPerSecond}, and a request takes one. Memory is bounded: at most {@code maxClients}
 * buckets, the least recently used forgotten first (a forgotten client starts again with a full
 * bucket, which costs a crawler with that many addresses nothing it did not have already).
 */
final class RateLimiter {

  private final int capacity;
  private final double refillPerNano;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  RateLimiter(int capacity, double refillPerSecond, int maxClients, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.refillPerNano = refillPerSecond / 1e9;
    this.maxClients = maxClients;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(Math.min(maxClients, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > RateLimiter.this.maxClients;
      }
    };
  }

  private static final class Bucket {
    double tokens;
    long at;
  }

  /** 0 if the request may go ahead (a token was taken), else the seconds until the next token. */
  long acquire(String client) {
    long now = nanoTime.getAsLong();
    synchronized (buckets) {
      Bucket bucket = buckets.get(client);
      if (bucket == null) {
        bucket = new Bucket();
        bucket.tokens = capacity;
        bucket.at = now;
        buckets.put(client, bucket);
      } else {
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerNano);
        bucket.at = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
    }
  }

  int clients() {
    synchronized (buckets) {
      return buckets.size();
    }
  }
}

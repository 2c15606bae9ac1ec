package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock of our own: burst, refill, Retry-After, and bounded memory. */
class RateLimiterTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstUpToTheCapacityPassesThenWaitsForTheRefill() {
    RateLimiter limiter = new RateLimiter(5, 2.0, 100, now::get);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(1); // half a second to the next token: Retry-After 1
    assertThat(limiter.acquire("b")).isZero();
    now.addAndGet(500_000_000L);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    now.addAndGet(60_000_000_000L); // a minute: full again, never more than the capacity
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void aSlowRefillAsksForALongerWait() {
    RateLimiter limiter = new RateLimiter(1, 0.1, 100, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(10);
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlySeenClient() {
    RateLimiter limiter = new RateLimiter(1, 1.0, 1000, now::get);
    for (int i = 0; i < 50_000; i++) {
      limiter.acquire("10.0." + (i / 256) + "." + (i % 256));
    }
    assertThat(limiter.clients()).isEqualTo(1000);
    // The most recent ones are remembered (and limited); the first, forgotten, start afresh.
    assertThat(limiter.acquire("10.0." + (49_999 / 256) + "." + (49_999 % 256))).isPositive();
    assertThat(limiter.acquire("10.0.0.0")).isZero();
  }

  @Test
  void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
    assertThat(PublicRateLimitFilter.client("2001:db8:1:2:aaaa::1")).isEqualTo("20010db800010002::/64");
    assertThat(PublicRateLimitFilter.client("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo("20010db800010002::/64");
    assertThat(PublicRateLimitFilter.client("2001:db8:1:3::1")).isEqualTo("20010db800010003::/64");
    assertThat(PublicRateLimitFilter.client("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(PublicRateLimitFilter.client("0:0:0:0:0:0:0:1")).isEqualTo("0000000000000000::/64");
    assertThat(PublicRateLimitFilter.client("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
  }
}

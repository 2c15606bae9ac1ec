package io.jixiao.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Whole lifecycles per second from N threads, each on a package (or process) of its own. */
final class Throughput {

  /** One whole lifecycle of worker {@code worker}'s own package. */
  interface Lifecycle {
    void run(int worker) throws Exception;
  }

  /** How many lifecycles in how many seconds. */
  record Run(int lifecycles, double seconds) {
    double perSecond() {
      return lifecycles / seconds;
    }

    Run plus(Run other) {
      return new Run(lifecycles + other.lifecycles, seconds + other.seconds);
    }
  }

  private Throughput() {}

  /**
   * Runs lifecycles on {@code threads} threads until each has done {@code perThread} or {@code budget}
   * has passed (the current lifecycle is finished either way); lifecycles per second over the time from
   * the common start to the last thread's end. A failure fails the measurement.
   */
  static Run measure(int threads, int perThread, Duration budget, Lifecycle lifecycle) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger done = new AtomicInteger();
    AtomicLong lastEnd = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[] start = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int worker = i;
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          long deadline = start[0] + budget.toNanos();
          for (int n = 0; n < perThread && System.nanoTime() < deadline && failure.get() == null; n++) {
            lifecycle.run(worker);
            done.incrementAndGet();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
        }
      }, "bench-" + i);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    }
    ready.await();
    start[0] = System.nanoTime();
    go.countDown();
    for (Thread thread : workers) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a lifecycle failed", failure.get());
    }
    return new Run(done.get(), (lastEnd.get() - start[0]) / 1e9);
  }
}

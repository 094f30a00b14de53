package dev.evals.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run's pool of attempts: every planned attempt goes through the {@link AttemptPipeline} on one
 * bounded pool, whose last stage records it in {@code index.jsonl} the moment it ends. A stop
 * request (Ctrl-C) lets attempts in flight finish and starts no new ones.
 */
public final class AttemptPool {

  private final AttemptPipeline pipeline;
  private final RunListener listener;
  private final int concurrency;
  private final BigDecimal budgetUsd;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicInteger notStarted = new AtomicInteger();
  private final CountDownLatch finished = new CountDownLatch(1);
  private BigDecimal spentUsd = BigDecimal.ZERO;

  /**
   * @param budgetUsd stop starting attempts once their cost (model plus judge) reaches this, or
   *     null for no limit; attempts in flight still finish, so a run may end slightly above it
   */
  public AttemptPool(
      AttemptPipeline pipeline, RunListener listener, int concurrency, BigDecimal budgetUsd) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.pipeline = pipeline;
    this.listener = listener;
    this.concurrency = concurrency;
    this.budgetUsd = budgetUsd;
  }

  /**
   * How a run ended.
   *
   * @param notStarted attempts skipped because of a stop request or the budget
   * @param budgetExhausted whether the budget stopped the run
   */
  public record Result(int notStarted, boolean budgetExhausted) {}

  /** Runs the attempts; returns once all ended or a stop was requested and in-flight ones ended. */
  public Result run(List<PlannedAttempt> attempts) throws IOException {
    listener.runStarted(attempts.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, attempts.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (PlannedAttempt planned : attempts) {
        futures.add(pool.submit(() -> runOne(planned)));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdown();
      finished.countDown();
    }
    return new Result(notStarted.get(), budgetExhausted());
  }

  /** Starts no further attempts. */
  public void requestStop() {
    stopRequested.set(true);
  }

  /** Waits for the run to wind down after a stop request; false if the time ran out. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOne(PlannedAttempt planned) {
    if (stopRequested.get() || budgetExhausted()) {
      notStarted.incrementAndGet();
      return;
    }
    String caseId = planned.prepared().definition().id();
    listener.attemptStarted(caseId, planned.attempt());
    AttemptRecord record = pipeline.run(planned);
    spend(record.totalCostUsd());
    listener.attemptFinished(record);
  }

  private synchronized void spend(BigDecimal cost) {
    spentUsd = spentUsd.add(cost);
  }

  private synchronized boolean budgetExhausted() {
    return budgetUsd != null && spentUsd.compareTo(budgetUsd) >= 0;
  }

  private static void await(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for attempts", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("an attempt crashed the runner", e.getCause());
    }
  }
}

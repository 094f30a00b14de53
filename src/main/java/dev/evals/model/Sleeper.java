package dev.evals.model;

import java.time.Duration;

/** Waits between provider retries; injected so tests never really wait. */
public interface Sleeper {

  /** The sleeper of a real run: blocks the calling thread. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}

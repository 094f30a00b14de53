package dev.evals.model;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed, as one of a closed set of kinds, each with what it knows as data
 * (the HTTP status, the wait the server asked for). Retriable kinds (rate limits, server errors,
 * unreachable or unreadable providers) are retried by the provider layer; what escapes it ends the
 * attempt as an execution error, never as a model failure. Messages never contain credentials.
 */
public abstract sealed class ProviderException extends RuntimeException {

  private ProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the same request may succeed when sent again. */
  public abstract boolean retriable();

  /**
   * A failure the provider answered with an HTTP status: the kinds that know a status carry it
   * here, once.
   */
  public abstract static sealed class Answered extends ProviderException
      permits Unauthorized, RateLimited, BadRequest, ServerError, Unreadable {
    private final int status;

    private Answered(String message, int status) {
      super(message, null);
      this.status = status;
    }

    /** The HTTP status of the provider's answer. */
    public int status() {
      return status;
    }
  }

  /** The key was refused (401, 403). */
  public static final class Unauthorized extends Answered {
    public Unauthorized(String message, int status) {
      super(message, status);
    }

    @Override
    public boolean retriable() {
      return false;
    }
  }

  /** Too many requests (429), with the wait the server asked for when it said. */
  public static final class RateLimited extends Answered {
    private final Duration retryAfter;

    public RateLimited(String message, int status, Optional<Duration> retryAfter) {
      super(message, status);
      this.retryAfter = retryAfter.orElse(null);
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retriable() {
      return true;
    }
  }

  /** The request itself was refused (a 4xx other than the above): sending it again cannot help. */
  public static sealed class BadRequest extends Answered permits ContextOverflowException {
    public BadRequest(String message, int status) {
      super(message, status);
    }

    @Override
    public boolean retriable() {
      return false;
    }
  }

  /**
   * The provider failed or timed out on its side (5xx, or the request and lock timeouts 408, 409):
   * retriable unless the server marked it final ({@code x-should-retry: false}).
   */
  public static final class ServerError extends Answered {
    private final boolean markedFinal;

    public ServerError(String message, int status) {
      this(message, status, false);
    }

    public ServerError(String message, int status, boolean markedFinal) {
      super(message, status);
      this.markedFinal = markedFinal;
    }

    @Override
    public boolean retriable() {
      return !markedFinal;
    }
  }

  /**
   * The provider could not be reached: no connection or a timeout, a URL without a host, or (for an
   * external agent) a program that cannot start.
   */
  public static final class Unreachable extends ProviderException {
    public Unreachable(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public boolean retriable() {
      return true;
    }
  }

  /** A success whose body is not what the API sends (a proxy's page instead of JSON). */
  public static final class Unreadable extends Answered {
    public Unreadable(String message, int status) {
      super(message, status);
    }

    @Override
    public boolean retriable() {
      return true;
    }
  }

  /** The run was stopped while waiting for the provider. */
  public static final class Interrupted extends ProviderException {
    public Interrupted(String message, InterruptedException cause) {
      super(message, cause);
    }

    @Override
    public boolean retriable() {
      return false;
    }
  }
}

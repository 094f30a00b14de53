package dev.evals.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.ProviderException;
import dev.evals.model.ProviderSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts JSON to one provider: through the provider's {@link AdaptiveLimiter}, retrying what the
 * official SDKs retry (request and lock timeouts 408 and 409, rate limits, server errors,
 * connection failures, and whatever the server marks with {@code x-should-retry: true}, but never
 * what it marks {@code false}) and successes whose body is not JSON (a proxy's error page) with
 * {@link Backoff}, and failing with a {@link ProviderException} whose message never contains a
 * secret.
 *
 * <p>A rate limit (429) slows a request down instead of failing it: its retries do not count
 * against {@link ProviderSettings#maxRetries()}, only the waits they add up to, up to {@link
 * #RATE_LIMIT_PATIENCE}, so a burst of concurrent attempts that outruns the provider's rate waits
 * its turn. A 429 that says the account's quota is spent ({@code insufficient_quota}) will not pass
 * with waiting and fails at once.
 */
public final class ProviderHttp {

  static final Set<Integer> RETRIABLE = Set.of(408, 409, 429);

  /** How long one request may wait out rate limits in all before it fails. */
  static final Duration RATE_LIMIT_PATIENCE = Duration.ofMinutes(10);

  private static final MediaType JSON = MediaType.get("application/json");

  private final String provider;
  private final OkHttpClient client;
  private final ProviderSettings settings;
  private final AdaptiveLimiter limiter;
  private final SecretMask mask;
  private final Backoff backoff;

  public ProviderHttp(
      String provider,
      OkHttpClient client,
      ProviderSettings settings,
      AdaptiveLimiter limiter,
      SecretMask mask,
      Backoff backoff) {
    this.provider = provider;
    this.client = client;
    this.settings = settings;
    this.limiter = limiter;
    this.mask = mask;
    this.backoff = backoff;
  }

  /** The provider's id, which starts every failure's message. */
  public String provider() {
    return provider;
  }

  /** The parsed JSON body of a successful POST. */
  public JsonNode post(String url, Headers headers, JsonNode body) {
    Request request =
        new Request.Builder()
            .url(url)
            .headers(headers)
            .post(RequestBody.create(body.toString(), JSON))
            .build();
    Duration rateLimitWaits = Duration.ZERO;
    long waitedUntil = 0;
    for (int retry = 0, rateLimits = 0; ; ) {
      Attempt attempt = send(request, waitedUntil);
      if (attempt.succeeded()) {
        return attempt.json();
      }
      if (!attempt.retriable()) {
        throw rejected(attempt);
      }
      Duration wait;
      if (attempt.status() == 429 && rateLimitWaits.compareTo(RATE_LIMIT_PATIENCE) < 0) {
        wait = backoff.delay(rateLimits++, attempt.headers(), attempt.body());
        rateLimitWaits = rateLimitWaits.plus(wait);
      } else if (retry < settings.maxRetries()) {
        wait = backoff.delay(retry++, attempt.headers(), attempt.body());
      } else {
        throw exhausted(attempt, retry + rateLimits);
      }
      waitedUntil = limiter.millis() + wait.toMillis();
      pause(wait);
    }
  }

  private ProviderException rejected(Attempt attempt) {
    String message =
        "%s: HTTP %d: %s"
            .formatted(provider, attempt.status(), mask.excerpt(ErrorBody.message(attempt.body())));
    return failure(attempt, message);
  }

  private ProviderException exhausted(Attempt attempt, int retries) {
    String message =
        "%s: %s after %d retries: %s"
            .formatted(provider, attempt.describe(), retries, mask.excerpt(attempt.detail()));
    if (attempt.failure() != null) {
      return new ProviderException.Unreachable(message, attempt.failure());
    }
    if (attempt.notJson()) {
      return new ProviderException.Unreadable(message, attempt.status());
    }
    return failure(attempt, message);
  }

  private ProviderException failure(Attempt attempt, String message) {
    return Failures.ofStatus(
        message,
        attempt.status(),
        backoff.serverWait(attempt.headers(), attempt.body()),
        ErrorBody.contextOverflow(attempt.body()),
        "false".equals(attempt.headers().get("x-should-retry")));
  }

  /** One exchange; {@code waitedUntil} is when this request's own wait before it ended. */
  private Attempt send(Request request, long waitedUntil) {
    AdaptiveLimiter.Permit permit = acquire();
    Duration paused = limiter.pausedBeyond(waitedUntil);
    if (!paused.isZero()) {
      // A request sharing the key was told to wait: the provider counts every request of the key,
      // so this one waits too, also when it was already queued for a slot or is a retry.
      permit.release();
      pause(paused);
      permit = acquire();
    }
    try (Response response = client.newCall(request).execute()) {
      String body = response.body().string();
      boolean ok = response.code() >= 200 && response.code() < 300;
      Attempt attempt =
          new Attempt(response.code(), response.headers(), body, null, ok ? parse(body) : null);
      if (attempt.succeeded()) {
        permit.succeeded(RateLimitHeaders.headroom(response.headers()));
      } else if (attempt.status() == 429) {
        permit.rateLimited(backoff.serverWait(response.headers(), body));
      }
      return attempt;
    } catch (IOException e) {
      return new Attempt(0, Headers.of(), "", e, null);
    } finally {
      permit.release();
    }
  }

  /** The body as JSON, or null when it is not (an HTML page of a proxy in between). */
  private static JsonNode parse(String body) {
    try {
      JsonNode json = Mappers.json().readTree(body);
      return json == null || json.isMissingNode() ? null : json;
    } catch (IOException e) {
      return null;
    }
  }

  private AdaptiveLimiter.Permit acquire() {
    try {
      return limiter.acquire();
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private void pause(Duration wait) {
    try {
      settings.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private ProviderException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new ProviderException.Interrupted(provider + ": interrupted", e);
  }

  /**
   * One HTTP exchange: a status and body (with its JSON when a success carried JSON), or the I/O
   * failure that prevented one.
   */
  private record Attempt(
      int status, Headers headers, String body, IOException failure, JsonNode json) {

    boolean succeeded() {
      return failure == null && json != null;
    }

    /** A success whose body is not JSON is a proxy's page, as transient as a 502. */
    boolean notJson() {
      return failure == null && json == null && status >= 200 && status < 300;
    }

    boolean retriable() {
      if (failure != null || notJson()) {
        return true;
      }
      String shouldRetry = headers.get("x-should-retry");
      if ("true".equals(shouldRetry)) {
        return true;
      }
      if ("false".equals(shouldRetry)) {
        return false;
      }
      if (status == 429 && ErrorBody.quotaSpent(body)) {
        return false;
      }
      return RETRIABLE.contains(status) || status >= 500;
    }

    String describe() {
      if (failure != null) {
        return "request failed";
      }
      return notJson() ? "HTTP " + status + " whose body is not JSON" : "HTTP " + status;
    }

    String detail() {
      if (failure != null) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
      }
      return notJson() ? body : ErrorBody.message(body);
    }
  }
}

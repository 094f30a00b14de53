package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.config.Secrets;
import dev.evals.model.Sleeper;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Previewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Runs previews on Windmill: in a fresh workspace per preview (deleted afterwards), or one at a
 * time in a shared workspace where only the assets it seeded are ever removed. Attempts are spread
 * round-robin over the configured servers.
 */
public final class WindmillPreviewer implements Previewer {

  private final BackendSettings settings;
  private final Clock clock;
  private final Random random;
  private final Consumer<String> notices;
  private final OkHttpClient http;
  private final TokenCache tokens;
  private final Redaction redaction;
  private final SharedWorkspaceLocks locks;
  private final AssetSeeder seeder;
  private final JobRunner runner;
  private final FlowDeployer deployer;
  private final AtomicInteger nextServer = new AtomicInteger();
  private final Set<String> announced = ConcurrentHashMap.newKeySet();

  public WindmillPreviewer(
      BackendSettings settings,
      Secrets secrets,
      Clock clock,
      Sleeper sleeper,
      Random random,
      Consumer<String> notices) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.notices = notices;
    this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    this.tokens = new TokenCache(http, settings.email(), settings.password());
    this.redaction = new Redaction(secrets, settings.password(), tokens);
    this.locks = new SharedWorkspaceLocks(notices);
    this.seeder = new AssetSeeder(sleeper);
    this.runner = new JobRunner(sleeper);
    this.deployer = new FlowDeployer(seeder);
  }

  /**
   * Checks every server before the first attempt, so that no model is paid for previews that cannot
   * run: it answers, the login works, and the login has the rights the workspace mode needs.
   *
   * @return the first problem found, in one line without a password or token; empty when previews
   *     can start
   */
  public Optional<PreflightProblem> preflight() {
    Preflight preflight = new Preflight(settings);
    for (String baseUrl : settings.baseUrls()) {
      Optional<PreflightProblem> problem =
          preflight.check(new WindmillClient(http, baseUrl, tokens), tokens);
      if (problem.isPresent()) {
        String line = redaction.apply(problem.get().message()).replaceAll("\\s*\\R\\s*", " ");
        return Optional.of(new PreflightProblem(problem.get().cause(), line));
      }
    }
    return Optional.empty();
  }

  @Override
  public PreviewOutcome preview(PreviewRequest request) {
    Instant started = clock.instant();
    WindmillClient client = new WindmillClient(http, nextBaseUrl(), tokens);
    String workspace =
        settings.shared()
            ? settings.sharedWorkspace()
            : WorkspaceName.isolated(settings.workspacePrefix(), request.caseId(), random);
    PreviewReport report =
        new PreviewReport(
            client.baseUrl(), workspace, settings.shared() ? "shared" : "isolated", request);
    CleanupLog cleanup = new CleanupLog();
    Verdict verdict;
    try {
      verdict =
          settings.shared()
              ? shared(client, workspace, request, report, cleanup)
              : isolated(client, workspace, request, report, cleanup);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      verdict = Verdict.infrastructure("the preview was interrupted");
    } catch (RuntimeException e) {
      verdict = Verdict.infrastructure("backend preview failed: " + e.getMessage());
    }
    Duration took = Duration.between(started, clock.instant());
    JsonNode json =
        report.toJson(verdict.success(), verdict.error(), took, cleanup.steps(), redaction);
    return new PreviewOutcome(
        verdict.succeeded(),
        verdict.infrastructure(),
        json.get("result") == null || json.get("result").isNull() ? null : json.get("result"),
        verdict.error() == null ? null : redaction.apply(verdict.error()),
        json);
  }

  private Verdict isolated(
      WindmillClient client,
      String workspace,
      PreviewRequest request,
      PreviewReport report,
      CleanupLog cleanup)
      throws InterruptedException {
    boolean created = false;
    try {
      WorkspaceLifecycle.create(client, workspace);
      created = true;
      return seedAndRun(client, workspace, request, report);
    } catch (WindmillApiException | ForeignAssetException e) {
      return Verdict.infrastructure(e.getMessage());
    } finally {
      if (created && !settings.keepWorkspaces()) {
        cleanup.attempt(
            "delete workspace " + workspace, () -> WorkspaceLifecycle.delete(client, workspace));
      }
    }
  }

  private Verdict shared(
      WindmillClient client,
      String workspace,
      PreviewRequest request,
      PreviewReport report,
      CleanupLog cleanup)
      throws InterruptedException {
    announce(client.baseUrl(), workspace);
    String key = client.baseUrl() + "|" + workspace;
    return locks.run(
        key,
        workspace,
        () -> {
          AssetSweeper.sweepMarked(client, workspace, cleanup);
          try {
            return seedAndRun(client, workspace, request, report);
          } catch (WindmillApiException | ForeignAssetException e) {
            return Verdict.infrastructure(e.getMessage());
          } finally {
            if (!settings.keepWorkspaces()) {
              AssetSweeper.remove(client, workspace, report.seeded(), cleanup);
            }
          }
        });
  }

  private Verdict seedAndRun(
      WindmillClient client, String workspace, PreviewRequest request, PreviewReport report)
      throws InterruptedException {
    Duration timeout = timeout(request);
    report.seeded(seeder.seed(client, workspace, request, Deadline.after(clock, timeout)));
    if (request instanceof FlowPreview flow && flow.deploys()) {
      Optional<String> refused =
          deployer.deploy(client, workspace, flow, asset -> report.seeded(List.of(asset)));
      if (refused.isPresent()) {
        return Verdict.failed(refused.get());
      }
    }
    String jobId;
    try {
      jobId = runner.start(client, workspace, request);
    } catch (WindmillApiException e) {
      if (e.infrastructure()) {
        throw e;
      }
      // Windmill refused what the model built (a malformed flow value, say).
      return Verdict.failed("Windmill rejected the preview: " + e.getMessage());
    }
    report.jobId(jobId);
    JobOutcome job = runner.await(client, workspace, jobId, Deadline.after(clock, timeout));
    report.job(job);
    if (job.timedOut()) {
      return Verdict.failed(
          "the job did not finish within %d s and was cancelled: the code hangs or is too slow"
              .formatted(timeout.toSeconds()));
    }
    if (!job.success()) {
      return Verdict.failed(job.errorMessage());
    }
    // The whole result, not the report's excerpt of it.
    return Optional.ofNullable(request.expect())
        .flatMap(expect -> expect.mismatch(job.result()))
        .map(wrong -> Verdict.failed("the job succeeded with the wrong result: " + wrong))
        .orElseGet(Verdict::passed);
  }

  private Duration timeout(PreviewRequest request) {
    Integer seconds = request.timeoutSeconds();
    return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : settings.previewTimeout();
  }

  private String nextBaseUrl() {
    int index = Math.floorMod(nextServer.getAndIncrement(), settings.baseUrls().size());
    return settings.baseUrls().get(index);
  }

  private void announce(String baseUrl, String workspace) {
    if (announced.add(baseUrl + "|" + workspace)) {
      notices.accept(
          ("backend preview: using shared workspace %s on %s; before each preview the scripts,"
                  + " flows, schedules and HTTP triggers marked \"%s\" are deleted and the"
                  + " case's seeds re-created; nothing else is touched")
              .formatted(workspace, baseUrl, SeedMarker.MARK));
    }
  }

  /** How a preview ended, before it becomes a {@link PreviewOutcome}. */
  private record Verdict(boolean succeeded, boolean infrastructure, String error) {

    static Verdict passed() {
      return new Verdict(true, false, null);
    }

    static Verdict failed(String error) {
      return new Verdict(false, false, error);
    }

    static Verdict infrastructure(String error) {
      return new Verdict(false, true, error);
    }

    /** Whether the job succeeded, or null when it never ran to an answer. */
    Boolean success() {
      return infrastructure ? null : succeeded;
    }
  }
}

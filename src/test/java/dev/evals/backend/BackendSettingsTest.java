package dev.evals.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.config.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

  @Test
  void defaultsToALocalWindmillWithItsDefaultAdmin() {
    BackendSettings settings = BackendSettings.from(Environment.of(Map.of()));

    assertThat(settings.baseUrls()).containsExactly("http://127.0.0.1:8000");
    assertThat(settings.email()).isEqualTo("admin@windmill.dev");
    assertThat(settings.password()).isEqualTo("changeme");
    assertThat(settings.shared()).isFalse();
    assertThat(settings.keepWorkspaces()).isFalse();
    assertThat(settings.workspacePrefix()).isEqualTo("ai-evals");
    assertThat(settings.previewTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void readsTheSameVariablesAsWindmillsOwnEvals() {
    BackendSettings settings =
        BackendSettings.from(
            Environment.of(
                Map.of(
                    "WMILL_AI_EVAL_BACKEND_URL", "http://a:8000/, http://b:8000",
                    "WMILL_AI_EVAL_BACKEND_EMAIL", "me@example.com",
                    "WMILL_AI_EVAL_BACKEND_PASSWORD", "s3cret-pw",
                    "WMILL_AI_EVAL_BACKEND_WORKSPACE", " sandbox ",
                    "WMILL_AI_EVAL_KEEP_WORKSPACES", "1",
                    "WMILL_AI_EVAL_WORKSPACE_PREFIX", "My Evals!",
                    "WMILL_AI_EVAL_BACKEND_MAX_WAIT_MS", "30000")));

    assertThat(settings.baseUrls()).containsExactly("http://a:8000", "http://b:8000");
    assertThat(settings.email()).isEqualTo("me@example.com");
    assertThat(settings.sharedWorkspace()).isEqualTo("sandbox");
    assertThat(settings.keepWorkspaces()).isTrue();
    assertThat(settings.workspacePrefix()).isEqualTo("my-evals");
    assertThat(settings.previewTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}

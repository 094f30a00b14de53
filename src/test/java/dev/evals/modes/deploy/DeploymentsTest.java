package dev.evals.modes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentsTest {

  private final Deployments session = Deployments.ofFlow("f/evals/order_processing_flow");

  @Test
  void createScheduleRecordsItForTheCurrentFlowAndConfirmsWithTheFlowPath() {
    ToolReply reply =
        tool("create_schedule")
            .call(
                json(
                    "{'path': 'f/evals/order_processing_daily', 'schedule': '0 30 7 * * *',"
                        + " 'timezone': 'UTC', 'args': {}, 'enabled': true}"));

    assertThat(reply.isError()).as(reply.content()).isFalse();
    assertThat(reply.content())
        .contains("f/evals/order_processing_daily")
        .contains("f/evals/order_processing_flow");
    assertThat(session.schedules())
        .containsExactly(
            new Schedule(
                "f/evals/order_processing_daily",
                "0 30 7 * * *",
                "UTC",
                json("{}"),
                true,
                "f/evals/order_processing_flow",
                true));
  }

  @Test
  void createScheduleDefaultsToUtcEnabledAndNoArgs() {
    tool("create_schedule").call(json("{'path': 'u/alice/nightly', 'schedule': '0 0 2 * *'}"));

    Schedule schedule = session.schedules().get(0);
    assertThat(schedule.timezone()).isEqualTo("UTC");
    assertThat(schedule.enabled()).isTrue();
    assertThat(schedule.args()).isEqualTo(json("{}"));
  }

  @Test
  void aSecondScheduleAtTheSamePathReplacesTheFirst() {
    tool("create_schedule").call(json("{'path': 'f/evals/daily', 'schedule': '0 0 1 * * *'}"));
    tool("create_schedule").call(json("{'path': 'f/evals/daily', 'schedule': '0 0 2 * * *'}"));

    assertThat(session.schedules()).extracting(Schedule::schedule).containsExactly("0 0 2 * * *");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'schedule': '0 0 7 * * *'}                                  | path is required",
        "{'path': 'schedules/daily', 'schedule': '0 0 7 * * *'}       | must start with f/ (a folder) or u/",
        "{'path': 'f/daily', 'schedule': '0 0 7 * * *'}               | needs a folder or user and a name",
        "{'path': 'f/evals/my daily', 'schedule': '0 0 7 * * *'}      | invalid segment 'my daily'",
        "{'path': 'f/evals/daily'}                                    | schedule (a cron expression) is required",
        "{'path': 'f/evals/daily', 'schedule': 'every day at 7'}      | has 4 fields",
        "{'path': 'f/evals/daily', 'schedule': '0 30 25 * * *'}       | hour value 25 is out of range 0-23",
        "{'path': 'f/evals/daily', 'schedule': '0 0 7 * * *', 'timezone': 'Mars/Base'} | unknown timezone 'Mars/Base'",
        "{'path': 'f/evals/daily', 'schedule': '0 0 7 * * *', 'args': [1]}  | args must be an object",
        "{'path': 'f/evals/daily', 'schedule': '0 0 7 * * *', 'enabled': 'yes'} | enabled must be true or false",
        "{'path': 7, 'schedule': '0 0 7 * * *'}                       | path must be a string",
      })
  void createScheduleRefusesInvalidArgumentsNamingTheProblem(String args, String problem) {
    ToolReply reply = tool("create_schedule").call(json(args));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).startsWith("The schedule was not created: ").contains(problem);
    assertThat(session.schedules()).isEmpty();
  }

  @Test
  void createTriggerRecordsAnHttpRouteForTheCurrentFlow() {
    ToolReply reply =
        tool("create_trigger")
            .call(
                json(
                    "{'path': 'f/evals/order_processing_webhook', 'kind': 'http',"
                        + " 'route_path': 'ai-evals/order-processing', 'http_method': 'POST',"
                        + " 'authentication': 'none'}"));

    assertThat(reply.isError()).as(reply.content()).isFalse();
    assertThat(reply.content())
        .contains("f/evals/order_processing_webhook")
        .contains("f/evals/order_processing_flow")
        .contains("POST ai-evals/order-processing");
    assertThat(session.triggers())
        .containsExactly(
            new HttpTrigger(
                "f/evals/order_processing_webhook",
                "ai-evals/order-processing",
                "post",
                "none",
                "f/evals/order_processing_flow",
                true));
  }

  @Test
  void createTriggerAcceptsWindmillAuthenticationNamesAndDefaultsToNone() {
    tool("create_trigger")
        .call(
            json(
                "{'path': 'u/bob/hook', 'kind': 'HTTP', 'route_path': 'orders/:id',"
                    + " 'http_method': 'get', 'authentication': 'BASIC_HTTP'}"));
    tool("create_trigger")
        .call(
            json(
                "{'path': 'u/bob/open', 'kind': 'http', 'route_path': 'open',"
                    + " 'http_method': 'delete'}"));

    assertThat(session.triggers())
        .extracting(HttpTrigger::authenticationMethod)
        .containsExactly("basic_http", "none");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'kind': 'http', 'route_path': 'a', 'http_method': 'post'}                          | path is required",
        "{'path': 'schedules/x', 'kind': 'http', 'route_path': 'a', 'http_method': 'post'}  | must start with f/ (a folder) or u/",
        "{'path': 'f/evals/x', 'kind': 'kafka', 'route_path': 'a', 'http_method': 'post'}   | kind must be \"http\"",
        "{'path': 'f/evals/x', 'route_path': 'a', 'http_method': 'post'}                    | kind must be \"http\"",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': '/a/b', 'http_method': 'post'} | must not start with '/': write a/b",
        "{'path': 'f/evals/x', 'kind': 'http', 'http_method': 'post'}                       | route_path is required",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': 'a b', 'http_method': 'post'}  | may only hold letters",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': 'a//b', 'http_method': 'post'} | single slashes",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': 'a', 'http_method': 'head'}    | http_method must be one of get, post, put, delete, patch, got 'head'",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': 'a'}                           | http_method must be one of",
        "{'path': 'f/evals/x', 'kind': 'http', 'route_path': 'a', 'http_method': 'post', 'authentication': 'oauth'} | authentication must be one of none, windmill, api_key, basic_http, custom_script, signature",
      })
  void createTriggerRefusesInvalidArgumentsNamingTheProblem(String args, String problem) {
    ToolReply reply = tool("create_trigger").call(json(args));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).startsWith("The trigger was not created: ").contains(problem);
    assertThat(session.triggers()).isEmpty();
  }

  @Test
  void writesSchedulesAndTriggersOnlyWhenAsked() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    session.writeArtifacts(files::put);
    assertThat(files).isEmpty();

    tool("create_schedule").call(json("{'path': 'f/evals/daily', 'schedule': '0 0 7 * * *'}"));
    tool("create_trigger")
        .call(
            json(
                "{'path': 'f/evals/hook', 'kind': 'http', 'route_path': 'orders',"
                    + " 'http_method': 'post'}"));
    session.writeArtifacts(files::put);

    assertThat(files).containsOnlyKeys("schedules.json", "triggers.json");
    assertThat(json(files.get("schedules.json").replace('"', '\'')))
        .isEqualTo(
            json(
                "[{'path': 'f/evals/daily', 'schedule': '0 0 7 * * *', 'timezone': 'UTC',"
                    + " 'script_path': 'f/evals/order_processing_flow', 'is_flow': true,"
                    + " 'args': {}, 'enabled': true}]"));
    assertThat(json(files.get("triggers.json").replace('"', '\'')))
        .isEqualTo(
            json(
                "[{'path': 'f/evals/hook', 'route_path': 'orders', 'http_method': 'post',"
                    + " 'authentication_method': 'none',"
                    + " 'script_path': 'f/evals/order_processing_flow', 'is_flow': true}]"));
  }

  @Test
  void aScriptsScheduleAndTriggerRunTheScript() {
    Deployments script = Deployments.ofScript("f/evals/greet_user");

    ToolReply reply =
        tool(script, "create_schedule")
            .call(
                json(
                    "{'path': 'f/evals/greet_user_daily', 'schedule': '0 0 9 * * *',"
                        + " 'args': {'name': 'Alice'}}"));
    tool(script, "create_trigger")
        .call(
            json(
                "{'path': 'f/evals/greet_user_webhook', 'kind': 'http',"
                    + " 'route_path': 'ai-evals/greet-user', 'http_method': 'post'}"));

    assertThat(reply.content()).contains("created for script f/evals/greet_user");
    assertThat(script.schedules().get(0).toJson().get("is_flow").booleanValue()).isFalse();
    assertThat(script.schedules().get(0).toJson().get("script_path").asText())
        .isEqualTo("f/evals/greet_user");
    assertThat(script.triggers().get(0).toJson().get("is_flow").booleanValue()).isFalse();
  }

  private Tool tool(String name) {
    return tool(session, name);
  }

  private static Tool tool(Deployments deployments, String name) {
    return deployments.tools().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode json(String singleQuoted) {
    try {
      return Mappers.json().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

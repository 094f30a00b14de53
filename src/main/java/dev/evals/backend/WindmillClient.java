package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls the Windmill API of one server with a bearer token, logging in again once when the token
 * has expired. Errors become {@link WindmillApiException}s that never carry the token.
 */
final class WindmillClient {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int EXCERPT = 500;

  private final OkHttpClient http;
  private final String baseUrl;
  private final TokenCache tokens;

  WindmillClient(OkHttpClient http, String baseUrl, TokenCache tokens) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The plain-text body of a GET under {@code /api}. */
  String get(String path) {
    return call("GET", path, null);
  }

  JsonNode getJson(String path) {
    String body = get(path);
    try {
      return Mappers.json().readTree(body);
    } catch (IOException e) {
      throw new WindmillApiException(
          "GET %s: the answer is not JSON: %s".formatted(path, excerpt(body)), 502, body, e);
    }
  }

  /** A POST with a JSON body. */
  String post(String path, JsonNode body) {
    return call("POST", path, Objects.requireNonNull(body, "body"));
  }

  /** A POST to a route whose spec declares no request body: none is sent. */
  String post(String path) {
    return call("POST", path, null);
  }

  String delete(String path) {
    return call("DELETE", path, null);
  }

  private String call(String method, String path, JsonNode body) {
    String token = tokens.token(baseUrl);
    Answer answer = send(method, path, body, token);
    if (answer.status() == 401) {
      tokens.invalidate(baseUrl, token);
      answer = send(method, path, body, tokens.token(baseUrl));
    }
    if (answer.status() < 200 || answer.status() >= 300) {
      throw new WindmillApiException(
          "%s %s: HTTP %d: %s".formatted(method, path, answer.status(), excerpt(answer.body())),
          answer.status(),
          answer.body(),
          null);
    }
    return answer.body();
  }

  private Answer send(String method, String path, JsonNode body, String token) {
    RequestBody payload = body == null ? null : RequestBody.create(body.toString(), JSON);
    if (payload == null && method.equals("POST")) {
      // OkHttp needs a body object for a POST; an empty one without a type sends no content.
      payload = RequestBody.create(new byte[0]);
    }
    Request request =
        new Request.Builder()
            .url(baseUrl + "/api" + path)
            .header("Authorization", "Bearer " + token)
            .method(method, payload)
            .build();
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    } catch (IOException e) {
      throw new WindmillApiException(
          "%s %s: cannot reach Windmill at %s: %s".formatted(method, path, baseUrl, e.getMessage()),
          0,
          "",
          e);
    }
  }

  static String excerpt(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
  }

  private record Answer(int status, String body) {}
}

package dev.evals.backend;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Logs in once per Windmill server and hands out the session token until it is rejected. */
final class TokenCache {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final String email;
  private final String password;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();

  TokenCache(OkHttpClient http, String email, String password) {
    this.http = http;
    this.email = email;
    this.password = password;
  }

  /** The cached token of a server, logging in first if there is none. */
  String token(String baseUrl) {
    return tokens.computeIfAbsent(baseUrl, this::login);
  }

  /** Forgets a token the server rejected, unless another thread already replaced it. */
  void invalidate(String baseUrl, String rejected) {
    tokens.remove(baseUrl, rejected);
  }

  /** Every token ever issued, so they can be masked wherever text is written. */
  List<String> issued() {
    return List.copyOf(issued);
  }

  private String login(String baseUrl) {
    ObjectNode credentials = JsonNodeFactory.instance.objectNode();
    credentials.put("email", email);
    credentials.put("password", password);
    Request request =
        new Request.Builder()
            .url(baseUrl + "/api/auth/login")
            .post(RequestBody.create(credentials.toString(), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new WindmillApiException(
            "login to %s as %s failed: HTTP %d: %s"
                .formatted(baseUrl, email, response.code(), WindmillClient.excerpt(body)),
            // A refused login is never the model's fault, whatever the status.
            response.code() >= 500 ? response.code() : 401,
            body,
            null);
      }
      String token = body.trim();
      issued.add(token);
      return token;
    } catch (IOException e) {
      throw new WindmillApiException(
          "cannot reach Windmill at %s: %s".formatted(baseUrl, e.getMessage()), 0, "", e);
    }
  }
}

package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A provider on a loopback port that plays scripted turns to a real agent over server-sent events.
 * The play is chosen by a key its prompt contains, and the turn by how many model turns the request
 * already holds, so the stand-in keeps no state between requests; it records each request's body.
 * An answer status other than 200 is sent as the provider's JSON error.
 */
abstract class StandIn implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, AgentPlay> plays;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  StandIn(String path, Map<String, AgentPlay> plays) throws IOException {
    this.plays = Map.copyOf(plays);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The base URL an agent is given. */
  abstract String baseUrl();

  /** How many model turns the request already holds. */
  abstract int turnsSoFar(JsonNode request);

  /** Writes one turn as the provider streams it. */
  abstract void stream(SseWriter out, JsonNode request, List<AgentPlay.Step> turn, int index)
      throws IOException;

  /** The provider's error body for a failing status. */
  abstract String errorBody(int status);

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  StandIn failingWith(int newStatus) {
    status = newStatus;
    return this;
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      JsonNode request =
          bytes.length == 0 ? Mappers.json().createObjectNode() : Mappers.json().readTree(bytes);
      requests.add(request);
      if (!exchange.getRequestMethod().equals("POST") || status != 200) {
        byte[] body = errorBody(status).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status == 200 ? 405 : status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      AgentPlay play = playFor(request.toString());
      int index = turnsSoFar(request);
      exchange.getResponseHeaders().set("content-type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      stream(new SseWriter(exchange.getResponseBody()), request, play.turn(index), index);
    }
  }

  private AgentPlay playFor(String request) {
    return plays.entrySet().stream()
        .filter(entry -> request.contains(entry.getKey()))
        .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
        .map(Map.Entry::getValue)
        .orElseGet(() -> new AgentPlay(List.of(List.of(new AgentPlay.Say("No play for this.")))));
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** Writes events as {@code event:} and {@code data:} lines, flushed one by one. */
  static final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
      this.out = out;
    }

    void event(String name, JsonNode data) throws IOException {
      // one line of compact JSON per event, as providers send it
      String text = "event: " + name + "\ndata: " + data + "\n\n";
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}

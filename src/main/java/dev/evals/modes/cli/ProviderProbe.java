package dev.evals.modes.cli;

import dev.evals.model.ProviderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Checks, before a known agent starts, that its provider answers a connection at all: offline,
 * Claude Code retries for minutes and Codex waits for the network without end, so an unreachable
 * provider is an execution error found in seconds instead.
 */
final class ProviderProbe {

  private static final int CONNECT_MILLIS = 5_000;

  private ProviderProbe() {}

  static void check(AgentKind kind, List<String> command, Map<String, String> environment) {
    if (!kind.known() || ProgramPath.find(command.get(0), environment.get("PATH")).isEmpty()) {
      return; // starting it reports a missing program better than a probe would
    }
    URI url = kind.baseUrl(environment);
    String host = url.getHost();
    int port = url.getPort() > 0 ? url.getPort() : "http".equals(url.getScheme()) ? 80 : 443;
    if (host == null) {
      throw new ProviderException.Unreachable("the agent's provider URL has no host: " + url, null);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
    } catch (IOException e) {
      throw new ProviderException.Unreachable(
          "the agent cannot reach its provider at " + url + ": " + e.getMessage(), e);
    }
  }
}

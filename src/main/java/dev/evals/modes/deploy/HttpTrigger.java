package dev.evals.modes.deploy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An HTTP trigger (custom route) the model asked for on the current flow or script.
 *
 * @param path the trigger's own Windmill path ({@code f/...} or {@code u/...})
 * @param routePath the route without a leading slash, e.g. {@code orders/webhook}
 * @param httpMethod lower case: get, post, put, delete or patch
 * @param authenticationMethod Windmill's name for it, {@code none} unless given
 * @param runnablePath the path of the flow or script it runs
 * @param isFlow whether it runs a flow rather than a script
 */
public record HttpTrigger(
    String path,
    String routePath,
    String httpMethod,
    String authenticationMethod,
    String runnablePath,
    boolean isFlow) {

  public HttpTrigger {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(routePath, "routePath");
    Objects.requireNonNull(httpMethod, "httpMethod");
    Objects.requireNonNull(authenticationMethod, "authenticationMethod");
    Objects.requireNonNull(runnablePath, "runnablePath");
  }

  /** The body of Windmill's create-HTTP-trigger request, in its field names. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("path", path);
    node.put("route_path", routePath);
    node.put("http_method", httpMethod);
    node.put("authentication_method", authenticationMethod);
    node.put("script_path", runnablePath);
    node.put("is_flow", isFlow);
    return node;
  }
}

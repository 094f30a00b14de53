package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.evals.json.Mappers;

/** Small apps for tests. */
final class AppFixtures {

  static final String TS_MAIN = "export async function main(x: number) { return x + 1 }";
  static final String ENTRY =
      "import { backend } from 'wmill'\n"
          + "export default function App() { return <button onClick={() =>"
          + " backend.increment({ x: 1 })}>+</button> }\n";
  static final String DATATABLES =
      "[{'datatable_name': 'main', 'schemas': {'public': {'todos': {'id': 'int4'},"
          + " 'tags': {'id': 'int4'}}}}]";

  private AppFixtures() {}

  /** An app with an entry calling backend.increment, the runnable, and a datatable. */
  static AppState counter() {
    AppState app =
        AppState.EMPTY
            .withFile("/index.tsx", ENTRY)
            .withRunnable("increment", BackendRunnable.inline("Increment", "bun", TS_MAIN));
    return new AppState(app.frontend(), app.backend(), (ArrayNode) json(DATATABLES));
  }

  /** A session on the app, its datatables on the shared datatable server, the prompt as given. */
  static AppSession session(String prompt, AppState app, AppValidator validator) {
    return new AppSession(
        prompt,
        app,
        validator,
        dev.evals.datatable.DatatableServer.shared()
            .attempt(dev.evals.datatable.DatatableSeed.parse(app.datatables())),
        instructions -> instructions);
  }

  static JsonNode json(String singleQuoted) {
    try {
      return Mappers.json().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }
}

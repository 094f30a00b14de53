package dev.evals.modes.script;

import static dev.evals.modes.script.ScriptJson.rules;
import static dev.evals.modes.script.ScriptJson.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleChecksTest {

  private static final String TS =
      "import Stripe from 'stripe';\\nimport { z } from \\\"npm:zod\\\";\\n"
          + "export async function main(stripe: RT.Stripe, limit: number = 10) {\\n"
          + "  return fetch(`https://api.stripe.com/v1/charges?limit=${limit}`)\\n}";
  private static final String PY =
      "import requests\\nfrom typing import TypedDict\\n\\n"
          + "def main(api: c_github, repo: str):\\n    return requests.get(repo).json()";
  private static final String GO =
      "package inner\\n\\nimport (\\n\\t\\\"fmt\\\"\\n\\t\\\"net/http\\\"\\n)\\n\\n"
          + "func main(url string) (string, error) {\\n\\treturn fmt.Sprint(http.Get), nil\\n}";

  @ParameterizedTest(name = "[{index}] {0} with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bun     | " + TS + " | {'language': 'bun'}                                  | true  | ",
        "deno    | "
            + TS
            + " | {'language': 'bun'}                                  | false | the script is 'deno'; the case accepts bun",
        "deno    | " + TS + " | {'languageAnyOf': ['bun', 'deno']}                   | true  | ",
        "bun     | " + TS + " | {'mainParams': ['stripe', 'limit']}                  | true  | ",
        "bun     | "
            + TS
            + " | {'mainParams': [{'name': 'stripe', 'type': 'RT.Stripe'}]} | true | ",
        "bun     | "
            + TS
            + " | {'mainParams': [{'name': 'stripe', 'type': 'string'}]} | false | parameter 'stripe' has type 'RT.Stripe', expected 'string' (main takes [stripe, limit])",
        "bun     | "
            + TS
            + " | {'mainParams': ['customer_id']}                      | false | missing parameter 'customer_id' (main takes [stripe, limit])",
        "python3 | " + PY + " | {'mainParams': [{'name': 'api', 'type': 'c_github'}]} | true  | ",
        "python3 | "
            + PY
            + " | {'mainParams': [{'name': 'repo', 'type': 'int'}]}   | false | parameter 'repo' has type 'str', expected 'int' (main takes [api, repo])",
        "bun     | export const main = () => 1 | {'mainParams': ['x']}             | false | no main function to read parameters from",
        "bun     | " + TS + " | {'requiredImports': ['stripe', 'npm:zod']}           | true  | ",
        "bun     | "
            + TS
            + " | {'requiredImports': ['windmill-client']}             | false | no import of [windmill-client]",
        "bun     | fetch('x') // import axios | {'requiredImports': ['axios']}   | false | no import of [axios]",
        "python3 | " + PY + " | {'requiredImports': ['requests', 'typing']}          | true  | ",
        "go      | " + GO + " | {'requiredImports': ['net/http']}                    | true  | ",
        "bun     | " + TS + " | {'forbiddenPatterns': ['axios', 'sk_live_\\\\w+']}     | true  | ",
        "bun     | "
            + TS
            + " | {'forbiddenPatterns': ['api\\\\.stripe\\\\.com']}     | false | forbidden pattern found: [api\\.stripe\\.com]",
        "bun     | " + TS + " | {'requiredPatterns': ['fetch\\\\(']}                  | true  | ",
        "bun     | "
            + TS
            + " | {'requiredPatterns': ['try\\\\s*\\\\{', 'fetch']}     | false | required pattern missing: [try\\s*\\{]",
      })
  void appliesEachRule(String language, String code, String rules, boolean passes, String detail) {
    List<Check> checks =
        RuleChecks.check(script(language, code.replace("\\n", "\n")), rules(rules));

    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).passed()).as(checks.get(0).toString()).isEqualTo(passes);
    if (!passes) {
      assertThat(checks.get(0).detail()).isEqualTo(detail);
    }
  }
}

package dev.evals.modes.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryPointTest {

  static Stream<Arguments> signatures() {
    return Stream.of(
        Arguments.of(
            "bun", "export async function main(name: string, n = 3) {}", "name:string, n:null"),
        Arguments.of(
            "deno",
            "export function main(opts: Record<string, number>, f?: () => void) {}",
            "opts:Record<string, number>, f:() => void"),
        Arguments.of(
            "bun",
            "type Stripe = {token: string}\nexport async function main(\n  stripe: Stripe,\n  limit: number = 10,\n) {}",
            "stripe:Stripe, limit:number"),
        Arguments.of("nativets", "export async function main() { return 1 }", ""),
        Arguments.of(
            "python3",
            "def main(url: str, headers: dict[str, str] = {}, *, retries: int = 2):\n    pass",
            "url:str, headers:dict[str, str], retries:int"),
        Arguments.of(
            "python3",
            "import x\n\nasync def main(db: c_postgresql):\n  return 1",
            "db:c_postgresql"),
        Arguments.of(
            "go",
            "package inner\n\nfunc main(a, b int, name string) (int, error) {",
            "a:int, b:int, name:string"),
        Arguments.of(
            "bash", "name=\"$1\"\ncount=\"${2:-10}\"\necho $name", "name:null, count:null"),
        Arguments.of(
            "postgresql",
            "-- $1 customer_id\n-- $2 since = '2024-01-01'\nSELECT 1",
            "customer_id:null, since:null"),
        Arguments.of(
            "mysql",
            "-- ? customer_id (bigint)\nSELECT * FROM o WHERE c = ?",
            "customer_id:bigint"),
        Arguments.of(
            "powershell",
            "param([string]$Name, $Count = 1)\nWrite-Output $Name",
            "Name:string, Count:null"));
  }

  @ParameterizedTest
  @MethodSource("signatures")
  void readsTheParametersOfEachLanguage(String language, String code, String expected) {
    MainSignature signature =
        EntryPoint.signature(code, ScriptLanguage.named(language).orElseThrow()).orElseThrow();

    assertThat(
            String.join(
                ", ", signature.params().stream().map(p -> p.name() + ":" + p.type()).toList()))
        .isEqualTo(expected);
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        Arguments.of("bun", "async function main(x: string) {}", "main is not exported"),
        Arguments.of(
            "bun", "export const main = async (x: string) => x", "not a const arrow function"),
        Arguments.of(
            "deno", "export async function handler() {}", "no 'export async function main(...)'"),
        Arguments.of(
            "python3", "class A:\n    def main(self):\n        pass", "must be at the top level"),
        Arguments.of("python3", "def run(x):\n    return x", "no top-level 'def main(...)' found"),
        Arguments.of("go", "package inner\nfunc Main() {}", "no top-level 'func main(...)' found"));
  }

  @ParameterizedTest
  @MethodSource("missing")
  void explainsAMissingEntryPoint(String language, String code, String reason) {
    assertThat(EntryPoint.missing(code, ScriptLanguage.named(language).orElseThrow()))
        .contains(reason);
  }
}

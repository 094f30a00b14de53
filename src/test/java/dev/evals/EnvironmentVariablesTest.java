package dev.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's table of environment variables names exactly the variables the code reads: every literal
 * passed to an environment lookup, the variables named by constants, and the providers' key and
 * base-URL variables.
 */
class EnvironmentVariablesTest {

  private static final Pattern LOOKUP =
      Pattern.compile("(?:getenv|getOrDefault|get)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");
  private static final Pattern CONSTANT =
      Pattern.compile("_VARIABLE\\s*=\\s*\"([A-Z][A-Z0-9_]+)\"");
  private static final Pattern QUOTED = Pattern.compile("\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)` \\|");

  private static Set<String> read() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        collect(LOOKUP, code, names);
        collect(CONSTANT, code, names);
        if (file.endsWith("ProviderEndpoint.java")) {
          collect(QUOTED, code, names);
        }
      }
    }
    return names;
  }

  private static void collect(Pattern pattern, String text, Set<String> names) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
  }

  @Test
  void theReadmeListsEveryEnvironmentVariableTheCodeReadsAndNoOther() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Environment variables"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    Set<String> documented = new TreeSet<>();
    collect(ROW, section, documented);

    assertThat(documented).isEqualTo(read()).contains("CI", "GITHUB_SHA", "PATH");
  }
}

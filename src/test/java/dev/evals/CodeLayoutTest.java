package dev.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's "Code layout" names every package of the main code. */
class CodeLayoutTest {

  private static final Path ROOT = Path.of("src/main/java/dev/evals");

  @Test
  void readmeCodeLayoutListsEveryPackage() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block =
        Pattern.compile("## Code layout\\s+```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("a Code layout block in README.md").isTrue();
    String layout = block.group(1);

    assertThat(packages())
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(layout)
                    .as("README Code layout names " + name + "/")
                    .containsPattern("(^|[\\s,])" + Pattern.quote(name + "/")));
  }

  private static List<String> packages() throws IOException {
    try (Stream<Path> dirs = Files.walk(ROOT)) {
      return dirs.filter(Files::isDirectory)
          .filter(dir -> !dir.equals(ROOT))
          .map(dir -> ROOT.relativize(dir).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}

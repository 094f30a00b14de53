package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The pages a person opens, in headless Chromium: report.html of a real reference run (one case
 * passes, one fails), the history page of two recorded runs, and compare.html of the two.
 * Screenshots go to {@code target/screenshots/} for a reviewer. Skipped, saying why, where no
 * browser is installed.
 */
class PagesInBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private static ChromeDriver browser;

  @TempDir static Path dir;

  @BeforeAll
  static void startTheBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "no browser: install Debian's chromium and chromium-driver (.ci/run does) to run these");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
    recordTwoRuns();
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void recordTwoRuns() throws IOException {
    String fixture =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir)
        .caseFile("flow", suite("convert_temperature"))
        .file("fixtures/flow/expected/celsius.json", fixture);
    record("out/first.json");
    Files.writeString(dir.resolve("cases/flow.yaml"), suite("renamed_step"));
    record("out/second.json");
    CliRun history = CliRun.of(dir, Map.of(), "history", "flow");
    assertThat(history.exitCode()).as(history.err()).isZero();
    CliRun compare = CliRun.of(dir, Map.of(), "compare", "out/first", "out/second");
    assertThat(compare.exitCode()).as(compare.err()).isZero();
  }

  private static void record(String output) {
    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--runs",
            "2",
            "--record",
            "--output",
            output);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static String suite(String goodStep) {
    return """
        - id: flow-good
          prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [%s]
        - id: flow-bad
          prompt: Convert `celsius` to Fahrenheit in one step `other_step`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [other_step]
        """
        .formatted(goodStep);
  }

  private static void open(Path page) {
    browser.get(page.toUri().toString());
  }

  private static List<WebElement> visibleCards() {
    return browser.findElements(By.cssSelector("section.case[id^='case-']")).stream()
        .filter(WebElement::isDisplayed)
        .toList();
  }

  private static void screenshot(String name) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        SCREENSHOTS.resolve(name),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Everything the page fetched besides itself: inline pages fetch nothing. */
  private static long fetched() {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript("return performance.getEntriesByType('resource').length;");
  }

  private static List<String> consoleProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Test
  void theReportsFiltersAndSearchShowTheCasesTheyPromise() throws IOException {
    open(dir.resolve("out/first/report.html"));
    screenshot("report.png");

    assertThat(visibleCards()).hasSize(2);
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("2 of 2 case(s) shown");

    browser.findElement(By.id("failed-only")).click();
    assertThat(visibleCards())
        .extracting(c -> c.getAttribute("id"))
        .containsExactly("case-flow-bad");
    screenshot("report-failed-only.png");
    browser.findElement(By.id("failed-only")).click();

    browser.findElement(By.id("search")).sendKeys("flow-good");
    assertThat(visibleCards())
        .extracting(c -> c.getAttribute("id"))
        .containsExactly("case-flow-good");
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1 of 2 case(s) shown");

    assertThat(fetched()).isZero();
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void theHistoryPageDrawsTheChartAndTheFlipWithoutFetchingAnything() throws IOException {
    open(dir.resolve("results/history/flow.html"));
    screenshot("history.png");

    WebElement chart = browser.findElement(By.id("pass-rate"));
    assertThat(chart.isDisplayed()).isTrue();
    assertThat(chart.getSize().getWidth()).isGreaterThan(600);
    assertThat(browser.findElements(By.cssSelector("g.series circle.point"))).hasSize(2);
    WebElement flip = browser.findElement(By.cssSelector("tr[data-case='flow-good'] td.flip"));
    assertThat(flip.getText()).isEqualTo("0/2");
    assertThat(flip.getCssValue("outline-style")).isEqualTo("solid");
    assertThat(fetched()).isZero();
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void theComparePagesFiltersSearchAndSortingShowTheCasesTheyPromise() throws IOException {
    open(dir.resolve("out/second__vs__first/compare.html"));
    screenshot("compare.png");

    assertThat(visibleRows()).containsExactly("flow-good", "flow-bad");
    assertThat(browser.findElement(By.cssSelector("tr[data-case='flow-good'] td.rate")).getText())
        .startsWith("100.0%");
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("2 of 2 case(s) shown");

    browser.findElement(By.cssSelector("input.status-filter[value='still-failing']")).click();
    assertThat(visibleRows()).containsExactly("flow-good");
    browser.findElement(By.cssSelector("input.status-filter[value='still-failing']")).click();

    browser.findElement(By.cssSelector("th[data-key='case']")).click();
    assertThat(visibleRows()).containsExactly("flow-bad", "flow-good");
    browser.findElement(By.cssSelector("th[data-key='case']")).click();
    assertThat(visibleRows()).containsExactly("flow-good", "flow-bad");

    browser.findElement(By.id("search")).sendKeys("flow-bad");
    assertThat(visibleRows()).containsExactly("flow-bad");
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1 of 2 case(s) shown");

    assertThat(fetched()).isZero();
    assertThat(consoleProblems()).isEmpty();
  }

  private static List<String> visibleRows() {
    return browser.findElements(By.cssSelector("#cases tr.case")).stream()
        .filter(WebElement::isDisplayed)
        .map(row -> row.getAttribute("data-case"))
        .toList();
  }

  @Test
  void anAttemptPageOpensFromItsLinkAndShowsTheConversation() throws IOException {
    open(dir.resolve("out/first/report.html"));
    WebElement link = browser.findElement(By.cssSelector("section#case-flow-bad a.attempt-page"));
    link.click();

    assertThat(browser.getCurrentUrl()).endsWith("/out/first/flow-bad/attempt-1/attempt.html");
    assertThat(browser.findElement(By.cssSelector("section.prompt .text")).getText())
        .contains("Convert `celsius` to Fahrenheit in one step `other_step`.");
    assertThat(
            browser.findElements(By.cssSelector("section.conversation .message .role")).stream()
                .map(WebElement::getText)
                .toList())
        .contains("SYSTEM", "USER", "ASSISTANT");
    WebElement call = browser.findElement(By.cssSelector("details.tool-call"));
    call.findElement(By.tagName("summary")).click();
    assertThat(call.findElement(By.cssSelector("pre.json")).isDisplayed()).isTrue();
    screenshot("attempt.png");
    assertThat(fetched()).isZero();
    assertThat(consoleProblems()).isEmpty();

    browser.findElement(By.cssSelector(".message.system a")).click();
    assertThat(browser.findElement(By.cssSelector(".prompt")).getText()).isNotBlank();
    assertThat(fetched()).isZero();
    assertThat(consoleProblems()).isEmpty();
  }
}

package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.report.Summary;
import dev.evals.run.RunDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitReportTest {

  @TempDir Path dir;

  @Test
  void writesOneTestcasePerAttemptWithFailuresAndErrorsCounted() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    Document xml = parse(JunitReport.render(summary, SampleRun.attempts(dir)));

    Element suite = xml.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("flow");
    assertThat(suite.getAttribute("tests")).isEqualTo("15");
    assertThat(suite.getAttribute("failures")).isEqualTo("5");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(15);
    Element first = (Element) cases.item(0);
    assertThat(first.getAttribute("name")).isEqualTo("steady#1");
    assertThat(first.getAttribute("classname")).isEqualTo("evals.flow");
    assertThat(first.getAttribute("time")).isEqualTo("1.501");
    assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(5);
    assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(1);
  }

  @Test
  void escapesMessagesAndDropsCharactersXmlCannotCarry() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    Document xml = parse(JunitReport.render(summary, SampleRun.attempts(dir)));

    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("step ids");
    assertThat(failure.getTextContent())
        .isEqualTo("step ids: missing <b>\"quotes\" & 'ticks'</b>\uFFFD");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("ProviderException: HTTP 503");
    assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("flaky#3");
  }

  @Test
  void validatesAgainstTheSurefireTestReportSchema() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));
    String xml = JunitReport.render(summary, SampleRun.attempts(dir));

    assertThatCode(() -> SurefireSchema.validate(xml)).doesNotThrowAnyException();
    assertThat(parse(xml).getDocumentElement().hasAttribute("timestamp")).isFalse();
  }

  @Test
  void theSchemaRejectsATimestampAttribute() throws Exception {
    String withTimestamp =
        "<testsuite name=\"flow\" tests=\"0\" errors=\"0\" skipped=\"0\" failures=\"0\""
            + " timestamp=\"2026-11-24T12:00:00Z\"/>";

    assertThatThrownBy(() -> SurefireSchema.validate(withTimestamp))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("timestamp");
  }

  @Test
  void carriesTheStartTimeAndTheCostsAsProperties() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    NodeList properties =
        parse(JunitReport.render(summary, SampleRun.attempts(dir)))
            .getElementsByTagName("property");

    java.util.Map<String, String> byName = new java.util.HashMap<>();
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      byName.put(property.getAttribute("name"), property.getAttribute("value"));
    }
    assertThat(byName).containsEntry("timestamp", summary.createdAt());
    assertThat(byName).containsEntry("modelCostUsd", summary.modelCostUsd().toPlainString());
    assertThat(byName).containsEntry("judgeCostUsd", summary.judgeCostUsd().toPlainString());
    assertThat(byName).containsEntry("totalCostUsd", summary.totalCostUsd().toPlainString());
    assertThat(summary.modelCostUsd().add(summary.judgeCostUsd()))
        .isEqualByComparingTo(summary.totalCostUsd());
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}

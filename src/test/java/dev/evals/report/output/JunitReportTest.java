package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

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

class JunitReportTest {

  @TempDir Path dir;

  @Test
  void writesOneTestcasePerAttemptWithFailuresAndErrorsCounted() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    Document xml = parse(JunitReport.render(summary));

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

    Document xml = parse(JunitReport.render(summary));

    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("step ids");
    assertThat(failure.getTextContent())
        .isEqualTo("step ids: missing <b>\"quotes\" & 'ticks'</b>\uFFFD");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("ProviderException: HTTP 503");
    assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("flaky#3");
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}

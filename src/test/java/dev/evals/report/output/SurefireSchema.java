package dev.evals.report.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Surefire's test-report XSD, read at test time from the Surefire source release that Maven
 * resolves as a test dependency (its path comes in as the {@code surefire.sources} property), so
 * the schema is the published one and never a copy kept in this repository.
 */
final class SurefireSchema {

  static final String ENTRY =
      "maven-surefire-plugin/src/site/resources/xsd/surefire-test-report.xsd";

  private SurefireSchema() {}

  /** Throws a SAXException naming the line and the rule when the XML does not validate. */
  static void validate(String xml) throws IOException, SAXException {
    load().newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  static Schema load() throws IOException, SAXException {
    String sources = System.getProperty("surefire.sources");
    if (sources == null || !Files.isRegularFile(Path.of(sources))) {
      throw new IllegalStateException(
          "system property surefire.sources must name the Surefire source-release zip (set by"
              + " the pom through maven-dependency-plugin:properties), got "
              + sources);
    }
    try (ZipFile zip = new ZipFile(sources)) {
      ZipEntry entry =
          zip.stream()
              .filter(e -> e.getName().endsWith("/" + ENTRY))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(sources + " has no " + ENTRY));
      try (InputStream in = zip.getInputStream(entry)) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new StreamSource(in));
      }
    }
  }
}

package dev.evals.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of this tool is running: the version and the commit Maven wrote into {@code
 * build.properties} (and the jar's manifest) when it built it. A build from a tarball without
 * {@code .git} has the commit {@code unknown}.
 *
 * @param version the project version
 * @param commit the commit the tool was built from, or {@code unknown}
 */
public record ToolBuild(String version, String commit) {

  public static final String UNKNOWN = "unknown";

  private static final ToolBuild CURRENT = read();

  /** The running build. */
  public static ToolBuild current() {
    return CURRENT;
  }

  private static ToolBuild read() {
    Properties properties = new Properties();
    try (InputStream in = ToolBuild.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return new ToolBuild(UNKNOWN, UNKNOWN);
    }
    return new ToolBuild(value(properties, "version"), value(properties, "commit"));
  }

  /** A value Maven did not fill in (a build outside Maven) reads as unknown. */
  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key, "").strip();
    return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
  }

  /** {@code evals 0.1.0-SNAPSHOT (commit 0123abcd...)}. */
  public String describe() {
    return "evals " + version + " (commit " + commit + ")";
  }
}

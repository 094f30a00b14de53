package dev.evals.modes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project guidance written into every workspace: {@code AGENTS.md}, {@code CLAUDE.md} and the
 * skills. A guidance folder keeps skills under {@code skills/<name>/SKILL.md}; they are installed
 * where Claude Code ({@code .claude/skills/}) and Codex ({@code .agents/skills/}) discover them.
 * Every other file is copied to the same relative path.
 */
final class Guidance {

  static final String AGENTS_FILE = "AGENTS.md";
  private static final String RESOURCE_ROOT = "/cli-guidance/";
  private static final String INDEX = "index.txt";
  private static final List<String> SKILL_HOMES = List.of(".claude/skills/", ".agents/skills/");

  private final Map<String, String> files;

  private Guidance(Map<String, String> files) {
    this.files = Map.copyOf(files);
    if (!files.containsKey(AGENTS_FILE)) {
      throw new IllegalArgumentException("guidance has no " + AGENTS_FILE);
    }
  }

  /** The guidance shipped in the jar, listed by {@code cli-guidance/index.txt}. */
  static Guidance builtIn() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : resource(INDEX).split("\n")) {
      String path = line.strip();
      if (!path.isEmpty() && !path.startsWith("#")) {
        files.put(path, resource(path));
      }
    }
    return new Guidance(files);
  }

  /** The guidance of a {@code --guidance-dir}, laid out like the built-in one. */
  static Guidance fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("guidance directory not found: " + directory);
    }
    Map<String, String> files = new LinkedHashMap<>();
    FileTree.snapshot(directory, path -> false)
        .files()
        .forEach((path, entry) -> files.put(path, entry.text()));
    return new Guidance(files);
  }

  /** The names of the skills, {@code <name>} of each {@code skills/<name>/SKILL.md}. */
  Set<String> skills() {
    Set<String> skills = new TreeSet<>();
    for (String path : files.keySet()) {
      String[] parts = path.split("/");
      if (parts.length == 3 && parts[0].equals("skills") && parts[2].equals("SKILL.md")) {
        skills.add(parts[1]);
      }
    }
    return skills;
  }

  /** The files as installed in a workspace, with {@code AGENTS.md} replaced when asked. */
  FileTree installed(String agentsMdOverride) {
    Map<String, String> installed = new LinkedHashMap<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith("skills/")) {
            String skill = path.substring("skills/".length());
            SKILL_HOMES.forEach(home -> installed.put(home + skill, text));
          } else {
            installed.put(path, text);
          }
        });
    if (agentsMdOverride != null) {
      installed.put(AGENTS_FILE, agentsMdOverride);
    }
    return FileTree.of(installed);
  }

  private static String resource(String path) {
    try (InputStream in = Guidance.class.getResourceAsStream(RESOURCE_ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE_ROOT + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

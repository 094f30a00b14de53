package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.script.CodeDefects;
import dev.evals.modes.script.ScriptCode;
import dev.evals.modes.script.ScriptLanguage;
import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.ArrayList;
import java.util.List;

/** Seeded defects in the inline code of a flow's steps and agent tools. */
final class FlowCodeMutants {

  private FlowCodeMutants() {}

  static List<FlowDefect> of(FlowState expected) {
    List<FlowDefect> all = new ArrayList<>();
    all.addAll(
        FlowDefect.perSite(
            expected,
            "language-unknown",
            InlineCodeValidator.LANGUAGES,
            true,
            (copy, site, i) -> relabel(site, "cobol")));
    all.addAll(
        FlowDefect.perSite(
            expected,
            "language-mislabelled",
            InlineCodeValidator.LANGUAGES,
            true,
            (copy, site, i) -> mislabel(site)));
    all.addAll(
        FlowDefect.perSite(
            expected,
            "placeholder-code",
            StructureValidator.NO_PLACEHOLDERS,
            true,
            (copy, site, i) -> site.isTool() ? null : stub(site, i)));
    all.addAll(
        FlowDefect.perSite(
            expected,
            "tool-placeholder",
            StructureValidator.NO_PLACEHOLDERS,
            true,
            (copy, site, i) -> site.isTool() ? stub(site, i) : null));
    all.addAll(
        FlowDefect.perSite(
            expected,
            "removed-main-param",
            InlineCodeValidator.ARGUMENTS,
            true,
            (copy, site, i) -> site.isTool() ? null : removeParameter(site)));
    all.addAll(
        FlowDefect.perSite(
            expected,
            "semantic",
            "(none: for the judge and the backend preview)",
            false,
            (copy, site, i) -> bumpLiteral(site)));
    return all;
  }

  private static String relabel(FlowSites site, String language) {
    if (!site.type().equals("rawscript")) {
      return null;
    }
    String was = site.value().path("language").asText();
    site.value().put("language", language);
    return where(site) + ": language " + was + " -> " + language;
  }

  private static String mislabel(FlowSites site) {
    if (!site.type().equals("rawscript")) {
      return null;
    }
    Family family = ScriptCode.writtenIn(site.value().path("content").asText()).orElse(null);
    if (family == null) {
      return null;
    }
    return relabel(site, family == Family.PYTHON ? "bun" : "python3");
  }

  private static String stub(FlowSites site, int variant) {
    ScriptLanguage language = language(site);
    if (language == null) {
      return null;
    }
    String stubbed = CodeDefects.stubbed(content(site), language, variant);
    if (stubbed == null) {
      return null;
    }
    site.value().put("content", stubbed);
    return where(site) + ": main's body replaced by a stub";
  }

  private static String removeParameter(FlowSites site) {
    ScriptLanguage language = language(site);
    if (language == null) {
      return null;
    }
    String name = CodeDefects.lastParameter(content(site), language);
    if (name == null || !site.value().path("input_transforms").has(name)) {
      return null;
    }
    site.value().put("content", CodeDefects.withoutLastParameter(content(site), language));
    return where(site) + ": main no longer takes '" + name + "', which an input still passes";
  }

  private static String bumpLiteral(FlowSites site) {
    ScriptLanguage language = language(site);
    if (language == null) {
      return null;
    }
    String bumped = CodeDefects.bumpedLiteral(content(site), language);
    if (bumped == null) {
      return null;
    }
    site.value().put("content", bumped);
    return where(site) + ": a number in the code is one higher";
  }

  private static ScriptLanguage language(FlowSites site) {
    if (!site.type().equals("rawscript")) {
      return null;
    }
    return ScriptLanguage.named(site.value().path("language").asText()).orElse(null);
  }

  private static String content(FlowSites site) {
    ObjectNode value = site.value();
    return value.path("content").asText();
  }

  static String where(FlowSites site) {
    return (site.isTool()
        ? "tool '" + site.id() + "' of '" + site.agentId() + "'"
        : "step '" + site.id() + "'");
  }
}

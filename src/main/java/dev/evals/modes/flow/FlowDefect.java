package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded defect of an expected flow, before it is turned into tool calls.
 *
 * @param defectClass the kind of defect
 * @param structural whether the flow's structure reveals it
 * @param description what was changed
 * @param check the check that should fail on it
 * @param flow the broken flow
 */
record FlowDefect(
    String defectClass, boolean structural, String description, String check, FlowState flow) {

  /** Changes one step of a fresh copy of the flow; returns what it did, or null to skip. */
  interface SiteEdit {
    String apply(FlowState copy, FlowSites site, int index);
  }

  /** One defect per step the edit applies to. */
  static List<FlowDefect> perSite(
      FlowState expected, String defectClass, String check, boolean structural, SiteEdit edit) {
    List<FlowDefect> defects = new ArrayList<>();
    int count = FlowSites.of(expected.value()).size();
    for (int i = 0; i < count; i++) {
      FlowState copy = copy(expected);
      String description = edit.apply(copy, FlowSites.of(copy.value()).get(i), i);
      if (description != null) {
        defects.add(new FlowDefect(defectClass, structural, description, check, copy));
      }
    }
    return defects;
  }

  static FlowState copy(FlowState flow) {
    JsonNode schema = flow.schema() == null ? null : flow.schema().deepCopy();
    return new FlowState(flow.summary(), flow.value().deepCopy(), schema);
  }
}

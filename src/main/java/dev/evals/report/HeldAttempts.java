package dev.evals.report;

import dev.evals.run.AttemptRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Attempts already in memory, as a few callers have them (a handful of records in tests, a summary
 * given on its own): the cases first in the given order, then any other case the records name.
 */
public final class HeldAttempts implements AttemptSource {

  private final Map<String, List<AttemptRecord>> byCase = new LinkedHashMap<>();

  public HeldAttempts(List<String> caseIds, List<AttemptRecord> records) {
    caseIds.forEach(id -> byCase.put(id, new ArrayList<>()));
    records.forEach(r -> byCase.computeIfAbsent(r.caseId(), id -> new ArrayList<>()).add(r));
    byCase.values().forEach(list -> list.sort(Comparator.comparingInt(AttemptRecord::attempt)));
  }

  @Override
  public List<String> caseIds() {
    return List.copyOf(byCase.keySet());
  }

  @Override
  public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
    byCase.getOrDefault(caseId, List.of()).forEach(sink);
  }
}

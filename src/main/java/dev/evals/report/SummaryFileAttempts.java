package dev.evals.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The attempts of a {@code summary.json} given on its own (no run folder beside it): each request
 * streams through the file to the case asked for and hands its attempts out one at a time, so the
 * file is never held whole.
 */
public final class SummaryFileAttempts implements AttemptSource {

  private final Path file;
  private final List<String> caseIds;

  public SummaryFileAttempts(Path file, Summary summary) {
    this.file = file;
    this.caseIds = summary.cases().stream().map(CaseSummary::id).toList();
  }

  @Override
  public List<String> caseIds() {
    return caseIds;
  }

  /**
   * @throws UncheckedIOException when the file can no longer be read
   */
  @Override
  public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
    try (JsonParser p = Mappers.json().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT || !toField(p, SummaryJson.CASES)) {
        return;
      }
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        if (attemptsOf(p, caseId, sink)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Moves to the value of a top-level field; false when the object has none of that name. */
  private static boolean toField(JsonParser p, String name) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (p.currentName().equals(name)) {
        return true;
      }
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }

  /** Reads one case object to its end, handing out its attempts when it is the one asked for. */
  private static boolean attemptsOf(JsonParser p, String caseId, Consumer<AttemptRecord> sink)
      throws IOException {
    String id = null;
    boolean handed = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("id")) {
        id = p.getValueAsString();
      } else if (name.equals(SummaryJson.ATTEMPTS)
          && caseId.equals(id)
          && value == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          sink.accept(Mappers.json().readValue(p, AttemptRecord.class));
        }
        handed = true;
      } else {
        p.skipChildren();
      }
    }
    return handed;
  }
}

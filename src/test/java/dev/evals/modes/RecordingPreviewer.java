package dev.evals.modes;

import java.util.ArrayList;
import java.util.List;

/** Wraps a test's previewer so every request it is given is kept for the test to inspect. */
public final class RecordingPreviewer {

  private final List<PreviewRequest> requests = new ArrayList<>();

  /** The previewer answering as {@code previewer} does; null (no backend) stays null. */
  public Previewer around(Previewer previewer) {
    if (previewer == null) {
      return null;
    }
    return request -> {
      requests.add(request);
      return previewer.preview(request);
    };
  }

  /** The requests made so far, in order. */
  public List<PreviewRequest> requests() {
    return requests;
  }
}

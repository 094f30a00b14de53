package dev.evals.modes;

import java.io.IOException;

/** Where a session writes its artifact files; paths are relative to the attempt's folder. */
public interface ArtifactSink {

  /**
   * Writes one file. A path that would leave the attempt's folder is refused with an {@link
   * IllegalArgumentException}.
   */
  void write(String relativePath, String content) throws IOException;
}

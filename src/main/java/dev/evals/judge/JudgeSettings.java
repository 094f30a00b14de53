package dev.evals.judge;

/**
 * How the judge decides.
 *
 * @param threshold the lowest score that passes, 0 to 100
 * @param samples how many independent judgements to ask for; the median score counts
 * @param maxStateChars the longest a state may be in the prompt before it is visibly truncated
 */
public record JudgeSettings(int threshold, int samples, int maxStateChars) {

  public static final int DEFAULT_THRESHOLD = 80;
  public static final int DEFAULT_SAMPLES = 1;
  public static final int DEFAULT_MAX_STATE_CHARS = 60_000;

  public JudgeSettings {
    if (threshold < 0 || threshold > 100) {
      throw new IllegalArgumentException("judge threshold must be 0-100, got " + threshold);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("judge samples must be at least 1, got " + samples);
    }
    if (maxStateChars < 1) {
      throw new IllegalArgumentException("maxStateChars must be positive, got " + maxStateChars);
    }
  }

  public static JudgeSettings defaults() {
    return new JudgeSettings(DEFAULT_THRESHOLD, DEFAULT_SAMPLES, DEFAULT_MAX_STATE_CHARS);
  }
}

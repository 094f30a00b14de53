package dev.evals.modes;

import dev.evals.agent.ToolReply;
import java.util.List;

/**
 * What a tool that edits the draft answers once the edit is saved: {@code ok}, or an error that
 * lists what is still wrong so the model fixes it next.
 */
public final class EditReply {

  private EditReply() {}

  /**
   * @param savedBut the sentence before the list, e.g. {@code The flow was saved, but it has
   *     problems to fix}
   * @param problems what the mode's checks found in the saved draft
   */
  public static ToolReply of(String savedBut, List<String> problems) {
    return problems.isEmpty()
        ? ToolReply.ok("ok")
        : ToolReply.error(savedBut + ":\n- " + String.join("\n- ", problems));
  }
}

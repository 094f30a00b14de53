package dev.evals.modes.global;

import java.util.List;

/**
 * The global system prompt with the facts of the case's workspace appended: who the user is, which
 * folders they can write or only read, and what is open in their editor.
 */
final class GlobalPrompt {

  private GlobalPrompt() {}

  static String render(String prompt, InitialWorkspace initial) {
    StringBuilder context = new StringBuilder(prompt.strip()).append("\n\n## This workspace\n");
    String user = initial.username();
    if (user.isEmpty()) {
      context.append("- The current user is not known.\n");
    } else {
      context
          .append("- Current user: ")
          .append(user)
          .append(initial.user().path("is_admin").asBoolean(false) ? " (admin)" : " (not an admin)")
          .append("; personal items go under u/")
          .append(user)
          .append("/.\n");
    }
    List<String> writable = initial.writableFolders();
    if (!writable.isEmpty()) {
      context
          .append("- Folders the user can write to: f/")
          .append(String.join("/, f/", writable))
          .append("/.\n");
    }
    List<String> readOnly = initial.readOnlyFolders();
    if (!readOnly.isEmpty()) {
      context
          .append("- Folders the user can only read (never write there): f/")
          .append(String.join("/, f/", readOnly))
          .append("/.\n");
    }
    if (initial.liveDrafts().isEmpty()) {
      context.append(
          "- No editor is open: \"this script\" or \"the current flow\" names nothing.\n");
    }
    initial
        .liveDrafts()
        .forEach(
            draft ->
                context
                    .append("- Open in the editor (a live draft): ")
                    .append(draft.type())
                    .append(' ')
                    .append(draft.path())
                    .append(".\n"));
    return context.toString();
  }
}

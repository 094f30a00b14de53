package dev.evals.modes.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the agent did to the workspace, against the files it started with (the case's initial files
 * and the guidance).
 *
 * @param created paths that did not exist before
 * @param changed paths whose contents changed
 * @param deleted paths that no longer exist
 */
record AgentFolderDiff(List<String> created, List<String> changed, List<String> deleted) {

  AgentFolderDiff {
    created = List.copyOf(created);
    changed = List.copyOf(changed);
    deleted = List.copyOf(deleted);
  }

  static AgentFolderDiff between(FileTree before, FileTree after) {
    Set<String> created = new TreeSet<>();
    Set<String> changed = new TreeSet<>();
    Set<String> deleted = new TreeSet<>(before.files().keySet());
    for (String path : after.files().keySet()) {
      deleted.remove(path);
      if (!before.files().containsKey(path)) {
        created.add(path);
      } else if (!before.sameFile(path, after)) {
        changed.add(path);
      }
    }
    return new AgentFolderDiff(List.copyOf(created), List.copyOf(changed), List.copyOf(deleted));
  }

  /** Created and changed paths, sorted. */
  List<String> written() {
    Set<String> written = new TreeSet<>(created);
    written.addAll(changed);
    return List.copyOf(written);
  }

  boolean isEmpty() {
    return created.isEmpty() && changed.isEmpty() && deleted.isEmpty();
  }
}

package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.DraftState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One attempt's workspace: the deployed items and, kept apart, the AI drafts the assistant wrote.
 * Writing never touches a deployed item; only {@code deploy_workspace_item} and {@code
 * delete_workspace_item} do, and both are recorded so a case can tell they happened.
 */
final class SimulatedWorkspace implements DraftState {

  private final Map<String, Draft> deployed = new LinkedHashMap<>();
  private final Map<String, Draft> drafts = new TreeMap<>();
  private final List<Draft> deployments = new ArrayList<>();
  private final List<String> deletions = new ArrayList<>();
  private final Set<String> createdFolders = new LinkedHashSet<>();

  SimulatedWorkspace(InitialWorkspace initial) {
    initial.deployed().forEach(item -> deployed.put(item.key(), item));
    initial.liveDrafts().forEach(draft -> drafts.put(draft.key(), draft));
  }

  /** The draft of that key, else the deployed item: what a read of the path shows. */
  Optional<Draft> current(String key) {
    return Optional.ofNullable(drafts.getOrDefault(key, deployed.get(key)));
  }

  Optional<Draft> draft(String key) {
    return Optional.ofNullable(drafts.get(key));
  }

  void write(Draft draft) {
    drafts.put(draft.key(), draft);
  }

  /** Moves the draft into the deployed workspace; false when there is no such draft. */
  boolean deploy(String key) {
    Draft draft = drafts.remove(key);
    if (draft == null) {
      return false;
    }
    deployed.put(key, draft);
    deployments.add(draft);
    return true;
  }

  /** Deletes a deployed item; false when there is none of that key. */
  boolean delete(String key) {
    if (deployed.remove(key) == null) {
      return false;
    }
    deletions.add(key);
    return true;
  }

  void createFolder(String name) {
    createdFolders.add(name);
  }

  Set<String> createdFolders() {
    return Set.copyOf(createdFolders);
  }

  List<Draft> drafts() {
    return List.copyOf(drafts.values());
  }

  List<Draft> deployed() {
    return List.copyOf(deployed.values());
  }

  List<Draft> deployments() {
    return List.copyOf(deployments);
  }

  List<String> deletions() {
    return List.copyOf(deletions);
  }

  /**
   * The attempt's outcome as {@code global-drafts.json}: Windmill's {@code {drafts}} plus what was
   * deployed, deleted and which folders were created.
   */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode draftList = node.putArray("drafts");
    drafts.values().forEach(draft -> draftList.add(draft.toJson(true)));
    ArrayNode deployedList = node.putArray("deployed");
    deployments.forEach(item -> deployedList.add(item.toJson(false)));
    deletions.forEach(node.putArray("deleted")::add);
    createdFolders.forEach(node.putArray("createdFolders")::add);
    return node;
  }

  /** The workspace a saved {@code global-drafts.json} describes, replayed over the initial one. */
  static SimulatedWorkspace restored(InitialWorkspace initial, JsonNode saved) {
    SimulatedWorkspace workspace = new SimulatedWorkspace(initial);
    workspace.replay(saved);
    return workspace;
  }

  private void replay(JsonNode saved) {
    drafts.clear();
    saved.path("drafts").forEach(draft -> write(Draft.fromJson(draft)));
    for (JsonNode item : saved.path("deployed")) {
      Draft draft = Draft.fromJson(item);
      deployed.put(draft.key(), draft);
      deployments.add(draft);
    }
    for (JsonNode key : saved.path("deleted")) {
      deployed.remove(key.asText());
      deletions.add(key.asText());
    }
    saved.path("createdFolders").forEach(folder -> createdFolders.add(folder.asText()));
  }
}

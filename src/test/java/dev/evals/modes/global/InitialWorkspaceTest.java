package dev.evals.modes.global;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.json.Mappers;
import org.junit.jupiter.api.Test;

class InitialWorkspaceTest {

  static final String EMPTY_USER = "{\"user\": {\"username\": \"admin\", \"is_admin\": true}}";

  @Test
  void readsWindmillsFixtureWithLiveDraftsApartFromDeployedItems() throws Exception {
    InitialWorkspace initial =
        InitialWorkspace.fromJson(
            Mappers.json()
                .readTree(
                    """
                    {"workspace": {"flows": [{"path": "f/a/flow", "value": {"modules": []},
                                              "schema": {"type": "object"}}]},
                     "liveEditorDrafts": [{"type": "script", "storagePath": "f/a/open",
                        "value": {"language": "python3", "content": "def main():\\n  return 1\\n"}}],
                     "user": {"username": "bob", "folders": ["a"], "folders_read": ["a", "b"]}}
                    """));

    assertThat(initial.deployed())
        .singleElement()
        .satisfies(d -> assertThat(d.key()).isEqualTo("flow:f/a/flow"));
    assertThat(initial.liveDrafts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.key()).isEqualTo("script:f/a/open");
              assertThat(d.language()).isEqualTo("python3");
            });
    assertThat(initial.readOnlyFolders()).containsExactly("b");
    assertThat(GlobalPrompt.render("P", initial))
        .contains("Current user: bob (not an admin)")
        .contains("only read (never write there): f/b/")
        .contains("Open in the editor (a live draft): script f/a/open");
  }
}

package dev.evals.model.cyclefixture;

import dev.evals.model.cyclefixture.leaf.Leaf;

/** Half of a deliberate cycle between a package and its sub-package, for ModelPackagesTest. */
public final class Root {
  public Leaf leaf() {
    return new Leaf();
  }
}

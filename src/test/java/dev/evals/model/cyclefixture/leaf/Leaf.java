package dev.evals.model.cyclefixture.leaf;

import dev.evals.model.cyclefixture.Root;

/** The other half of the deliberate cycle of ModelPackagesTest. */
public final class Leaf {
  public Root root() {
    return new Root();
  }
}

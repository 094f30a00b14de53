package dev.evals.modes.flow;

import java.util.List;

/**
 * What an attempt asked to attach to its flow besides the flow itself. A flow session implements
 * it, so a backend can create the flow at {@link #flowPath()} and then these on Windmill.
 */
public interface FlowDeployments {

  /** The current flow's Windmill path: the initial fixture's, or {@code f/evals/<case id>}. */
  String flowPath();

  /** The schedules created with {@code create_schedule}, in call order (latest per path). */
  List<FlowSchedule> schedules();

  /** The HTTP triggers created with {@code create_trigger}, in call order (latest per path). */
  List<FlowTrigger> triggers();
}

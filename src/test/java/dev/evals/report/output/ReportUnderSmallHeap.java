package dev.evals.report.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.report.AttemptSource;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.validate.Check;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Writes the reports of a synthetic run of {@code cases × runs} attempts, each with a realistic
 * transcript (a long system prompt, a flow built over several tool calls), started by {@link
 * ReportMemoryTest} in a JVM of its own with a small heap. The records are made as they are handed
 * over, never listed, so what stays in the heap is the report writer's alone. Exit 0 when every
 * report was written, 3 with the warnings otherwise.
 */
final class ReportUnderSmallHeap {

  /** Attempt folders the records take turns to point at: the files are real, disk stays small. */
  static final int FOLDERS = 20;

  private ReportUnderSmallHeap() {}

  public static void main(String[] args) throws IOException {
    Path run = Path.of(args[0]);
    int cases = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    writeFolders(run);
    List<String> ids = IntStream.range(0, cases).mapToObj(i -> "case-" + i).toList();
    Summary summary = SummaryBuilder.build(SampleRun.manifest(ids, runs), List.of(), "run");
    long start = System.nanoTime();
    long cpuBefore = cpuNanos();
    ReportFiles.Written written =
        ReportFiles.write(summary, source(ids, runs), run, run, Environment.of(Map.of()));
    System.out.printf(
        "%d attempts: reports in %d ms (%d ms of CPU), heap pools peaked at %d MB in all, of %d"
            + " MB%n",
        cases * runs,
        (System.nanoTime() - start) / 1_000_000,
        (cpuNanos() - cpuBefore) / 1_000_000,
        peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    written.warnings().forEach(System.out::println);
    System.exit(written.warnings().isEmpty() ? 0 : 3);
  }

  private static AttemptSource source(List<String> ids, int runs) {
    return new AttemptSource() {
      @Override
      public List<String> caseIds() {
        return ids;
      }

      @Override
      public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
        int c = Integer.parseInt(caseId.substring("case-".length()));
        for (int n = 1; n <= runs; n++) {
          AttemptRecord record =
              SampleRun.record(
                  caseId,
                  n,
                  AttemptStatus.OK,
                  List.of(Check.pass("run succeeded"), Check.fail("step ids", "missing b")));
          int folder = (c * runs + n) % FOLDERS;
          sink.accept(
              new AttemptRecord(
                  record.key(),
                  record.outcome(),
                  record.usage(),
                  record.timing(),
                  "pool/folder-" + folder));
        }
      }
    };
  }

  private static void writeFolders(Path run) throws IOException {
    for (int i = 0; i < FOLDERS; i++) {
      Path folder = Files.createDirectories(run.resolve("pool/folder-" + i));
      Files.writeString(folder.resolve("transcript.json"), transcript(i));
      Files.writeString(folder.resolve("flow.json"), flow(i).toPrettyString());
      Files.writeString(folder.resolve("expected.json"), flow(0).toPrettyString());
    }
  }

  /** About 40 KB, as a flow attempt of five turns writes. */
  static String transcript(int i) {
    ObjectNode root = Mappers.json().createObjectNode();
    root.put("systemPrompt", "You build and edit Windmill flows. ".repeat(250) + (i % 3));
    root.put("stop", "completed").put("turns", 5);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "user").put("text", "Build a flow of three steps. " + i);
    for (int turn = 1; turn <= 4; turn++) {
      ObjectNode assistant = messages.addObject().put("role", "assistant").put("text", "");
      assistant
          .putArray("toolCalls")
          .addObject()
          .put("id", "call-" + turn)
          .put("name", "set_flow")
          .put("arguments", flow(i + turn).toString());
      messages
          .addObject()
          .put("role", "tool")
          .putArray("results")
          .addObject()
          .put("callId", "call-" + turn)
          .put("name", "set_flow")
          .put("isError", turn == 2)
          .put("content", flow(i).toPrettyString());
    }
    messages.addObject().put("role", "assistant").put("text", "Done.").putArray("toolCalls");
    return root.toPrettyString();
  }

  private static ObjectNode flow(int i) {
    ObjectNode flow = Mappers.json().createObjectNode().put("summary", "flow " + i);
    ArrayNode modules = flow.putObject("value").putArray("modules");
    for (int m = 0; m < 3; m++) {
      ObjectNode value = modules.addObject().put("id", "step_" + m).putObject("value");
      value.put("type", "rawscript").put("language", "bun");
      value.put(
          "content",
          "export async function main(x: number) {\n"
              + "  // step %d of flow %d\n".formatted(m, i).repeat(20)
              + "  return x + %d;\n}\n".formatted(m));
    }
    return flow;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}

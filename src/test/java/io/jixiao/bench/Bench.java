package io.jixiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's results: lifecycle throughput (bare Flowable, service layer, REST API) with their
 * ratios, task-list latencies per open-task count, start time and heap — each against its target —
 * printed as one table and written to {@code target/bench/bench.json} (and {@code bench.md}).
 */
final class Bench {

  static final double SERVICE_TARGET = 0.75;
  static final double REST_TARGET = 0.50;
  static final double LIST_P95_TARGET_MS = 20;
  static final int LIST_TARGET_TASKS = 100_000;
  static final double HEAP_TARGET_MB = 512;
  static final double START_TARGET_S = 15;

  /** Lifecycles per second of each repetition, per variant. */
  final Map<String, List<Double>> lifecycles = new LinkedHashMap<>();
  final Map<Integer, List<TaskLists.Latency>> lists = new LinkedHashMap<>();
  final List<Double> startSeconds = new ArrayList<>();
  final Map<Integer, Double> heapMb = new LinkedHashMap<>();
  final Map<String, Object> parameters = new LinkedHashMap<>();

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  double rate(String variant) {
    return median(lifecycles.getOrDefault(variant, List.of()));
  }

  /** Used heap after a full GC of a running JVM, in MB (jcmd GC.run, then GC.heap_info). */
  static double heapAfterFullGc(long pid) {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher m = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K").matcher(info);
    long usedK = 0;
    boolean found = false;
    while (m.find()) {
      usedK += Long.parseLong(m.group(1));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("no heap figures in jcmd GC.heap_info:\n" + info);
    }
    return usedK / 1024.0;
  }

  static String jcmd(long pid, String command) {
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(pid), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String commit() {
    try {
      Process p = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=10").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String mark(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String f(double value) {
    return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }

  /** The table, as Markdown (the README shows it as is). */
  String table() {
    StringBuilder t = new StringBuilder();
    String when = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    t.append("Run ").append(when).append(", commit ").append(commit()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores; ").append(parameters).append("\n\n");
    double bare = rate("bare");
    t.append("| lifecycle (start + 5 × query, claim, complete) | lifecycles/s (median) | repetitions | ratio to bare | target | |\n");
    t.append("|---|---|---|---|---|---|\n");
    for (String variant : lifecycles.keySet()) {
      double r = rate(variant);
      String ratio = variant.equals("bare") ? "1" : String.format(java.util.Locale.ROOT, "%.2f", r / bare);
      String target = variant.equals("service") ? "≥ " + SERVICE_TARGET : variant.equals("rest") ? "≥ " + REST_TARGET : "";
      String met = variant.equals("service") ? mark(r / bare >= SERVICE_TARGET)
          : variant.equals("rest") ? mark(r / bare >= REST_TARGET) : "";
      t.append("| ").append(variant).append(" | ").append(f(r)).append(" | ")
          .append(lifecycles.get(variant).stream().map(Bench::f).toList()).append(" | ").append(ratio).append(" | ")
          .append(target).append(" | ").append(met).append(" |\n");
    }
    t.append("\n| open tasks | user | list | page | p50 ms | p95 ms | p99 ms | target p95 ≤ 20 ms at 100k |\n");
    t.append("|---|---|---|---|---|---|---|---|\n");
    lists.forEach((tasks, latencies) -> {
      for (TaskLists.Latency l : latencies) {
        String met = tasks >= LIST_TARGET_TASKS ? mark(l.p95() <= LIST_P95_TARGET_MS) : "";
        t.append("| ").append(String.format("%,d", tasks)).append(" | ").append(l.user()).append(" | ").append(l.surface())
            .append(" | ").append(l.page()).append(" | ").append(f(l.p50())).append(" | ").append(f(l.p95()))
            .append(" | ").append(f(l.p99())).append(" | ").append(met).append(" |\n");
      }
    });
    t.append("\n| figure | value (median) | repetitions | target | |\n|---|---|---|---|---|\n");
    if (!startSeconds.isEmpty()) {
      double start = median(startSeconds);
      t.append("| start without Keycloak, s (JVM launch → health UP) | ").append(f(start)).append(" | ")
          .append(startSeconds.stream().map(Bench::f).toList()).append(" | ≤ ").append(f(START_TARGET_S)).append(" | ")
          .append(mark(start <= START_TARGET_S)).append(" |\n");
    }
    heapMb.forEach((packages, mb) -> t.append("| heap after full GC, MB, ").append(String.format("%,d", packages))
        .append(" packages | ").append(f(mb)).append(" | 1 | ≤ ").append(f(HEAP_TARGET_MB)).append(" | ")
        .append(mark(mb <= HEAP_TARGET_MB)).append(" |\n"));
    return t.toString();
  }

  /** Writes {@code bench.json} and {@code bench.md} under {@code dir}. */
  void write(Path dir, JsonMapper json) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
    out.put("commit", commit());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("parameters", parameters);
    Map<String, Object> life = new LinkedHashMap<>();
    double bare = rate("bare");
    lifecycles.forEach((variant, reps) -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("lifecyclesPerSecond", rate(variant));
      v.put("transitionsPerSecond", rate(variant) * 5);
      v.put("repetitions", reps);
      v.put("ratioToBare", rate(variant) / bare);
      life.put(variant, v);
    });
    out.put("lifecycle", life);
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("serviceOverBare", Map.of("target", SERVICE_TARGET, "value", rate("service") / bare,
        "met", rate("service") / bare >= SERVICE_TARGET));
    targets.put("restOverBare", Map.of("target", REST_TARGET, "value", rate("rest") / bare, "met", rate("rest") / bare >= REST_TARGET));
    List<TaskLists.Latency> atTarget = lists.getOrDefault(LIST_TARGET_TASKS, List.of());
    double worst = atTarget.stream().mapToDouble(TaskLists.Latency::p95).max().orElse(Double.NaN);
    targets.put("taskListP95AtHundredThousandMs", Map.of("target", LIST_P95_TARGET_MS, "value", worst,
        "met", !atTarget.isEmpty() && worst <= LIST_P95_TARGET_MS));
    if (!startSeconds.isEmpty()) {
      targets.put("startSeconds", Map.of("target", START_TARGET_S, "value", median(startSeconds),
          "met", median(startSeconds) <= START_TARGET_S));
    }
    heapMb.forEach((packages, mb) -> targets.put("heapMb" + packages, Map.of("target", HEAP_TARGET_MB, "value", mb,
        "met", mb <= HEAP_TARGET_MB)));
    out.put("targets", targets);
    Map<String, Object> lat = new LinkedHashMap<>();
    lists.forEach((tasks, latencies) -> lat.put(String.valueOf(tasks), latencies));
    out.put("taskLists", lat);
    out.put("startSeconds", startSeconds);
    out.put("heapMb", heapMb);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("bench.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
      Files.writeString(dir.resolve("bench.md"), table());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.jixiao.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Task-list latency as one user sees it, one request at a time: {@code GET /api/tasks} (bearer token) and the
 * {@code /tasks} page (session cookie), for a few users and pages — the first, a deep one by the
 * {@code after} cursor, one stage, the overdue tasks. The cases take turns request by request, so a
 * busy moment of the machine falls on all of them alike.
 */
final class TaskLists {

  static final int API_SIZE = 20;
  static final int PAGE_SIZE = 50;

  /** Who asks: a token for the API, a session for the page, and the stage their role works on. */
  record User(String label, String token, String session, String stage) {}

  /** One list to time. */
  record Case(String user, String surface, String page, String path, String header, String value) {
    String key() {
      return user + " · " + surface + " · " + page;
    }
  }

  /** Latency of a case in ms: the median over repetitions of each repetition's percentile. */
  record Latency(String user, String surface, String page, String path, double p50, double p95, double p99) {}

  private final BenchHttp http;
  private final int deepPage;

  /** @param deepPage which page the "deep" case asks for (by the cursor of the page before it) */
  TaskLists(BenchHttp http, int deepPage) {
    this.http = http;
    this.deepPage = deepPage;
  }

  /** The cases for these users: API and page × first, deep (page {@code deepPage}, or the last there is), stage, overdue. */
  List<Case> cases(List<User> users) {
    List<Case> cases = new ArrayList<>();
    for (User user : users) {
      String bearer = "Bearer " + user.token();
      String cookie = "SESSION=" + user.session();
      cases.add(new Case(user.label(), "API", "first", "/api/tasks?size=" + API_SIZE, "Authorization", bearer));
      Deep api = deep(user.token(), "/api/tasks?size=" + API_SIZE, "next");
      cases.add(new Case(user.label(), "API", "page " + api.page(), api.path(), "Authorization", bearer));
      cases.add(new Case(user.label(), "API", "stage", "/api/tasks?size=" + API_SIZE + "&stage=" + user.stage(),
          "Authorization", bearer));
      cases.add(new Case(user.label(), "API", "overdue", "/api/tasks?size=" + API_SIZE + "&overdue=true",
          "Authorization", bearer));
      cases.add(new Case(user.label(), "page", "first", "/tasks", "Cookie", cookie));
      // The page has two lists of 50 (mine, claimable), each with its own cursor: the deeper of the two.
      Deep claimable = deep(user.token(), "/api/tasks?assigned=claimable&size=" + PAGE_SIZE, "after");
      Deep mine = deep(user.token(), "/api/tasks?assigned=me&size=" + PAGE_SIZE, "after");
      Deep page = claimable.page() >= mine.page() ? claimable : mine;
      String parameter = page == claimable ? "after" : "mineAfter";
      cases.add(new Case(user.label(), "page", "page " + page.page(),
          page.page() == 1 ? "/tasks" : "/tasks?" + parameter + "=" + enc(page.path()), "Cookie", cookie));
      cases.add(new Case(user.label(), "page", "stage", "/tasks?stage=" + user.stage(), "Cookie", cookie));
      cases.add(new Case(user.label(), "page", "overdue", "/tasks?overdue=true", "Cookie", cookie));
    }
    return cases;
  }

  /** Page {@code deepPage} (or the last) of a queue: for "next", its path; for "after", its cursor. */
  private record Deep(int page, String path) {}

  private Deep deep(String token, String first, String field) {
    String path = first;
    String cursor = null;
    int page = 1;
    while (page < deepPage) {
      JsonNode body = http.send(token, "GET", path, null);
      JsonNode next = body.path(field);
      if (next.isNull() || next.isMissingNode()) {
        break;
      }
      cursor = next.asString();
      path = field.equals("next") ? cursor : first + "&after=" + enc(cursor);
      page++;
    }
    return new Deep(page, field.equals("next") ? path : cursor == null ? first : cursor);
  }

  /** {@code repetitions} rounds of {@code requests} requests per case (after a warm-up round), interleaved. */
  List<Latency> measure(List<Case> cases, int repetitions, int requests, int warmUp) {
    for (int i = 0; i < warmUp; i++) {
      cases.forEach(this::timed);
    }
    Map<String, List<double[]>> percentiles = new LinkedHashMap<>();
    for (int rep = 0; rep < repetitions; rep++) {
      Map<String, double[]> samples = new LinkedHashMap<>();
      cases.forEach(c -> samples.put(c.key(), new double[requests]));
      for (int i = 0; i < requests; i++) {
        for (Case c : cases) {
          samples.get(c.key())[i] = timed(c);
        }
      }
      samples.forEach((key, values) -> {
        Arrays.sort(values);
        percentiles.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new double[] {at(values, 0.50), at(values, 0.95), at(values, 0.99)});
      });
    }
    List<Latency> result = new ArrayList<>();
    for (Case c : cases) {
      List<double[]> reps = percentiles.get(c.key());
      result.add(new Latency(c.user(), c.surface(), c.page(), c.path().length() > 120 ? c.path().substring(0, 120) + "…" : c.path(),
          median(reps, 0), median(reps, 1), median(reps, 2)));
    }
    return result;
  }

  private double timed(Case c) {
    long start = System.nanoTime();
    HttpResponse<String> response = http.get(c.path(), c.header(), c.value());
    double ms = (System.nanoTime() - start) / 1e6;
    boolean page = c.surface().equals("page");
    if (response.statusCode() != 200 || (page ? !response.body().contains("</html>") : !response.body().startsWith("{\"items\""))) {
      throw new IllegalStateException(c.key() + " " + c.path() + " → " + response.statusCode() + " "
          + response.body().substring(0, Math.min(300, response.body().length())));
    }
    return ms;
  }

  /** Nearest-rank percentile of sorted values. */
  static double at(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double median(List<double[]> reps, int index) {
    double[] values = reps.stream().mapToDouble(r -> r[index]).sorted().toArray();
    return Bench.median(values);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

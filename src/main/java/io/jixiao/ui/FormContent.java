package io.jixiao.ui;

import io.jixiao.form.Limits;
import io.jixiao.form.ReportContent;
import io.jixiao.web.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor's form fields ({@code overall.indicators[2].weight}) as package content: the fields
 * become a JSON tree, {@link FormMerge} lays it over the version the page showed, and Jackson reads
 * the result into the same records the API takes, so the browser and the API share one model and
 * one set of checks. Blank fields stay in the tree as {@code ""} (a field cleared on the page).
 */
final class FormContent {

  private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,59})(?:\\[(\\d+)\\])?");
  /** projects[1].table.indicators[2].weight is the deepest content path. */
  private static final int MAX_DEPTH = 6;
  /** Form fields that are not package content. */
  private static final List<String> CONTENT_ROOTS = List.of("basicData", "overall", "narrative", "projects", "filling");
  /** The form field naming a list the page shows ({@code overall.indicators}). */
  static final String LISTS = "lists";
  /** The form field naming a finding whose acknowledgement box the page shows. */
  static final String ACKNOWLEDGEMENTS_SHOWN = "ackShown";
  private static final int MAX_LISTS = 1000;

  private FormContent() {}

  static ObjectNode tree(Map<String, String[]> parameters) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String[]> entry : new TreeMap<>(parameters).entrySet()) {
      String name = entry.getKey();
      if (CONTENT_ROOTS.stream().noneMatch(r -> name.equals(r) || name.startsWith(r + ".") || name.startsWith(r + "["))) {
        continue;
      }
      put(root, name, entry.getValue().length == 0 ? "" : entry.getValue()[0]);
    }
    // The lists the page shows, so that one emptied on the page (every row removed) is empty, not kept.
    String[] lists = parameters.getOrDefault(LISTS, new String[0]);
    if (lists.length > MAX_LISTS) {
      throw refused(LISTS, "超出上限（最多 " + MAX_LISTS + " 个）");
    }
    for (String list : lists) {
      if (CONTENT_ROOTS.stream().anyMatch(r -> list.equals(r) || list.startsWith(r + "."))) {
        ensureList(root, list);
      }
    }
    ArrayNode acknowledgements = root.putArray("acknowledgements");
    String[] acks = parameters.getOrDefault("ack", new String[0]);
    if (acks.length > Limits.ACKNOWLEDGEMENTS) {
      throw refused("ack", "超出上限（最多 " + Limits.ACKNOWLEDGEMENTS + " 条）");
    }
    for (String key : acks) {
      acknowledgements.addObject().put("findingKey", key);
    }
    return root;
  }

  /** An empty list at {@code path} if there is none yet; a path through rows the form does not have is ignored. */
  private static void ensureList(ObjectNode root, String path) {
    String[] parts = path.split("\\.", -1);
    if (parts.length > MAX_DEPTH) {
      throw refused(path, "层级过深");
    }
    ObjectNode node = root;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = TOKEN.matcher(parts[i]);
      if (!m.matches()) {
        return;
      }
      JsonNode child = node.get(m.group(1));
      boolean last = i == parts.length - 1;
      if (last) {
        if (m.group(2) == null && child == null) {
          node.putArray(m.group(1));
        }
        return;
      }
      if (m.group(2) == null) {
        child = child == null ? node.putObject(m.group(1)) : child;
      } else {
        String digits = m.group(2);
        if (!(child instanceof ArrayNode array) || digits.length() > 6 || Integer.parseInt(digits) >= array.size()) {
          return;
        }
        child = array.get(Integer.parseInt(digits));
      }
      if (!(child instanceof ObjectNode object)) {
        return;
      }
      node = object;
    }
  }

  static ReportContent read(JsonMapper json, ObjectNode tree) {
    return json.treeToValue(tree, ReportContent.class);
  }

  /**
   * Sets the value at a form path. Indexes are bounded by the table's row cap ({@link Limits#rowsOf})
   * before any padding, and a path that treats a field both as a value and as a group
   * ({@code overall=x&overall.a=y}) is refused: either would otherwise be a 500 or a full heap.
   */
  private static void put(ObjectNode root, String path, String value) {
    String[] parts = path.split("\\.", -1);
    if (parts.length > MAX_DEPTH) {
      throw refused(path, "层级过深");
    }
    JsonNode node = root;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = TOKEN.matcher(parts[i]);
      if (!m.matches()) {
        return;
      }
      String field = m.group(1);
      boolean last = i == parts.length - 1;
      ObjectNode object = (ObjectNode) node;
      JsonNode existing = object.get(field);
      if (m.group(2) == null) {
        if (last) {
          if (existing != null) {
            throw refused(path, "与同名字段冲突");
          }
          object.put(field, value);
          return;
        }
        if (existing != null && !existing.isObject()) {
          throw refused(path, "与同名字段冲突");
        }
        node = existing != null ? existing : object.putObject(field);
      } else {
        int cap = Limits.rowsOf(field);
        String digits = m.group(2);
        if (digits.length() > 6 || Integer.parseInt(digits) >= cap) {
          throw refused(path, "行号超出上限（最多 " + cap + " 行）");
        }
        int index = Integer.parseInt(digits);
        if (existing != null && !existing.isArray()) {
          throw refused(path, "与同名字段冲突");
        }
        ArrayNode array = existing != null ? (ArrayNode) existing : object.putArray(field);
        while (array.size() <= index) {
          array.addNull();
        }
        JsonNode item = array.get(index);
        if (last) {
          if (!item.isNull()) {
            throw refused(path, "与同名字段冲突");
          }
          array.set(index, JsonNodeFactory.instance.stringNode(value));
          return;
        }
        if (item.isNull()) {
          array.set(index, JsonNodeFactory.instance.objectNode());
        } else if (!item.isObject()) {
          throw refused(path, "与同名字段冲突");
        }
        node = array.get(index);
      }
    }
  }

  private static ErrorResponseException refused(String path, String why) {
    String shown = path.length() > 100 ? path.substring(0, 100) + "…" : path;
    return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-form", "表单无效 Invalid form",
        "表单字段 " + shown + " 无效：" + why, Map.of("field", shown));
  }
}

package io.jixiao.ui;

import io.jixiao.form.Limits;
import io.jixiao.form.ReportContent;
import io.jixiao.web.Problems;
import java.util.ArrayList;
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
 * become a JSON tree that Jackson reads into the same records the API takes, so the browser and
 * the API share one model and one set of checks. Blank fields are absent; rows left wholly blank
 * are dropped.
 */
final class FormContent {

  private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,59})(?:\\[(\\d+)\\])?");
  /** projects[1].table.indicators[2].weight is the deepest content path. */
  private static final int MAX_DEPTH = 6;
  /** Form fields that are not package content. */
  private static final List<String> CONTENT_ROOTS = List.of("basicData", "overall", "narrative", "projects", "filling");

  private FormContent() {}

  static ObjectNode tree(Map<String, String[]> parameters) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String[]> entry : new TreeMap<>(parameters).entrySet()) {
      String name = entry.getKey();
      if (CONTENT_ROOTS.stream().noneMatch(r -> name.equals(r) || name.startsWith(r + ".") || name.startsWith(r + "["))) {
        continue;
      }
      String value = entry.getValue().length == 0 ? "" : entry.getValue()[0].trim();
      if (!value.isEmpty()) {
        put(root, name, value);
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
    return (ObjectNode) compact(root);
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

  /** Drops holes left by removed rows, blank rows, and fixed lines nobody filled in. */
  private static JsonNode compact(JsonNode node) {
    if (node instanceof ArrayNode array) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : array) {
        if (!item.isNull() && !onlyLine(item)) {
          result.add(compact(item));
        }
      }
      return result;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (var property : object.properties()) {
        result.set(property.getKey(), compact(property.getValue()));
      }
      return result;
    }
    return node;
  }

  private static boolean onlyLine(JsonNode item) {
    if (!(item instanceof ObjectNode object)) {
      return false;
    }
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    // Fixed funds and cost lines and outline sections are always on the form; untouched, they are
    // not content. An indicator row keeps its level1 so a row just added stays on the page.
    return names.stream().allMatch(n -> n.equals("line") || n.equals("label") || n.equals("key") || n.equals("title"));
  }
}

package io.jixiao.ui;

import io.jixiao.form.ReportContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)\\])?");
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
    for (String key : parameters.getOrDefault("ack", new String[0])) {
      acknowledgements.addObject().put("findingKey", key);
    }
    return (ObjectNode) compact(root);
  }

  static ReportContent read(JsonMapper json, ObjectNode tree) {
    return json.treeToValue(tree, ReportContent.class);
  }

  private static void put(ObjectNode root, String path, String value) {
    String[] parts = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = TOKEN.matcher(parts[i]);
      if (!m.matches()) {
        return;
      }
      String field = m.group(1);
      boolean last = i == parts.length - 1;
      ObjectNode object = (ObjectNode) node;
      if (m.group(2) == null) {
        if (last) {
          object.put(field, value);
          return;
        }
        node = object.has(field) ? object.get(field) : object.putObject(field);
      } else {
        int index = Integer.parseInt(m.group(2));
        ArrayNode array = object.has(field) ? (ArrayNode) object.get(field) : object.putArray(field);
        while (array.size() <= index) {
          array.addNull();
        }
        if (last) {
          array.set(index, JsonNodeFactory.instance.stringNode(value));
          return;
        }
        if (array.get(index).isNull()) {
          array.set(index, JsonNodeFactory.instance.objectNode());
        }
        node = array.get(index);
      }
    }
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

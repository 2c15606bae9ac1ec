package io.jixiao.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The editor's row buttons, applied to the form's tree before it is read: add, remove, move up, move down. */
final class RowOperations {

  // Indexes of at most 6 digits (row caps are in the hundreds): a longer one is no row, and no int.
  private static final Pattern OP = Pattern.compile("^(add|remove|up|down):([A-Za-z.\\[\\]0-9]{1,200}?)(?:\\[(\\d{1,6})\\])?$");

  private RowOperations() {}

  static void apply(ObjectNode tree, String op) {
    Matcher m = OP.matcher(op);
    if (!m.matches()) {
      return;
    }
    ArrayNode list = list(tree, m.group(2));
    if (list == null) {
      return;
    }
    String verb = m.group(1);
    if (verb.equals("add")) {
      String field = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
      if (list.size() >= io.jixiao.form.Limits.rowsOf(field)) {
        return; // the table is full; the page shows its rows as they are
      }
      ObjectNode row = list.addObject();
      if (m.group(2).endsWith("indicators")) {
        row.put("level1", list.size() > 1 ? list.get(list.size() - 2).path("level1").asString("OUTPUT") : "OUTPUT");
      } else if (m.group(2).equals("projects")) {
        row.put("code", newProjectCode(list));
      }
      return;
    }
    if (m.group(3) == null) {
      return;
    }
    int index = Integer.parseInt(m.group(3));
    if (index < 0 || index >= list.size()) {
      return;
    }
    switch (verb) {
      case "remove" -> list.remove(index);
      case "up" -> swap(list, index, index - 1);
      case "down" -> swap(list, index, index + 1);
      default -> { }
    }
  }

  /** P1, P2, …: the first such code no project of the package has yet (codes key findings and review scores). */
  static String newProjectCode(ArrayNode projects) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    projects.forEach(project -> taken.add(project.path("code").asString("")));
    int n = 1;
    while (taken.contains("P" + n)) {
      n++;
    }
    return "P" + n;
  }

  private static void swap(ArrayNode list, int a, int b) {
    if (b < 0 || b >= list.size()) {
      return;
    }
    JsonNode first = list.get(a);
    list.set(a, list.get(b));
    list.set(b, first);
  }

  /** The list at a form path such as {@code overall.indicators} or {@code projects[1].table.indicators}. */
  private static ArrayNode list(ObjectNode tree, String path) {
    JsonNode node = tree;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int bracket = part.indexOf('[');
      String field = bracket < 0 ? part : part.substring(0, bracket);
      boolean last = i == parts.length - 1;
      if (!(node instanceof ObjectNode object)) {
        return null;
      }
      JsonNode child = object.get(field);
      if (child == null) {
        child = last || bracket >= 0 ? object.putArray(field) : object.putObject(field);
      }
      if (bracket >= 0) {
        if (!part.endsWith("]")) {
          return null;
        }
        String digits = part.substring(bracket + 1, part.length() - 1);
        if (!digits.matches("\\d{1,6}")) {
          return null;
        }
        int index = Integer.parseInt(digits);
        if (!(child instanceof ArrayNode array) || index >= array.size()) {
          return null;
        }
        child = array.get(index);
      }
      node = child;
    }
    return node instanceof ArrayNode array ? array : null;
  }
}

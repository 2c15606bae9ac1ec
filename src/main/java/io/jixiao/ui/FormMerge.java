package io.jixiao.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor's form applied over the version the page was rendered from, so that a save changes
 * what the preparer changed and nothing else: a field the page does not show (a narrative's stated
 * figures, review scores, a funds row's label, an acknowledgement's note) is kept as stored, a field
 * the page shows unchanged keeps its stored value exactly ({@code ""} stays {@code ""}, {@code 10.50}
 * stays {@code 10.50}), a field cleared on the page is removed.
 *
 * <p>Each row the page renders from the stored version names its {@value #ORIGIN}: its index in that
 * version's list, so rows keep their hidden fields when rows are added, removed or moved on the page.
 * Lists whose rows the page places by key (funds and cost lines, narrative sections) keep the stored
 * order and the rows the page does not render (a second row of one line); in the other lists the
 * page's rows are the list.
 */
final class FormMerge {

  static final String ORIGIN = "origin";
  /** Lists the page lays out by a row key; a row can only be cleared, never removed or moved. */
  private static final Set<String> KEYED_LISTS = Set.of("funds", "costs", "narrative");
  /** Fields that name a row rather than fill it: a row with only these is blank. */
  private static final Set<String> ROW_NAMES = Set.of("line", "label", "key", "title", ORIGIN);

  /**
   * The merged content tree, and for each row of its lists (by the content path the page uses,
   * {@code overall.indicators[2]}) the stored row it came from, for the page to render again unsaved.
   */
  record Merged(ObjectNode content, Map<String, Integer> origins) {}

  private FormMerge() {}

  /**
   * @param stored the stored version's content as a tree, or null for none
   * @param form the form's tree ({@link FormContent#tree}): blanks as {@code ""}, acknowledgements
   *     as the checked boxes
   * @param acknowledgementsShown the finding keys whose box the page showed: the others' stored
   *     acknowledgements are kept
   */
  static Merged over(JsonNode stored, ObjectNode form, String[] acknowledgementsShown) {
    ObjectNode body = form.deepCopy();
    JsonNode checked = body.remove("acknowledgements");
    ObjectNode merged = object(stored, body);
    merged.set("acknowledgements", acknowledgements(stored == null ? null : stored.get("acknowledgements"),
        checked, acknowledgementsShown));
    Map<String, Integer> origins = new LinkedHashMap<>();
    takeOrigins(merged, "", origins);
    return new Merged(merged, origins);
  }

  private static ObjectNode object(JsonNode stored, ObjectNode form) {
    ObjectNode result = stored instanceof ObjectNode s ? s.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (var property : form.properties()) {
      String name = property.getKey();
      JsonNode typed = property.getValue();
      JsonNode prior = result.get(name);
      if (typed.isString()) {
        String value = normalise(typed.asString());
        if (prior != null && value.equals(shown(prior))) {
          continue; // as the page showed it: the stored value stays, exactly
        }
        if (value.isEmpty()) {
          result.remove(name);
        } else {
          result.put(name, value);
        }
      } else if (typed instanceof ArrayNode rows) {
        result.set(name, list(name, prior, rows));
      } else if (typed instanceof ObjectNode group) {
        ObjectNode merged = object(prior, group);
        if (isEmpty(merged) && (prior == null || prior.isNull())) {
          result.remove(name); // a blank part of the form is no content where there was none
        } else {
          result.set(name, merged);
        }
      }
    }
    return result;
  }

  private static ArrayNode list(String name, JsonNode prior, ArrayNode rows) {
    ArrayNode storedRows = prior instanceof ArrayNode a ? a : JsonNodeFactory.instance.arrayNode();
    List<Integer> referenced = new ArrayList<>();
    List<Map.Entry<Integer, JsonNode>> result = new ArrayList<>();
    for (JsonNode row : rows) {
      if (row instanceof ObjectNode fields) {
        Integer origin = origin(fields, storedRows.size());
        JsonNode storedRow = origin == null ? null : storedRows.get(origin);
        if (origin != null) {
          referenced.add(origin);
        }
        ObjectNode merged = object(storedRow, fields);
        if (origin != null) {
          merged.put(ORIGIN, origin);
        } else {
          merged.remove(ORIGIN);
        }
        boolean unchanged = storedRow != null && withoutOrigin(merged).equals(storedRow);
        if (isBlankRow(merged) && !unchanged) {
          continue; // a row left blank, or cleared: not content
        }
        result.add(new java.util.AbstractMap.SimpleEntry<>(origin, merged));
      } else if (row.isString() && !normalise(row.asString()).isEmpty()) {
        result.add(new java.util.AbstractMap.SimpleEntry<>(null, JsonNodeFactory.instance.stringNode(normalise(row.asString()))));
      }
    }
    if (KEYED_LISTS.contains(name)) {
      // Stored rows the page did not render are kept; all keep their stored order, new rows follow.
      Set<Integer> seen = new HashSet<>(referenced);
      for (int i = 0; i < storedRows.size(); i++) {
        if (!seen.contains(i)) {
          ObjectNode kept = storedRows.get(i) instanceof ObjectNode o ? o.deepCopy() : null;
          if (kept != null) {
            kept.put(ORIGIN, i);
            result.add(new java.util.AbstractMap.SimpleEntry<>(i, kept));
          }
        }
      }
      result.sort(Comparator.comparing(e -> e.getKey() == null ? Integer.MAX_VALUE : e.getKey()));
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    result.forEach(e -> array.add(e.getValue()));
    return array;
  }

  /**
   * Acknowledgements in stored order: those whose box the page did not show stay; a shown box
   * keeps its stored entry (and note) when checked and drops it when not; newly checked ones follow.
   */
  private static ArrayNode acknowledgements(JsonNode stored, JsonNode checked, String[] shown) {
    Set<String> shownKeys = shown == null ? Set.of() : Set.of(java.util.Arrays.stream(shown).distinct().toArray(String[]::new));
    Set<String> checkedKeys = new java.util.LinkedHashSet<>();
    if (checked != null) {
      checked.forEach(a -> checkedKeys.add(a.path("findingKey").asString("")));
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    Set<String> kept = new HashSet<>();
    if (stored instanceof ArrayNode storedAcks) {
      for (JsonNode ack : storedAcks) {
        String key = ack.path("findingKey").asString("");
        if (!shownKeys.contains(key) || checkedKeys.contains(key)) {
          result.add(ack.deepCopy());
          kept.add(key);
        }
      }
    }
    for (String key : checkedKeys) {
      if (!kept.contains(key)) {
        result.addObject().put("findingKey", key);
      }
    }
    return result;
  }

  /** The origin a form row names, if it is an index of the stored list. */
  private static Integer origin(ObjectNode row, int storedSize) {
    JsonNode value = row.get(ORIGIN);
    if (value == null || !value.isString() || !value.asString().matches("\\d{1,6}")) {
      return null;
    }
    int index = Integer.parseInt(value.asString());
    return index < storedSize ? index : null;
  }

  /** Moves each row's origin out of the tree into {@code origins}, keyed by the row's content path. */
  private static void takeOrigins(JsonNode node, String path, Map<String, Integer> origins) {
    if (node instanceof ObjectNode object) {
      JsonNode origin = object.remove(ORIGIN);
      if (origin != null && origin.isNumber()) {
        origins.put(path, origin.asInt());
      }
      for (var property : object.properties()) {
        String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
        takeOrigins(property.getValue(), child, origins);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        takeOrigins(array.get(i), path + "[" + i + "]", origins);
      }
    }
  }

  private static JsonNode withoutOrigin(ObjectNode row) {
    ObjectNode copy = row.deepCopy();
    copy.remove(ORIGIN);
    return copy;
  }

  /** How the page shows a stored value in a field. */
  private static String shown(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isValueNode()) {
      return normalise(value.asString());
    }
    return null; // a group where the form has a value: no match, the form's value is read (and refused)
  }

  /** Browsers send a textarea's line breaks as CRLF, and the page trims what it reads. */
  private static String normalise(String value) {
    return value.replace("\r\n", "\n").trim();
  }

  private static boolean isBlankRow(ObjectNode row) {
    for (var property : row.properties()) {
      if (!ROW_NAMES.contains(property.getKey()) && !isEmpty(property.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** No value anywhere inside: null, or groups and lists of nothing. */
  private static boolean isEmpty(JsonNode node) {
    if (node == null || node.isNull()) {
      return true;
    }
    if (node.isContainer()) {
      for (JsonNode child : node) {
        if (!isEmpty(child)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}

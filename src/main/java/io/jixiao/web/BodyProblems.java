package io.jixiao.web;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with an unreadable JSON body, in words for the client: the field's path where
 * there is one, our own refusal text ({@link JsonLimits}), otherwise a plain description. Jackson's
 * messages are not passed on: they name Java classes and echo the input.
 */
final class BodyProblems {

  record Described(String detail, Map<String, Object> properties) {}

  private BodyProblems() {}

  /** @param failure the reader's exception, or one wrapping it */
  static Described describe(Throwable failure) {
    JacksonException jackson = null;
    for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException found) {
        jackson = found; // the outermost one: Jackson adds the path there as it unwinds
        break;
      }
    }
    if (jackson == null) {
      return new Described("请求体不是有效的 JSON 或字段类型不符 (malformed JSON or a value of the wrong type)", Map.of());
    }
    String why;
    if (jackson instanceof JsonLimits.Refused) {
      why = jackson.getOriginalMessage();
    } else if (jackson instanceof StreamConstraintsException) {
      why = "超出解析上限：嵌套过深，或数字、字符串、字段名过长 (nested too deep, or a number, string or name too long)";
    } else if (jackson instanceof InputCoercionException) {
      why = "数值超出范围 (number out of range)";
    } else if (jackson instanceof UnrecognizedPropertyException) {
      why = "没有这个字段 (unknown field)";
    } else if (jackson instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      why = "不是允许的取值 (not one of the allowed values)";
    } else if (jackson instanceof DatabindException) {
      why = "类型或格式不符 (wrong type or format)";
    } else {
      // The parser's own: the bytes are not JSON. Said of the body, with where it went wrong.
      String message = String.valueOf(jackson.getOriginalMessage());
      String what = message.startsWith("Duplicate") ? "有重复的字段名 (duplicate field name in the JSON)"
          : message.contains("UTF-8") || message.contains("UTF8") ? "含有无效的 UTF-8 字节 (invalid UTF-8 in the JSON)"
          : message.contains("end-of-input") ? "不是完整的 JSON (the JSON ends early)"
          : "不是有效的 JSON (malformed JSON)";
      Map<String, Object> properties = jackson.getPath().isEmpty() ? Map.of() : Map.of("field", jsonPath(jackson));
      return new Described("请求体" + what + at(jackson.getLocation()), properties);
    }
    if (jackson.getPath().isEmpty()) {
      return new Described("请求体的 JSON 与所需结构不符：" + why, Map.of());
    }
    String field = jsonPath(jackson);
    return new Described("字段 " + field + " 的值无效 (invalid value): " + why, Map.of("field", field));
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return "，位于第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列";
  }

  /** {@code overall.funds[0].adjustedBudget}: the path a form can point at. */
  static String jsonPath(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (var reference : ex.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}

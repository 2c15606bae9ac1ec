package io.jixiao.diagram;

import io.jixiao.diagram.DiagramLayout.Flow;
import io.jixiao.diagram.DiagramLayout.Kind;
import io.jixiao.diagram.DiagramLayout.Node;
import io.jixiao.diagram.DiagramLayout.Point;
import io.jixiao.report.Stage;

import java.util.List;
import java.util.Set;

/** Draws a {@link DiagramLayout} as a self-contained inline SVG, the current stage and those passed marked by class. */
final class SvgRenderer {

  static final double PAD = 12;
  private static final String ARROW_ID = "jx-process-arrow";

  private SvgRenderer() {}

  static String render(DiagramLayout layout, Stage current, Set<Stage> passed) {
    double width = layout.maxX() - layout.minX();
    double height = layout.maxY() - layout.minY();
    String currentName = current == null ? null : layout.nodes().stream()
        .filter(n -> n.id().equals(current.name())).map(Node::name).findFirst().orElse(current.name());
    String title = layout.processName() == null || layout.processName().isBlank()
        ? "报告流程 Report lifecycle" : layout.processName();
    String label = title
        + (current == null ? "" : "：当前阶段 " + currentName + " (" + current.name() + ")");

    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jx-process\" role=\"img\"")
        .append(" viewBox=\"").append(n(layout.minX())).append(' ').append(n(layout.minY())).append(' ')
        .append(n(width)).append(' ').append(n(height)).append('"')
        .append(" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append('"')
        .append(" aria-label=\"").append(escape(label)).append('"');
    if (current != null) {
      svg.append(" data-current=\"").append(current.name()).append('"');
    }
    svg.append(">\n<title>").append(escape(label)).append("</title>\n");
    svg.append("<defs><marker id=\"").append(ARROW_ID).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\" markerUnits=\"userSpaceOnUse\">")
        .append("<path class=\"arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");

    // Flows first, so shapes sit on top of their line ends.
    for (Flow flow : layout.flows()) {
      drawFlow(svg, flow);
    }
    for (Node node : layout.nodes()) {
      Stage stage = stageOf(node);
      boolean isCurrent = stage != null && stage == current;
      boolean isPassed = stage != null && !isCurrent && passed.contains(stage);
      switch (node.kind()) {
        case TASK -> drawTask(svg, node, isCurrent, isPassed);
        case START, END -> drawEvent(svg, node, stage, isCurrent, isPassed);
        case GATEWAY -> drawGateway(svg, node);
      }
    }
    return svg.append("</svg>").toString();
  }

  /** User tasks are named after the stages and the end event is PUBLISHED. */
  private static Stage stageOf(Node node) {
    if (node.kind() != Kind.TASK && node.kind() != Kind.END) {
      return null;
    }
    for (Stage stage : Stage.values()) {
      if (stage.name().equals(node.id())) {
        return stage;
      }
    }
    return null;
  }

  private static void drawTask(StringBuilder svg, Node node, boolean current, boolean passed) {
    svg.append("<g class=\"stage task").append(current ? " current" : "").append(passed ? " passed" : "")
        .append("\" data-stage=\"").append(escape(node.id())).append('"');
    if (current) {
      svg.append(" aria-current=\"step\"");
    }
    svg.append(">");
    svg.append("<title>").append(escape(nameOrId(node))).append("</title>");
    svg.append("<rect x=\"").append(n(node.x())).append("\" y=\"").append(n(node.y()))
        .append("\" width=\"").append(n(node.width())).append("\" height=\"").append(n(node.height()))
        .append("\" rx=\"10\" ry=\"10\"/>");
    List<String> lines = wrap(nameOrId(node));
    double centreX = node.x() + node.width() / 2;
    double lineHeight = 16;
    double firstBaseline = node.y() + node.height() / 2 - (lines.size() - 1) * lineHeight / 2 + 4;
    svg.append("<text class=\"name\" text-anchor=\"middle\" x=\"").append(n(centreX)).append("\" y=\"")
        .append(n(firstBaseline)).append("\">");
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"").append(n(centreX)).append("\" y=\"").append(n(firstBaseline + i * lineHeight))
          .append("\">").append(escape(lines.get(i))).append("</tspan>");
    }
    svg.append("</text></g>\n");
  }

  private static void drawEvent(StringBuilder svg, Node node, Stage stage, boolean current, boolean passed) {
    boolean end = node.kind() == Kind.END;
    svg.append("<g class=\"").append(stage != null ? "stage " : "").append("event ").append(end ? "end" : "start")
        .append(current ? " current" : "").append(passed ? " passed" : "").append('"');
    if (stage != null) {
      svg.append(" data-stage=\"").append(escape(stage.name())).append('"');
    }
    if (current) {
      svg.append(" aria-current=\"step\"");
    }
    svg.append(">");
    svg.append("<title>").append(escape(nameOrId(node))).append("</title>");
    double r = Math.min(node.width(), node.height()) / 2;
    double cx = node.x() + node.width() / 2;
    double cy = node.y() + node.height() / 2;
    svg.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\"/>");
    List<String> lines = wrap(nameOrId(node));
    svg.append("<text class=\"name\" text-anchor=\"middle\">");
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"").append(n(cx)).append("\" y=\"").append(n(node.y() + node.height() + 14 + i * 14))
          .append("\">").append(escape(lines.get(i))).append("</tspan>");
    }
    svg.append("</text></g>\n");
  }

  private static void drawGateway(StringBuilder svg, Node node) {
    double cx = node.x() + node.width() / 2;
    double cy = node.y() + node.height() / 2;
    double hw = node.width() / 2;
    double hh = node.height() / 2;
    svg.append("<g class=\"gateway\" data-id=\"").append(escape(node.id())).append("\">");
    svg.append("<title>").append(escape(nameOrId(node))).append("</title>");
    svg.append("<polygon points=\"").append(n(cx)).append(',').append(n(node.y())).append(' ')
        .append(n(node.x() + node.width())).append(',').append(n(cy)).append(' ')
        .append(n(cx)).append(',').append(n(node.y() + node.height())).append(' ')
        .append(n(node.x())).append(',').append(n(cy)).append("\"/>");
    double m = Math.min(hw, hh) * 0.4; // the exclusive gateway's X marker
    svg.append("<path d=\"M").append(n(cx - m)).append(',').append(n(cy - m)).append(" L").append(n(cx + m))
        .append(',').append(n(cy + m)).append(" M").append(n(cx + m)).append(',').append(n(cy - m)).append(" L")
        .append(n(cx - m)).append(',').append(n(cy + m)).append("\"/>");
    svg.append("</g>\n");
  }

  private static void drawFlow(StringBuilder svg, Flow flow) {
    svg.append("<g class=\"flow\" data-id=\"").append(escape(flow.id())).append("\">");
    svg.append("<polyline points=\"");
    for (int i = 0; i < flow.waypoints().size(); i++) {
      Point p = flow.waypoints().get(i);
      svg.append(i == 0 ? "" : " ").append(n(p.x())).append(',').append(n(p.y()));
    }
    svg.append("\" marker-end=\"url(#").append(ARROW_ID).append(")\"/>");
    if (flow.name() != null && !flow.name().isBlank()) {
      svg.append("<text class=\"flow-label\" text-anchor=\"").append(flow.vertical() ? "start" : "middle")
          .append("\" x=\"").append(n(flow.label().x())).append("\" y=\"").append(n(flow.label().y())).append("\">").append(escape(flow.name())).append("</text>");
    }
    svg.append("</g>\n");
  }

  private static String nameOrId(Node node) {
    return node.name() == null || node.name().isBlank() ? node.id() : node.name();
  }

  /**
   * The bilingual names ("填报 Draft", "单位负责人签字 Unit head sign-off") on two lines, broken at
   * the space where the Chinese ends and the English begins; other names stay on one line.
   */
  static List<String> wrap(String name) {
    String text = name.strip();
    for (int i = 1; i < text.length() - 1; i++) {
      if (Character.isWhitespace(text.charAt(i)) && isCjk(text.codePointBefore(i))
          && !isCjk(text.codePointAt(i + 1)) && !Character.isWhitespace(text.charAt(i + 1))) {
        return List.of(text.substring(0, i).strip(), text.substring(i + 1).strip());
      }
    }
    return List.of(text);
  }

  private static boolean isCjk(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
        || (codePoint >= 0x3000 && codePoint <= 0x303F) // CJK punctuation
        || (codePoint >= 0xFF00 && codePoint <= 0xFFEF); // full-width forms
  }

  /** Text and attribute values, escaped for XML. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // Characters XML 1.0 forbids are dropped rather than emitted.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Coordinates without a trailing ".0". */
  private static String n(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.valueOf(Math.round(value * 100) / 100.0);
  }
}

package io.jixiao.diagram;


import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/**
 * Where the lifecycle's shapes and flows lie, read from a deployed definition's diagram interchange
 * (shape bounds, flow waypoints), with the drawing's bounds.
 */
record DiagramLayout(String processName, List<DiagramLayout.Node> nodes, List<DiagramLayout.Flow> flows,
    double minX, double minY, double maxX, double maxY) {

  enum Kind { TASK, START, END, GATEWAY }

  record Node(String id, String name, Kind kind, double x, double y, double width, double height) {}

  record Point(double x, double y) {}

  /** A sequence flow; its name is drawn at {@code label}, beside the line if {@code vertical}, else above it. */
  record Flow(String id, String name, List<Point> waypoints, Point label, boolean vertical) {}

  static DiagramLayout read(String processDefinitionId, BpmnModel model) {
    if (model == null || model.getMainProcess() == null) {
      throw new IllegalStateException("no BPMN model for " + processDefinitionId);
    }
    List<Node> nodes = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    Bounds bounds = new Bounds();
    for (FlowElement element : model.getMainProcess().getFlowElements()) {
      if (element instanceof SequenceFlow flow) {
        List<GraphicInfo> infos = model.getFlowLocationGraphicInfo(flow.getId());
        if (infos == null || infos.size() < 2) {
          continue;
        }
        List<Point> points = infos.stream().map(g -> new Point(g.getX(), g.getY())).toList();
        points.forEach(p -> bounds.add(p.x(), p.y()));
        Point[] mid = midpoint(points);
        boolean vertical = Math.abs(mid[1].x() - mid[2].x()) < Math.abs(mid[1].y() - mid[2].y());
        Point label = vertical ? new Point(mid[0].x() + 5, mid[0].y() + 3) : new Point(mid[0].x(), mid[0].y() - 4);
        if (flow.getName() != null && !flow.getName().isBlank()) {
          double textWidth = flow.getName().length() * 7;
          bounds.add(vertical ? label.x() + textWidth : label.x() - textWidth / 2, label.y() - 10);
          bounds.add(vertical ? label.x() : label.x() + textWidth / 2, label.y() + 2);
        }
        flows.add(new Flow(flow.getId(), flow.getName(), points, label, vertical));
        continue;
      }
      Kind kind = element instanceof UserTask ? Kind.TASK
          : element instanceof StartEvent ? Kind.START
          : element instanceof EndEvent ? Kind.END
          : element instanceof Gateway ? Kind.GATEWAY
          : null;
      GraphicInfo info = model.getGraphicInfo(element.getId());
      if (kind == null || info == null) {
        continue;
      }
      Node node = new Node(element.getId(), element.getName(), kind, info.getX(), info.getY(), info.getWidth(),
          info.getHeight());
      bounds.add(node.x(), node.y());
      bounds.add(node.x() + node.width(), node.y() + node.height());
      if (kind == Kind.START || kind == Kind.END) {
        bounds.add(node.x() + node.width() / 2 + 45, node.y() + node.height() + 32); // the name below
        bounds.add(node.x() + node.width() / 2 - 45, node.y() + node.height() + 32);
      }
      nodes.add(node);
    }
    return new DiagramLayout(model.getMainProcess().getName(), List.copyOf(nodes), List.copyOf(flows),
        bounds.minX - SvgRenderer.PAD, bounds.minY - SvgRenderer.PAD, bounds.maxX + SvgRenderer.PAD,
        bounds.maxY + SvgRenderer.PAD);
  }

  private static final class Bounds {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;

    void add(double x, double y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }

  /** The point halfway along a polyline, with the ends of the segment it lies on. */
  static Point[] midpoint(List<Point> points) {
    double total = 0;
    for (int i = 1; i < points.size(); i++) {
      total += distance(points.get(i - 1), points.get(i));
    }
    double remaining = total / 2;
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      double length = distance(a, b);
      if (remaining <= length && length > 0) {
        double t = remaining / length;
        return new Point[] {new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t), a, b};
      }
      remaining -= length;
    }
    Point last = points.get(points.size() - 1);
    return new Point[] {last, points.get(points.size() - 2), last};
  }

  private static double distance(Point a, Point b) {
    return Math.hypot(b.x() - a.x(), b.y() - a.y());
  }
}

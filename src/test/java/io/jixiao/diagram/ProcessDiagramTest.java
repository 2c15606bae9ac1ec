package io.jixiao.diagram;

import io.jixiao.report.Stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The lifecycle diagram is drawn from the deployed BPMN's diagram interchange, one stage highlighted. */
@ApiTest
class ProcessDiagramTest {

  @Autowired ProcessDiagram diagram;
  @Autowired RepositoryService repository;

  @ParameterizedTest
  @EnumSource(Stage.class)
  void drawsEveryUserTaskAtItsDiagramBoundsAndMarksOnlyTheCurrentStage(Stage stage) throws Exception {
    String svg = diagram.svg(stage);
    Document document = parse(svg);
    Element root = document.getDocumentElement();

    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("aria-label")).contains(stage.name());
    assertThat(elements(root, "title")).isNotEmpty();

    // One rounded rectangle per user task of the deployed model, exactly at its DI bounds.
    BpmnModel model = repository.getBpmnModel(diagram.latestDefinitionId());
    List<UserTask> tasks = model.getMainProcess().findFlowElementsOfType(UserTask.class);
    assertThat(tasks).hasSize(5);
    List<Element> rects = elements(root, "rect");
    assertThat(rects).hasSize(tasks.size());
    for (UserTask task : tasks) {
      GraphicInfo bounds = model.getGraphicInfo(task.getId());
      assertThat(rects).as(task.getId()).anySatisfy(rect -> {
        assertThat(Double.parseDouble(rect.getAttribute("x"))).isEqualTo(bounds.getX());
        assertThat(Double.parseDouble(rect.getAttribute("y"))).isEqualTo(bounds.getY());
        assertThat(Double.parseDouble(rect.getAttribute("width"))).isEqualTo(bounds.getWidth());
        assertThat(Double.parseDouble(rect.getAttribute("height"))).isEqualTo(bounds.getHeight());
        assertThat(Double.parseDouble(rect.getAttribute("rx"))).isPositive();
        Element group = (Element) rect.getParentNode();
        assertThat(group.getAttribute("data-stage")).isEqualTo(task.getId());
        assertThat(classes(group)).contains("stage");
        // The bilingual name, Chinese over English.
        assertThat(group.getElementsByTagNameNS("*", "tspan").getLength()).isEqualTo(2);
        assertThat(group.getTextContent()).contains(task.getName().split(" ")[0]);
      });
    }

    // Exactly the current stage is marked: a task, or the end event once published.
    List<Element> current = new ArrayList<>();
    for (Element element : elements(root, "*")) {
      if (classes(element).contains("current")) {
        current.add(element);
      }
    }
    assertThat(current).hasSize(1);
    assertThat(current.get(0).getAttribute("data-stage")).isEqualTo(stage.name());
    assertThat(current.get(0).getAttribute("aria-current")).isEqualTo("step");
    assertThat(elements(current.get(0), stage == Stage.PUBLISHED ? "circle" : "rect")).hasSize(1);

    // Start and end events are circles, the four gateways diamonds, every flow a polyline with an arrowhead.
    assertThat(elements(root, "circle")).hasSize(2);
    assertThat(elements(root, "polygon")).hasSize(4);
    List<Element> flows = elements(root, "polyline");
    assertThat(flows).hasSize(model.getFlowLocationMap().size());
    assertThat(flows).allSatisfy(line -> assertThat(line.getAttribute("marker-end")).startsWith("url(#"));
    assertThat(svg).contains("RETURN → 主管部门", "APPROVE", "已公开", "Published");
  }

  @Test
  void differsByStageAndMarksPassedStages() throws Exception {
    Set<String> drawings = new HashSet<>();
    for (Stage stage : Stage.values()) {
      drawings.add(diagram.svg(stage));
    }
    assertThat(drawings).hasSize(Stage.values().length);
    assertThat(diagram.svg(Stage.DRAFT)).isEqualTo(diagram.svg(Stage.DRAFT));

    String financeReview = diagram.svg(Stage.FINANCE_REVIEW, EnumSet.of(Stage.DRAFT, Stage.UNIT_SIGN,
        Stage.BUREAU_GUIDANCE));
    // Kept for a look: target/diagrams/FINANCE_REVIEW.svg
    Files.createDirectories(Path.of("target/diagrams"));
    Files.writeString(Path.of("target/diagrams/FINANCE_REVIEW.svg"), financeReview);
    Document document = parse(financeReview);
    List<String> passed = new ArrayList<>();
    for (Element element : elements(document.getDocumentElement(), "g")) {
      if (classes(element).contains("passed")) {
        passed.add(element.getAttribute("data-stage"));
      }
    }
    assertThat(passed).containsExactlyInAnyOrder("DRAFT", "UNIT_SIGN", "BUREAU_GUIDANCE");

    // No highlight at all without a current stage.
    assertThat(diagram.svg(null)).doesNotContain(" current").contains("role=\"img\"");
  }

  @Test
  void escapesText() {
    assertThat(SvgRenderer.escape("a<b & \"c\" 'd'>")).isEqualTo("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    assertThat(SvgRenderer.wrap("单位负责人签字 Unit head sign-off"))
        .containsExactly("单位负责人签字", "Unit head sign-off");
    assertThat(SvgRenderer.wrap("Draft only")).containsExactly("Draft only");
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Element root, String localName) {
    NodeList nodes = root.getElementsByTagNameNS("*", localName);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  static List<String> classes(Element element) {
    String value = element.getAttribute("class");
    return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }
}

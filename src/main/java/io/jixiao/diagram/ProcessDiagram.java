package io.jixiao.diagram;

import io.jixiao.report.Stage;
import io.jixiao.workflow.ProcessVariables;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The lifecycle as a picture: the deployed {@code reportLifecycle} process definition's diagram
 * interchange (shape bounds and flow waypoints) drawn as a self-contained inline SVG, with the
 * package's current stage highlighted. The drawing follows whatever BPMN is deployed; the layout
 * read from a definition is cached by its id (a deployed definition never changes).
 *
 * <p>Styling is by class — {@code stage}, {@code current}, {@code passed}, {@code flow},
 * {@code gateway}, {@code event} — with defaults scoped to {@code .jx-process} in the pages'
 * stylesheet ({@code static/css/jixiao.css}): the pages' Content-Security-Policy admits no inline style.
 */
@Component
public class ProcessDiagram {

  private final RepositoryService repository;
  private final Map<String, DiagramLayout> layouts = new ConcurrentHashMap<>();

  ProcessDiagram(RepositoryService repository) {
    this.repository = repository;
  }

  /** The latest deployed lifecycle with {@code current} highlighted (none when null). */
  public String svg(Stage current) {
    return svg(current, Set.of());
  }

  /** As {@link #svg(Stage)}, also marking the stages the package has already been through. */
  public String svg(Stage current, Set<Stage> passed) {
    return svg(latestDefinitionId(), current, passed);
  }

  /** A given definition of the lifecycle — the one a package's process instance runs on. */
  public String svg(String processDefinitionId, Stage current, Set<Stage> passed) {
    DiagramLayout layout = layouts.computeIfAbsent(processDefinitionId,
        id -> DiagramLayout.read(id, repository.getBpmnModel(id)));
    return SvgRenderer.render(layout, current, passed == null ? Set.of() : passed);
  }

  String latestDefinitionId() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessVariables.PROCESS_KEY).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("process " + ProcessVariables.PROCESS_KEY + " is not deployed");
    }
    return definition.getId();
  }
}

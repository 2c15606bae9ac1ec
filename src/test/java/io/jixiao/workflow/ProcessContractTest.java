package io.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.report.Stage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The BPMN and the code agree: the process variables it names, and where each stage's returns lead. */
class ProcessContractTest {

  static final Path BPMN = Path.of("bpmn/report-lifecycle.bpmn20.xml");
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Spring beans the BPMN calls (reminders, io.jixiao.reminder): names, not variables; their methods are members. */
  static final Set<String> BEANS = Set.of("reminderSchedule", "reminderTimers");
  static final Pattern RETURN_TO = Pattern.compile("returnTo\\s*==\\s*'([A-Z_]+)'");

  static BpmnModel model;
  static String xml;

  @BeforeAll
  static void read() throws Exception {
    xml = Files.readString(BPMN);
    try (InputStream in = Files.newInputStream(BPMN)) {
      model = new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(in), false, false);
    }
  }

  @Test
  void theProcessKeyIsTheOneTheCodeStarts() {
    assertThat(model.getProcessById(ProcessVariables.PROCESS_KEY)).isNotNull();
  }

  @Test
  void expressionsNameOnlyTheSharedProcessVariables() {
    Set<String> named = new HashSet<>();
    Matcher expressions = EXPRESSION.matcher(xml);
    while (expressions.find()) {
      // 'APPROVE', 'DRAFT' …: string literals are values, not variables.
      Matcher identifiers = IDENTIFIER.matcher(expressions.group(1).replaceAll("'[^']*'", "")
          .replaceAll("\\.\\s*[A-Za-z_][A-Za-z0-9_]*", ""));
      while (identifiers.find()) {
        if (!BEANS.contains(identifiers.group())) {
          named.add(identifiers.group());
        }
      }
    }
    assertThat(named).isNotEmpty().isSubsetOf(ProcessVariables.ALL);
    // Every due date the starter sets is one the BPMN reads.
    for (Stage stage : Stage.values()) {
      if (stage != Stage.PUBLISHED) {
        UserTask task = (UserTask) model.getMainProcess().getFlowElement(stage.name());
        assertThat(task.getDueDate()).isEqualTo("${" + ProcessVariables.dueOf(stage) + "}");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Stage.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
  void returnsLeadExactlyWhereTheStageSays(Stage stage) {
    List<Stage> targets = new ArrayList<>();
    for (SequenceFlow flow : outcomesOf(stage)) {
      String condition = flow.getConditionExpression();
      if (condition != null && condition.contains("outcome == 'RETURN'")) {
        Stage target = Stage.valueOf(flow.getTargetRef());
        targets.add(target);
        Matcher returnTo = RETURN_TO.matcher(condition);
        if (stage.returnTargets().size() > 1) {
          // With a choice, each flow names the target it leads to, as the use case sets returnTo.
          assertThat(returnTo.find()).as(flow.getId()).isTrue();
          assertThat(returnTo.group(1)).isEqualTo(target.name());
        }
      }
    }
    assertThat(targets).containsExactlyInAnyOrderElementsOf(stage.returnTargets());
  }

  /** The flows that leave a stage's task, through its outcome gateway where it has one. */
  static List<SequenceFlow> outcomesOf(Stage stage) {
    FlowNode task = (FlowNode) model.getMainProcess().getFlowElement(stage.name());
    List<SequenceFlow> flows = new ArrayList<>();
    for (SequenceFlow out : task.getOutgoingFlows()) {
      if (model.getMainProcess().getFlowElement(out.getTargetRef()) instanceof Gateway gateway) {
        flows.addAll(gateway.getOutgoingFlows());
      } else {
        flows.add(out);
      }
    }
    return flows;
  }
}

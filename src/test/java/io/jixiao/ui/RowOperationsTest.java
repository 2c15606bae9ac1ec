package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The editor's row buttons on the form tree. */
class RowOperationsTest {

  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void newProjectsGetCodesNoOtherProjectHas() {
    ObjectNode tree = json.createObjectNode();
    RowOperations.apply(tree, "add:projects");
    RowOperations.apply(tree, "add:projects");
    RowOperations.apply(tree, "add:projects");
    assertThat(codes(tree)).containsExactly("P1", "P2", "P3");
    RowOperations.apply(tree, "remove:projects[0]");
    RowOperations.apply(tree, "add:projects");
    // P1 is free again; P2 and P3 keep theirs, so no two projects ever share a code.
    assertThat(codes(tree)).containsExactly("P2", "P3", "P1");
    ((ObjectNode) tree.get("projects").get(0)).put("code", "P4");
    RowOperations.apply(tree, "add:projects");
    assertThat(codes(tree)).containsExactly("P4", "P3", "P1", "P2");
  }

  static java.util.List<String> codes(ObjectNode tree) {
    return tree.get("projects").valueStream().map(p -> p.get("code")).map(JsonNode::asString).toList();
  }
}

package io.jixiao.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every fixture's {@code content} is exactly the model's JSON: it reads, writes and reads back equal. */
class SeedFixturesRoundTripTest {

  static List<SeedFixtures.Fixture> fixtures() {
    return SeedFixtures.all();
  }

  @Test
  void allFiveSeedsHaveAFixture() {
    assertThat(fixtures()).extracting(SeedFixtures.Fixture::seed)
        .containsExactlyInAnyOrder("000", "001", "002", "003", "004");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void contentRoundTrips(SeedFixtures.Fixture fixture) {
    ReportContent first = fixture.content();
    String written = SeedFixtures.MAPPER.writeValueAsString(first);
    ReportContent second = SeedFixtures.MAPPER.readValue(written, ReportContent.class);

    assertThat(second).isEqualTo(first);
    // Nothing in the file is lost or renamed: the written tree equals the fixture's tree.
    JsonNode rewritten = SeedFixtures.MAPPER.readTree(written);
    assertThat(rewritten).isEqualTo(fixture.contentNode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void templateAndHeaderAreKnown(SeedFixtures.Fixture fixture) {
    Template template = fixture.template();
    assertThat(template.code()).isEqualTo(fixture.templateCode());
    assertThat(fixture.json().get("unitCode").asString())
        .isIn("xintian-jsx", "lingling-jsx", "gaocheng-jsx", "qiannan-jsx");
    assertThat(fixture.file()).startsWith(fixture.seed() + "-");
    JsonNode expected = fixture.expected();
    assertThat(expected.get("overall")).isNotNull();
    assertThat(expected.get("findingCodes").isArray()).isTrue();
    assertThat(expected.get("notes").asString()).isNotBlank();
    // Every project the expectations name exists in the content, and the other way round.
    List<String> codes = fixture.content().projects().stream().map(Project::code).toList();
    assertThat(expected.get("projects").propertyNames()).containsExactlyInAnyOrderElementsOf(codes);
  }
}

package io.jixiao.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-transcribed seed fixtures under {@code src/test/resources/fixtures/}: one JSON file per
 * published report, holding the package as {@code content} (Jackson's form of {@link ReportContent})
 * and the totals and finding codes expected of it under {@code expected}.
 */
final class SeedFixtures {

  /**
   * Reads numbers with a fraction as {@link java.math.BigDecimal} and keeps their scale, also in
   * trees, so 2923100.00 stays 2923100.00 on its way from the file into {@link ReportContent}.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private SeedFixtures() {}

  /** One fixture file, read. */
  record Fixture(String file, JsonNode json) {

    String seed() {
      return json.get("seed").asString();
    }

    int year() {
      return json.get("year").asInt();
    }

    String templateCode() {
      return json.get("templateCode").asString();
    }

    JsonNode contentNode() {
      return json.get("content");
    }

    ReportContent content() {
      return MAPPER.treeToValue(contentNode(), ReportContent.class);
    }

    JsonNode expected() {
      return json.get("expected");
    }

    Template template() {
      return loadTemplate(templateCode());
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Fixture> all() {
    URL dir = SeedFixtures.class.getClassLoader().getResource("fixtures");
    if (dir == null) {
      throw new IllegalStateException("no fixtures/ directory on the test classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      List<Fixture> fixtures =
          files
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .map(p -> new Fixture(p.getFileName().toString(), MAPPER.readTree(p)))
              .toList();
      if (fixtures.isEmpty()) {
        throw new IllegalStateException("fixtures/ holds no .json file");
      }
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code COST_SEPARATE} → {@code report-templates/cost-separate.json}. */
  static Template loadTemplate(String code) {
    String resource = "report-templates/" + code.toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    try (InputStream in = SeedFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no template resource " + resource);
      }
      return MAPPER.readValue(in, Template.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

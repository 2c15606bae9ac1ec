package io.jixiao.documents;

import io.jixiao.form.Evaluator;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Project;
import io.jixiao.form.ReportContent;
import io.jixiao.form.ReviewScores;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed fixtures (src/test/resources/fixtures) as published documents: each package with review
 * scores entered on some rows (a point below the self score, so both totals differ), evaluated
 * against its template, with a signature record.
 */
final class DocumentFixtures {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  static final Instant PUBLISHED = Instant.parse("2023-07-10T06:03:05Z");

  private DocumentFixtures() {}

  record Fixture(String file, String unitName, PublishedDocument document) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Fixture> all() {
    try (Stream<Path> files = Files.list(Path.of(DocumentFixtures.class.getClassLoader().getResource("fixtures").toURI()))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted()
          .map(p -> fixture(p.getFileName().toString(), MAPPER.readTree(p))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Fixture byName(String prefix) {
    return all().stream().filter(f -> f.file().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static Fixture fixture(String file, JsonNode json) {
    ReportContent content = MAPPER.treeToValue(json.get("content"), ReportContent.class);
    content = ReviewScores.apply(content, reviewScores(content));
    int year = json.get("year").asInt();
    Template template = template(json.get("templateCode").asString());
    String unitName = json.get("unitName").asString();
    String hash = sha256(MAPPER.writeValueAsString(content));
    UUID id = UUID.nameUUIDFromBytes(file.getBytes(StandardCharsets.UTF_8));
    List<SignatureLine> signatures = List.of(
        new SignatureLine(SignatureLine.Role.UNIT_HEAD, "张负责", 3, PUBLISHED.minusSeconds(86400 * 9), hash),
        new SignatureLine(SignatureLine.Role.BUREAU, "李审核", 3, PUBLISHED.minusSeconds(86400 * 6), hash),
        new SignatureLine(SignatureLine.Role.FINANCE, "王财政", 3, PUBLISHED.minusSeconds(86400 * 2), hash),
        new SignatureLine(SignatureLine.Role.PUBLISHER, "admin", 3, PUBLISHED, hash));
    PublishedDocument document = new PublishedDocument(unitName, json.get("unitCode").asString(),
        unitName.replace("计划生育协会", ""), year, id, 3, hash, PUBLISHED, "admin", PUBLISHED.minusSeconds(86400 * 2),
        content, template, Evaluator.evaluate(content, template, year), signatures);
    return new Fixture(file, unitName, document);
  }

  /** Finance's review: one point off the first scored indicator of every table, and the funds total as scored. */
  private static Map<String, BigDecimal> reviewScores(ReportContent content) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    review("overall", content.overall(), scores);
    for (Project p : content.projects()) {
      review("projects[" + p.code() + "].table", p.table(), scores);
    }
    return scores;
  }

  private static void review(String path, SelfEvaluationTable table, Map<String, BigDecimal> scores) {
    if (table == null) {
      return;
    }
    List<IndicatorRow> rows = table.indicators();
    for (int i = 0; i < rows.size(); i++) {
      BigDecimal self = rows.get(i).selfScore();
      if (self != null && self.compareTo(BigDecimal.ONE) >= 0) {
        scores.put(path + ".indicators[" + i + "]", self.subtract(new BigDecimal("0.5")));
        return;
      }
    }
  }

  static Template template(String code) {
    String resource = "report-templates/" + code.toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    try (InputStream in = DocumentFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      return MAPPER.readValue(in, Template.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.ReportContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import tools.jackson.databind.json.JsonMapper;

/** The application's JSON mapper keeps money exact: scale and digits survive a read and a write. */
@JsonTest
class ContentJsonTest {

  @Autowired JsonMapper json;

  @Test
  void decimalsKeepTheirScaleThroughTheApplicationsMapper() {
    ReportContent content = json.readValue(ReportApiTest.CONTENT, ReportContent.class);
    assertThat(content.basicData().costs().get(0).budget()).hasToString("2923100.00");
    String written = json.writeValueAsString(content);
    assertThat(written).contains("\"budget\":2923100.00").contains("\"selfScore\":88.50");
    assertThat(json.readValue(written, ReportContent.class)).isEqualTo(content);
  }

  @Test
  void theHashDoesNotDependOnPropertyOrder() {
    ContentHasher hasher = new ContentHasher();
    ReportContent a = json.readValue("{\"filling\":{\"preparer\":\"肖桂芳\",\"phone\":\"1\"}}", ReportContent.class);
    ReportContent b = json.readValue("{\"filling\":{\"phone\":\"1\",\"preparer\":\"肖桂芳\"}}", ReportContent.class);
    assertThat(hasher.hash(a)).isEqualTo(hasher.hash(b)).hasSize(64);
    ReportContent c = json.readValue("{\"filling\":{\"phone\":\"2\",\"preparer\":\"肖桂芳\"}}", ReportContent.class);
    assertThat(hasher.hash(c)).isNotEqualTo(hasher.hash(a));

    // The same amount written with another scale is the same content.
    ReportContent d = json.readValue("{\"overall\":{\"statedTotal\":97.00}}", ReportContent.class);
    ReportContent e = json.readValue("{\"overall\":{\"statedTotal\":97}}", ReportContent.class);
    ReportContent f = json.readValue("{\"overall\":{\"statedTotal\":97.01}}", ReportContent.class);
    assertThat(hasher.hash(d)).isEqualTo(hasher.hash(e)).isNotEqualTo(hasher.hash(f));
  }
}

package io.jixiao.report;

import io.jixiao.form.ReportContent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 over a canonical serialisation of a package's content: properties sorted, no
 * whitespace, decimals written plainly without trailing zeros (10, 10.0 and 10.00 are the same
 * amount). Signatures bind to this hash, so it must not depend on the order a client sent fields
 * in, on how its JSON library writes numbers, or on the JSON library's defaults of the day.
 */
@Component
public class ContentHasher {

  private final JsonMapper canonical = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .addModule(new SimpleModule().addSerializer(BigDecimal.class, new ValueSerializer<>() {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
          gen.writeNumber(value.stripTrailingZeros().toPlainString());
        }
      }))
      .build();

  public String canonicalJson(ReportContent content) {
    return canonical.writeValueAsString(content);
  }

  public String hash(ReportContent content) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonicalJson(content).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}

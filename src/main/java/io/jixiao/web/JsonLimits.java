package io.jixiao.web;

import io.jixiao.form.Limits;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Limits on every JSON document the application reads, checked while parsing, before any of it
 * is summed, hashed or written to the database:
 * <ul>
 *   <li>the parser's own limits (nesting depth, length of numbers, strings and names, tokens), and
 *       duplicate keys refused rather than the last one silently winning;</li>
 *   <li>decimals within {@link Limits#bounded}: {@code 1e-99999999} is eleven characters but
 *       a hundred million digits once anything adds to it;</li>
 *   <li>no NUL or other control characters (bar tab and line breaks) and no lone surrogates in
 *       strings: PostgreSQL cannot store {@code \u0000} in text or jsonb, and nobody types the rest.</li>
 * </ul>
 * Each refusal is a {@link tools.jackson.databind.DatabindException} with the field's path, which
 * {@link ApiExceptionHandler} turns into a 400 naming it.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

  static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(32) // a package is 6 deep (projects[].table.indicators[].…)
      .maxNumberLength(64)
      .maxStringLength(1_000_000) // the longest field is a narrative section of 200 000 characters
      .maxNameLength(1_000)
      .maxDocumentLength(16L * 1024 * 1024) // requests stop at 2 MB before this; stored content may be larger
      .maxTokenCount(2_000_000)
      .build();

  /**
   * Boot 4.0 builds its JsonMapper.Builder on a default JsonFactory and offers no hook for the
   * factory (spring-boot#48594), so the builder is made here, on a constrained factory, with
   * every customizer applied as Boot would.
   */
  @Bean
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  JsonMapper.Builder constrainedJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(CONSTRAINTS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory);
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  JsonMapperBuilderCustomizer boundedValues() {
    return builder -> builder.addModule(new SimpleModule("jixiao-input-limits")
        .addDeserializer(BigDecimal.class, new BoundedDecimal())
        .addDeserializer(String.class, new CleanString()));
  }

  /** Jackson's own BigDecimal reading, then {@link Limits#bounded}. */
  static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (p.hasToken(JsonToken.VALUE_STRING) && p.getString().strip().length() > Limits.MAX_DECIMAL_CHARS) {
        throw new Refused(p, Limits.decimalRule(), BigDecimal.class);
      }
      BigDecimal value = super.deserialize(p, ctxt);
      if (value == null) {
        return null;
      }
      return Limits.bounded(value).orElseThrow(() -> new Refused(p, Limits.decimalRule(), BigDecimal.class));
    }
  }

  /** Jackson's own String reading, refusing what no form field can hold. */
  static final class CleanString extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = super.deserialize(p, ctxt);
      if (value != null && !TextLimits.clean(value)) {
        throw new Refused(p, TextLimits.RULE, String.class);
      }
      return value;
    }
  }

  /** A value these limits refuse; its message is ours and may be shown. */
  static final class Refused extends InvalidFormatException {
    Refused(JsonParser p, String message, Class<?> type) {
      super(p, message, null, type);
    }
  }
}

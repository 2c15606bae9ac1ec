package io.jixiao.cycle;

import io.jixiao.form.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates cycles are filled against. The shipped ones (classpath:report-templates/*.json) are stored
 * on first start and never overwritten: a cycle's template must not change under its reports, so a
 * revised template ships under a new code.
 */
@Component
public class TemplateCatalog {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  TemplateCatalog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    storeShippedTemplates();
  }

  private void storeShippedTemplates() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:report-templates/*.json")) {
        String definition = resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Template template = json.readValue(definition, Template.class);
        jdbc.sql("""
            insert into jixiao.template (code, name, definition) values (:code, :name, cast(:definition as jsonb))
            on conflict (code) do nothing
            """)
            .param("code", template.code()).param("name", template.name()).param("definition", definition)
            .update();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Template> find(String code) {
    Template cached = cache.get(code);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Template> loaded = jdbc.sql("select definition::text from jixiao.template where code = :code")
        .param("code", code).query(String.class).optional()
        .map(definition -> json.readValue(definition, Template.class));
    loaded.ifPresent(t -> cache.put(code, t));
    return loaded;
  }

  /** Every stored template's code and name, by code. */
  public Map<String, String> names() {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    jdbc.sql("select code, name from jixiao.template order by code")
        .query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
    return names;
  }

  public Template get(String code) {
    return find(code).orElseThrow(() -> new IllegalStateException("unknown template " + code));
  }
}

package io.jixiao.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the template JSON files the application ships (Jackson 3, as Spring Boot 4 uses). */
final class TestTemplates {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final Template NATIONAL_DEFAULT = read("national-default");
  static final Template COST_SEPARATE = read("cost-separate");
  static final Template COST_SEPARATE_PROJECTS = read("cost-separate-projects");

  private TestTemplates() {}

  static Template read(String name) {
    try (InputStream in = TestTemplates.class.getResourceAsStream("/report-templates/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no template " + name);
      }
      return JSON.readValue(in, Template.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

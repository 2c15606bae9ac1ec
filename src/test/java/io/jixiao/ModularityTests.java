package io.jixiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages under {@code io.jixiao} are modules: no cycles between them, and no module
 * reaches into another's internals. The generated documentation (C4 and per-module PlantUML) goes to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(JixiaoApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void everyModuleSaysWhatItOwns() {
    MODULES.forEach(module -> assertThat(Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'),
        "package-info.java")).as(module.getIdentifier().toString()).exists());
  }

  @Test
  void writesTheModuleDocumentation() throws Exception {
    new Documenter(MODULES).writeDocumentation();
    assertThat(Files.list(Path.of("target/spring-modulith-docs"))).isNotEmpty();
  }
}

package io.jixiao.demo;

import io.jixiao.cycle.CycleRepository;
import io.jixiao.security.UnitScope;
import io.jixiao.unit.UnitRepository;
import java.time.Year;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Opens evaluation cycles for the demo regions (from db/demo) so a fresh local run has work to do.
 * 新田县 2022 uses the template its 附件4 tables follow, 藁城区 its own outline (seed 001); everything else the
 * national default.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "jixiao.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final CycleRepository cycles;
  private final UnitRepository units;

  DemoData(CycleRepository cycles, UnitRepository units) {
    this.cycles = cycles;
    this.units = units;
  }

  @Override
  public void run(ApplicationArguments args) {
    var regions = units.findAll(UnitScope.ALL).stream().map(u -> u.regionCode()).collect(Collectors.toSet());
    int lastYear = Year.now().getValue() - 1;
    for (String region : regions) {
      for (int year = 2021; year <= lastYear + 1; year++) {
        String template = region.equals("xintian") && year == 2022 ? "COST_SEPARATE_PROJECTS"
            : region.equals("gaocheng") ? "GAOCHENG_OUTLINE" : "NATIONAL_DEFAULT";
        cycles.open(region, year, template);
      }
    }
    log.info("Demo cycles open for {} regions, 2021-{}", regions.size(), lastYear + 1);
  }
}

package io.jixiao.unit;

import io.jixiao.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitController {

  private final UnitRepository units;
  private final CurrentUser currentUser;

  UnitController(UnitRepository units, CurrentUser currentUser) {
    this.units = units;
    this.currentUser = currentUser;
  }

  /** The units the caller may see. */
  @GetMapping
  List<Unit> list() {
    return units.findAll(currentUser.unitScope());
  }
}

package io.jixiao.admin;

import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.DueDates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cycles}: evaluation cycles, for administrators. */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

  private final CycleAdministration administration;

  CycleController(CycleAdministration administration) {
    this.administration = administration;
  }

  record OpenCycle(
      @NotBlank @Size(max = 60) String regionCode,
      @Min(2000) @Max(2100) int year,
      @NotBlank @Size(max = 60) String templateCode,
      @Size(max = CycleAdministration.MAX_UNITS) List<String> unitCodes,
      @NotNull DueDates dueDates,
      @Min(1) @Max(365) Integer publicationDeadlineDays) {}

  record AddUnits(@NotNull @Size(max = CycleAdministration.MAX_UNITS) List<String> unitCodes) {}

  record CycleView(long id, String regionCode, int year, String templateCode, DueDates dueDates,
      int publicationDeadlineDays, boolean allUnits, boolean headMayPrepare, boolean closed, OffsetDateTime closedAt,
      Integer unitCount, List<String> units, List<String> packagesCreated) {

    static CycleView of(Cycle c, Integer unitCount, List<String> units, List<String> packagesCreated) {
      return new CycleView(c.id(), c.regionCode(), c.year(), c.templateCode(), DueDates.of(c), c.publicationDays(),
          c.allUnits(), c.headMayPrepare(), c.closed(), c.closedAt(), unitCount, units, packagesCreated);
    }
  }

  @GetMapping
  List<CycleView> list() {
    return administration.list().stream().map(o -> CycleView.of(o.cycle(), o.unitCount(), null, null)).toList();
  }

  @GetMapping("/{id}")
  CycleView get(@PathVariable long id) {
    Cycle cycle = administration.find(id);
    List<String> units = administration.units(id);
    return CycleView.of(cycle, units.size(), units, null);
  }

  /** 201 with the new cycle; 200 when the cycle was open already (only new units were added). */
  @PostMapping
  ResponseEntity<CycleView> open(@Valid @RequestBody OpenCycle request) {
    CycleAdministration.Opened opened = administration.open(request.regionCode(), request.year(),
        request.templateCode(), request.unitCodes(), request.dueDates(), request.publicationDeadlineDays());
    CycleView view = view(opened);
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/cycles/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  @PostMapping("/{id}/units")
  CycleView addUnits(@PathVariable long id, @Valid @RequestBody AddUnits request) {
    return view(administration.addUnits(id, request.unitCodes()));
  }

  @PutMapping("/{id}/due-dates")
  CycleView changeDueDates(@PathVariable long id, @RequestBody DueDates dueDates) {
    Cycle cycle = administration.changeDueDates(id, dueDates);
    return CycleView.of(cycle, null, null, null);
  }

  @PostMapping("/{id}/close")
  CycleView close(@PathVariable long id) {
    return CycleView.of(administration.close(id), null, null, null);
  }

  private CycleView view(CycleAdministration.Opened opened) {
    List<String> units = administration.units(opened.cycle().id());
    return CycleView.of(opened.cycle(), units.size(), units, opened.packagesCreated());
  }
}

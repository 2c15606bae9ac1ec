package io.jixiao.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 信息公开 — the public portal, no login: published packages by year, region and unit with a search by
 * unit name; each package's official tables read-only as published; checking a hash.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

  static final int PAGE_SIZE = 20;

  private final PublicReports reports;
  private final PublicTables tables;

  PublicPages(PublicReports reports, PublicTables tables) {
    this.reports = reports;
    this.tables = tables;
  }

  @ModelAttribute("tables")
  PublicTables tables() {
    return tables;
  }

  @GetMapping({"", "/"})
  String list(
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) @Size(max = 100) String region,
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
      Model model) {
    var filter = new PublicReports.Filter(year, PublicApiController.blankToNull(region),
        PublicApiController.blankToNull(q));
    model.addAttribute("found", reports.list(filter, page, PAGE_SIZE));
    model.addAttribute("filter", filter);
    model.addAttribute("years", reports.years());
    model.addAttribute("regions", reports.regions());
    return "public/index";
  }

  @GetMapping("/reports/{id}")
  String report(@PathVariable UUID id, @RequestParam(required = false) @Min(1) @Max(1_000_000) Integer version,
      Model model) {
    PublishedPackage published = version == null ? reports.newest(id) : reports.version(id, version);
    List<PublishedSummary> versions = reports.versions(id);
    model.addAttribute("p", published);
    model.addAttribute("content", published.content());
    model.addAttribute("evaluation", published.evaluation());
    model.addAttribute("versions", versions);
    model.addAttribute("newest", versions.get(versions.size() - 1).version() == published.version());
    return "public/report";
  }

  @GetMapping("/verify")
  String verifyForm() {
    return "public/verify";
  }

  /** Whether a hash is the content hash of a published version, and of which package and version. */
  @PostMapping("/verify")
  String verify(@RequestParam(defaultValue = "") @Size(max = 200) String hash, Model model) {
    String normalized = PublicReports.normalizeHash(hash);
    model.addAttribute("hash", hash.strip());
    model.addAttribute("valid", normalized != null);
    model.addAttribute("matches", reports.withHash(hash));
    return "public/verify";
  }

  /** A package that was never published, or any other refusal, is the portal's own "not found" page. */
  @org.springframework.web.bind.annotation.ExceptionHandler(io.jixiao.shared.NotFound.class)
  String notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "public/not-found";
  }
}

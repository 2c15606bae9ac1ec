package io.jixiao.ui;

import io.jixiao.form.ReportContent;
import io.jixiao.report.Report;
import io.jixiao.report.ReportImport;
import io.jixiao.report.ReportService;
import io.jixiao.report.StaleVersion;
import io.jixiao.report.WorkbookRefused;
import io.jixiao.shared.DomainException;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The draft page's Excel import (issue 14): upload → preview (what will be imported, the findings it
 * would raise, or every problem by sheet and cell) → confirm. The uploaded file waits in the
 * (database) session between the two, so any node confirms it; the confirmation names the version
 * previewed. Also the download of the current version's workbook.
 */
@Controller
class ImportPages {

  /** Session attribute of the workbook waiting for confirmation, per package. */
  static String pending(UUID id) {
    return "jixiao.import." + id;
  }

  private final ReportImport imports;
  private final ReportService reports;

  ImportPages(ReportImport imports, ReportService reports) {
    this.imports = imports;
    this.reports = reports;
  }

  @PostMapping("/reports/{id}/import")
  String preview(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file,
      HttpSession session, Model model) throws IOException {
    Report report = reports.find(id);
    model.addAttribute("report", report);
    model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
    session.removeAttribute(pending(id));
    try {
      if (file == null || file.isEmpty()) {
        throw new WorkbookRefused(List.of(new io.jixiao.documents.WorkbookImport.CellError(null, null,
            "请选择要导入的 .xlsx 或 .xls 文件")));
      }
      byte[] bytes = file.getBytes();
      ReportImport.Preview preview = imports.preview(id, bytes);
      session.setAttribute(pending(id), bytes);
      model.addAttribute("preview", preview);
      model.addAttribute("content", preview.content());
      model.addAttribute("evaluation", preview.evaluation());
      model.addAttribute("version", preview.version());
      model.addAttribute("counts", counts(preview.content()));
    } catch (WorkbookRefused e) {
      model.addAttribute("errors", e.errors());
    } catch (ErrorResponseException e) {
      // Over the size cap: 413 with its reason.
      model.addAttribute("errors", List.of(new io.jixiao.documents.WorkbookImport.CellError(null, null,
          String.valueOf(e.getBody().getDetail()))));
    }
    return "report-import";
  }

  @PostMapping("/reports/{id}/import/confirm")
  String confirm(@PathVariable UUID id, @RequestParam int version, HttpSession session, RedirectAttributes redirect) {
    Object bytes = session.getAttribute(pending(id));
    if (!(bytes instanceof byte[] workbook)) {
      redirect.addFlashAttribute("error", "没有待确认的导入（可能已确认或已过期），请重新上传工作簿");
      return "redirect:/reports/" + id;
    }
    try {
      Report saved = imports.confirm(id, version, workbook);
      session.removeAttribute(pending(id));
      redirect.addFlashAttribute("notice", "imported");
      redirect.addFlashAttribute("noticeArg", saved.latestVersion());
    } catch (StaleVersion e) {
      session.removeAttribute(pending(id));
      redirect.addFlashAttribute("error", e.getMessage() + "；导入未保存，请重新上传以预览最新版本上的导入");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/reports/" + id;
  }

  /** The current version's workbook: the tables in the layout the import reads back. */
  @GetMapping("/reports/{id}/workbook")
  ResponseEntity<byte[]> workbook(@PathVariable UUID id) {
    return imports.workbook(id, null).response();
  }

  /** What the preview lists: the rows of each table the workbook fills. */
  record Counts(int funds, int goals, int indicators, int projects, int costs, int buildings, int narrative) {}

  static Counts counts(ReportContent c) {
    return new Counts(c.overall() == null ? 0 : c.overall().funds().size(),
        c.overall() == null ? 0 : c.overall().goals().size(),
        c.overall() == null ? 0 : c.overall().indicators().size(), c.projects().size(),
        c.basicData() == null ? 0 : c.basicData().costs().size(),
        c.basicData() == null ? 0 : c.basicData().buildings().size(), c.narrative().size());
  }
}

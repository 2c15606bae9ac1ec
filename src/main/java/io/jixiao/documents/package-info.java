/**
 * The official documents of a published package: the PDF ({@link io.jixiao.documents.PackagePdf})
 * and the Excel workbook ({@link io.jixiao.documents.PackageWorkbook}) of its tables, both rendered
 * deterministically from a {@link io.jixiao.documents.PublishedDocument} (same input, same bytes).
 * The workbook's cells follow {@link io.jixiao.documents.WorkbookLayout}, the one definition an
 * importer reads back. No database, no web: the caller gathers the published version and passes it in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"form"})
package io.jixiao.documents;

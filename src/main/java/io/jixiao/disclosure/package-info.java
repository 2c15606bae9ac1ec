/**
 * 公开 — the public disclosure portal and the open data API. When a package is published
 * ({@code LifecycleEvents.Published}) its published version is frozen, in the publishing transaction,
 * into {@code jixiao.published_package}: the stored content as it was, its hash, the summary and
 * findings computed then, the approval, the signature and the publication. Everything public
 * ({@code /public/**}: pages, {@code /public/api/**}, {@code /public/verify}) reads only that table, so a
 * correction in progress never shows and an unpublished id is simply not found. Owns
 * {@code jixiao.published_package}; reads (never writes) the report and lifecycle records it freezes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"workflow", "form", "cycle", "web", "shared"})
package io.jixiao.disclosure;

/**
 * HTTP concerns shared by API and pages: the one mapping of domain refusals to problem details (RFC 9457),
 * request size limits, entity tags. Depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.jixiao.web;

/**
 * HTTP concerns shared by API and pages: the one mapping of domain refusals to problem details (RFC 9457),
 * request size and input limits (the forms' number bounds, {@code form.Limits}, applied to every JSON and
 * form value at the edge), entity tags. Depends on no feature module but the plain-Java forms.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "form"})
package io.jixiao.web;

/**
 * Administration of evaluation cycles (评价周期管理, issue 11): opening a region's cycle with its
 * template, units and due dates — which creates every included unit's draft package and its
 * lifecycle — adding units, changing due dates and closing a cycle. Administrators only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cycle", "report", "workflow", "unit", "security", "shared", "web", "form"})
package io.jixiao.admin;

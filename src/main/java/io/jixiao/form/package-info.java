/**
 * The 绩效自评 forms: what a report package contains, the template it is filled against, and the
 * rules computed over it (scores, grade, findings). Plain Java, no framework: every rule here has
 * fast unit tests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.jixiao.form;

/**
 * 管理员工作台 (the administrators' dashboard, issue 11 item 4): per cycle, how many packages stand at each
 * stage, a table of the packages with their stage, assignee, waiting time, due date and days to the
 * publication deadline (sorted, filtered and paged in SQL, one statement per page, read from the task
 * projection — never from the engine row by row), progress over time from the audit trail, and the
 * table as an Excel workbook. Administrators only. Owns no table: it reads the other modules' tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "cycle", "report", "workflow", "security", "shared", "web"})
package io.jixiao.dashboard;

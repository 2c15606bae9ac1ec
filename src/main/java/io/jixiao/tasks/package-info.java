/** The task API: the caller's queues, and claiming, releasing, completing and reassigning a task. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"workflow", "report", "security", "shared", "web"})
package io.jixiao.tasks;

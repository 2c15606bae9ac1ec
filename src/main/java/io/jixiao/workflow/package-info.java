/**
 * The report lifecycle on Flowable: one use case per step ({@link io.jixiao.workflow.ClaimTask},
 * {@link io.jixiao.workflow.CompleteTask} with each stage's approval, {@link io.jixiao.workflow.ReassignTask},
 * {@link io.jixiao.workflow.StartLifecycle}, {@link io.jixiao.workflow.EnterReviewScores},
 * {@link io.jixiao.workflow.Guidance}), each in one transaction under the package's row lock; the task
 * projection that makes queues one query; signatures, approvals and publications; the timers on open
 * tasks following their due dates ({@link io.jixiao.workflow.TaskTimers}); the application's {@code Clock},
 * which is the engine's. Publishes
 * {@link io.jixiao.workflow.LifecycleEvents}. Owns {@code jixiao.open_task}, {@code lifecycle_process},
 * {@code signature}, {@code approval}, {@code publication}, {@code review_comment}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"report", "form", "cycle", "security", "shared"})
package io.jixiao.workflow;

/**
 * What a task status means for the wait. Source: docs/ecs-api.md section 1, "Task status values".
 */

/** `success`: Finished. `failure`: the task will not finish. `pending`: keep waiting. */
export type StatusClass = "success" | "failure" | "pending";

const IN_PROGRESS = new Set(["Processing", "Pending", "Waiting"]);

/**
 * Classifies a `TaskStatus`.
 * - `Finished` → success.
 * - `Failed`, `Deleted` (cancelled), and any status ending in `Failed` → failure.
 * - `Paused` → failure when `pausedIsFailure` (the default), else pending.
 * - `Processing`, `Pending`, `Waiting`, and any other status → pending.
 */
export function classifyStatus(status: string, pausedIsFailure = true): StatusClass {
    if (status === "Finished") return "success";
    if (status === "Failed" || status === "Deleted" || status.endsWith("Failed")) return "failure";
    if (status === "Paused") return pausedIsFailure ? "failure" : "pending";
    return "pending";
}

/** Whether `status` is one the docs list; other statuses are logged once, not fatal. */
export function isKnownStatus(status: string): boolean {
    return IN_PROGRESS.has(status) || ["Finished", "Failed", "Deleted", "Paused"].includes(status);
}

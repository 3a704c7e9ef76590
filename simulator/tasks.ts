/**
 * The simulator's task model: scripted lifecycles of ImportImage / ExportImage tasks.
 * A task is Pending for `pendingMs`, then Processing with progress rising linearly, then its
 * final status at `durationMs` after creation. Statuses and fields follow docs/ecs-api.md.
 */

/** How a task should behave. Every field has a default in {@link TaskStore}. */
export interface TaskScript {
    /** Total time from creation to the final status, in ms. */
    durationMs?: number;
    /** Time spent in `Pending` (or `Waiting`) before `Processing`, in ms. Default 10% of durationMs, at most 2000. */
    pendingMs?: number;
    /** Status while queued: `Pending` (default) or `Waiting`. */
    pendingStatus?: string;
    /** `Finished` (default), `Failed`, `Deleted`, `Paused`, or any other string. */
    finalStatus?: string;
    /** DescribeTaskAttribute's ErrorCode for a failed task. Default `ImportImage.Failed`-like `<Action>.Failed`. */
    errorCode?: string;
    /** DescribeTaskAttribute's ErrorMsg for a failed task. */
    errorMessage?: string;
    /** Progress (0..100) at which a non-Finished final status stops. Default 50. */
    failAtProgress?: number;
    /** DescribeTasks' ResourceId; for ImportImage the new image ID. */
    resourceId?: string;
    /** Milliseconds after the task finishes until DescribeImages shows the image `Available`. Default 1000. */
    imageReadyDelayMs?: number;
}

/** One task as the simulator keeps it. */
export interface SimTask {
    TaskId: string;
    RegionId: string;
    TaskAction: string;
    createdAt: number;
    durationMs: number;
    pendingMs: number;
    pendingStatus: string;
    finalStatus: string;
    errorCode?: string;
    errorMessage?: string;
    failAtProgress: number;
    resourceId?: string;
    imageReadyDelayMs: number;
    /** OSS object written by an ExportImage task. */
    ossObject?: string;
    /** Set by CancelTask: the task becomes `Deleted` at this time. */
    cancelledAt?: number;
}

/** A task's state at one instant. */
export interface TaskView {
    TaskId: string;
    RegionId: string;
    TaskAction: string;
    TaskStatus: string;
    /** 0..100 */
    progress: number;
    CreationTime: string;
    FinishedTime?: string;
    ResourceId?: string;
    SupportCancel: boolean;
    /** When the task reached (or will reach) its terminal status, ms since the epoch. */
    terminalAt: number;
}

const TERMINAL = new Set(["Finished", "Failed", "Deleted", "Paused"]);

/** Whether a status ends a task's lifecycle in the simulator. */
export function isTerminalStatus(s: string): boolean {
    return TERMINAL.has(s) || s.endsWith("Failed");
}

/** Computes what a task looks like at `now` (ms since the epoch). */
export function viewTask(t: SimTask, now: number): TaskView {
    const elapsed = now - t.createdAt;
    let status: string;
    let progress: number;
    let terminalAt = t.createdAt + t.durationMs;
    if (t.cancelledAt !== undefined && t.cancelledAt < terminalAt && now >= t.cancelledAt) {
        status = "Deleted";
        terminalAt = t.cancelledAt;
        progress = progressAt(t, t.cancelledAt - t.createdAt);
    } else if (elapsed < t.pendingMs) {
        status = t.pendingStatus;
        progress = 0;
    } else if (elapsed < t.durationMs) {
        status = "Processing";
        progress = progressAt(t, elapsed);
    } else {
        status = t.finalStatus;
        progress = status === "Finished" ? 100 : Math.min(t.failAtProgress, 99);
    }
    const done = isTerminalStatus(status);
    return {
        TaskId: t.TaskId,
        RegionId: t.RegionId,
        TaskAction: t.TaskAction,
        TaskStatus: status,
        progress,
        CreationTime: isoSeconds(t.createdAt),
        FinishedTime: done ? isoSeconds(terminalAt) : undefined,
        ResourceId: t.resourceId,
        SupportCancel: !done,
        terminalAt,
    };
}

function progressAt(t: SimTask, elapsed: number): number {
    const span = Math.max(1, t.durationMs - t.pendingMs);
    const p = Math.floor(((elapsed - t.pendingMs) / span) * 100);
    const cap = t.finalStatus === "Finished" ? 99 : Math.min(t.failAtProgress, 99);
    return Math.max(1, Math.min(p, cap));
}

/** `yyyy-MM-ddTHH:mm:ssZ` */
export function isoSeconds(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

import { TaskAttribute, TaskSummary } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import { Observation, TaskScheduler } from "./scheduler";
import { classifyStatus, isKnownStatus } from "./status";
import { TaskFailedError } from "./errors/TaskFailedError";
import { TaskTimeoutError } from "./errors/TaskTimeoutError";
import { TaskNotFoundError } from "./errors/TaskNotFoundError";
import { TaskActionMismatchError } from "./errors/TaskActionMismatchError";
import { WaitCancelledError } from "./errors/WaitCancelledError";
import { MAX_TIMER_MS } from "../util/sleep";
import { fetchAttribute } from "./fetchAttribute";
import { ConfigError } from "../config/ConfigError";

/** The part of the ECS client a wait uses besides the scheduler. */
export interface TaskAttributeApi {
    describeTaskAttribute(regionId: string, taskId: string, signal?: AbortSignal): Promise<TaskAttribute>;
}

/** Options of one wait. */
export interface WaitOptions {
    /** How long to wait in all, in ms. */
    timeoutMs: number;
    /** How long a task may be missing from DescribeTasks before it counts as not found, in ms. Default 120000 (eventual consistency right after ImportImage). */
    notFoundGraceMs?: number;
    /** Treat `Paused` as a failure (default) or keep waiting. */
    pausedIsFailure?: boolean;
    /** When set, a task of another TaskAction fails the wait. */
    expectedAction?: string;
    /** Ends the wait with {@link WaitCancelledError}. */
    signal?: AbortSignal;
    /** Called when the task's status changes (not on polls that changed nothing). */
    onStatus?: (status: string, task: TaskSummary) => void;
    /** Called once for a status the docs do not list. */
    onUnknownStatus?: (status: string) => void;
    /**
     * How often, at most, to ask DescribeTaskAttribute for the progress (`TaskProcess`) of a task
     * still in progress, in ms; DescribeTasks does not report progress. Unset: never (progress is
     * then read only at the end). One call per wait per interval, outside the shared batch.
     */
    progressIntervalMs?: number;
    /** Asked before each progress read; false skips it (a budget shared among waits: ./progressBudget). Default: always true. */
    progressGate?: () => boolean;
    /** Called when the task's progress changes (e.g. `"45%"`), not on looks that changed nothing. */
    onProgress?: (progress: string, status: string) => void;
    /**
     * The task as an earlier wait recorded it `Finished`. Old tasks age out of DescribeTasks:
     * when this task is no longer listed, the wait resolves with the record (`fromRecord`)
     * instead of counting toward not-found.
     */
    recorded?: TaskSummary;
    /** Clock, ms since the epoch. Default `Date.now`. */
    now?: () => number;
}

/** A task that finished. */
export interface WaitResult {
    task: TaskSummary;
    /** DescribeTaskAttribute of the finished task, when it was fetched (exports). */
    attribute?: TaskAttribute;
    /** Observations received. */
    polls: number;
    /** How long the wait lasted, in ms. */
    waitedMs: number;
    /** True when the task was no longer listed and the result is {@link WaitOptions.recorded}. */
    fromRecord?: boolean;
    /** Last progress seen (`TaskProcess`), when it was read. */
    progress?: string;
}

/**
 * Waits until `taskId` reaches a terminal status, hearing about it from the shared `scheduler`.
 *
 * @returns when the task is `Finished`.
 * @throws TaskFailedError for `Failed`, `Deleted`, `Paused` (by default) and statuses ending in `Failed`, with DescribeTaskAttribute's reason.
 * @throws TaskTimeoutError when `timeoutMs` passes first (after one last look at the task).
 * @throws TaskNotFoundError when the task is missing for longer than `notFoundGraceMs`.
 * @throws TaskActionMismatchError when `expectedAction` is set and differs.
 * @throws WaitCancelledError when `signal` aborts.
 * @throws ConfigError (synchronously) when `timeoutMs` is not a positive number.
 * @throws EcsError when a call fails in a way no retry fixes (bad keys, permissions, endpoint).
 */
export function waitForTask(scheduler: TaskScheduler, attrs: TaskAttributeApi, taskId: string, o: WaitOptions): Promise<WaitResult> {
    if (!(Number.isFinite(o.timeoutMs) && o.timeoutMs > 0)) throw new ConfigError("timeout", `${o.timeoutMs} ms: give a positive number of milliseconds`);
    const now = o.now ?? Date.now;
    const regionId = scheduler.regionId;
    const start = now();
    const grace = o.notFoundGraceMs ?? 120_000;
    let polls = 0;
    let last: TaskSummary | undefined;
    let lastSeenAt = start;
    let settled = false;
    let progress: string | undefined;
    let progressAt = -Infinity;
    let progressInFlight = false;
    const progressAbort = new AbortController();
    const unknownLogged = new Set<string>();

    return new Promise<WaitResult>((resolve, reject) => {
        const stop = scheduler.watch(taskId, onObservation);
        // Not unref'd: a wait in progress keeps its process alive; it is cleared when the wait ends.
        const deadline = setTimeout(onDeadline, Math.min(Math.max(0, o.timeoutMs), MAX_TIMER_MS));
        const onAbort = () => finish(() => reject(new WaitCancelledError(taskId, last?.TaskStatus)));
        o.signal?.addEventListener("abort", onAbort, { once: true });
        if (o.signal?.aborted) onAbort();

        function finish(settle: () => void): void {
            if (settled) return;
            settled = true;
            // A progress read still running (with its retries) has nobody left to tell.
            progressAbort.abort();
            stop();
            clearTimeout(deadline);
            o.signal?.removeEventListener("abort", onAbort);
            settle();
        }

        function onObservation(obs: Observation): void {
            if (settled) return;
            polls++;
            if (obs.kind === "fatal") return finish(() => reject(obs.error));
            if (obs.kind === "transient") return;
            if (obs.kind === "absent") {
                if (o.recorded && classifyStatus(o.recorded.TaskStatus) === "success") {
                    const rec = o.recorded;
                    if (o.expectedAction && rec.TaskAction && rec.TaskAction !== o.expectedAction) {
                        return finish(() => reject(new TaskActionMismatchError(taskId, o.expectedAction!, rec.TaskAction!)));
                    }
                    return finish(() => resolve({ task: rec, polls, waitedMs: now() - start, fromRecord: true }));
                }
                if (now() - lastSeenAt > grace) finish(() => reject(new TaskNotFoundError(taskId, regionId, now() - start)));
                return;
            }
            lastSeenAt = now();
            handleTask(obs.task);
        }

        function handleTask(task: TaskSummary): void {
            if (o.expectedAction && task.TaskAction && task.TaskAction !== o.expectedAction) {
                return finish(() => reject(new TaskActionMismatchError(taskId, o.expectedAction!, task.TaskAction!)));
            }
            if (task.TaskStatus !== last?.TaskStatus) o.onStatus?.(task.TaskStatus, task);
            if (!isKnownStatus(task.TaskStatus) && !unknownLogged.has(task.TaskStatus)) {
                unknownLogged.add(task.TaskStatus);
                o.onUnknownStatus?.(task.TaskStatus);
            }
            last = task;
            const cls = classifyStatus(task.TaskStatus, o.pausedIsFailure ?? true);
            if (cls === "pending") return lookAtProgress(task);
            finish(() => {
                const waited = () => now() - start;
                if (cls === "failure") return void failureOf(task).then(reject, reject);
                if (task.TaskAction !== "ExportImage") return resolve({ task, polls, waitedMs: waited(), progress: "100%" });
                // An export's result names the OSS object written: only DescribeTaskAttribute says which.
                void fetchAttribute(attrs, regionId, taskId, { deadlineMs: start + o.timeoutMs, now, signal: o.signal }).then((attribute) =>
                    resolve({ task, attribute, polls, waitedMs: waited(), progress: attribute?.TaskProcess ?? "100%" }),
                );
            });
        }

        /** At most one DescribeTaskAttribute per progress interval; reports a changed TaskProcess. */
        function lookAtProgress(task: TaskSummary): void {
            if (o.progressIntervalMs === undefined || progressInFlight || now() - progressAt < o.progressIntervalMs) return;
            if (o.progressGate && !o.progressGate()) return;
            progressInFlight = true;
            progressAt = now();
            attrs.describeTaskAttribute(regionId, taskId, progressAbort.signal).then(
                (a) => {
                    progressInFlight = false;
                    if (settled || !a.TaskProcess || a.TaskProcess === progress) return;
                    progress = a.TaskProcess;
                    o.onProgress?.(a.TaskProcess, last?.TaskStatus ?? task.TaskStatus);
                },
                () => {
                    // Progress is for the log only; DescribeTasks decides the wait.
                    progressInFlight = false;
                },
            );
        }

        async function failureOf(task: TaskSummary): Promise<TaskFailedError> {
            const a = await fetchAttribute(attrs, regionId, taskId, { deadlineMs: start + o.timeoutMs, now, signal: o.signal });
            const op = a?.OperationProgress.find((p) => p.ErrorCode || p.ErrorMsg);
            return new TaskFailedError({
                taskId,
                regionId,
                taskStatus: task.TaskStatus,
                taskAction: task.TaskAction,
                errorCode: op?.ErrorCode,
                errorMessage: op?.ErrorMsg,
                progress: a?.TaskProcess,
                creationTime: task.CreationTime,
                finishedTime: task.FinishedTime,
                resourceId: task.ResourceId,
            });
        }

        function onDeadline(): void {
            if (settled) return;
            // One last look before giving up: the task may have just ended; the answer also gives progress.
            attrs.describeTaskAttribute(regionId, taskId, o.signal).then(
                (a) => {
                    if (settled) return;
                    polls++;
                    const task: TaskSummary = { ...(last ?? { TaskId: taskId }), TaskStatus: a.TaskStatus, TaskAction: a.TaskAction ?? last?.TaskAction, FinishedTime: a.FinishedTime ?? last?.FinishedTime } as TaskSummary;
                    if (classifyStatus(a.TaskStatus, o.pausedIsFailure ?? true) !== "pending") return handleTask(task);
                    finish(() => reject(timeoutError(a.TaskStatus, a.TaskProcess)));
                },
                (err) => {
                    if (err instanceof EcsError && !err.retryable && !/NotFound/.test(err.code)) return finish(() => reject(err));
                    finish(() => reject(timeoutError(last?.TaskStatus, progress)));
                },
            );
        }

        function timeoutError(status: string | undefined, progress: string | undefined): TaskTimeoutError {
            return new TaskTimeoutError({ taskId, regionId, lastStatus: status, progress, waitedMs: now() - start, polls, timeoutMs: o.timeoutMs });
        }
    });
}

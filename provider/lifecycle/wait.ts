import { dropUndefined } from "../util/dropUndefined";
import { EcsClientOptions } from "../ecs/options";
import { TaskSummary } from "../ecs/types";
import { parseDuration } from "../config/duration";
import { sharedPoller } from "../waiter/registry";
import { waitForTask, WaitResult } from "../waiter/waitForTask";
import { waitForImage } from "../waiter/waitForImage";
import { TaskFailedError } from "../waiter/errors/TaskFailedError";
import { TaskTimeoutError } from "../waiter/errors/TaskTimeoutError";
import { TaskNotFoundError } from "../waiter/errors/TaskNotFoundError";
import { WaitCancelledError } from "../waiter/errors/WaitCancelledError";
import { ImageNotReadyError } from "../waiter/errors/ImageNotReadyError";
import { DEFAULTS, WaiterInputs } from "./inputs";
import { taskFields, WaiterOutputs } from "./outputs";
import { StepFailedError } from "./StepFailedError";

/** What a wait needs besides the inputs. */
export interface WaitContext {
    /** Client options (endpoint, style, credentials, tenancy) resolved from inputs, config and environment. */
    client: EcsClientOptions;
    /** Ends the wait early (process shutdown). */
    signal?: AbortSignal;
    /** Where status and progress changes are reported (one line per change, never per poll). */
    log: (line: string) => void;
    /**
     * The outputs an earlier wait recorded for this resource (update's `olds`). When they record
     * the same task in the same region as `Finished` and the task has since aged out of
     * DescribeTasks, the recorded result stands.
     */
    recorded?: Record<string, unknown>;
}

/**
 * Waits on the task named by `inputs` (and, with `waitForImage`, on its image) and returns the
 * outputs of a `Finished` task.
 *
 * @param id the resource ID to report in a {@link StepFailedError}.
 * @param provider the `__provider` value, kept in the recorded properties.
 * @throws StepFailedError when the task failed, the wait timed out or was cancelled, the task was
 *         never found, or a call failed for good: the error records the task's last known state
 *         (status, progress, error code and message) and the reason in `waitError`.
 */
export async function waitAndRecord(id: string, inputs: WaiterInputs, provider: unknown, ctx: WaitContext): Promise<WaiterOutputs> {
    const base: WaiterOutputs = { taskId: inputs.taskId, regionId: inputs.regionId, __inputs: inputs };
    const recorded = sameTask(ctx.recorded, inputs);
    const label = `ECS task ${inputs.taskId}`;
    let lastStatus: string | undefined;
    let lastProgress: string | undefined;
    let result: WaitResult | undefined;
    let imageStatus: string | undefined;
    try {
        const timeoutMs = parseDuration(inputs.timeout ?? DEFAULTS.timeout, "timeout");
        const pollIntervalMs = parseDuration(inputs.pollInterval ?? DEFAULTS.pollInterval, "pollInterval");
        const notFoundGraceMs = parseDuration(inputs.notFoundGrace ?? DEFAULTS.notFoundGrace, "notFoundGrace");
        const { scheduler, client, progress: progressBudget } = sharedPoller(ctx.client, inputs.regionId, { pollIntervalMs });
        const startedAt = Date.now();
        result = await waitForTask(scheduler, client, inputs.taskId, {
            timeoutMs,
            notFoundGraceMs,
            pausedIsFailure: inputs.pausedIsFailure ?? DEFAULTS.pausedIsFailure,
            expectedAction: inputs.taskAction,
            signal: ctx.signal,
            progressGate: () => progressBudget.take(),
            progressIntervalMs: parseDuration(inputs.progressInterval ?? DEFAULTS.progressInterval, "progressInterval"),
            recorded: recorded && summaryOf(recorded),
            onStatus: (status) => {
                lastStatus = status;
                ctx.log(`${label}: ${status}${lastProgress ? ` ${lastProgress}` : ""}`);
            },
            onProgress: (progress, status) => {
                const first = lastProgress === undefined;
                lastProgress = progress;
                // The first look at a queued task says "0%": nothing has changed yet.
                if (!(first && /^0+%?$/.test(progress))) ctx.log(`${label}: ${status} ${progress}`);
            },
            onUnknownStatus: (status) => ctx.log(`${label}: status "${status}" is not documented; still waiting`),
        });
        if (result.fromRecord) ctx.log(`${label} is no longer listed by DescribeTasks (old tasks age out); its recorded result (Finished) stands`);
        const wantImage = (inputs.waitForImage ?? DEFAULTS.waitForImage) && result.task.ResourceId;
        if (wantImage && result.task.TaskAction && result.task.TaskAction !== "ImportImage") {
            ctx.log(`${label} is a ${result.task.TaskAction} task: waitForImage applies only to ImportImage and is skipped`);
        } else if (wantImage && !(result.fromRecord && recorded?.imageStatus === "Available")) {
            const imageId = result.task.ResourceId!;
            const image = await waitForImage(client, imageId, {
                regionId: inputs.regionId,
                taskId: inputs.taskId,
                intervalMs: pollIntervalMs,
                timeoutMs: Math.max(0, timeoutMs - (Date.now() - startedAt)),
                notFoundGraceMs,
                signal: ctx.signal,
                onStatus: (status) => {
                    imageStatus = status;
                    ctx.log(`${label}: image ${imageId} ${status}`);
                },
            });
            imageStatus = image.status;
        } else if (wantImage) {
            imageStatus = "Available";
        }
        const oss = result.attribute?.OperationProgress.flatMap((p) => p.RelatedItems).find((i) => i.Name === "OSSObject");
        if (result.task.TaskAction === "ExportImage" && !oss && !recorded?.ossObject) {
            ctx.log(`${label}: Finished, but DescribeTaskAttribute did not say which OSS object it wrote; pulumi refresh reads it`);
        }
        return dropUndefined({
            ...base,
            ...taskFields(result.task),
            progress: result.fromRecord ? str(recorded?.progress) ?? "100%" : result.progress ?? "100%",
            ossObject: oss?.Value ?? str(recorded?.ossObject),
            imageStatus,
        });
    } catch (err) {
        let message = err instanceof Error ? err.message : String(err);
        if (err instanceof TaskNotFoundError) message += ` (endpoint ${ctx.client.endpoint}, call style ${ctx.client.apiStyle ?? "route"})`;
        const failed: WaiterOutputs = { ...base, taskStatus: lastStatus, progress: lastProgress, waitError: message };
        if (err instanceof TaskFailedError) {
            const f = err.failure;
            Object.assign(failed, {
                taskAction: f.taskAction,
                taskStatus: f.taskStatus,
                resourceId: f.resourceId,
                creationTime: f.creationTime,
                finishedTime: f.finishedTime,
                progress: f.progress ?? lastProgress,
                errorCode: f.errorCode,
                errorMessage: f.errorMessage,
            });
        } else if (err instanceof TaskTimeoutError) {
            failed.taskStatus = err.timeout.lastStatus;
            failed.progress = err.timeout.progress ?? lastProgress;
        } else if (err instanceof WaitCancelledError) {
            failed.taskStatus = err.lastStatus ?? lastStatus;
        } else if (err instanceof ImageNotReadyError && result) {
            // The task itself finished: record it, and the image's status, so the next up waits for the image again.
            Object.assign(failed, {
                ...taskFields(result.task),
                progress: result.progress ?? "100%",
                imageStatus: err.image.lastStatus ?? imageStatus ?? "NotListed",
            });
        }
        throw new StepFailedError(id, { ...dropUndefined(failed), __provider: provider }, message, err);
    }
}

/** The recorded outputs when they are of the same task in the same region, else undefined. */
function sameTask(recorded: Record<string, unknown> | undefined, inputs: WaiterInputs): Record<string, unknown> | undefined {
    if (!recorded || recorded.taskId !== inputs.taskId || recorded.regionId !== inputs.regionId) return undefined;
    return recorded;
}

/** The recorded outputs as a DescribeTasks entry. */
function summaryOf(r: Record<string, unknown>): TaskSummary | undefined {
    const status = str(r.taskStatus);
    if (!status) return undefined;
    return dropUndefined({
        TaskId: String(r.taskId),
        TaskStatus: status,
        TaskAction: str(r.taskAction),
        ResourceId: str(r.resourceId),
        CreationTime: str(r.creationTime),
        FinishedTime: str(r.finishedTime),
    });
}

function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}

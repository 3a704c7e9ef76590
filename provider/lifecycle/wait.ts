import { dropUndefined } from "../util/dropUndefined";
import { EcsClientOptions } from "../ecs/options";
import { parseDuration } from "../config/duration";
import { sharedPoller } from "../waiter/registry";
import { waitForTask } from "../waiter/waitForTask";
import { TaskFailedError } from "../waiter/errors/TaskFailedError";
import { TaskTimeoutError } from "../waiter/errors/TaskTimeoutError";
import { WaitCancelledError } from "../waiter/errors/WaitCancelledError";
import { DEFAULTS, WaiterInputs } from "./inputs";
import { WaiterOutputs } from "./outputs";
import { StepFailedError } from "./StepFailedError";

/** What a wait needs besides the inputs. */
export interface WaitContext {
    /** Client options (endpoint, style, credentials, tenancy) resolved from inputs, config and environment. */
    client: EcsClientOptions;
    /** Ends the wait early (process shutdown). */
    signal?: AbortSignal;
    /** Where status changes are reported. */
    log: (line: string) => void;
}

/**
 * Waits on the task named by `inputs` and returns the outputs of a `Finished` task.
 *
 * @param id the resource ID to report in a {@link StepFailedError}.
 * @param provider the `__provider` value, kept in the recorded properties.
 * @throws StepFailedError when the task failed, the wait timed out or was cancelled, or a call failed
 *         for good: the error records the task's last known state.
 */
export async function waitAndRecord(id: string, inputs: WaiterInputs, provider: unknown, ctx: WaitContext): Promise<WaiterOutputs> {
    const base: WaiterOutputs = { taskId: inputs.taskId, regionId: inputs.regionId, __inputs: inputs };
    let lastStatus: string | undefined;
    try {
        const { scheduler, client } = sharedPoller(ctx.client, inputs.regionId, { pollIntervalMs: parseDuration(inputs.pollInterval ?? DEFAULTS.pollInterval, "pollInterval") });
        const r = await waitForTask(scheduler, client, inputs.taskId, {
            timeoutMs: parseDuration(inputs.timeout ?? DEFAULTS.timeout, "timeout"),
            notFoundGraceMs: parseDuration(inputs.notFoundGrace ?? DEFAULTS.notFoundGrace, "notFoundGrace"),
            pausedIsFailure: inputs.pausedIsFailure ?? DEFAULTS.pausedIsFailure,
            expectedAction: inputs.taskAction,
            signal: ctx.signal,
            onStatus: (status) => {
                lastStatus = status;
                ctx.log(`ECS task ${inputs.taskId}: ${status}`);
            },
            onUnknownStatus: (status) => ctx.log(`ECS task ${inputs.taskId}: status "${status}" is not documented; still waiting`),
        });
        const oss = r.attribute?.OperationProgress.flatMap((p) => p.RelatedItems).find((i) => i.Name === "OSSObject");
        return dropUndefined({
            ...base,
            taskAction: r.task.TaskAction,
            taskStatus: r.task.TaskStatus,
            resourceId: r.task.ResourceId,
            creationTime: r.task.CreationTime,
            finishedTime: r.task.FinishedTime,
            progress: "100%",
            ossObject: oss?.Value,
        });
    } catch (err) {
        const failed: WaiterOutputs = { ...base, taskStatus: lastStatus, errorMessage: err instanceof Error ? err.message : String(err) };
        if (err instanceof TaskFailedError) {
            const f = err.failure;
            Object.assign(failed, {
                taskAction: f.taskAction,
                taskStatus: f.taskStatus,
                resourceId: f.resourceId,
                creationTime: f.creationTime,
                finishedTime: f.finishedTime,
                progress: f.progress,
                errorCode: f.errorCode,
            });
        } else if (err instanceof TaskTimeoutError) {
            failed.taskStatus = err.timeout.lastStatus;
            failed.progress = err.timeout.progress;
        } else if (err instanceof WaitCancelledError) {
            failed.taskStatus = err.lastStatus ?? lastStatus;
        }
        throw new StepFailedError(id, { ...dropUndefined(failed), __provider: provider }, failed.errorMessage!, err);
    }
}

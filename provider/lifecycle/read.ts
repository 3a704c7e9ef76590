import { DescribeTasksResult, TaskAttribute, DescribeTasksParams } from "../ecs/types";
import { dropUndefined } from "../util/dropUndefined";
import { classifyStatus } from "../waiter/status";
import { TaskFailedError } from "../waiter/errors/TaskFailedError";
import { DEFAULTS, WaiterInputs } from "./inputs";

/** The calls `read` makes. */
export interface ReadApi {
    describeTasks(p: DescribeTasksParams): Promise<DescribeTasksResult>;
    describeTaskAttribute(regionId: string, taskId: string): Promise<TaskAttribute>;
}

/** What `read` returns to the dynamic-provider host: `inputs` keeps later diffs right. */
export interface ReadOutcome {
    id: string;
    props: Record<string, unknown>;
    inputs: Record<string, unknown>;
}

/**
 * `read` (pulumi refresh): one DescribeTasks call for the recorded task, and one
 * DescribeTaskAttribute when the task is not (still) `Finished` or its status changed.
 *
 * - Listed: the status fields are updated (`taskStatus`, `taskAction`, `resourceId`,
 *   `finishedTime`, `progress`); a task that has since failed or been cancelled gets
 *   `errorCode`, `errorMessage` and a `waitError` saying so, and a task that has since finished
 *   loses its error fields. Refresh shows these as changes, and `diff` then makes the next
 *   `pulumi up` wait on it again unless it is `Finished`.
 * - Not listed (old tasks age out of DescribeTasks): the recorded state stands, unchanged.
 *
 * The resource is never reported gone: a waiter records a wait, which an aged-out task does not undo.
 * @param w the waiter's inputs as recorded (`__inputs`); returned as `inputs`.
 * @throws EcsError when DescribeTasks fails for good (bad keys, wrong endpoint).
 */
export async function readWaiter(id: string, props: Record<string, unknown>, w: WaiterInputs, api: ReadApi, log: (line: string) => void): Promise<ReadOutcome> {
    const taskId = typeof props.taskId === "string" && props.taskId ? props.taskId : w.taskId;
    const inputs = { ...w } as Record<string, unknown>;
    const r = await api.describeTasks({ RegionId: w.regionId, TaskIds: [taskId] });
    const t = r.Tasks.find((x) => x.TaskId === taskId);
    if (!t) {
        log(`ECS task ${taskId} is no longer listed by DescribeTasks (old tasks age out); the recorded state (${String(props.taskStatus ?? "none")}) stands`);
        return { id, props, inputs };
    }
    const next: Record<string, unknown> = {
        ...props,
        taskStatus: t.TaskStatus,
        taskAction: t.TaskAction ?? props.taskAction,
        resourceId: t.ResourceId ?? props.resourceId,
        creationTime: t.CreationTime ?? props.creationTime,
        finishedTime: t.FinishedTime ?? props.finishedTime,
    };
    const cls = classifyStatus(t.TaskStatus, w.pausedIsFailure ?? DEFAULTS.pausedIsFailure);
    // A finished export whose OSS object could not be read during the wait gets it now.
    const missingOss = t.TaskAction === "ExportImage" && !props.ossObject;
    if (cls === "success" && props.taskStatus === "Finished" && !missingOss) return { id, props: dropUndefined(next), inputs };

    let a: TaskAttribute | undefined;
    try {
        a = await api.describeTaskAttribute(w.regionId, taskId);
    } catch {
        a = undefined; // The reason is a detail; DescribeTasks already gave the status.
    }
    const op = a?.OperationProgress.find((p) => p.ErrorCode || p.ErrorMsg);
    const oss = a?.OperationProgress.flatMap((p) => p.RelatedItems).find((i) => i.Name === "OSSObject");
    next.progress = cls === "success" ? "100%" : a?.TaskProcess ?? props.progress;
    if (oss) next.ossObject = oss.Value;
    if (cls === "success") {
        delete next.errorCode;
        delete next.errorMessage;
        delete next.waitError;
    } else if (cls === "failure") {
        next.errorCode = op?.ErrorCode;
        next.errorMessage = op?.ErrorMsg;
        next.waitError = new TaskFailedError({
            taskId,
            regionId: w.regionId,
            taskStatus: t.TaskStatus,
            taskAction: t.TaskAction,
            errorCode: op?.ErrorCode,
            errorMessage: op?.ErrorMsg,
            progress: a?.TaskProcess,
        }).message;
    }
    if (t.TaskStatus !== props.taskStatus) log(`ECS task ${taskId}: ${String(props.taskStatus ?? "unknown")} -> ${t.TaskStatus}${a?.TaskProcess ? ` ${a.TaskProcess}` : ""} (refresh)`);
    return { id, props: dropUndefined(next), inputs };
}

import { DescribeTasksParams, DescribeTasksResult } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import { DEFAULTS, WaiterInputs } from "./inputs";
import { CancelOnDeleteError } from "./CancelOnDeleteError";

/** The calls `delete` makes (only with `cancelOnDelete`). */
export interface DeleteApi {
    describeTasks(p: DescribeTasksParams): Promise<DescribeTasksResult>;
    cancelTask(regionId: string, taskId: string): Promise<void>;
}

/** Statuses after which there is nothing to cancel. */
const TERMINAL = /^(Finished|Failed|Deleted)$|Failed$/;

/** Answers of CancelTask that mean the task is already past cancelling (docs/ecs-api.md section 2). */
const NOTHING_TO_CANCEL = /^InvalidTaskId\.(NotFound|IncorrectTaskStatus)$/;

/**
 * `delete`: by default leaves the task alone and makes no API call. With `cancelOnDelete: true`
 * (for stacks destroyed mid-import), looks the task up with DescribeTasks and, when it is still
 * running and cancellable (`SupportCancel` not false), calls CancelTask. A task no longer listed,
 * already ended, or ending between the two calls is left alone.
 *
 * @param w the waiter's inputs as recorded (`__inputs` of the old outputs).
 * @param api built only when a call is needed.
 * @throws CancelOnDeleteError when DescribeTasks or CancelTask fails for another reason: the
 *         task may still be running, so the delete does not pretend otherwise.
 */
export async function deleteWaiter(props: Record<string, unknown>, w: WaiterInputs, api: () => DeleteApi | Promise<DeleteApi>, log: (line: string) => void): Promise<void> {
    if (!(w.cancelOnDelete ?? DEFAULTS.cancelOnDelete)) return;
    const taskId = typeof props.taskId === "string" && props.taskId ? props.taskId : w.taskId;
    try {
        const client = await api();
        const r = await client.describeTasks({ RegionId: w.regionId, TaskIds: [taskId] });
        const t = r.Tasks.find((x) => x.TaskId === taskId);
        if (!t) return log(`cancelOnDelete: ECS task ${taskId} is no longer listed; nothing to cancel`);
        if (TERMINAL.test(t.TaskStatus)) return log(`cancelOnDelete: ECS task ${taskId} is ${t.TaskStatus}; nothing to cancel`);
        if (t.SupportCancel === false) return log(`cancelOnDelete: ECS task ${taskId} (${t.TaskStatus}) does not support cancelling; left running`);
        await client.cancelTask(w.regionId, taskId);
        log(`cancelOnDelete: cancelled ECS task ${taskId} (was ${t.TaskStatus})`);
    } catch (err) {
        if (err instanceof EcsError && NOTHING_TO_CANCEL.test(err.code)) return log(`cancelOnDelete: ECS task ${taskId} ended before it could be cancelled (${err.code})`);
        throw new CancelOnDeleteError(taskId, w.regionId, err);
    }
}

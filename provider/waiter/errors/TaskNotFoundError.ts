import { formatDuration } from "../../config/duration";

/** Thrown when DescribeTasks did not list the task within the grace period for just-started tasks. */
export class TaskNotFoundError extends Error {
    constructor(
        readonly taskId: string,
        readonly regionId: string,
        /** How long the task was looked for, in ms. */
        readonly waitedMs: number,
    ) {
        super(
            `ECS task ${taskId} was not found in region ${regionId} after ${formatDuration(waitedMs)}: ` +
                `check the task ID, regionId and the endpoint (a task of another region, account or deployment is not visible)`,
        );
        this.name = "TaskNotFoundError";
    }
}

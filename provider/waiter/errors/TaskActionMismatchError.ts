/** Thrown when the task's TaskAction differs from the `taskAction` input. */
export class TaskActionMismatchError extends Error {
    constructor(
        readonly taskId: string,
        readonly expected: string,
        readonly actual: string,
    ) {
        super(`ECS task ${taskId} is a ${actual} task, but taskAction is ${expected}: fix taskId or taskAction`);
        this.name = "TaskActionMismatchError";
    }
}

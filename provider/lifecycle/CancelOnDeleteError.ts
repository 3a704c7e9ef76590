/** Thrown by delete with `cancelOnDelete: true` when the task could not be looked up or cancelled. */
export class CancelOnDeleteError extends Error {
    constructor(
        readonly taskId: string,
        readonly regionId: string,
        cause: unknown,
    ) {
        super(
            `cancelOnDelete: could not cancel ECS task ${taskId} in ${regionId}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
                `The task may still be running; fix the cause and destroy again, or set cancelOnDelete to false and run pulumi up before destroying (delete uses the recorded inputs)`,
            { cause },
        );
        this.name = "CancelOnDeleteError";
    }
}

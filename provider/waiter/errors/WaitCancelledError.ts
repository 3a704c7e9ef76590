/** Thrown when a wait was cancelled (the process is shutting down) before the task ended. */
export class WaitCancelledError extends Error {
    constructor(
        readonly taskId: string,
        /** Last TaskStatus seen, if any. */
        readonly lastStatus?: string,
    ) {
        super(`Stopped waiting for ECS task ${taskId}${lastStatus ? ` (last status ${lastStatus})` : ""}: the wait was cancelled; run pulumi up again to wait on the same task`);
        this.name = "WaitCancelledError";
    }
}

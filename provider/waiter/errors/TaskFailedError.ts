/** The data of a task that ended without finishing. */
export interface TaskFailure {
    taskId: string;
    regionId: string;
    /** `Failed`, `Deleted`, `Paused`, or another failure status (DescribeTasks' TaskStatus). */
    taskStatus: string;
    taskAction?: string;
    /** DescribeTaskAttribute's OperationProgress ErrorCode, when it gave one. */
    errorCode?: string;
    /** DescribeTaskAttribute's OperationProgress ErrorMsg, when it gave one. */
    errorMessage?: string;
    /** DescribeTaskAttribute's TaskProcess, e.g. `"45%"`. */
    progress?: string;
    creationTime?: string;
    finishedTime?: string;
    resourceId?: string;
}

/** Thrown when the awaited task reached `Failed`, `Deleted` (cancelled) or, by default, `Paused`. */
export class TaskFailedError extends Error {
    readonly failure: TaskFailure;

    constructor(f: TaskFailure) {
        const reason = f.errorCode || f.errorMessage ? `: ${[f.errorCode, f.errorMessage].filter(Boolean).join(": ")}` : " (DescribeTaskAttribute gave no reason)";
        const what = f.taskStatus === "Deleted" ? "was cancelled (Deleted)" : `ended ${f.taskStatus}`;
        super(`ECS task ${f.taskId}${f.taskAction ? ` (${f.taskAction})` : ""} in ${f.regionId} ${what}${f.progress ? ` at ${f.progress}` : ""}${reason}`);
        this.name = "TaskFailedError";
        this.failure = f;
    }
}

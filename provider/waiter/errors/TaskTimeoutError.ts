import { formatDuration } from "../../config/duration";

/** The data of a wait that ran out of time. */
export interface TaskTimeout {
    taskId: string;
    regionId: string;
    /** Last TaskStatus seen, if the task was ever seen. */
    lastStatus?: string;
    /** Last TaskProcess seen (DescribeTaskAttribute), e.g. `"45%"`. */
    progress?: string;
    /** How long the wait lasted, in ms. */
    waitedMs: number;
    /** How many observations of the task the wait received. */
    polls: number;
    /** The configured timeout, in ms. */
    timeoutMs: number;
}

/** Thrown when the task was still not terminal when the `timeout` input ran out. */
export class TaskTimeoutError extends Error {
    readonly timeout: TaskTimeout;

    constructor(t: TaskTimeout) {
        super(
            `Timed out after ${formatDuration(t.waitedMs)} (timeout ${formatDuration(t.timeoutMs)}) waiting for ECS task ${t.taskId} in ${t.regionId}: ` +
                `last status ${t.lastStatus ?? "never seen"}${t.progress ? `, progress ${t.progress}` : ""}, ${t.polls} polls. ` +
                `Run pulumi up again to keep waiting on the same task, or raise the timeout input`,
        );
        this.name = "TaskTimeoutError";
        this.timeout = t;
    }
}

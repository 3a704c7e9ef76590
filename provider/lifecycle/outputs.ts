import { WaiterInputs } from "./inputs";
import { TaskSummary } from "../ecs/types";

/**
 * The outputs of ImageTaskWaiter. Field sources: DescribeTasks (`TaskStatus`, `TaskAction`,
 * `ResourceId`, `CreationTime`, `FinishedTime`), DescribeTaskAttribute (`TaskProcess`,
 * `ErrorCode`, `ErrorMsg`, the `OSSObject` related item).
 */
export interface WaiterOutputs {
    taskId: string;
    regionId: string;
    /** The task's own TaskAction, as DescribeTasks reports it. */
    taskAction?: string;
    /** Last TaskStatus seen: `Finished` after a successful wait. */
    taskStatus?: string;
    /** ResourceId: for ImportImage, the new image ID (`m-...`). */
    resourceId?: string;
    creationTime?: string;
    finishedTime?: string;
    /** TaskProcess, e.g. `"100%"`. */
    progress?: string;
    /** For a failed task: DescribeTaskAttribute's ErrorCode. */
    errorCode?: string;
    /** For a failed task: DescribeTaskAttribute's ErrorMsg. */
    errorMessage?: string;
    /** Why the last wait did not succeed (task failed, timeout, not found, API error), as the step's error said it. Absent after a successful wait. */
    waitError?: string;
    /** With `waitForImage`: DescribeImages' Status of the imported image (`Available` after a successful wait). */
    imageStatus?: string;
    /** For ExportImage: the OSS object written (DescribeTaskAttribute's RelatedItem `OSSObject`). */
    ossObject?: string;
    /** The inputs this state was produced from, for diff (Pulumi passes old outputs, not old inputs, to diff). */
    __inputs: WaiterInputs;
}

/** Every declared output key, seeded as undefined on the resource so that each exists (docs/pulumi-dynamic.md). */
export const OUTPUT_KEYS = ["taskAction", "taskStatus", "resourceId", "creationTime", "finishedTime", "progress", "errorCode", "errorMessage", "waitError", "ossObject", "imageStatus"] as const;

/** The outputs that a DescribeTasks entry gives (undefined where it has no value). */
export function taskFields(t: TaskSummary): Pick<WaiterOutputs, "taskAction" | "taskStatus" | "resourceId" | "creationTime" | "finishedTime"> {
    return { taskAction: t.TaskAction, taskStatus: t.TaskStatus, resourceId: t.ResourceId, creationTime: t.CreationTime, finishedTime: t.FinishedTime };
}

import { SimError } from "./SimError";
import { TaskStore } from "./store";
import { isTerminalStatus, TaskView, isoSeconds } from "./tasks";

/** An action's answer body, before the simulator adds the request ID. */
export type ActionResult = Record<string, unknown>;

type Params = Record<string, string>;

/** What an action may need to know besides the store and the request. */
export interface ActionContext {
    /** Tasks younger than this (ms) are left out of DescribeTasks (fault injection: eventual consistency). */
    taskMissingMs?: number;
}

/** The ECS actions the simulator implements, by name. */
export const ACTIONS: Record<string, (store: TaskStore, p: Params, ctx?: ActionContext) => ActionResult> = {
    DescribeTasks: describeTasks,
    DescribeTaskAttribute: describeTaskAttribute,
    ImportImage: importImage,
    ExportImage: exportImage,
    CancelTask: cancelTask,
    DescribeImages: describeImages,
};

function required(p: Params, name: string): string {
    const v = p[name];
    if (v === undefined || v === "") throw new SimError(400, "MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
    return v;
}

function intParam(p: Params, name: string, dflt: number, min: number, max: number): number {
    if (p[name] === undefined || p[name] === "") return dflt;
    const n = Number(p[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new SimError(400, `InvalidParameter.${name}`, `The specified parameter "${name}" is not valid.`);
    return n;
}

function taskEntry(v: TaskView): Record<string, unknown> {
    const e: Record<string, unknown> = {
        TaskId: v.TaskId,
        TaskAction: v.TaskAction,
        TaskStatus: v.TaskStatus,
        SupportCancel: String(v.SupportCancel),
        CreationTime: v.CreationTime,
        FinishedTime: v.FinishedTime ?? "",
    };
    if (v.ResourceId) e.ResourceId = v.ResourceId;
    return e;
}

function describeTasks(store: TaskStore, p: Params, ctx: ActionContext = {}): ActionResult {
    const region = required(p, "RegionId");
    const ids = p.TaskIds ? p.TaskIds.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
    if (ids && ids.length > 100) throw new SimError(400, "InvalidParameter.TaskIds", "At most 100 task IDs may be given.");
    const pageSize = intParam(p, "PageSize", 10, 1, 100);
    const pageNumber = intParam(p, "PageNumber", 1, 1, 1_000_000);
    const idSet = ids && new Set(ids);
    const bornBefore = store.now() - (ctx.taskMissingMs ?? 0);
    const matches = store
        .all()
        .filter((t) => t.createdAt <= bornBefore && t.RegionId === region && (!idSet || idSet.has(t.TaskId)) && (!p.TaskAction || t.TaskAction === p.TaskAction))
        .map((t) => store.view(t.TaskId)!)
        .filter((v) => !p.TaskStatus || v.TaskStatus === p.TaskStatus);
    const page = matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
        RegionId: region,
        TotalCount: matches.length,
        PageNumber: pageNumber,
        PageSize: pageSize,
        TaskSet: { Task: page.map(taskEntry) },
    };
}

function findTask(store: TaskStore, p: Params) {
    const region = required(p, "RegionId");
    const id = required(p, "TaskId");
    const t = store.get(id);
    if (!t || t.RegionId !== region) throw new SimError(404, "InvalidTaskId.NotFound", "The specified task ID is not found.");
    return t;
}

function describeTaskAttribute(store: TaskStore, p: Params): ActionResult {
    const t = findTask(store, p);
    const v = store.view(t.TaskId)!;
    const terminal = isTerminalStatus(v.TaskStatus);
    const failed = terminal && v.TaskStatus !== "Finished";
    const related = t.ossObject ? [{ Name: "OSSObject", Value: t.ossObject }] : [];
    return {
        RegionId: t.RegionId,
        TaskId: t.TaskId,
        TaskAction: t.TaskAction,
        TaskStatus: v.TaskStatus,
        TaskProcess: `${v.progress}%`,
        SupportCancel: String(v.SupportCancel),
        CreationTime: v.CreationTime,
        FinishedTime: v.FinishedTime ?? "",
        TotalCount: 1,
        SuccessCount: v.TaskStatus === "Finished" ? 1 : 0,
        FailedCount: failed ? 1 : 0,
        OperationProgressSet: {
            OperationProgress: [
                {
                    OperationStatus: v.TaskStatus === "Finished" ? "Success" : failed ? "Failed" : "Processing",
                    ErrorCode: failed ? t.errorCode ?? "" : "",
                    ErrorMsg: failed ? t.errorMessage ?? "" : "",
                    RelatedItemSet: { RelatedItem: related },
                },
            ],
        },
    };
}

function importImage(store: TaskStore, p: Params): ActionResult {
    const region = required(p, "RegionId");
    required(p, "DiskDeviceMapping.1.OSSBucket");
    required(p, "DiskDeviceMapping.1.OSSObject");
    const t = store.create(region, "ImportImage");
    store.addImage({ ImageId: t.resourceId!, RegionId: region, ImageName: p.ImageName, taskId: t.TaskId });
    return { RegionId: region, ImageId: t.resourceId, TaskId: t.TaskId };
}

function exportImage(store: TaskStore, p: Params): ActionResult {
    const region = required(p, "RegionId");
    const imageId = required(p, "ImageId");
    required(p, "OSSBucket");
    const t = store.create(region, "ExportImage", { resourceId: imageId });
    const format = (p.ImageFormat || "raw").toLowerCase();
    t.ossObject = `${p.OSSPrefix ?? ""}${imageId}_${isoSeconds(t.createdAt).replace(/[-:TZ]/g, "")}.${format}`;
    return { RegionId: region, TaskId: t.TaskId };
}

function cancelTask(store: TaskStore, p: Params): ActionResult {
    const t = findTask(store, p);
    if (t.TaskAction !== "ImportImage" && t.TaskAction !== "ExportImage") {
        throw new SimError(403, "InvalidTaskId.TaskActionNotSupport", "The task action does not support cancellation.");
    }
    const v = store.view(t.TaskId)!;
    if (isTerminalStatus(v.TaskStatus)) throw new SimError(403, "InvalidTaskId.IncorrectTaskStatus", `The task is ${v.TaskStatus} and cannot be cancelled.`);
    t.cancelledAt = store.now();
    return {};
}

function describeImages(store: TaskStore, p: Params): ActionResult {
    const region = required(p, "RegionId");
    const wanted = p.Status ? p.Status.split(",") : ["Available"];
    const now = store.now();
    const images = store
        .allImages()
        .filter((i) => i.RegionId === region && (!p.ImageId || p.ImageId.split(",").includes(i.ImageId)))
        .map((i) => {
            const v = store.view(i.taskId);
            const task = store.get(i.taskId);
            let status = "Creating";
            if (v && isTerminalStatus(v.TaskStatus)) {
                status = v.TaskStatus === "Finished" ? (now >= v.terminalAt + (task?.imageReadyDelayMs ?? 0) ? "Available" : "Creating") : "CreateFailed";
            } else if (!v) {
                status = "Available";
            }
            return { ImageId: i.ImageId, ImageName: i.ImageName ?? "", Status: status, Progress: `${v?.progress ?? 100}%` };
        })
        .filter((i) => wanted.includes(i.Status));
    return { RegionId: region, TotalCount: images.length, PageNumber: 1, PageSize: images.length, Images: { Image: images } };
}

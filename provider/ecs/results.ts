import { EcsResponseError } from "./errors/EcsResponseError";
import { requestIdOf } from "./envelope";
import {
    DescribeImagesResult,
    DescribeTasksResult,
    ExportImageResult,
    ImportImageResult,
    OperationProgress,
    TaskAttribute,
    TaskSummary,
} from "./types";

/**
 * Normalizes a DescribeTasks answer. Accepts every variant of docs/ecs-api.md section 1:
 * `TaskSet` as `{Task: [...]}`, as a bare array, or as `{Task: {...}}`; `SupportCancel` as a
 * string or a boolean; `RequestID` for `RequestId`; missing `ResourceId`; an empty `TaskSet`
 * as `""` or `null`, or no `TaskSet` with `TotalCount: 0`.
 * @throws EcsResponseError (`UnexpectedResponse`) when a task entry has no `TaskId` or `TaskStatus`,
 *         or when there is no `TaskSet` (and `TotalCount` is not 0) or it is not a list.
 */
export function parseDescribeTasks(obj: Record<string, unknown>): DescribeTasksResult {
    // An answer that does not say which tasks there are must not read as "none": the wait would take the task for missing.
    if (obj.TaskSet === undefined && optNum(obj.TotalCount) !== 0) throw unexpected("DescribeTasks", obj, "no TaskSet");
    const set = obj.TaskSet;
    if (set !== undefined && set !== null && set !== "" && typeof set !== "object") throw unexpected("DescribeTasks", obj, "TaskSet is not a list");
    const entries = listOf(obj.TaskSet, "Task");
    const tasks = entries.map((e) => taskSummary("DescribeTasks", e));
    return {
        RequestId: requestIdOf(obj),
        RegionId: optStr(obj.RegionId),
        TotalCount: optNum(obj.TotalCount) ?? tasks.length,
        PageNumber: optNum(obj.PageNumber) ?? 1,
        PageSize: optNum(obj.PageSize) ?? tasks.length,
        Tasks: tasks,
    };
}

/** Normalizes a DescribeTaskAttribute answer (docs/ecs-api.md section 2). */
export function parseTaskAttribute(obj: Record<string, unknown>): TaskAttribute {
    const TaskId = optStr(obj.TaskId);
    const TaskStatus = optStr(obj.TaskStatus);
    if (!TaskId || !TaskStatus) throw unexpected("DescribeTaskAttribute", obj, "no TaskId or TaskStatus");
    const ops: OperationProgress[] = listOf(obj.OperationProgressSet, "OperationProgress").map((p) => {
        const o = asObject(p);
        return {
            OperationStatus: optStr(o.OperationStatus),
            ErrorCode: optStr(o.ErrorCode),
            ErrorMsg: optStr(o.ErrorMsg),
            RelatedItems: listOf(o.RelatedItemSet, "RelatedItem")
                .map(asObject)
                .filter((r) => typeof r.Name === "string")
                .map((r) => ({ Name: String(r.Name), Value: String(r.Value ?? "") })),
        };
    });
    return {
        RequestId: requestIdOf(obj),
        TaskId,
        TaskAction: optStr(obj.TaskAction),
        TaskStatus,
        TaskProcess: optStr(obj.TaskProcess),
        SupportCancel: optBool(obj.SupportCancel),
        CreationTime: optStr(obj.CreationTime),
        FinishedTime: optStr(obj.FinishedTime),
        TotalCount: optNum(obj.TotalCount),
        SuccessCount: optNum(obj.SuccessCount),
        FailedCount: optNum(obj.FailedCount),
        OperationProgress: ops,
    };
}

/**
 * Normalizes a DescribeImages answer: `Images` as `{Image: [...]}`, as a bare array, or as
 * `{Image: {...}}`; `RequestID` for `RequestId`.
 * @throws EcsResponseError (`UnexpectedResponse`) when an image entry has no `ImageId` or `Status`.
 */
export function parseDescribeImages(obj: Record<string, unknown>): DescribeImagesResult {
    const images = listOf(obj.Images, "Image").map((e) => {
        const o = asObject(e);
        const ImageId = optStr(o.ImageId);
        const Status = optStr(o.Status);
        if (!ImageId || !Status) throw unexpected("DescribeImages", o, "an image entry has no ImageId or Status");
        return { ImageId, Status, ImageName: optStr(o.ImageName), Progress: optStr(o.Progress) };
    });
    return {
        RequestId: requestIdOf(obj),
        RegionId: optStr(obj.RegionId),
        TotalCount: optNum(obj.TotalCount) ?? images.length,
        PageNumber: optNum(obj.PageNumber) ?? 1,
        PageSize: optNum(obj.PageSize) ?? images.length,
        Images: images,
    };
}

/** Normalizes ImportImage's answer. @throws EcsResponseError when there is no `TaskId`. */
export function parseImportImage(obj: Record<string, unknown>): ImportImageResult {
    const TaskId = optStr(obj.TaskId);
    if (!TaskId) throw unexpected("ImportImage", obj, "no TaskId");
    return { RequestId: requestIdOf(obj), TaskId, ImageId: optStr(obj.ImageId), RegionId: optStr(obj.RegionId) };
}

/** Normalizes ExportImage's answer. @throws EcsResponseError when there is no `TaskId`. */
export function parseExportImage(obj: Record<string, unknown>): ExportImageResult {
    const TaskId = optStr(obj.TaskId);
    if (!TaskId) throw unexpected("ExportImage", obj, "no TaskId");
    return { RequestId: requestIdOf(obj), TaskId, RegionId: optStr(obj.RegionId) };
}

function taskSummary(action: string, e: unknown): TaskSummary {
    const o = asObject(e);
    const TaskId = optStr(o.TaskId);
    const TaskStatus = optStr(o.TaskStatus);
    if (!TaskId || !TaskStatus) throw unexpected(action, o, "a task entry has no TaskId or TaskStatus");
    return {
        TaskId,
        TaskAction: optStr(o.TaskAction),
        TaskStatus,
        SupportCancel: optBool(o.SupportCancel),
        CreationTime: optStr(o.CreationTime),
        FinishedTime: optStr(o.FinishedTime),
        ResourceId: optStr(o.ResourceId),
    };
}

/** `{Key: [...]}`, `{Key: {...}}`, a bare array, or nothing: always a list. */
function listOf(set: unknown, key: string): unknown[] {
    if (set === undefined || set === null || set === "") return [];
    if (Array.isArray(set)) return set;
    if (typeof set === "object") {
        const inner = (set as Record<string, unknown>)[key];
        if (inner === undefined || inner === null) return [];
        return Array.isArray(inner) ? inner : [inner];
    }
    return [];
}

function asObject(v: unknown): Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function optStr(v: unknown): string | undefined {
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    return undefined;
}

function optNum(v: unknown): number | undefined {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
}

function optBool(v: unknown): boolean | undefined {
    if (typeof v === "boolean") return v;
    if (v === "true") return true;
    if (v === "false") return false;
    return undefined;
}

function unexpected(action: string, obj: unknown, detail: string): EcsResponseError {
    return new EcsResponseError(action, "UnexpectedResponse", 200, JSON.stringify(obj) ?? "", detail);
}

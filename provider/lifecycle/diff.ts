import { DEFAULTS, INPUT_KEYS, UNKNOWN } from "./inputs";

/** What `diff` returns. `diffs` names the changed inputs (Pulumi's DiffResponse field of that name). */
export interface WaiterDiff {
    /** True: the engine runs `update`, which waits again. */
    changes: boolean;
    /** Always empty: nothing about a waiter needs a replacement. */
    replaces: string[];
    /** The inputs that changed, plus `taskStatus` or `imageStatus` when the recorded wait did not succeed. */
    diffs: string[];
}

/**
 * Compares the recorded state with the new inputs. Makes no API call.
 *
 * - A change of any input (task ID, region, action, endpoint, call style, timeouts, flags) is
 *   an update, never a replacement; the update waits again.
 * - `__provider` (the serialized provider text, which changes with a new package version) is
 *   ignored.
 * - A recorded wait that did not succeed (recorded `taskStatus` other than `Finished`, e.g.
 *   `Processing` after a timeout, or, with `waitForImage`, an image not yet `Available`) is a
 *   change with the same inputs: the next `pulumi up` waits on the same task again. This holds
 *   also after `pulumi refresh`, which clears Pulumi's own record of the failed step.
 *
 * @param olds the recorded outputs (Pulumi passes old outputs, not old inputs); the inputs they
 *        came from are in `__inputs`. Older states without `__inputs` are compared field by field.
 */
export function diffWaiter(olds: Record<string, unknown>, news: Record<string, unknown>): WaiterDiff {
    const prev = (olds.__inputs ?? olds) as Record<string, unknown>;
    const norm = (v: unknown) => JSON.stringify(v ?? null);
    const diffs: string[] = INPUT_KEYS.filter((k) => news[k] === UNKNOWN || norm(prev[k]) !== norm(news[k]));
    if (olds.taskStatus !== "Finished") diffs.push("taskStatus");
    const waitForImage = news.waitForImage === true || (news.waitForImage === undefined && DEFAULTS.waitForImage);
    const isImport = olds.taskAction === "ImportImage" && Boolean(olds.resourceId);
    if (olds.taskStatus === "Finished" && waitForImage && isImport && olds.imageStatus !== "Available" && !diffs.includes("waitForImage")) diffs.push("imageStatus");
    return { changes: diffs.length > 0, replaces: [], diffs };
}

import { DescribeImagesParams, DescribeImagesResult } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import { realSleep, Sleep } from "../util/sleep";
import { ConfigError } from "../config/ConfigError";
import { ImageNotReadyError } from "./errors/ImageNotReadyError";

/** The part of the ECS client an image wait uses. */
export interface DescribeImagesApi {
    describeImages(p: DescribeImagesParams, signal?: AbortSignal): Promise<DescribeImagesResult>;
}

/**
 * Every image status DescribeImages knows. Asked for explicitly: without `Status` the API lists
 * only `Available` images (docs/ecs-api.md section 2), and a `Creating` image would look absent.
 */
export const IMAGE_STATUSES = ["Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated"];

/** Statuses after which an image will not become `Available`. */
const IMAGE_FAILED = new Set(["UnAvailable", "CreateFailed"]);

/** Options of one image wait. */
export interface ImageWaitOptions {
    regionId: string;
    /** The import task that created the image (for messages). */
    taskId: string;
    /** Time between DescribeImages calls, in ms. */
    intervalMs: number;
    /** How long to wait in all, in ms. */
    timeoutMs: number;
    /** How long the image may be missing from DescribeImages, in ms. Default 120000. */
    notFoundGraceMs?: number;
    /** Called when the image's status changes (not on polls that changed nothing). */
    onStatus?: (status: string) => void;
    signal?: AbortSignal;
    /** Clock, ms since the epoch. Default `Date.now`. */
    now?: () => number;
    /** Pause between polls. Default a real timer (it keeps the process alive while the wait lasts), cut short by `signal`. */
    sleep?: Sleep;
}

/** An image that became usable. */
export interface ImageWaitResult {
    /** `Available`. */
    status: string;
    polls: number;
    waitedMs: number;
}

/**
 * Waits until DescribeImages shows `imageId` `Available`: an import's task can report `Finished`
 * a little before its image is usable (docs/ecs-api.md section 2). Polls one image ID per call.
 * Transient call errors are waited through; permanent ones are thrown.
 *
 * @throws ImageNotReadyError when the image is `CreateFailed`/`UnAvailable`, when `timeoutMs`
 *         passes, or when it is not listed for longer than `notFoundGraceMs`.
 * @throws EcsError for a failure no retry fixes.
 */
export async function waitForImage(api: DescribeImagesApi, imageId: string, o: ImageWaitOptions): Promise<ImageWaitResult> {
    if (!(Number.isFinite(o.intervalMs) && o.intervalMs > 0)) throw new ConfigError("pollInterval", `${o.intervalMs} ms: give a positive number of milliseconds`);
    const now = o.now ?? Date.now;
    const sleep = o.sleep ?? realSleep;
    const start = now();
    const grace = o.notFoundGraceMs ?? 120_000;
    let polls = 0;
    let last: string | undefined;
    let lastSeenAt = start;
    const notReady = (reason: "failed" | "timeout" | "notFound") =>
        new ImageNotReadyError({ imageId, regionId: o.regionId, taskId: o.taskId, reason, lastStatus: last, waitedMs: now() - start, polls });
    for (;;) {
        let status: string | undefined;
        try {
            polls++;
            const r = await api.describeImages({ RegionId: o.regionId, ImageIds: [imageId], Status: IMAGE_STATUSES }, o.signal);
            status = r.Images.find((i) => i.ImageId === imageId)?.Status;
        } catch (err) {
            if (o.signal?.aborted) throw err;
            if (err instanceof EcsError && !err.retryable) throw err;
            status = last;
        }
        if (status !== undefined) {
            lastSeenAt = now();
            if (status !== last) o.onStatus?.(status);
            last = status;
            if (status === "Available") return { status, polls, waitedMs: now() - start };
            if (IMAGE_FAILED.has(status)) throw notReady("failed");
        } else if (now() - lastSeenAt > grace) {
            throw notReady("notFound");
        }
        const left = start + o.timeoutMs - now();
        if (left <= 0) throw notReady("timeout");
        await sleep(Math.min(o.intervalMs, left), o.signal);
    }
}

import { formatDuration } from "../../config/duration";

/** Why an image wait ended without the image `Available`. */
export type ImageNotReadyReason = "failed" | "timeout" | "notFound";

/** The data of an image wait that did not end with the image `Available`. */
export interface ImageNotReady {
    imageId: string;
    regionId: string;
    /** The import task that created the image. */
    taskId: string;
    reason: ImageNotReadyReason;
    /** Last DescribeImages `Status` seen, if the image was ever listed. */
    lastStatus?: string;
    /** How long the image wait lasted, in ms. */
    waitedMs: number;
    /** DescribeImages calls made. */
    polls: number;
}

/**
 * Thrown by {@link waitForImage} when the image of a finished import did not become `Available`:
 * DescribeImages showed it `CreateFailed` or `UnAvailable`, the time ran out, or the image was
 * never listed within the grace period.
 */
export class ImageNotReadyError extends Error {
    readonly image: ImageNotReady;

    constructor(i: ImageNotReady) {
        const what =
            i.reason === "failed"
                ? `is ${i.lastStatus}`
                : i.reason === "notFound"
                  ? `was not listed by DescribeImages after ${formatDuration(i.waitedMs)}: check regionId and the endpoint`
                  : `is still ${i.lastStatus ?? "not listed"} after ${formatDuration(i.waitedMs)} (${i.polls} polls); run pulumi up again to keep waiting, or raise the timeout input`;
        super(`Image ${i.imageId} of ECS task ${i.taskId} in ${i.regionId} ${what}`);
        this.name = "ImageNotReadyError";
        this.image = i;
    }
}

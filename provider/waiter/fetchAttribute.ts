import { TaskAttribute } from "../ecs/types";
import { EcsError } from "../ecs/errors/EcsError";
import type { TaskAttributeApi } from "./waitForTask";

/** Calls made to DescribeTaskAttribute for one answer, each with the client's own retries. Default 3. */
export const ATTRIBUTE_TRIES = 3;

/**
 * DescribeTaskAttribute for a task that has ended, asked up to `tries` times while the failure is
 * retryable (throttling, 5xx, network, proxy pages), since it is the only source of a failed task's
 * reason and of an export's OSS object (docs/ecs-api.md section 2).
 * @returns the attribute, or undefined when every try failed.
 */
export async function fetchAttribute(attrs: TaskAttributeApi, regionId: string, taskId: string, tries = ATTRIBUTE_TRIES): Promise<TaskAttribute | undefined> {
    for (let i = 1; i <= tries; i++) {
        try {
            return await attrs.describeTaskAttribute(regionId, taskId);
        } catch (err) {
            if (err instanceof EcsError && !err.retryable && i > 1) return undefined;
        }
    }
    return undefined;
}

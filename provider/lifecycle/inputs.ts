import { parseDuration } from "../config/duration";
import { validateEndpoint } from "../ecs/options";
import { ConfigError } from "../config/ConfigError";

/** The value Pulumi passes for an input not yet known during preview (docs/pulumi-dynamic.md). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The task actions a waiter may be restricted to (docs/ecs-api.md, TaskAction). */
export const TASK_ACTIONS = ["ImportImage", "ExportImage"] as const;

/** The inputs of ImageTaskWaiter as the provider receives them (plain values). */
export interface WaiterInputs {
    regionId: string;
    taskId: string;
    taskAction?: string;
    timeout?: string;
    endpoint?: string;
    apiStyle?: string;
    pollInterval?: string;
    notFoundGrace?: string;
    pausedIsFailure?: boolean;
    /** How often, at most, to read a running task's progress for the log. */
    progressInterval?: string;
    /** Cancel a still-running task (CancelTask) when the resource is deleted. */
    cancelOnDelete?: boolean;
    /** After an ImportImage task finishes, also wait until DescribeImages shows the image Available. */
    waitForImage?: boolean;
}

/** Defaults of the optional inputs. `timeout`: 90m, since Apsara imports can take an hour (docs/ecs-api.md section 5). */
export const DEFAULTS = { timeout: "90m", pollInterval: "4s", notFoundGrace: "2m", pausedIsFailure: true, progressInterval: "30s", cancelOnDelete: false, waitForImage: false } as const;

/** Shortest `pollInterval` accepted, in ms. */
export const MIN_POLL_INTERVAL_MS = 100;

/** The input names that are compared by diff and echoed into the outputs. */
export const INPUT_KEYS: (keyof WaiterInputs)[] = [
    "regionId",
    "taskId",
    "taskAction",
    "timeout",
    "endpoint",
    "apiStyle",
    "pollInterval",
    "notFoundGrace",
    "pausedIsFailure",
    "progressInterval",
    "cancelOnDelete",
    "waitForImage",
];

/** A failed input check, as Pulumi's `check` reports it. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/**
 * Validates the inputs. Values still unknown during preview pass.
 * @returns the failures, each naming its input; empty when everything is valid.
 */
export function validateInputs(news: Record<string, unknown>): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const known = (k: string) => news[k] !== undefined && news[k] !== null && news[k] !== UNKNOWN;
    const fail = (property: string, reason: string) => failures.push({ property, reason });
    for (const k of ["regionId", "taskId"]) {
        if (news[k] === UNKNOWN) continue;
        if (typeof news[k] !== "string" || (news[k] as string).trim() === "") fail(k, `${k} is required: give a non-empty string`);
    }
    if (known("taskAction") && !TASK_ACTIONS.includes(news.taskAction as (typeof TASK_ACTIONS)[number])) {
        fail("taskAction", `"${String(news.taskAction)}" is not supported; use one of ${TASK_ACTIONS.join(", ")}, or leave it unset to accept any`);
    }
    for (const k of ["timeout", "pollInterval", "notFoundGrace", "progressInterval"]) {
        if (!known(k)) continue;
        try {
            if (typeof news[k] !== "string") throw new ConfigError(k, `must be a duration string such as "90m"`);
            const ms = parseDuration(news[k] as string, k);
            if (k === "pollInterval" && ms < MIN_POLL_INTERVAL_MS) throw new ConfigError(k, `"${news[k]}" is too short: at least ${MIN_POLL_INTERVAL_MS}ms (every tick is an API call against the account's quota)`);
        } catch (e) {
            if (e instanceof ConfigError) fail(k, e.message);
            else throw e;
        }
    }
    if (known("endpoint")) {
        try {
            validateEndpoint(news.endpoint, "endpoint");
        } catch (e) {
            if (e instanceof ConfigError) fail("endpoint", e.message);
            else throw e;
        }
    }
    if (known("apiStyle") && news.apiStyle !== "route" && news.apiStyle !== "rpc") {
        fail("apiStyle", `"${String(news.apiStyle)}" is not a call style; use "route" (Apsara) or "rpc" (public cloud)`);
    }
    for (const k of ["pausedIsFailure", "cancelOnDelete", "waitForImage"]) {
        if (known(k) && typeof news[k] !== "boolean") fail(k, `must be true or false, not ${JSON.stringify(news[k])}`);
    }
    if (news.waitForImage === true && known("taskAction") && news.taskAction !== "ImportImage") {
        fail("waitForImage", `applies only to ImportImage tasks (an import's image); taskAction is ${String(news.taskAction)}: remove waitForImage or set taskAction to ImportImage`);
    }
    return failures;
}

/**
 * What the simulator can do wrong on purpose, as `PUT /_sim/faults` takes it (JSON) and
 * `ecs-task-sim --faults` reads it. The failure shapes are those of docs/ecs-api.md section 3.
 */

/**
 * One kind of fault:
 * - `throttle`: HTTP 400 `Throttling.User`, with `x-acs-retry-after` when `retryAfterSeconds` is set;
 * - `internalError`: HTTP 500 `InternalError`; `serviceUnavailable`: HTTP 503 `ServiceUnavailable`;
 * - `latency`: the answer comes `delayMs` plus up to `jitterMs` late (then the call goes on normally);
 * - `reset`: the connection is closed halfway through the body;
 * - `hang`: no answer at all (the client's own timeout has to end it);
 * - `truncatedJson`: HTTP 200 with the first half of a valid answer;
 * - `malformedJson`: HTTP 200 with a body that is not JSON;
 * - `proxyHtml`: HTTP 502 with an HTML page, as a proxy or load balancer sends it;
 * - `asapiFailure`: HTTP 200 with `asapiSuccess: false` (the older ASAPI gateway);
 * - `resultCodeFailure`: HTTP 200 with the seed's `{"errorSample": {"resultCode": -1, ...}}`;
 * - `staleTimestamp`: HTTP 400 `InvalidTimeStamp.Expired`, as if the request had arrived late.
 */
export type FaultKind =
    | "throttle"
    | "internalError"
    | "serviceUnavailable"
    | "latency"
    | "reset"
    | "hang"
    | "truncatedJson"
    | "malformedJson"
    | "proxyHtml"
    | "asapiFailure"
    | "resultCodeFailure"
    | "staleTimestamp";

export const FAULT_KINDS: readonly FaultKind[] = [
    "throttle",
    "internalError",
    "serviceUnavailable",
    "latency",
    "reset",
    "hang",
    "truncatedJson",
    "malformedJson",
    "proxyHtml",
    "asapiFailure",
    "resultCodeFailure",
    "staleTimestamp",
];

/** A fault that fires on a share of calls (`rate`) or on a schedule (`every`), or both. */
export interface FaultRule {
    kind: FaultKind;
    /** Probability per matching call, 0..1. */
    rate?: number;
    /** Fires on every `every`-th matching call (1 = each one). */
    every?: number;
    /** Actions it applies to, such as `["DescribeTasks"]`. Default: every action. */
    actions?: string[];
    /** Fires at most this many times in all. Default: no limit. */
    limit?: number;
    /** `throttle` only: seconds sent in `x-acs-retry-after`; no header when absent. */
    retryAfterSeconds?: number;
    /** `latency` only: fixed delay in ms. Default 0. */
    delayMs?: number;
    /** `latency` only: extra delay drawn uniformly from 0..jitterMs ms. Default 0. */
    jitterMs?: number;
}

/**
 * A call quota per AccessKey ID, region and action, as ECS applies them (docs/ecs-api.md
 * section 3: limits are per account, per region, per API). A call over it is answered `Throttling.User`.
 * Only answered calls count against it.
 */
export interface QuotaRule {
    /** The action it limits. Default: each action separately. */
    action?: string;
    /** Calls per rolling second. */
    perSecond?: number;
    /** Calls per rolling minute. */
    perMinute?: number;
    /** Seconds to send in `x-acs-retry-after` with the throttle; no header when absent. */
    retryAfterSeconds?: number;
}

/** The whole fault configuration. Every field is optional; `{}` turns faults off. */
export interface FaultConfig {
    rules?: FaultRule[];
    quotas?: QuotaRule[];
    /** Tasks stay missing from DescribeTasks for this many ms after they are created (eventual consistency). Default 0. */
    taskMissingMs?: number;
}

/** What the injector decided for one call. */
export interface FaultDecision {
    /** Delay before answering, in ms (from `latency` rules). */
    delayMs: number;
    /** The fault that replaces the normal answer, if any. */
    fault?: { kind: Exclude<FaultKind, "latency">; retryAfterSeconds?: number; cause: "rule" | "quota" };
}

import { EcsError } from "../../ecs/errors/EcsError";
import { EcsNetworkError } from "../../ecs/errors/EcsNetworkError";
import { formatDuration } from "../../config/duration";

/** What the waiter saw of an endpoint that gave no ECS answer for too long. */
export interface Unreachable {
    /** The action whose failure tipped the balance, such as `DescribeTasks`. */
    action: string;
    /** How long calls have failed without one ECS answer in between, in ms. */
    failingForMs: number;
    /** Calls that failed in that time (each after its own retries). */
    failedCalls: number;
    /** Whether the endpoint had given an ECS answer earlier in this process. */
    answeredBefore: boolean;
    /** The last failure: an {@link EcsNetworkError} (no answer) or an `EcsResponseError` (an answer that is not ECS's). */
    last: EcsError;
}

/**
 * Thrown by the waiter instead of a retryable network or response error once an endpoint has
 * given no ECS answer for too long (see ../reachability.ts): the endpoint is wrong, down, or not
 * an ECS gateway, and more waiting will not help. `code` is `EndpointUnreachable` when nothing
 * answered and `NotAnEcsGateway` when something answered with a page that is not an ECS
 * response. Not retryable.
 */
export class EndpointUnreachableError extends EcsError {
    readonly unreachable: Unreachable;

    constructor(u: Unreachable) {
        const silent = u.last instanceof EcsNetworkError;
        const what = silent ? "got no answer from the endpoint" : "got only answers that are not ECS API responses";
        const fix = silent
            ? "Check apsara:endpoint (or the endpoint input): the host and port must be an ECS gateway reachable from this machine"
            : "Check apsara:endpoint (or the endpoint input) and apsara:apiStyle: the URL answers, but not as an ECS gateway";
        super(
            `${u.action} ${what} for ${formatDuration(u.failingForMs)} (${u.failedCalls} calls, each retried)${u.answeredBefore ? " after it had answered" : ""}; ` +
                `last error: ${u.last.message}. ${fix}`,
            u.action,
            silent ? "EndpointUnreachable" : "NotAnEcsGateway",
            false,
        );
        this.unreachable = u;
    }
}

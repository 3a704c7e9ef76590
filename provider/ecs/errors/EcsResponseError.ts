import { EcsError } from "./EcsError";

/**
 * Thrown when a call got an HTTP answer that is not an ECS response: an HTML page from a
 * proxy or load balancer, an empty or truncated body, JSON of an unexpected shape. `code` is
 * `ResponseNotJson`, `EmptyResponse` or `UnexpectedResponse`. Retryable: proxies and gateways
 * produce these transiently; a persistent one means the endpoint is not an ECS gateway, which the
 * message says.
 */
export class EcsResponseError extends EcsError {
    readonly httpStatus: number;
    /** The first 200 characters of the body, with control characters removed. */
    readonly bodySample: string;

    constructor(action: string, code: string, httpStatus: number, body: string, detail: string) {
        const sample = body.replace(/[\u0000-\u001f]+/g, " ").slice(0, 200);
        super(
            `${action} got an answer that is not an ECS API response (HTTP ${httpStatus}, ${detail}). ` +
                `Check that the endpoint is an ECS gateway. Body starts with: ${JSON.stringify(sample)}`,
            action,
            code,
            true,
        );
        this.httpStatus = httpStatus;
        this.bodySample = sample;
    }
}

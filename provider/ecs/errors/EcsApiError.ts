import { EcsError } from "./EcsError";

/** What the gateway said about a failed call. Field names follow the ECS error body. */
export interface EcsApiErrorData {
    /** The API action, such as `DescribeTasks`. */
    action: string;
    /** `Code` (or `asapiErrorCode`, or `resultCode` of the seed's envelope as a string). */
    code: string;
    /** `Message` (or `asapiErrorMessage`, or `resultMsg`). */
    errorMessage: string;
    /** HTTP status of the answer. */
    httpStatus: number;
    /** `RequestId` / `RequestID` / `asapiRequestId`, when present. */
    requestId?: string;
    /** `Recommend`, a diagnosis URL some gateways add. */
    recommend?: string;
    /** True when a retry may succeed (see classify.ts). */
    retryable: boolean;
    /** Milliseconds to wait before retrying, from the `x-acs-retry-after` header (seconds). */
    retryAfterMs?: number;
    /** What the user should change, for errors that no retry will fix. */
    hint?: string;
}

/**
 * Thrown when an ECS gateway answered a call with an error: an HTTP 4xx/5xx JSON body with
 * `Code` and `Message`, an HTTP 200 with `asapiSuccess: false` or header
 * `X-Acs-Response-Success: false`, or the seed's `resultCode` envelope (docs/ecs-api.md section 3).
 */
export class EcsApiError extends EcsError {
    readonly errorMessage: string;
    readonly httpStatus: number;
    readonly requestId?: string;
    readonly recommend?: string;
    readonly retryAfterMs?: number;
    readonly hint?: string;

    constructor(data: EcsApiErrorData) {
        const where = `HTTP ${data.httpStatus}${data.requestId ? `, RequestId ${data.requestId}` : ""}`;
        const text = `${data.action} failed: ${data.code}: ${data.errorMessage} (${where})${data.hint ? `. ${data.hint}` : ""}`;
        super(text, data.action, data.code, data.retryable);
        this.errorMessage = data.errorMessage;
        this.httpStatus = data.httpStatus;
        this.requestId = data.requestId;
        this.recommend = data.recommend;
        this.retryAfterMs = data.retryAfterMs;
        this.hint = data.hint;
    }
}

import { EcsError } from "./EcsError";

/**
 * Thrown when a call got no HTTP answer: connection refused or reset, DNS failure, TLS
 * failure, or the per-request timeout. `code` is the system error code (`ECONNRESET`,
 * `ETIMEDOUT`, ...). Retryable, except TLS certificate errors, which need a configuration fix.
 */
export class EcsNetworkError extends EcsError {
    /** The endpoint's origin (scheme, host and port), without path or query. */
    readonly endpoint: string;

    constructor(action: string, endpoint: string, code: string, detail: string, retryable: boolean, hint?: string) {
        super(`${action} to ${endpoint} failed: ${code}: ${detail}${hint ? `. ${hint}` : ""}`, action, code, retryable);
        this.endpoint = endpoint;
    }
}

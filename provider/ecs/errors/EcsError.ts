/**
 * Base class of every error the ECS client throws. Carries what a caller needs to decide what
 * to do next; the message is for people.
 *
 * Never carries request parameters, headers or the HTTP library's own error object: those can
 * hold a security token or a signature (docs/ecs-api.md section 4, "never send the secret").
 */
export abstract class EcsError extends Error {
    /** The API action that failed, such as `DescribeTasks`. */
    readonly action: string;
    /** The error code: the gateway's `Code` where it gave one, else a code of this client (see subclasses). */
    readonly code: string;
    /** True when the same call may succeed if made again later (throttling, 5xx, network, proxy pages). */
    readonly retryable: boolean;

    protected constructor(message: string, action: string, code: string, retryable: boolean) {
        super(message);
        this.name = new.target.name;
        this.action = action;
        this.code = code;
        this.retryable = retryable;
    }
}

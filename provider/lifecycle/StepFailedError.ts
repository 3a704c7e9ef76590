/**
 * Thrown from create or update when the wait did not end in `Finished`. It carries `id`,
 * `properties` and `reasons`, which the dynamic-provider host turns into Pulumi's
 * "created but failed to initialize" result: the step fails, the resource is recorded with
 * `properties` (so `pulumi stack` shows the failed status), and the next `pulumi up` calls
 * update again (docs/pulumi-dynamic.md).
 */
export class StepFailedError extends Error {
    readonly id: string;
    /** The outputs to record, including `__provider`. */
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    constructor(id: string, properties: Record<string, unknown>, message: string, cause?: unknown) {
        super(message, { cause });
        this.name = "StepFailedError";
        this.id = id;
        this.properties = properties;
        this.reasons = [message];
    }
}

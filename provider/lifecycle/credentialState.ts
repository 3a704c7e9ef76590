/**
 * How a waiter's own credential inputs travel through its lifecycle. Pulumi passes only the old
 * outputs to `read` (refresh) and `delete` (docs/pulumi-dynamic.md), so the credential inputs
 * are recorded as outputs of the same names; ImageTaskWaiter makes both the inputs and these
 * outputs secret, so the state holds them encrypted only. They are not part of `__inputs`.
 */
import { CREDENTIAL_KEYS, CredentialInputs } from "../config/credentials";
import { StepFailedError } from "./StepFailedError";

/** The credential inputs (or recorded outputs) of `p` that are non-empty strings. */
export function credentialInputsOf(p: Record<string, unknown>): CredentialInputs {
    const c: CredentialInputs = {};
    for (const k of CREDENTIAL_KEYS) if (typeof p[k] === "string" && p[k] !== "") c[k] = p[k] as string;
    return c;
}

/** Whether the credential inputs differ from those recorded in the old outputs (an update then records the new ones). */
export function credentialsChanged(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
    const a = credentialInputsOf(olds);
    const b = credentialInputsOf(news);
    return CREDENTIAL_KEYS.some((k) => a[k] !== b[k]);
}

/**
 * Runs a create or update step and records `creds` with its outputs, both when it succeeds and
 * in the properties of a {@link StepFailedError} (so that a later refresh or delete of the failed
 * resource still has them).
 */
export async function recordingCredentials<T extends object>(creds: CredentialInputs, step: () => Promise<T>): Promise<T & CredentialInputs> {
    try {
        return { ...(await step()), ...creds };
    } catch (err) {
        if (err instanceof StepFailedError) Object.assign(err.properties, creds);
        throw err;
    }
}

const warned = new Set<string>();

/** Logs each distinct warning once per process (one `pulumi up` runs one dynamic-provider host process). */
export function warnOnce(warnings: string[], log: (line: string) => void): void {
    for (const w of warnings) {
        if (warned.has(w)) continue;
        warned.add(w);
        log(w);
    }
}

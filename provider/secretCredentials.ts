import * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_KEYS } from "./config/credentials";

/** The credential inputs of ImageTaskWaiter (see provider/config/credentials.ts for the order of sources). */
export interface CredentialArgs {
    accessKeyId?: pulumi.Input<string>;
    accessKeySecret?: pulumi.Input<string>;
    securityToken?: pulumi.Input<string>;
}

/**
 * Wraps each given credential input in `pulumi.secret`, so that the state holds the inputs
 * encrypted even when the program passed plain strings.
 */
export function secretCredentialArgs<T extends CredentialArgs>(args: T): T {
    const out: T = { ...args };
    for (const k of CREDENTIAL_KEYS) {
        if (out[k] !== undefined && out[k] !== null) out[k] = pulumi.secret(out[k]!);
    }
    return out;
}

/**
 * Adds the credential names to `additionalSecretOutputs`: the provider records the credential
 * inputs as outputs of the same names (for refresh and delete), and these must be secret too.
 */
export function withSecretCredentialOutputs(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...CREDENTIAL_KEYS] };
}

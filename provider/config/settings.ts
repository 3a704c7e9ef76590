/** The stack configuration namespace of this package. */
export const CONFIG_NAMESPACE = "apsara";

/**
 * Stack-wide settings, from the `apsara:*` stack config. Read in the dynamic provider's
 * `configure`, where secret values arrive decrypted (docs/pulumi-dynamic.md).
 */
export interface StackSettings {
    /** `apsara:endpoint` */
    endpoint?: string;
    /** `apsara:apiStyle`: `route` or `rpc`. */
    apiStyle?: string;
    /** `apsara:accessKeyId` */
    accessKeyId?: string;
    /** `apsara:accessKeySecret` (set it with `--secret`) */
    accessKeySecret?: string;
    /** `apsara:securityToken` (set it with `--secret`) */
    securityToken?: string;
    /** `apsara:organizationId` */
    organizationId?: string;
    /** `apsara:resourceGroupId` */
    resourceGroupId?: string;
    /** `apsara:apsaraHeaders`: `true` (default) or `false`; see provider/config/clientConfig.ts. */
    apsaraHeaders?: string;
    /** `apsara:caCertPath`: PEM file of CA certificates trusted for the gateway, besides the public roots. */
    caCertPath?: string;
    /** `apsara:insecure`: `true` skips TLS certificate verification (with a warning on every run). Default `false`. */
    insecure?: string;
    /** `apsara:proxy`: HTTP(S) proxy URL for every gateway of the stack; unset: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`. */
    proxy?: string;
}

const KEYS: (keyof StackSettings)[] = [
    "endpoint",
    "apiStyle",
    "accessKeyId",
    "accessKeySecret",
    "securityToken",
    "organizationId",
    "resourceGroupId",
    "apsaraHeaders",
    "caCertPath",
    "insecure",
    "proxy",
];

/** Reads every `apsara:*` setting through `get` (a Pulumi config getter taking the full key). Empty strings count as unset. */
export function readStackSettings(get: (key: string) => string | undefined): StackSettings {
    const s: StackSettings = {};
    for (const k of KEYS) {
        const v = get(`${CONFIG_NAMESPACE}:${k}`);
        if (typeof v === "string" && v.trim() !== "") s[k] = v.trim();
    }
    return s;
}

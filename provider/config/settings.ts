import { Credentials } from "../ecs/types";

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
}

const KEYS: (keyof StackSettings)[] = ["endpoint", "apiStyle", "accessKeyId", "accessKeySecret", "securityToken", "organizationId", "resourceGroupId"];

/** Reads every `apsara:*` setting through `get` (a Pulumi config getter taking the full key). Empty strings count as unset. */
export function readStackSettings(get: (key: string) => string | undefined): StackSettings {
    const s: StackSettings = {};
    for (const k of KEYS) {
        const v = get(`${CONFIG_NAMESPACE}:${k}`);
        if (typeof v === "string" && v.trim() !== "") s[k] = v.trim();
    }
    return s;
}

/**
 * Credentials in order of precedence: the stack config (`apsara:accessKeyId`,
 * `apsara:accessKeySecret`, `apsara:securityToken`), then the environment variables Alibaba
 * tools use (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
 * `ALIBABA_CLOUD_SECURITY_TOKEN`). A pair is taken whole from one source.
 * @returns undefined when neither source has a complete pair.
 */
export function resolveCredentials(s: StackSettings, env: NodeJS.ProcessEnv): Credentials | undefined {
    if (s.accessKeyId && s.accessKeySecret) {
        return { accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret, securityToken: s.securityToken };
    }
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    if (id && secret) return { accessKeyId: id, accessKeySecret: secret, securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined };
    return undefined;
}

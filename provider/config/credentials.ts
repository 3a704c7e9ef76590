/**
 * Which AccessKey a waiter signs with. Order of precedence (first complete source wins):
 *
 * 1. the resource's own inputs `accessKeyId`, `accessKeySecret`, `securityToken`;
 * 2. the stack config `apsara:accessKeyId`, `apsara:accessKeySecret`, `apsara:securityToken`;
 * 3. the default chain of `@alicloud/credentials` (the one Alibaba's own tools use):
 *    `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` / `ALIBABA_CLOUD_SECURITY_TOKEN`,
 *    OIDC role, the aliyun CLI profile `~/.aliyun/config.json` (profile `ALIBABA_CLOUD_PROFILE`),
 *    the INI file `~/.alibabacloud/credentials` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`), an ECS RAM role
 *    (instance metadata; off with `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`), `ALIBABA_CLOUD_CREDENTIALS_URI`.
 *
 * Source: docs/ecs-api.md section 6. No function here puts a secret value in a message.
 */
import { ConfigError } from "./ConfigError";
import { StackSettings } from "./settings";
import { Credentials } from "../ecs/types";

/** The credential inputs of ImageTaskWaiter, as the provider receives them (plain values). */
export interface CredentialInputs {
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
}

/** Input names of {@link CredentialInputs}; also the output names under which they are recorded, as secrets. */
export const CREDENTIAL_KEYS = ["accessKeyId", "accessKeySecret", "securityToken"] as const;

/** Where the credentials in use came from (safe to log). */
export type CredentialSource = "inputs" | "stack config" | "default chain";

/** Credentials and their source. */
export interface ResolvedCredentials {
    credentials: Credentials;
    source: CredentialSource;
    /** For the default chain: which provider of the chain answered (e.g. `default/env`, `default/profile`). */
    provider?: string;
}

/** Loads credentials from the default chain. @throws Error when no source of the chain has any. */
export type CredentialChain = () => Promise<Credentials & { providerName?: string }>;

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Checks the credential inputs for `check`: each must be a non-empty string when given, and
 * `accessKeyId` and `accessKeySecret` come as a pair (`securityToken` only with them). Values
 * not yet known (preview) pass.
 * @returns failures naming the input; never includes a value.
 */
export function validateCredentialInputs(news: Record<string, unknown>): { property: string; reason: string }[] {
    const failures: { property: string; reason: string }[] = [];
    const given = (k: string) => news[k] !== undefined && news[k] !== null;
    for (const k of CREDENTIAL_KEYS) {
        if (given(k) && news[k] !== UNKNOWN && (typeof news[k] !== "string" || (news[k] as string).trim() === "")) {
            failures.push({ property: k, reason: `${k} must be a non-empty string when given` });
        }
    }
    if (CREDENTIAL_KEYS.some(given)) {
        for (const k of ["accessKeyId", "accessKeySecret"] as const) {
            if (!given(k)) failures.push({ property: k, reason: `${k} is missing: the inputs accessKeyId and accessKeySecret (and securityToken for STS) are given together, or not at all` });
        }
    }
    return failures;
}

/**
 * Picks the credentials of one waiter (see the module comment for the order).
 * @param chain the default chain; only called when neither inputs nor stack config hold a key.
 * @throws ConfigError when a source is half filled (naming the missing input or config key), or
 *         when no source has credentials (with what the chain said, secrets removed).
 */
export async function resolveCredentials(inputs: CredentialInputs, settings: StackSettings, chain: CredentialChain): Promise<ResolvedCredentials> {
    const fromInputs = pair(inputs, "", "resource inputs");
    if (fromInputs) return { credentials: fromInputs, source: "inputs" };
    const fromConfig = pair(settings, "apsara:", "stack config");
    if (fromConfig) return { credentials: fromConfig, source: "stack config" };
    let loaded: Credentials & { providerName?: string };
    try {
        loaded = await chain();
    } catch (err) {
        const said = redactSecrets(err instanceof Error ? err.message : String(err), process.env).slice(0, 600);
        throw new ConfigError(
            "apsara:accessKeyId",
            "no credentials: give the inputs accessKeyId and accessKeySecret, or set apsara:accessKeyId and apsara:accessKeySecret " +
                "(pulumi config set --secret apsara:accessKeySecret ...), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, " +
                `or an aliyun CLI profile, ~/.alibabacloud/credentials or an ECS RAM role. The default credential chain said: ${said}`,
        );
    }
    if (!loaded?.accessKeyId || !loaded.accessKeySecret) {
        throw new ConfigError("apsara:accessKeyId", "the default credential chain returned no AccessKey pair; set apsara:accessKeyId and apsara:accessKeySecret");
    }
    return {
        credentials: { accessKeyId: loaded.accessKeyId, accessKeySecret: loaded.accessKeySecret, securityToken: loaded.securityToken || undefined },
        source: "default chain",
        provider: loaded.providerName,
    };
}

function pair(src: CredentialInputs, prefix: string, where: string): Credentials | undefined {
    const id = src.accessKeyId || undefined;
    const secret = src.accessKeySecret || undefined;
    const token = src.securityToken || undefined;
    if (!id && !secret && !token) return undefined;
    if (!id) throw new ConfigError(`${prefix}accessKeyId`, `is missing from the ${where}, which set ${secret ? "accessKeySecret" : "securityToken"}; give the pair`);
    if (!secret) throw new ConfigError(`${prefix}accessKeySecret`, `is missing from the ${where}, which set accessKeyId${prefix ? " (set it with pulumi config set --secret)" : ""}`);
    return { accessKeyId: id, accessKeySecret: secret, securityToken: token };
}

/**
 * The default chain of `@alicloud/credentials` (2.x), created on first use and kept, so that
 * refreshable sources (an ECS RAM role) are cached and refreshed by the library.
 */
export function createDefaultChain(): CredentialChain {
    let client: { getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string }> } | undefined;
    return async () => {
        if (!client) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const Credential = require("@alicloud/credentials").default;
            client = new Credential();
        }
        const m = await client!.getCredential();
        return { accessKeyId: m.accessKeyId ?? "", accessKeySecret: m.accessKeySecret ?? "", securityToken: m.securityToken, providerName: m.providerName };
    };
}

/** Names of environment variables whose values are secrets and must never appear in a message. */
export const SECRET_ENV = ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"];

/** Replaces every occurrence of the secret environment values (and of `extra`) in `text` with `***`. */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv, extra: (string | undefined)[] = []): string {
    let out = text;
    for (const v of [...SECRET_ENV.map((k) => env[k]), ...extra]) {
        if (v && v.length >= 4) out = out.split(v).join("***");
    }
    return out;
}

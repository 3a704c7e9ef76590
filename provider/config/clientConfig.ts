/**
 * Turns a waiter's inputs, the `apsara:*` stack config and the environment into the options
 * of its ECS client: endpoint, call style, credentials, Apsara tenancy and headers, TLS trust
 * and proxy. Each value is taken from the first of: the resource input (endpoint, apiStyle,
 * credentials only), the stack config, the environment variable, the default.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gatewayApiStyle, gatewayEndpoint } from "./gatewaySettings";
import { ConfigError } from "./ConfigError";
import { StackSettings } from "./settings";
import { CredentialChain, CredentialInputs, CredentialSource, resolveCredentials } from "./credentials";
import { EcsClientOptions, validateProxy } from "../ecs/options";

/** The inputs of a waiter that choose its gateway. */
export interface GatewayInputs extends CredentialInputs {
    endpoint?: string;
    apiStyle?: string;
}

/** Where config comes from; `readFile` is injectable for tests. */
export interface ConfigSources {
    settings: StackSettings;
    env: NodeJS.ProcessEnv;
    chain: CredentialChain;
    /** Reads the CA bundle. Default `fs.readFileSync(path, "utf8")`. */
    readFile?: (path: string) => string;
}

/** Client options and facts about them that are safe to log. */
export interface ResolvedGateway {
    options: EcsClientOptions;
    credentialSource: CredentialSource;
    /** Warnings to show on every run (today: TLS verification is off). */
    warnings: string[];
}

/**
 * Resolves the client options of one waiter.
 *
 * | option | input | stack config | environment | default |
 * |---|---|---|---|---|
 * | endpoint | `endpoint` | `apsara:endpoint` | `APSARA_ENDPOINT` | none (error) |
 * | apiStyle | `apiStyle` | `apsara:apiStyle` | `APSARA_API_STYLE` | `route` |
 * | credentials | `accessKeyId`, `accessKeySecret`, `securityToken` | `apsara:accessKeyId`, ... | the default chain (provider/config/credentials.ts) | none (error) |
 * | organizationId | | `apsara:organizationId` | `APSARA_ORGANIZATION_ID` | none |
 * | resourceGroupId | | `apsara:resourceGroupId` | `APSARA_RESOURCE_GROUP_ID` | none |
 * | apsaraHeaders | | `apsara:apsaraHeaders` | `APSARA_HEADERS` | `true` |
 * | ca | | `apsara:caCertPath` (file, relative to the program directory) | `APSARA_CA_CERT_PATH` | Node's roots |
 * | insecure | | `apsara:insecure` | `APSARA_INSECURE` | `false` |
 * | proxy | | `apsara:proxy` | `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY` | direct |
 *
 * @throws ConfigError naming the setting at fault (`endpoint`, `apsara:caCertPath`, `apsara:insecure`, ...).
 */
export async function resolveGateway(w: GatewayInputs, src: ConfigSources): Promise<ResolvedGateway> {
    const { settings: s, env } = src;
    const endpoint = gatewayEndpoint(w.endpoint, s, env);
    const apiStyle = gatewayApiStyle(w.apiStyle, s, env);
    const creds = await resolveCredentials(w, s, src.chain);
    const insecure = parseBool(s.insecure ?? nonEmpty(env.APSARA_INSECURE), s.insecure !== undefined ? "apsara:insecure" : "APSARA_INSECURE", false);
    const apsaraHeaders = parseBool(s.apsaraHeaders ?? nonEmpty(env.APSARA_HEADERS), s.apsaraHeaders !== undefined ? "apsara:apsaraHeaders" : "APSARA_HEADERS", true);
    const caPath = s.caCertPath ?? nonEmpty(env.APSARA_CA_CERT_PATH);
    const ca = caPath ? readCaBundle(caPath, s.caCertPath !== undefined ? "apsara:caCertPath" : "APSARA_CA_CERT_PATH", src.readFile) : undefined;
    const proxy = s.proxy !== undefined ? validateProxy(s.proxy, "apsara:proxy") : undefined;
    const warnings = insecure
        ? [`WARNING: apsara:insecure is true: the TLS certificate of ${endpoint} is NOT verified, so anyone on the path can read and alter these calls. Use apsara:caCertPath instead.`]
        : [];
    return {
        options: {
            endpoint,
            apiStyle,
            credentials: creds.credentials,
            // The chain's temporary keys (RAM role, OIDC, credentials URI) expire: renew them on the gateway's word.
            refreshCredentials: creds.source === "default chain" ? () => resolveCredentials({}, {}, src.chain).then((r) => r.credentials) : undefined,
            organizationId: s.organizationId ?? nonEmpty(env.APSARA_ORGANIZATION_ID),
            resourceGroupId: s.resourceGroupId ?? nonEmpty(env.APSARA_RESOURCE_GROUP_ID),
            apsaraHeaders,
            ca,
            insecure,
            proxy,
        },
        credentialSource: creds.source,
        warnings,
    };
}

/**
 * Parses a boolean setting: `true` or `false` (any case); undefined gives `dflt`.
 * @throws ConfigError naming `setting`.
 */
export function parseBool(value: string | undefined, setting: string, dflt: boolean): boolean {
    if (value === undefined) return dflt;
    const v = value.trim().toLowerCase();
    if (v === "true") return true;
    if (v === "false") return false;
    throw new ConfigError(setting, `"${value}" is not a boolean; write true or false`);
}

/**
 * Reads a PEM CA bundle. A relative path is taken from the current directory (the Pulumi
 * program's directory, where the dynamic-provider host runs).
 * @returns the PEM text.
 * @throws ConfigError naming `setting` when the file cannot be read or holds no PEM certificate.
 */
export function readCaBundle(path: string, setting: string, readFile: (p: string) => string = (p) => readFileSync(p, "utf8")): string {
    const full = resolve(path);
    let text: string;
    try {
        text = readFile(full);
    } catch (e) {
        const code = (e as { code?: string }).code ?? (e as Error).message;
        throw new ConfigError(setting, `cannot read the CA bundle "${full}" (${code}); give the path of a PEM file with the gateway's CA certificates`);
    }
    if (!text.includes("-----BEGIN CERTIFICATE-----")) {
        throw new ConfigError(setting, `"${full}" holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" line); give the CA certificates in PEM form`);
    }
    return text;
}

function nonEmpty(v: string | undefined): string | undefined {
    return v && v.trim() !== "" ? v.trim() : undefined;
}

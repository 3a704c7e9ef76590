import { randomUUID } from "node:crypto";
import { ConfigError } from "../config/ConfigError";
import { ApiStyle, Credentials } from "./types";

/** How to reach and authenticate to one ECS gateway. */
export interface EcsClientOptions {
    /** Base URL of the gateway, `http://` or `https://`, e.g. `https://ecs-internal.region.example.com` or `http://127.0.0.1:43123`. No default: Apsara endpoints are per deployment (docs/ecs-api.md section 5). */
    endpoint: string;
    /** Call style. Default `route` (the Apsara seed's `POST /apsara/route/Ecs/<Action>`); `rpc` for the public cloud and RPC gateways. */
    apiStyle?: ApiStyle;
    credentials: Credentials;
    /**
     * Gets the credentials anew, for a source whose STS keys expire (the default chain's RAM role,
     * OIDC or credentials URI, which cache and renew them). Called when the gateway answers
     * `InvalidSecurityToken.Expired`; the call is then made once more with what it returns.
     * Default: none (the error stands).
     */
    refreshCredentials?: () => Promise<Credentials>;
    /** Version sent in route style, as both `Version` and `version`. Default `2016-01-01` (the seed). */
    routeVersion?: string;
    /** Path prefix of route style. Default `/apsara/route`. */
    routePrefix?: string;
    /** Product segment of route style. Default `Ecs`. */
    routeProduct?: string;
    /** Version sent in rpc style. Default `2014-05-26`. */
    rpcVersion?: string;
    /** Apsara organization: header `x-acs-organizationid`, parameters `OrganizationId` and `Department`. */
    organizationId?: string;
    /** Apsara resource group: header `x-acs-resourcegroupid`, parameter `ResourceGroup`. */
    resourceGroupId?: string;
    /** Send the default Apsara headers of docs/ecs-api.md section 5 (`x-acs-regionid`, `x-acs-request-version`, `x-ascm-product-name`, `x-acs-asapi-product`, `x-acs-caller-sdk-source`). Default true. The tenancy headers follow `organizationId` / `resourceGroupId` regardless. */
    apsaraHeaders?: boolean;
    /** PEM text of CA certificates to trust for the gateway, in addition to Node's public roots (stack config `apsara:caCertPath` names its file). */
    ca?: string;
    /** Skip TLS certificate verification. Default false. Only for tests and emergencies: the caller warns on every run. */
    insecure?: boolean;
    /**
     * HTTP(S) proxy URL (`http://host:port`, `https://...`, with optional `user:password@`). `false`: connect directly.
     * Default (undefined): from `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` / `NO_PROXY` (lower or upper case), as curl reads them.
     */
    proxy?: string | false;
    /** Per-request timeout in milliseconds. Default 30000. */
    requestTimeoutMs?: number;
    /** Clock for `Timestamp`. Default `() => new Date()`. */
    now?: () => Date;
    /** Nonce for `SignatureNonce`; must differ on every call, retries included. Default `crypto.randomUUID`. */
    nonce?: () => string;
}

/** {@link EcsClientOptions} with every default filled in. */
export type ResolvedClientOptions = Required<Omit<EcsClientOptions, "organizationId" | "resourceGroupId" | "ca" | "proxy" | "refreshCredentials">> &
    Pick<EcsClientOptions, "organizationId" | "resourceGroupId" | "ca" | "proxy" | "refreshCredentials">;

/**
 * Validates client options and fills in defaults.
 * @throws ConfigError naming the option (`endpoint`, `apiStyle`, `credentials.accessKeyId`, ...).
 */
export function resolveClientOptions(o: EcsClientOptions): ResolvedClientOptions {
    const endpoint = validateEndpoint(o.endpoint, "endpoint");
    const apiStyle = o.apiStyle ?? "route";
    if (apiStyle !== "route" && apiStyle !== "rpc") {
        throw new ConfigError("apiStyle", `"${String(apiStyle)}" is not a call style; use "route" (Apsara /apsara/route/Ecs/...) or "rpc" (Action=...&Version=2014-05-26)`);
    }
    const c = o.credentials;
    if (!c || typeof c.accessKeyId !== "string" || c.accessKeyId === "") {
        throw new ConfigError("credentials.accessKeyId", "is missing; set apsara:accessKeyId or ALIBABA_CLOUD_ACCESS_KEY_ID");
    }
    if (typeof c.accessKeySecret !== "string" || c.accessKeySecret === "") {
        throw new ConfigError("credentials.accessKeySecret", "is missing; set apsara:accessKeySecret (as a secret) or ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    }
    const timeout = o.requestTimeoutMs ?? 30_000;
    if (!Number.isFinite(timeout) || timeout <= 0) {
        throw new ConfigError("requestTimeoutMs", `${timeout} must be a positive number of milliseconds`);
    }
    return {
        endpoint,
        apiStyle,
        credentials: { ...c },
        refreshCredentials: o.refreshCredentials,
        routeVersion: o.routeVersion ?? "2016-01-01",
        routePrefix: (o.routePrefix ?? "/apsara/route").replace(/\/+$/, ""),
        routeProduct: o.routeProduct ?? "Ecs",
        rpcVersion: o.rpcVersion ?? "2014-05-26",
        organizationId: o.organizationId || undefined,
        resourceGroupId: o.resourceGroupId || undefined,
        apsaraHeaders: o.apsaraHeaders ?? true,
        ca: o.ca || undefined,
        insecure: o.insecure ?? false,
        proxy: o.proxy === undefined || o.proxy === false ? o.proxy : validateProxy(o.proxy, "proxy"),
        requestTimeoutMs: timeout,
        now: o.now ?? (() => new Date()),
        nonce: o.nonce ?? randomUUID,
    };
}

/**
 * Checks that `value` is an absolute http(s) URL and returns it without a trailing slash.
 * @throws ConfigError naming `setting`.
 */
export function validateEndpoint(value: unknown, setting: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw new ConfigError(setting, "is missing; give the ECS gateway's URL, such as https://ecs-internal.<region>.<domain> or http://127.0.0.1:<port> for ecs-task-sim");
    }
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw new ConfigError(setting, `"${value}" is not a URL; write it with its scheme, such as https://ecs-internal.example.com`);
    }
    if (url.username || url.password) {
        throw new ConfigError(setting, "must not hold a user name or password; give credentials with apsara:accessKeyId and apsara:accessKeySecret");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new ConfigError(setting, `"${value}" must use http or https`);
    }
    if (url.search || url.hash) {
        throw new ConfigError(setting, `"${value}" must not have a query or fragment`);
    }
    return url.toString().replace(/\/+$/, "");
}

/**
 * Checks that `value` is an http(s) proxy URL and returns it. Messages never show the URL's
 * user info (it may hold a password).
 * @throws ConfigError naming `setting`.
 */
export function validateProxy(value: unknown, setting: string): string {
    const fail = (why: string) => new ConfigError(setting, `${why}; write it as http://host:port (or https://, optionally with user:password@)`);
    if (typeof value !== "string" || value.trim() === "") throw fail("is empty");
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw fail("is not a URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw fail(`uses the scheme "${url.protocol}", which is not supported`);
    return value.trim();
}

/** `url` without user info, for messages. */
export function redactUrl(url: string): string {
    try {
        const u = new URL(url);
        if (u.username || u.password) {
            u.username = "***";
            u.password = "";
        }
        return u.toString().replace(/\/$/, "");
    } catch {
        return "(invalid URL)";
    }
}

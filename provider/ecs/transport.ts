import axios, { AxiosInstance } from "axios";
import { EcsHttpRequest } from "./request";
import { EcsHttpResponse } from "./envelope";
import { EcsNetworkError } from "./errors/EcsNetworkError";
import { ConnectionAgents } from "./agent";

/** Sends one signed request and returns the raw answer; throws only when there is no answer. */
export interface HttpTransport {
    send(action: string, req: EcsHttpRequest, signal?: AbortSignal): Promise<EcsHttpResponse>;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|HOSTNAME|ALTNAME/;

/**
 * HTTP transport over axios. Every status is returned as an answer (the envelope parser
 * decides); bodies are read as text. Network failures become {@link EcsNetworkError} carrying
 * only the system error code and the endpoint's origin, never the request (which holds the
 * signature and any STS token) nor axios' error (whose `config` holds headers and body).
 * axios' own proxy handling is off: proxies and TLS trust come from `agents` (./agent.ts).
 */
export class AxiosTransport implements HttpTransport {
    private readonly http: AxiosInstance;
    private readonly proxy?: string;

    /**
     * @param timeoutMs per-request timeout in milliseconds.
     * @param agents connection agents (TLS options, proxy); default: Node's global agents, no proxy.
     */
    constructor(timeoutMs: number, agents?: ConnectionAgents) {
        this.proxy = agents?.proxy;
        this.http = axios.create({
            httpAgent: agents?.httpAgent,
            httpsAgent: agents?.httpsAgent,
            timeout: timeoutMs,
            responseType: "text",
            transformResponse: (data: unknown) => data,
            validateStatus: () => true,
            maxRedirects: 0,
            proxy: false,
        });
    }

    async send(action: string, req: EcsHttpRequest, signal?: AbortSignal): Promise<EcsHttpResponse> {
        try {
            const res = await this.http.request<string>({ method: req.method, url: req.url, headers: req.headers, data: req.body, signal });
            const headers: Record<string, string | undefined> = {};
            for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = v == null ? undefined : String(v);
            return { status: res.status, headers, body: typeof res.data === "string" ? res.data : String(res.data ?? "") };
        } catch (err) {
            throw toNetworkError(action, req.url, err, signal, this.proxy);
        }
    }
}

/**
 * Maps an axios or socket error to {@link EcsNetworkError}, dropping everything but its code and a short text.
 * @param proxy the proxy in use (user info already removed), named in the message of connection failures.
 */
export function toNetworkError(action: string, url: string, err: unknown, signal?: AbortSignal, proxy?: string): EcsNetworkError {
    const origin = proxy ? `${safeOrigin(url)} via proxy ${proxy}` : safeOrigin(url);
    if (signal?.aborted) return new EcsNetworkError(action, origin, "Aborted", "the wait was cancelled", false);
    const e = err as { code?: string; message?: string; cause?: { code?: string } };
    let code = e?.cause?.code ?? e?.code ?? "ERR_NETWORK";
    if (code === "ECONNABORTED" || code === "ETIMEDOUT") code = "ETIMEDOUT";
    const detail = code === "ETIMEDOUT" ? "no answer within the request timeout" : shortMessage(e?.message);
    if (TLS_CODES.test(code)) {
        return new EcsNetworkError(
            action,
            origin,
            code,
            detail,
            false,
            "The gateway's TLS certificate was not trusted: set apsara:caCertPath to a PEM file with the deployment's CA certificates (or apsara:insecure true, for tests only)",
        );
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
        return new EcsNetworkError(action, origin, code, detail, code === "EAI_AGAIN", "The endpoint's host name does not resolve: check apsara:endpoint");
    }
    if (proxy && (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPROTO")) {
        return new EcsNetworkError(action, origin, code, detail, true, "Check that the proxy (apsara:proxy or HTTPS_PROXY / HTTP_PROXY) is running and allows CONNECT to the gateway, or list the gateway in NO_PROXY");
    }
    return new EcsNetworkError(action, origin, code, detail, true);
}

function shortMessage(m: string | undefined): string {
    return (m ?? "network error").split("\n")[0].slice(0, 160);
}

function safeOrigin(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return "(invalid endpoint)";
    }
}

/**
 * Connection agents for one ECS gateway: TLS trust (a private CA bundle, or no verification)
 * and HTTP(S) proxies, explicit or from the standard environment variables.
 *
 * Sources: docs/ecs-api.md section 5 (private CAs, proxies, `HTTPS_PROXY` / `NO_PROXY`);
 * `https-proxy-agent` (CONNECT tunnels for https endpoints), `http-proxy-agent` (absolute-URI
 * requests for http endpoints), `proxy-from-env` (curl's reading of `*_PROXY` and `NO_PROXY`).
 */
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import { HttpsProxyAgent } from "https-proxy-agent";
import { HttpProxyAgent } from "http-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";
import { ResolvedClientOptions, redactUrl } from "./options";

/** The agents axios uses for one client, and the proxy they go through (user info removed), if any. */
export interface ConnectionAgents {
    httpAgent: http.Agent;
    httpsAgent: https.Agent;
    /** The proxy in use, for messages; undefined for direct connections. */
    proxy?: string;
}

/** TLS options for the gateway's certificate. */
export interface GatewayTls {
    /** Node's public roots plus the private bundle; undefined: Node's defaults. */
    ca?: string[];
    rejectUnauthorized: boolean;
}

/**
 * The proxy for `endpoint`: `proxy` when it is a string, none when `false`, else what the
 * environment says (`HTTPS_PROXY` for https endpoints, `HTTP_PROXY` for http ones, `ALL_PROXY`,
 * both cases; an endpoint matching `NO_PROXY` goes direct).
 * @returns the proxy URL, or undefined for a direct connection.
 */
export function proxyFor(endpoint: string, proxy: string | false | undefined): string | undefined {
    if (proxy === false) return undefined;
    if (proxy) return proxy;
    return getProxyForUrl(endpoint) || undefined;
}

/** TLS options from the client options: `ca` is added to Node's root certificates, `insecure` turns verification off. */
export function gatewayTls(o: Pick<ResolvedClientOptions, "ca" | "insecure">): GatewayTls {
    return { ca: o.ca ? [...tls.rootCertificates, o.ca] : undefined, rejectUnauthorized: !o.insecure };
}

/**
 * An https-proxy-agent that applies the gateway's TLS options to the TLS session it opens
 * inside the CONNECT tunnel (the library applies its constructor options to the proxy
 * connection only).
 */
class GatewayTunnelAgent extends HttpsProxyAgent<string> {
    constructor(
        proxy: string,
        private readonly gateway: GatewayTls,
    ) {
        super(proxy, { keepAlive: true, ...gateway });
    }

    override connect(req: http.ClientRequest, opts: Parameters<HttpsProxyAgent<string>["connect"]>[1]) {
        return super.connect(req, { ...opts, ...this.gateway });
    }
}

/**
 * Builds keep-alive agents for the client's endpoint. Live objects: build them inside the
 * process that makes the calls, never at module level of the serialized provider
 * (docs/pulumi-dynamic.md).
 */
export function buildAgents(o: Pick<ResolvedClientOptions, "endpoint" | "ca" | "insecure" | "proxy">): ConnectionAgents {
    const gateway = gatewayTls(o);
    const proxy = proxyFor(o.endpoint, o.proxy);
    if (!proxy) {
        return { httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true, ...gateway }) };
    }
    return {
        httpAgent: new HttpProxyAgent(proxy, { keepAlive: true }),
        httpsAgent: new GatewayTunnelAgent(proxy, gateway),
        proxy: redactUrl(proxy),
    };
}

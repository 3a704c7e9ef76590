import { IncomingHttpHeaders } from "node:http";

/** One ECS API request as the simulator received it, for tests of headers and tenancy parameters. */
export interface RecordedRequest {
    /** The action (`DescribeTasks`, ...), or `(none)`. */
    action: string;
    style: "rpc" | "route";
    /** Request headers, names in lower case. */
    headers: Record<string, string>;
    /** Every parameter (query and form body) except `Signature`; a `SecurityToken` is replaced by `(present)`. */
    params: Record<string, string>;
}

/** Keeps the last `limit` API requests (default 100), oldest first, as `GET /_sim/requests` returns them. */
export class RequestLog {
    private entries: RecordedRequest[] = [];

    constructor(private readonly limit = 100) {}

    record(action: string, style: "rpc" | "route", headers: IncomingHttpHeaders, params: Record<string, string>): void {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(headers)) if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
        const p: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) {
            if (k === "Signature") continue;
            p[k] = k === "SecurityToken" ? "(present)" : v;
        }
        this.entries.push({ action, style, headers: h, params: p });
        if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    }

    list(): RecordedRequest[] {
        return [...this.entries];
    }

    clear(): void {
        this.entries = [];
    }
}

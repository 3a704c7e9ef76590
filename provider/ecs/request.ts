import { sign, percentEncode } from "./signature";
import { ResolvedClientOptions } from "./options";

/** One HTTP request, ready for the transport. */
export interface EcsHttpRequest {
    method: "POST";
    url: string;
    headers: Record<string, string>;
    /** `application/x-www-form-urlencoded` body, signed. */
    body: string;
    /** The signed parameters (for tests; contains the token when there is one, so never log it). */
    params: Record<string, string>;
}

/** Formats a Date as the API's `Timestamp`: UTC, seconds precision, `yyyy-MM-ddTHH:mm:ssZ`. */
export function formatTimestamp(d: Date): string {
    return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Builds and signs one call. A new nonce and timestamp are taken on every call, so a retry is a
 * new request (docs/ecs-api.md section 4).
 *
 * Route style: `POST {endpoint}{routePrefix}/{routeProduct}/{action}`, with `Version` and
 * `version` set to `routeVersion`, `RegionId` copied to `regionId` (the seed requires both) and
 * `Product=ecs`. RPC style: `POST {endpoint}/` with `Version=rpcVersion`. Both carry `Action` and
 * the common parameters, and are signed over the whole form body as an RPC POST.
 *
 * @param business the action's own parameters (`RegionId`, `TaskIds`, ...); empty values are dropped.
 */
export function buildRequest(o: ResolvedClientOptions, action: string, business: Record<string, string | undefined>): EcsHttpRequest {
    const params: Record<string, string> = {
        Format: "JSON",
        AccessKeyId: o.credentials.accessKeyId,
        SignatureMethod: "HMAC-SHA1",
        SignatureVersion: "1.0",
        SignatureNonce: o.nonce(),
        Timestamp: formatTimestamp(o.now()),
        Action: action,
    };
    if (o.credentials.securityToken) params.SecurityToken = o.credentials.securityToken;
    for (const [k, v] of Object.entries(business)) if (v !== undefined && v !== "") params[k] = v;
    if (o.organizationId) {
        params.OrganizationId = o.organizationId;
        params.Department = o.organizationId;
    }
    if (o.resourceGroupId) params.ResourceGroup = o.resourceGroupId;

    let url: string;
    if (o.apiStyle === "route") {
        params.Version = o.routeVersion;
        params.version = o.routeVersion;
        params.Product = "ecs";
        if (params.RegionId !== undefined) params.regionId = params.RegionId;
        url = `${o.endpoint}${o.routePrefix}/${o.routeProduct}/${action}`;
    } else {
        params.Version = o.rpcVersion;
        url = `${o.endpoint}/`;
    }
    params.Signature = sign("POST", params, o.credentials.accessKeySecret);

    const headers: Record<string, string> = {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        accept: "application/json",
    };
    if (o.apsaraHeaders) {
        headers["x-acs-request-version"] = "v1";
        headers["x-ascm-product-name"] = "ecs";
        headers["x-acs-asapi-product"] = "ecs";
        headers["x-acs-caller-sdk-source"] = "pulumi-ecs-image-task";
        if (params.RegionId) headers["x-acs-regionid"] = params.RegionId;
    }
    // Tenancy is configured explicitly, so it is sent even when the default Apsara headers are off.
    if (o.organizationId) headers["x-acs-organizationid"] = o.organizationId;
    if (o.resourceGroupId) headers["x-acs-resourcegroupid"] = o.resourceGroupId;
    const body = Object.entries(params)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join("&");
    return { method: "POST", url, headers, body, params };
}

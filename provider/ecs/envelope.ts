import { EcsApiError } from "./errors/EcsApiError";
import { EcsResponseError } from "./errors/EcsResponseError";
import { hintForCode, isRetryableCode } from "./classify";
import { redactGatewayMessage } from "./redact";

/** An HTTP answer as the transport hands it over. */
export interface EcsHttpResponse {
    status: number;
    /** Header names in lower case. */
    headers: Record<string, string | undefined>;
    body: string;
}

/**
 * Turns an HTTP answer into the parsed JSON object of a successful call, or throws the typed
 * error for every failure shape of docs/ecs-api.md section 3:
 * - HTTP 4xx/5xx with `{Code, Message, RequestId}`;
 * - HTTP 200 with `asapiSuccess: false` (older ASAPI gateway) or header `X-Acs-Response-Success: false`;
 * - HTTP 200 with `Success`/`success` false, or with an error `Code` and `Message` and no success flag;
 * - any HTTP status outside 2xx (a redirect is not an answer: maxRedirects is 0);
 * - the seed's `{"errorSample": {"resultCode": -1, "resultMsg": ...}}`, with or without the wrapper;
 * - a body that is empty, not JSON (an HTML page from a proxy), truncated, or not an object.
 *
 * @throws EcsApiError for an answer from the gateway that carries an error code.
 * @throws EcsResponseError for an answer that is not an ECS response at all.
 */
export function parseEnvelope(action: string, res: EcsHttpResponse): Record<string, unknown> {
    const text = res.body ?? "";
    // A redirect (often http -> https) is never an answer, whatever its body: say where it points.
    if (res.status >= 300 && res.status < 400) {
        throw apiError(action, res, `Http${res.status}`, `the endpoint redirects${redirectTarget(res.headers.location)}`);
    }
    if (text.trim() === "") {
        if (res.status >= 400) throw apiError(action, res, `Http${res.status}`, "empty body");
        throw new EcsResponseError(action, "EmptyResponse", res.status, text, "empty body");
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        const looksHtml = /^\s*</.test(text);
        throw new EcsResponseError(action, "ResponseNotJson", res.status, text, looksHtml ? "an HTML or XML page, likely from a proxy or load balancer" : "the body is not valid JSON (truncated?)");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new EcsResponseError(action, "UnexpectedResponse", res.status, text, "the body is not a JSON object");
    }
    const obj = parsed as Record<string, unknown>;

    // ASAPI gateway: HTTP 200 with asapiSuccess false.
    if (isFalse(obj.asapiSuccess)) {
        return fail(action, res, str(obj.asapiErrorCode) ?? "UnknownError", str(obj.asapiErrorMessage) ?? "no message", str(obj.asapiRequestId) ?? str(obj.eagleEyeTraceId));
    }
    // The seed's envelope, with or without the errorSample wrapper (a failure at either level counts).
    for (const envelope of isObject(obj.errorSample) ? [obj.errorSample, obj] : [obj]) {
        if ("resultCode" in envelope && envelope.resultCode !== undefined && envelope.resultCode !== null) {
            const rc = Number(envelope.resultCode);
            if (!Number.isNaN(rc) && rc !== 0 && rc !== 200) {
                return fail(action, res, `ResultCode${rc}`, str(envelope.resultMsg) ?? "no message", requestIdOf(obj), true);
            }
        }
    }
    const headerFailed = (res.headers["x-acs-response-success"] ?? "").toLowerCase() === "false";
    const code = str(obj.Code) ?? str(obj.code);
    const message = str(obj.Message) ?? str(obj.message);
    // An error Code with a Message on HTTP 2xx, without a success flag, is a failure too (some gateways answer errors with 200).
    const saysSuccess = obj.Success === true || obj.success === true || obj.asapiSuccess === true;
    const errorCodeOn2xx = code !== undefined && message !== undefined && !saysSuccess && !SUCCESS_CODES.test(code);
    if (res.status < 200 || res.status >= 300 || headerFailed || isFalse(obj.Success) || isFalse(obj.success) || errorCodeOn2xx) {
        throw apiError(action, res, code ?? `Http${res.status}`, message ?? "no message", requestIdOf(obj), false, str(obj.Recommend));
    }
    return obj;
}

function fail(action: string, res: EcsHttpResponse, code: string, message: string, requestId?: string, forceRetry = false): never {
    throw apiError(action, res, code, message, requestId, forceRetry);
}

function apiError(action: string, res: EcsHttpResponse, code: string, message: string, requestId?: string, forceRetry = false, recommend?: string): EcsApiError {
    const retryable = forceRetry || isRetryableCode(code, res.status);
    const after = Number(res.headers["x-acs-retry-after"]);
    return new EcsApiError({
        action,
        code,
        errorMessage: redactGatewayMessage(message),
        httpStatus: res.status,
        requestId,
        retryable,
        retryAfterMs: Number.isFinite(after) && after >= 0 ? after * 1000 : undefined,
        hint: retryable ? undefined : hintForCode(code),
        recommend,
    });
}

/** ` to <origin><path>` of a Location header (no query, no user info), or "". */
function redirectTarget(location: string | undefined): string {
    if (!location) return "";
    try {
        const u = new URL(location);
        return ` to ${u.origin}${u.pathname}`;
    } catch {
        return "";
    }
}

/** `RequestId`, or the seed's `RequestID`, or ASAPI's `asapiRequestId`. */
export function requestIdOf(obj: Record<string, unknown>): string | undefined {
    return str(obj.RequestId) ?? str(obj.RequestID) ?? str(obj.requestId) ?? str(obj.asapiRequestId);
}

/** `Code` values some gateways send on success. */
const SUCCESS_CODES = /^(200|0|OK|Success)$/i;

/** `false`, or the string `"false"` in any case: a success flag saying failure. */
function isFalse(v: unknown): boolean {
    return v === false || (typeof v === "string" && v.toLowerCase() === "false");
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number") return String(v);
    return undefined;
}

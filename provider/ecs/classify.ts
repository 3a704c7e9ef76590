/**
 * Which ECS error codes are worth retrying, and what to tell the user about the others.
 * Source: docs/ecs-api.md section 3 (decide on `Code`, not on HTTP status).
 */

/** Whether a call that failed with `code` (and `httpStatus`) may succeed if retried. */
export function isRetryableCode(code: string, httpStatus: number): boolean {
    if (/^Throttling/i.test(code) || code === "Rejected.Throttling" || /Throttl/i.test(code)) return true;
    if (code === "ServiceUnavailable" || code === "InternalError" || code === "SignatureNonceUsed") return true;
    if (PERMANENT.some((p) => (p.endsWith("*") ? code.startsWith(p.slice(0, -1)) : code === p))) return false;
    return httpStatus >= 500 || httpStatus === 429;
}

const PERMANENT = [
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "InvalidAccessKeyId*",
    "Forbidden*",
    "InvalidTimeStamp*",
    "MissingParameter*",
    "InvalidParameter*",
    "InvalidRegionId*",
    "InvalidSecurityToken*",
];

/** A sentence that says what to fix for errors that no retry will fix; undefined for others. */
export function hintForCode(code: string): string | undefined {
    if (code === "SignatureDoesNotMatch" || code === "IncompleteSignature")
        return "The signature was rejected: check apsara:accessKeySecret (or ALIBABA_CLOUD_ACCESS_KEY_SECRET) for the key pair in use";
    if (code.startsWith("InvalidAccessKeyId"))
        return "The AccessKey ID is unknown or disabled: check apsara:accessKeyId (or ALIBABA_CLOUD_ACCESS_KEY_ID) and that the key is active on this deployment";
    if (code.startsWith("InvalidSecurityToken"))
        return "The STS token was rejected: refresh apsara:securityToken (or ALIBABA_CLOUD_SECURITY_TOKEN)";
    if (code.startsWith("Forbidden"))
        return "The key lacks permission: grant ecs:DescribeTasks and ecs:DescribeTaskAttribute to this user or role";
    if (code.startsWith("InvalidTimeStamp"))
        return "The request time was rejected: this machine's clock is more than 15 minutes off; fix the clock (NTP)";
    if (code.startsWith("InvalidRegionId"))
        return "The region is unknown to this endpoint: check regionId and the endpoint";
    if (/^Http3\d\d$/.test(code))
        return "The endpoint answered with a redirect: set apsara:endpoint to the URL it redirects to (often https:// instead of http://)";
    if (code.startsWith("InvalidTaskId"))
        return "The task is unknown to this endpoint: check taskId and regionId, and that the AccessKey belongs to the account that started the task";
    if (code.startsWith("MissingParameter") || code.startsWith("InvalidParameter"))
        return "The gateway rejected a parameter: check regionId, taskId and the endpoint's apiStyle";
    return undefined;
}

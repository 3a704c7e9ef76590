import { ServerResponse } from "node:http";
import { FaultDecision } from "./types";

/** The request's identity as the faulty answer echoes it. */
export interface FaultContext {
    /** `RequestId` (rpc) or `RequestID` (route). */
    requestIdKey: string;
    requestId: string;
    action: string;
}

/**
 * Writes the answer of an injected fault (./types, FaultKind) to `res`. `hang` writes nothing:
 * the connection stays open until the client gives up or the server closes.
 */
export function respondWithFault(res: ServerResponse, fault: NonNullable<FaultDecision["fault"]>, ctx: FaultContext): void {
    const ecsError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        send(res, status, JSON.stringify({ [ctx.requestIdKey]: ctx.requestId, HostId: "ecs.simulator", Code: code, Message: message }), "application/json;charset=utf-8", headers);
    switch (fault.kind) {
        case "throttle":
            return ecsError(
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
                fault.retryAfterSeconds !== undefined ? { "x-acs-retry-after": String(fault.retryAfterSeconds) } : {},
            );
        case "internalError":
            return ecsError(500, "InternalError", "The request processing has failed due to some unknown error.");
        case "serviceUnavailable":
            return ecsError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
        case "staleTimestamp":
            return ecsError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        case "asapiFailure":
            return send(
                res,
                200,
                JSON.stringify({ asapiSuccess: false, asapiErrorCode: "ServiceUnavailable", asapiErrorMessage: "The backend service is temporarily unavailable.", asapiRequestId: ctx.requestId }),
                "application/json;charset=utf-8",
            );
        case "resultCodeFailure":
            return send(res, 200, JSON.stringify({ errorSample: { resultCode: -1, resultMsg: "system error, please try again later", result: null } }), "application/json;charset=utf-8");
        case "proxyHtml":
            return send(res, 502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", "text/html");
        case "malformedJson":
            return send(res, 200, `{"${ctx.requestIdKey}": "${ctx.requestId}", "TotalCount": 1, "TaskSet": {"Task": [{"TaskId": }]}`, "application/json;charset=utf-8");
        case "truncatedJson": {
            const whole = JSON.stringify({ [ctx.requestIdKey]: ctx.requestId, TotalCount: 1, PageNumber: 1, PageSize: 100, TaskSet: { Task: [{ TaskId: "t-truncated", TaskStatus: "Finished" }] } });
            return send(res, 200, whole.slice(0, Math.floor(whole.length / 2)), "application/json;charset=utf-8");
        }
        case "reset": {
            const body = JSON.stringify({ [ctx.requestIdKey]: ctx.requestId, TotalCount: 0, TaskSet: { Task: [] } });
            res.writeHead(200, { "content-type": "application/json;charset=utf-8", "content-length": String(body.length) });
            res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
            return;
        }
        case "hang":
            return;
    }
}

function send(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)), ...headers });
    res.end(body);
}

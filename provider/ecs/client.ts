import { randomUUID } from "node:crypto";
import { buildRequest } from "./request";
import { EcsError } from "./errors/EcsError";
import { parseEnvelope } from "./envelope";
import { parseDescribeImages, parseDescribeTasks, parseExportImage, parseImportImage, parseTaskAttribute } from "./results";
import { AxiosTransport, HttpTransport } from "./transport";
import { buildAgents } from "./agent";
import { DEFAULT_RETRY, RetryPolicy, validateRetryPolicy, withRetry } from "./retry";
import { EcsClientOptions, ResolvedClientOptions, resolveClientOptions } from "./options";
import { realSleep, Sleep } from "../util/sleep";
import {
    DescribeImagesParams,
    DescribeImagesResult,
    DescribeTasksParams,
    DescribeTasksResult,
    ExportImageParams,
    ExportImageResult,
    ImportImageParams,
    ImportImageResult,
    TaskAttribute,
} from "./types";

/** Failures after which the gateway surely did not act: throttling and a reused nonce. */
function notStarted(err: EcsError): boolean {
    return err.retryable && (/Throttl/i.test(err.code) || err.code === "SignatureNonceUsed");
}

/** What the client depends on besides its options; each has a real default. */
export interface EcsClientDeps {
    transport?: HttpTransport;
    retry?: RetryPolicy;
    sleep?: Sleep;
    random?: () => number;
}

/**
 * A client for the ECS task APIs, in either call style. Knows nothing of waiting.
 *
 * Every method retries transient failures (throttling, 5xx, network errors, proxy pages) per
 * {@link RetryPolicy}, with a new nonce and timestamp each time, and throws at once on errors
 * that no retry will fix.
 *
 * @throws ConfigError from the constructor, naming the invalid option.
 * @throws EcsApiError | EcsNetworkError | EcsResponseError from every call.
 */
export class EcsClient {
    /** The options in force; `credentials` change when {@link EcsClientOptions.refreshCredentials} renews them. */
    options: ResolvedClientOptions;
    private readonly transport: HttpTransport;
    private readonly retry: RetryPolicy;
    private readonly sleep: Sleep;
    private readonly random: () => number;

    constructor(options: EcsClientOptions, deps: EcsClientDeps = {}) {
        this.options = resolveClientOptions(options);
        this.transport = deps.transport ?? new AxiosTransport(this.options.requestTimeoutMs, buildAgents(this.options));
        this.retry = validateRetryPolicy(deps.retry ?? DEFAULT_RETRY);
        this.sleep = deps.sleep ?? realSleep;
        this.random = deps.random ?? Math.random;
    }

    /**
     * Calls any action and returns its parsed JSON object. `shouldRetry` narrows which retryable
     * failures are retried (default: all of them), for actions that must not run twice.
     */
    async call(action: string, params: Record<string, string | undefined>, signal?: AbortSignal, shouldRetry?: (err: EcsError) => boolean): Promise<Record<string, unknown>> {
        try {
            return await this.callWithRetry(action, params, signal, shouldRetry);
        } catch (err) {
            // An expired STS token from a source that renews it: take the new one and call once more.
            if (!(err instanceof EcsError && /^InvalidSecurityToken\.Expired/.test(err.code) && this.options.refreshCredentials)) throw err;
            this.options = { ...this.options, credentials: { ...(await this.options.refreshCredentials()) } };
            return this.callWithRetry(action, params, signal, shouldRetry);
        }
    }

    private callWithRetry(action: string, params: Record<string, string | undefined>, signal?: AbortSignal, shouldRetry?: (err: EcsError) => boolean): Promise<Record<string, unknown>> {
        return withRetry(
            async () => parseEnvelope(action, await this.transport.send(action, buildRequest(this.options, action, params), signal)),
            this.retry,
            this.sleep,
            this.random,
            signal,
            shouldRetry,
        );
    }

    /** DescribeTasks: the status of up to 100 tasks in one call. `PageSize` defaults to 100 when `TaskIds` are given. */
    async describeTasks(p: DescribeTasksParams, signal?: AbortSignal): Promise<DescribeTasksResult> {
        const ids = p.TaskIds ?? [];
        const obj = await this.call(
            "DescribeTasks",
            {
                RegionId: p.RegionId,
                TaskIds: ids.length ? ids.join(",") : undefined,
                TaskAction: p.TaskAction,
                TaskStatus: p.TaskStatus,
                PageNumber: p.PageNumber !== undefined ? String(p.PageNumber) : undefined,
                PageSize: String(p.PageSize ?? (ids.length ? 100 : 10)),
            },
            signal,
        );
        return parseDescribeTasks(obj);
    }

    /** DescribeTaskAttribute: one task's progress and, for a failed task, why. */
    async describeTaskAttribute(regionId: string, taskId: string, signal?: AbortSignal): Promise<TaskAttribute> {
        return parseTaskAttribute(await this.call("DescribeTaskAttribute", { RegionId: regionId, TaskId: taskId }, signal));
    }

    /**
     * ImportImage from OSS objects; returns the new `ImageId` and the `TaskId` to wait on.
     * `ClientToken` (idempotency, docs/ecs-api.md section 2) defaults to a new UUID, sent
     * unchanged on every retry.
     */
    async importImage(p: ImportImageParams, signal?: AbortSignal): Promise<ImportImageResult> {
        const params: Record<string, string | undefined> = {
            RegionId: p.RegionId,
            ImageName: p.ImageName,
            OSType: p.OSType,
            Platform: p.Platform,
            Architecture: p.Architecture,
            RoleName: p.RoleName,
            // One token for every attempt: a retry after a lost answer cannot start a second import.
            ClientToken: p.ClientToken ?? randomUUID(),
        };
        p.DiskDeviceMapping.forEach((d, i) => {
            const n = i + 1;
            params[`DiskDeviceMapping.${n}.OSSBucket`] = d.OSSBucket;
            params[`DiskDeviceMapping.${n}.OSSObject`] = d.OSSObject;
            params[`DiskDeviceMapping.${n}.Format`] = d.Format;
            params[`DiskDeviceMapping.${n}.DiskImageSize`] = d.DiskImageSize !== undefined ? String(d.DiskImageSize) : undefined;
        });
        return parseImportImage(await this.call("ImportImage", params, signal));
    }

    /**
     * ExportImage to an OSS bucket; returns the `TaskId` to wait on. The API takes no
     * `ClientToken`, so only throttling and `SignatureNonceUsed` are retried: after a lost answer
     * or a 5xx the export may have started, and a retry could start a second one.
     */
    async exportImage(p: ExportImageParams, signal?: AbortSignal): Promise<ExportImageResult> {
        return parseExportImage(
            await this.call(
                "ExportImage",
                { RegionId: p.RegionId, ImageId: p.ImageId, OSSBucket: p.OSSBucket, OSSPrefix: p.OSSPrefix, ImageFormat: p.ImageFormat, RoleName: p.RoleName },
                signal,
                // ExportImage takes no ClientToken: retry only answers that say the gateway did nothing.
                notStarted,
            ),
        );
    }

    /**
     * DescribeImages: images by ID and status. Sends `Status` comma-joined when given (the API
     * lists only `Available` images otherwise), `ImageId` comma-joined, `PageSize` default 100
     * when IDs are given.
     */
    async describeImages(p: DescribeImagesParams, signal?: AbortSignal): Promise<DescribeImagesResult> {
        const ids = p.ImageIds ?? [];
        const obj = await this.call(
            "DescribeImages",
            {
                RegionId: p.RegionId,
                ImageId: ids.length ? ids.join(",") : undefined,
                Status: p.Status?.length ? p.Status.join(",") : undefined,
                PageNumber: p.PageNumber !== undefined ? String(p.PageNumber) : undefined,
                PageSize: String(p.PageSize ?? (ids.length ? 100 : 10)),
            },
            signal,
        );
        return parseDescribeImages(obj);
    }

    /** CancelTask: cancels a running ImportImage or ExportImage task. */
    async cancelTask(regionId: string, taskId: string, signal?: AbortSignal): Promise<void> {
        await this.call("CancelTask", { RegionId: regionId, TaskId: taskId }, signal);
    }
}

import * as pulumi from "@pulumi/pulumi";
import { OUTPUT_KEYS } from "./lifecycle/outputs";
import { imageTaskProvider } from "./dynamicProvider";
import { secretCredentialArgs, withSecretCredentialOutputs } from "./secretCredentials";

/** Inputs of {@link ImageTaskWaiter}. */
export interface ImageTaskWaiterArgs {
    /** Region of the task, e.g. `cn-qingdao-env17-d01` (DescribeTasks' RegionId). Required. */
    regionId: pulumi.Input<string>;
    /** The task to wait on: the TaskId that ImportImage or ExportImage returned. Required. */
    taskId: pulumi.Input<string>;
    /** `ImportImage` or `ExportImage`. When set, a task of another action fails the wait. Default: any. */
    taskAction?: pulumi.Input<"ImportImage" | "ExportImage">;
    /** How long to wait, as a duration such as `"90m"` or `"1h30m"` (units ms, s, m, h; at most 168h). Default `"90m"`. Pulumi's customTimeouts do not reach dynamic providers, hence this input. */
    timeout?: pulumi.Input<string>;
    /** ECS gateway URL. Default: stack config `apsara:endpoint`. */
    endpoint?: pulumi.Input<string>;
    /** `route` (Apsara `/apsara/route/Ecs/<Action>`) or `rpc` (`Action=...&Version=2014-05-26`). Default: stack config `apsara:apiStyle`, else `route`. */
    apiStyle?: pulumi.Input<"route" | "rpc">;
    /** Time between DescribeTasks polls, shared by every waiter on the same endpoint, region and key. Default `"4s"`. */
    pollInterval?: pulumi.Input<string>;
    /** How long a task may be missing from DescribeTasks (just after ImportImage) before the wait fails. Default `"2m"`. */
    notFoundGrace?: pulumi.Input<string>;
    /** Whether a `Paused` task fails the wait (default true) or is waited on. */
    pausedIsFailure?: pulumi.Input<boolean>;
    /** AccessKey ID for this waiter only (with `accessKeySecret`). Default: stack config `apsara:accessKeyId`, else the default credential chain. Stored as a secret. */
    accessKeyId?: pulumi.Input<string>;
    /** AccessKey secret for this waiter only. Stored as a secret, even when given as a plain string. */
    accessKeySecret?: pulumi.Input<string>;
    /** STS token for this waiter's key, when the key is temporary. Stored as a secret. */
    securityToken?: pulumi.Input<string>;
    /**
     * How often, at most, to read a running task's progress (DescribeTaskAttribute's TaskProcess)
     * for the progress lines of `pulumi up`; one call per waiter per interval. Default `"30s"`.
     */
    progressInterval?: pulumi.Input<string>;
    /**
     * When the resource is deleted (e.g. `pulumi destroy` in the middle of an import), cancel the
     * task with CancelTask if it is still running and cancellable. Default false: delete leaves the task alone.
     */
    cancelOnDelete?: pulumi.Input<boolean>;
    /**
     * For ImportImage: after the task is `Finished`, also wait (within `timeout`) until
     * DescribeImages shows the image `Available`, since a task can finish a little before its
     * image is usable. Default false.
     */
    waitForImage?: pulumi.Input<boolean>;
}

/**
 * Waits, during `pulumi up`, until an ECS image import or export task reaches a terminal
 * status, and resolves its outputs only then: resources that use the outputs are created after
 * the task finished, and never if it failed. Preview makes no API call.
 *
 * A `Failed`, `Deleted` or (by default) `Paused` task, a timeout, or a permanent API error fails
 * the step; the resource is recorded with the task's last status, progress and the reason in
 * `taskStatus`, `progress`, `errorCode`, `errorMessage` and `waitError`, and the next
 * `pulumi up` waits again (on the same task after a timeout: resume, not restart).
 */
export class ImageTaskWaiter extends pulumi.dynamic.Resource {
    /** The awaited TaskId. */
    declare readonly taskId: pulumi.Output<string>;
    declare readonly regionId: pulumi.Output<string>;
    /** The task's TaskAction, as DescribeTasks reports it. */
    declare readonly taskAction: pulumi.Output<string>;
    /** `Finished` once the wait succeeded. */
    declare readonly taskStatus: pulumi.Output<string>;
    /** DescribeTasks' ResourceId: for ImportImage, the new image ID (`m-...`). */
    declare readonly resourceId: pulumi.Output<string | undefined>;
    declare readonly creationTime: pulumi.Output<string | undefined>;
    declare readonly finishedTime: pulumi.Output<string | undefined>;
    /** TaskProcess, e.g. `"100%"`. */
    declare readonly progress: pulumi.Output<string | undefined>;
    /** DescribeTaskAttribute's ErrorCode, for a task that failed (recorded state only). */
    declare readonly errorCode: pulumi.Output<string | undefined>;
    /** DescribeTaskAttribute's ErrorMsg, for a task that failed (recorded state only). */
    declare readonly errorMessage: pulumi.Output<string | undefined>;
    /** Why the last wait did not succeed: task failed, timeout (status, progress, time waited, polls), not found, API error (recorded state only). */
    declare readonly waitError: pulumi.Output<string | undefined>;
    /** With `waitForImage`: DescribeImages' Status of the imported image, `Available` after a successful wait. */
    declare readonly imageStatus: pulumi.Output<string | undefined>;
    /** For ExportImage: the OSS object written. */
    declare readonly ossObject: pulumi.Output<string | undefined>;

    constructor(name: string, args: ImageTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            imageTaskProvider,
            name,
            {
                // Every output key must exist in the inputs for Pulumi to create its Output.
                ...Object.fromEntries(OUTPUT_KEYS.map((k) => [k, undefined])),
                ...secretCredentialArgs(args),
            },
            withSecretCredentialOutputs(opts),
            "ecs",
            "ImageTaskWaiter",
        );
    }
}

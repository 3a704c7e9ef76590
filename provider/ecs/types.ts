/**
 * Shapes of ECS task API results, with the API's own field names.
 * Source: docs/ecs-api.md sections 1 and 2 (SDK models, public docs, the Apsara seed).
 */

/** The two ways to call ECS: `route` is Apsara's `POST /apsara/route/Ecs/<Action>` (the seed); `rpc` is `Action=...&Version=2014-05-26`. */
export type ApiStyle = "route" | "rpc";

/** The actions this package calls. */
export type EcsAction = "DescribeTasks" | "DescribeTaskAttribute" | "ImportImage" | "ExportImage" | "CancelTask" | "DescribeImages";

/** An AccessKey pair, optionally with an STS token. */
export interface Credentials {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
}

/** One entry of DescribeTasks' `TaskSet.Task`. */
export interface TaskSummary {
    TaskId: string;
    /** `ImportImage`, `ExportImage`, ...; absent on some gateways. */
    TaskAction?: string;
    /** `Finished`, `Processing`, `Pending`, `Waiting`, `Failed`, `Deleted`, `Paused`, or anything else a gateway invents. */
    TaskStatus: string;
    SupportCancel?: boolean;
    /** As the gateway wrote it, e.g. `2015-11-23T15:16:00Z` or `2015-11-24T12:50Z`. */
    CreationTime?: string;
    FinishedTime?: string;
    /** For ImportImage, the new image ID (`m-...`). Absent on older gateways. */
    ResourceId?: string;
}

/** DescribeTasks' answer, normalized: every `TaskSet` variant becomes `Tasks`. */
export interface DescribeTasksResult {
    /** `RequestId` (the seed spells it `RequestID`). */
    RequestId?: string;
    RegionId?: string;
    TotalCount: number;
    PageNumber: number;
    PageSize: number;
    Tasks: TaskSummary[];
}

/** One entry of DescribeTaskAttribute's `OperationProgressSet.OperationProgress`. */
export interface OperationProgress {
    OperationStatus?: string;
    ErrorCode?: string;
    ErrorMsg?: string;
    /** `RelatedItemSet.RelatedItem`; for an export, `{Name: "OSSObject", Value: <object>}`. */
    RelatedItems: { Name: string; Value: string }[];
}

/** DescribeTaskAttribute's answer, normalized. */
export interface TaskAttribute {
    RequestId?: string;
    TaskId: string;
    TaskAction?: string;
    TaskStatus: string;
    /** Progress as the API words it, e.g. `"45%"`. */
    TaskProcess?: string;
    SupportCancel?: boolean;
    CreationTime?: string;
    FinishedTime?: string;
    TotalCount?: number;
    SuccessCount?: number;
    FailedCount?: number;
    OperationProgress: OperationProgress[];
}

/** Parameters of DescribeTasks this package sends. */
export interface DescribeTasksParams {
    RegionId: string;
    /** Up to 100 IDs. */
    TaskIds?: string[];
    TaskAction?: string;
    TaskStatus?: string;
    /** 1-based. Default 1. */
    PageNumber?: number;
    /** 1..100. Default 10 at the gateway; this client sends 100 when TaskIds are given. */
    PageSize?: number;
}

/** ImportImage's parameters (one disk). */
export interface ImportImageParams {
    RegionId: string;
    ImageName?: string;
    OSType?: string;
    Platform?: string;
    Architecture?: string;
    RoleName?: string;
    ClientToken?: string;
    DiskDeviceMapping: { OSSBucket: string; OSSObject: string; Format?: string; DiskImageSize?: number }[];
}

/** ImportImage's answer. */
export interface ImportImageResult {
    RequestId?: string;
    ImageId?: string;
    TaskId: string;
    RegionId?: string;
}

/** ExportImage's parameters. */
export interface ExportImageParams {
    RegionId: string;
    ImageId: string;
    OSSBucket: string;
    OSSPrefix?: string;
    ImageFormat?: string;
    RoleName?: string;
}

/** ExportImage's answer. */
export interface ExportImageResult {
    RequestId?: string;
    TaskId: string;
    RegionId?: string;
}

/** Parameters of DescribeImages this package sends. */
export interface DescribeImagesParams {
    RegionId: string;
    /** Up to 100 image IDs, comma-joined on the wire. */
    ImageIds?: string[];
    /** Statuses to list. The API lists only `Available` images unless told otherwise (docs/ecs-api.md section 2). */
    Status?: string[];
    /** 1-based. Default 1. */
    PageNumber?: number;
    /** 1..100. Default 10 at the gateway. */
    PageSize?: number;
}

/** One entry of DescribeImages' `Images.Image`. */
export interface ImageSummary {
    ImageId: string;
    /** `Creating`, `Waiting`, `Available`, `UnAvailable`, `CreateFailed`, `Deprecated`, or anything else a gateway invents. */
    Status: string;
    ImageName?: string;
    /** Creation progress as the API words it, e.g. `"100%"`. */
    Progress?: string;
}

/** DescribeImages' answer, normalized: `Images.Image` (any variant) becomes `Images`. */
export interface DescribeImagesResult {
    RequestId?: string;
    RegionId?: string;
    TotalCount: number;
    PageNumber: number;
    PageSize: number;
    Images: ImageSummary[];
}

/**
 * pulumi-ecs-image-task: wait on Alibaba Cloud / Apsara Stack ECS image import and export tasks.
 */
export { ImageTaskWaiter, ImageTaskWaiterArgs } from "./resource";
export { EcsClient, EcsClientDeps } from "./ecs/client";
export { EcsClientOptions } from "./ecs/options";
export * from "./ecs/types";
export { EcsError } from "./ecs/errors/EcsError";
export { EcsApiError } from "./ecs/errors/EcsApiError";
export { EcsNetworkError } from "./ecs/errors/EcsNetworkError";
export { EcsResponseError } from "./ecs/errors/EcsResponseError";
export { ConfigError } from "./config/ConfigError";
export { TaskScheduler } from "./waiter/scheduler";
export { waitForTask, WaitOptions, WaitResult } from "./waiter/waitForTask";
export { TaskFailedError } from "./waiter/errors/TaskFailedError";
export { TaskTimeoutError } from "./waiter/errors/TaskTimeoutError";
export { TaskNotFoundError } from "./waiter/errors/TaskNotFoundError";
export { TaskActionMismatchError } from "./waiter/errors/TaskActionMismatchError";
export { WaitCancelledError } from "./waiter/errors/WaitCancelledError";
export { waitForImage, ImageWaitOptions, ImageWaitResult } from "./waiter/waitForImage";
export { ImageNotReadyError } from "./waiter/errors/ImageNotReadyError";
export { CancelOnDeleteError } from "./lifecycle/CancelOnDeleteError";

/**
 * Example: start an ECS image import, wait for it with ImageTaskWaiter, and run a step that
 * needs the imported image only once the import has finished.
 *
 * Stack config: apsara:endpoint, apsara:apiStyle, apsara:accessKeyId, apsara:accessKeySecret
 * (secret) for the package; regionId, ossBucket, ossObject, timeout for this program.
 */
import * as pulumi from "@pulumi/pulumi";
import { ImageTaskWaiter } from "pulumi-ecs-image-task";
import { LocalCommand } from "./localCommand";

const cfg = new pulumi.Config();
const apsara = new pulumi.Config("apsara");
const regionId = cfg.get("regionId") ?? "cn-qingdao-env17-d01";
const ossBucket = cfg.get("ossBucket") ?? "images";
const ossObject = cfg.get("ossObject") ?? "centos-7.raw";

// ecs-tasks reads the same settings from the environment.
const environment = {
    APSARA_ENDPOINT: apsara.require("endpoint"),
    APSARA_API_STYLE: apsara.get("apiStyle") ?? "route",
    ALIBABA_CLOUD_ACCESS_KEY_ID: apsara.require("accessKeyId"),
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: apsara.requireSecret("accessKeySecret"),
};

const started = new LocalCommand("start-import", {
    create: `npx --no ecs-tasks import-image --region ${regionId} --oss-bucket ${ossBucket} --oss-object ${ossObject} --format RAW`,
    environment,
});
const taskId = started.stdout.apply((s) => JSON.parse(s).TaskId as string);

const waiter = new ImageTaskWaiter("image-import", {
    regionId,
    taskId,
    taskAction: "ImportImage",
    timeout: cfg.get("timeout") ?? "90m",
});

// Runs only after the import finished: it consumes the waiter's resourceId (the new image ID).
const register = new LocalCommand("use-image", {
    create: pulumi.interpolate`echo "image ${waiter.resourceId} is ready"`,
});

export const importTaskId = waiter.taskId;
export const imageId = waiter.resourceId;
export const taskStatus = waiter.taskStatus;
export const finishedTime = waiter.finishedTime;
export const usedBy = register.stdout;

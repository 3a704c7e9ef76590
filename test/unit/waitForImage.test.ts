import { strict as assert } from "node:assert";
import { waitForImage } from "../../provider/waiter/waitForImage";
import { ImageNotReadyError } from "../../provider/waiter/errors/ImageNotReadyError";
import { parseDescribeImages } from "../../provider/ecs/results";
import { DescribeImagesParams } from "../../provider/ecs/types";

/** An image whose status follows `timeline` on a fake clock advanced by the injected sleep. */
function fake(timeline: [number, string | undefined][]) {
    let t = 0;
    const asked: DescribeImagesParams[] = [];
    return {
        asked,
        now: () => t,
        sleep: async (ms: number) => {
            t += ms;
        },
        api: {
            async describeImages(p: DescribeImagesParams) {
                asked.push(p);
                const s = [...timeline].reverse().find(([at]) => t >= at)?.[1];
                const Images = s ? [{ ImageId: "m-1", Status: s }] : [];
                return { TotalCount: Images.length, PageNumber: 1, PageSize: 100, Images };
            },
        },
    };
}

const O = { regionId: "r", taskId: "t-1", intervalMs: 1000, timeoutMs: 10_000, notFoundGraceMs: 3000 };

describe("waitForImage", () => {
    it("waits until DescribeImages shows the image Available, asking for every status", async () => {
        const f = fake([[0, "Creating"], [2500, "Available"]]);
        const seen: string[] = [];
        const r = await waitForImage(f.api, "m-1", { ...O, now: f.now, sleep: f.sleep, onStatus: (s) => seen.push(s) });
        assert.equal(r.status, "Available");
        assert.equal(r.polls, 4);
        assert.deepEqual(seen, ["Creating", "Available"]);
        assert.deepEqual(f.asked[0].ImageIds, ["m-1"]);
        assert.ok(f.asked[0].Status!.includes("Creating") && f.asked[0].Status!.includes("Available"));
    });

    it("fails on CreateFailed, on the timeout, and when the image is never listed", async () => {
        const failed = fake([[0, "Creating"], [1000, "CreateFailed"]]);
        await assert.rejects(waitForImage(failed.api, "m-1", { ...O, now: failed.now, sleep: failed.sleep }), (e: unknown) => e instanceof ImageNotReadyError && e.image.reason === "failed" && /m-1 of ECS task t-1 in r is CreateFailed/.test(e.message));
        const slow = fake([[0, "Creating"]]);
        await assert.rejects(waitForImage(slow.api, "m-1", { ...O, now: slow.now, sleep: slow.sleep }), (e: unknown) => e instanceof ImageNotReadyError && e.image.reason === "timeout" && e.image.polls === 11 && /still Creating after 10s \(11 polls\)/.test(e.message));
        const never = fake([[0, undefined]]);
        await assert.rejects(waitForImage(never.api, "m-1", { ...O, now: never.now, sleep: never.sleep }), (e: unknown) => e instanceof ImageNotReadyError && e.image.reason === "notFound" && /regionId and the endpoint/.test(e.message));
    });
});

describe("parseDescribeImages", () => {
    it("accepts Images.Image as a list, as one object and as a bare array", () => {
        const one = { ImageId: "m-1", Status: "Available", Progress: "100%" };
        assert.deepEqual(parseDescribeImages({ RequestID: "x", Images: { Image: [one] }, TotalCount: 1 }).Images, [{ ...one, ImageName: undefined }]);
        assert.equal(parseDescribeImages({ Images: { Image: one } }).Images[0].ImageId, "m-1");
        assert.equal(parseDescribeImages({ Images: [one] }).Images.length, 1);
        assert.equal(parseDescribeImages({ Images: { Image: [one] } }).RequestId, undefined);
        assert.equal(parseDescribeImages({ RequestID: "x", Images: {} }).RequestId, "x");
        assert.throws(() => parseDescribeImages({ Images: { Image: [{ Status: "Available" }] } }), /no ImageId or Status/);
    });
});

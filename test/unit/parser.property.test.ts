import { strict as assert } from "node:assert";
import fc from "fast-check";
import { EcsHttpResponse, parseEnvelope } from "../../provider/ecs/envelope";
import { parseDescribeTasks, parseTaskAttribute } from "../../provider/ecs/results";
import { EcsError } from "../../provider/ecs/errors/EcsError";
import { DescribeTasksResult, TaskAttribute } from "../../provider/ecs/types";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

// ---- valid answers (docs/ecs-api.md sections 1 and 2, every documented variant) ----

const STATUSES = ["Finished", "Processing", "Pending", "Waiting", "Failed", "Deleted", "Paused", "CreateFailed"];
const time = fc.constantFrom("2026-01-02T03:04:05Z", "2015-11-24T12:50Z", "");
const task = fc.record(
    {
        TaskId: fc.stringMatching(/^t-[a-z0-9]{4,12}$/),
        TaskAction: fc.constantFrom("ImportImage", "ExportImage"),
        TaskStatus: fc.constantFrom(...STATUSES),
        SupportCancel: fc.constantFrom<Json>("true", "false", true, false),
        CreationTime: time,
        FinishedTime: time,
        ResourceId: fc.stringMatching(/^m-[a-z0-9]{4,12}$/),
    },
    { requiredKeys: ["TaskId", "TaskStatus"] },
);
const tasks = fc.array(task, { maxLength: 4 });
const taskSet = fc.oneof(
    tasks.map((t): Json => ({ Task: t })),
    tasks.map((t): Json => t),
    task.map((t): Json => ({ Task: t })),
);
const describeTasksBody = fc.record({
    RequestID: fc.uuid(),
    RegionId: fc.constant("cn-qingdao-env17-d01"),
    TotalCount: fc.nat(200),
    PageNumber: fc.integer({ min: 1, max: 5 }),
    PageSize: fc.integer({ min: 1, max: 100 }),
    TaskSet: taskSet,
}) as fc.Arbitrary<Obj>;
const attributeBody = fc.record({
    RequestId: fc.uuid(),
    TaskId: fc.stringMatching(/^t-[a-z0-9]{4,12}$/),
    TaskAction: fc.constantFrom("ImportImage", "ExportImage"),
    TaskStatus: fc.constantFrom(...STATUSES),
    TaskProcess: fc.constantFrom("0%", "45%", "100%"),
    SupportCancel: fc.constantFrom<Json>("true", false),
    CreationTime: time,
    FinishedTime: time,
    TotalCount: fc.constant(1),
    OperationProgressSet: fc.record({
        OperationProgress: fc.array(
            fc.record({
                OperationStatus: fc.constantFrom("Success", "Failed", "Processing"),
                ErrorCode: fc.constantFrom("", "InvalidImage.Format"),
                ErrorMsg: fc.constantFrom("", "the image format is not supported"),
                RelatedItemSet: fc.record({ RelatedItem: fc.array(fc.record({ Name: fc.constant("OSSObject"), Value: fc.constant("exports/x.raw") }), { maxLength: 2 }) }),
            }),
            { maxLength: 2 },
        ),
    }),
}) as fc.Arbitrary<Obj>;

// ---- mutations ----

/** Every path to a value inside `v`. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [];
    if (Array.isArray(v)) v.forEach((x, i) => out.push([...prefix, i], ...paths(x, [...prefix, i])));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push([...prefix, k], ...paths(x, [...prefix, k]));
    return out;
}

const OTHER_VALUES: Json[] = [null, 0, -1, 1.5, 1e308, true, false, "", "x", "Finished", [], {}, [null], { Task: null }, "<html>"];
type Mutation = { kind: "drop" | "rename" | "retype"; at: number; value: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom("drop" as const, "rename" as const, "retype" as const), at: fc.nat(), value: fc.nat(OTHER_VALUES.length - 1) });

function mutate(body: Obj, m: Mutation): void {
    const all = paths(body);
    if (all.length === 0) return;
    const path = all[m.at % all.length];
    let parent: Json = body;
    for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[k];
    const key = path[path.length - 1];
    const p = parent as Record<string | number, Json>;
    if (m.kind === "retype") p[key] = structuredClone(OTHER_VALUES[m.value]);
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else {
        const v = p[key];
        delete p[key];
        if (m.kind === "rename") p[String(key).toLowerCase() === String(key) ? `${String(key)}_` : String(key).toLowerCase()] = v;
    }
}

/** Failure markers of docs/ecs-api.md section 3; each must make the answer a failure. */
const MARKERS = {
    asapiFalse: (b: Obj) => Object.assign(b, { asapiSuccess: false, asapiErrorCode: "InternalError", asapiErrorMessage: "gateway error" }),
    asapiFalseString: (b: Obj) => Object.assign(b, { asapiSuccess: "false" }),
    resultCode: (b: Obj) => Object.assign(b, { resultCode: -1, resultMsg: "system error", result: null }),
    resultCodeString: (b: Obj) => Object.assign(b, { resultCode: "-1", resultMsg: "system error" }),
    errorSample: (b: Obj) => Object.assign(b, { errorSample: { resultCode: -1, resultMsg: "system error", result: null } }),
    successFalse: (b: Obj) => Object.assign(b, { Success: false, Code: "Forbidden.RAM", Message: "denied" }),
    successFalseString: (b: Obj) => Object.assign(b, { success: "false" }),
    codeAndMessage: (b: Obj) => Object.assign(b, { Code: "Forbidden.RAM", Message: "User not authorized to operate on the specified resource." }),
};
type Marker = keyof typeof MARKERS | "header" | "status4xx" | "status5xx" | "status3xx";
const marker: fc.Arbitrary<Marker> = fc.constantFrom(...(Object.keys(MARKERS) as (keyof typeof MARKERS)[]), "header" as const, "status4xx" as const, "status5xx" as const, "status3xx" as const);

type TextChange = { kind: "none" } | { kind: "truncate"; at: number } | { kind: "replace"; body: string };
const textChange: fc.Arbitrary<TextChange> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: "none" as const }) },
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({
        kind: fc.constant("replace" as const),
        body: fc.constantFrom("<html><body><h1>502 Bad Gateway</h1></body></html>", "<!DOCTYPE html><html><title>Login</title></html>", "", "   ", "null", "[]", '"ok"', "123", "true", "{}", '{"TaskSet":'),
    }),
);

interface Case {
    response: EcsHttpResponse;
    /** The body object, after mutations and markers; undefined when the text was cut or replaced. */
    body?: Obj;
    markers: Marker[];
}

function build(base: Obj, ms: Mutation[], marks: Marker[], text: TextChange): Case {
    const body = structuredClone(base);
    for (const m of ms) mutate(body, m);
    let status = 200;
    const headers: Record<string, string | undefined> = { "content-type": "application/json" };
    for (const k of marks) {
        if (k === "header") headers["x-acs-response-success"] = "false";
        else if (k === "status4xx") status = 403;
        else if (k === "status5xx") status = 503;
        else if (k === "status3xx") status = 302;
        else MARKERS[k](body);
    }
    let s = JSON.stringify(body);
    if (text.kind === "truncate") s = s.slice(0, text.at % s.length);
    if (text.kind === "replace") s = text.body;
    // A replaced body loses the markers that were in it; the header and the status stay.
    const kept = text.kind === "replace" ? marks.filter((k) => !(k in MARKERS)) : marks;
    return { response: { status, headers, body: s }, body: text.kind === "none" ? body : undefined, markers: kept };
}

/** Every object inside `v` (to check that a parsed task was in the body). */
function objects(v: Json): Obj[] {
    if (Array.isArray(v)) return v.flatMap(objects);
    if (v !== null && typeof v === "object") return [v, ...Object.values(v).flatMap(objects)];
    return [];
}
const asText = (v: Json | undefined) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
    try {
        return { ok: true, value: fn() };
    } catch (error) {
        return { ok: false, error };
    }
}

function checkTyped(r: { ok: boolean; error?: unknown }, c: Case): void {
    if (!r.ok) assert.ok(r.error instanceof EcsError, `threw ${r.error instanceof Error ? r.error.stack : String(r.error)} for ${JSON.stringify(c.response)}`);
    if (c.markers.length) assert.equal(r.ok, false, `a failure (${c.markers.join(", ")}) parsed as a success: ${JSON.stringify(c.response)}`);
}

const mutations = fc.array(mutation, { maxLength: 3 });
const markers = fc.oneof({ weight: 2, arbitrary: fc.constant([] as Marker[]) }, fc.array(marker, { minLength: 1, maxLength: 2 }));

describe("property: the response parser on mutated answers", () => {
    it("DescribeTasks: a typed result or an EcsError; never a failure read as success; never a task the body did not hold", () => {
        fc.assert(
            fc.property(describeTasksBody, mutations, markers, textChange, (base, ms, marks, text) => {
                const c = build(base, ms, marks, text);
                const r = outcome<DescribeTasksResult>(() => parseDescribeTasks(parseEnvelope("DescribeTasks", c.response)));
                checkTyped(r, c);
                if (!r.ok) return;
                const v = r.value;
                assert.ok(Array.isArray(v.Tasks));
                for (const n of [v.TotalCount, v.PageNumber, v.PageSize]) assert.ok(Number.isFinite(n), `not a number: ${n}`);
                const entries = objects(c.body ?? null);
                for (const t of v.Tasks) {
                    assert.ok(typeof t.TaskId === "string" && t.TaskId !== "" && typeof t.TaskStatus === "string" && t.TaskStatus !== "");
                    assert.ok(
                        entries.some((e) => asText(e.TaskId) === t.TaskId && asText(e.TaskStatus) === t.TaskStatus),
                        `task ${t.TaskId} ${t.TaskStatus} is not in the body ${c.response.body}`,
                    );
                }
            }),
            { numRuns: 2000 },
        );
    });

    it("DescribeTaskAttribute: a typed result or an EcsError; never a failure read as success", () => {
        fc.assert(
            fc.property(attributeBody, mutations, markers, textChange, (base, ms, marks, text) => {
                const c = build(base, ms, marks, text);
                const r = outcome<TaskAttribute>(() => parseTaskAttribute(parseEnvelope("DescribeTaskAttribute", c.response)));
                checkTyped(r, c);
                if (!r.ok) return;
                const v = r.value;
                assert.ok(typeof v.TaskId === "string" && typeof v.TaskStatus === "string");
                assert.equal(asText(c.body?.TaskStatus), v.TaskStatus);
                for (const p of v.OperationProgress) for (const i of p.RelatedItems) assert.ok(typeof i.Name === "string" && typeof i.Value === "string");
            }),
            { numRuns: 2000 },
        );
    });
});

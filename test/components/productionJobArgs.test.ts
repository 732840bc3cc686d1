/**
 * The wheel job as the provider reads it back: terraform-provider-databricks
 * (jobs/resource_job.go, adjustTasks) sorts a job's tasks by task_key and
 * each task's depends_on by task_key, byte by byte (Go's cmp.Compare), and
 * fills run_if with ALL_SUCCESS. A declared job that differs from that shape
 * shows a difference on every pulumi up that nothing can converge.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { type ConfigContext, type KedroStackSettings, validateStackConfig } from "../../config";
import { productionJobArgs } from "../../components/productionJobArgs";
import { cloudAttributesFor } from "../../lib/clouds";
import { buildWheel, snapshotPath } from "../kedroFixtures";

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** What the provider's read gives back for a job's tasks. */
function readBack(tasks: any[]): any[] {
    return [...tasks]
        .sort((a, b) => byteOrder(a.taskKey, b.taskKey))
        .map((task) => ({
            ...task,
            runIf: task.runIf ?? "ALL_SUCCESS",
            dependsOns: task.dependsOns && [...task.dependsOns].sort((a: any, b: any) => byteOrder(a.taskKey, b.taskKey)),
        }));
}

function settingsFor(snapshot: string, size: string): KedroStackSettings {
    const files = new Map<string, Uint8Array>([
        ["/p/snapshot.json", Buffer.from(snapshot)],
        ["/p/spaceflights-0.1-py3-none-any.whl", buildWheel()],
        ["/p/conf-spaceflights.tar.gz", new Uint8Array([31, 139])],
    ]);
    const ctx: ConfigContext = {
        project: "databricks-kedro-stack",
        stack: "dev",
        hasGitToken: true,
        today: new Date("2026-11-24"),
        projectFiles: { root: "/p", read: (path) => files.get(path) },
    };
    const raw = {
        cloud: "aws",
        gitUrl: "https://github.com/acme/spaceflights.git",
        gitUsername: "alice",
        job: "true",
        gitCommit: "0123456789abcdef0123456789abcdef01234567",
        sparkVersion: "15.4.x-scala2.12",
        jobSource: "wheel",
        jobTasks: size,
        kedroSnapshot: "snapshot.json",
        kedroWheel: "spaceflights-0.1-py3-none-any.whl",
        jobPipelines: JSON.stringify(["__default__", "data_processing", "data_science"]),
    };
    return validateStackConfig(raw, ctx).settings;
}

test("for any node names and task size, the declared tasks are the shape the provider reads back", () => {
    const base = JSON.parse(readFileSync(snapshotPath("spaceflights"), "utf8"));
    const names = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.\- ]{1,40}$/), { minLength: 12, maxLength: 12 });
    fc.assert(
        fc.property(names, fc.constantFrom("node", "namespace", "pipeline"), (renamed, size) => {
            // Every node renamed, consistently in every pipeline: the keys' order then differs from the graph's.
            const snapshot = structuredClone(base);
            const mapping = new Map<string, string>();
            for (const pipeline of snapshot.pipelines)
                for (const node of pipeline.nodes) {
                    if (!mapping.has(node.name)) mapping.set(node.name, renamed[mapping.size]);
                    node.name = mapping.get(node.name);
                }
            const settings = settingsFor(JSON.stringify(snapshot), size);
            for (const job of settings.job!.production!.jobs) {
                const args: any = productionJobArgs(settings, job, cloudAttributesFor("aws", true, ["m4.large"]), { wheelPath: "/w.whl", confPath: "/c.tar.gz", runAs: "a" });
                expect(args.tasks).toEqual(readBack(args.tasks));
            }
        }),
        { numRuns: 20 },
    );
});

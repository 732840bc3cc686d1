/** The offline plan of a wheel job: each job's tasks in text, a Mermaid graph in Markdown, the graph in JSON, task changes in diffs. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { planReport } from "../../plan/cli";
import { mermaidLabel } from "../../plan/jobGraph";
import { diffPlans, mandatoryViolations, renderDiff, renderPlan } from "../../plan/report";
import { buildWheel, snapshotPath } from "../kedroFixtures";
import { STACK, plan, projectWith } from "./planHarness";

const SHA = "c0ffee0000000000000000000000000000000001";
const WHEEL_STACK = STACK(
    [
        "  databricks-kedro-stack:sparkVersion: 15.4.x-scala2.12",
        `  databricks-kedro-stack:gitCommit: ${SHA}`,
        "  databricks-kedro-stack:job: true",
        "  databricks-kedro-stack:jobSource: wheel",
        "  databricks-kedro-stack:kedroSnapshot: kedro-dist/snapshot.json",
        "  databricks-kedro-stack:kedroWheel: kedro-dist/spaceflights-0.1-py3-none-any.whl",
        "  databricks-kedro-stack:jobPipelines:",
        "    - data_processing",
        "    - data_science",
        "",
    ].join("\n"),
);

/** A project with the wheel stack and its artifacts in kedro-dist/, beside Pulumi.yaml. */
function wheelProject(snapshot: string = readFileSync(snapshotPath("spaceflights"), "utf8")): string {
    const dir = projectWith({ wheel: WHEEL_STACK });
    mkdirSync(join(dir, "kedro-dist"));
    writeFileSync(join(dir, "kedro-dist", "snapshot.json"), snapshot);
    writeFileSync(join(dir, "kedro-dist", "spaceflights-0.1-py3-none-any.whl"), buildWheel());
    writeFileSync(join(dir, "kedro-dist", "conf-spaceflights.tar.gz"), Buffer.from([31, 139]));
    return dir;
}

// One plan of the wheel stack, for the text, Markdown and JSON renderings.
let report: Awaited<ReturnType<typeof planReport>>;
beforeAll(async () => {
    report = await planReport(wheelProject(), "wheel");
});

test("text: each job's tasks with their nodes, their upstream tasks, and why nodes share one; every policy passes", () => {
    expect(report.error).toBeUndefined();
    const text = renderPlan(report, "text");
    expect(text).toContain("== Jobs (2)");
    expect(text).toContain("  task create_model_input_table_node: create_model_input_table_node ← preprocess_companies_node, preprocess_shuttles_node");
    expect(text).toContain(
        "Joined: active_modelling_pipeline.train_model_node reads active_modelling_pipeline.X_train from active_modelling_pipeline.split_data_node in memory",
    );
    expect(mandatoryViolations(report)).toEqual([]);
});

test("Markdown: each job as a Mermaid flowchart GitHub renders; JSON: the graph", async () => {
    const stdout = renderPlan(report, "markdown");
    const start = stdout.indexOf("```mermaid", stdout.indexOf("`kedro-jobs-data_processing` (pipeline"));
    const chart = stdout.slice(start, stdout.indexOf("```", start + 3) + 3);
    expect(chart.split("\n")).toEqual([
        "```mermaid",
        "flowchart LR",
        '    t0["create_model_input_table_node"]',
        '    t1["preprocess_companies_node"]',
        '    t2["preprocess_shuttles_node"]',
        "    t1 --> t0",
        "    t2 --> t0",
        "```",
    ]);
    const json = JSON.parse((await plan(["--stack", "wheel", "--root", wheelProject(), "--format", "json"])).stdout);
    expect(json.jobs.map((job: any) => [job.pipeline, job.tasks.length]).sort()).toEqual([
        ["data_processing", 3],
        ["data_science", 2],
    ]);
});

test("a change in the snapshot shows as tasks added and removed in the difference", async () => {
    const base = report;
    const snapshot = JSON.parse(readFileSync(snapshotPath("spaceflights"), "utf8"));
    const processing = snapshot.pipelines.find((pipeline: any) => pipeline.name === "data_processing");
    processing.nodes = processing.nodes.filter((node: any) => node.name !== "preprocess_shuttles_node");
    processing.nodes.push({ name: "clean_reviews_node", func_name: "clean", namespace: null, tags: [], inputs: ["reviews"], outputs: ["clean_reviews"], source: null });
    const head = await planReport(wheelProject(JSON.stringify(snapshot)), "wheel");
    const text = renderDiff(diffPlans(base, head), "wheel", "main", "text");
    expect(text).toContain("+ task clean_reviews_node in job kedro-jobs-data_processing");
    expect(text).toContain("- task preprocess_shuttles_node from job kedro-jobs-data_processing");
});

describe("names from the snapshot, which a pull request can change, never break out", () => {
    const HOSTILE = ['x"] --> evil["y', "<img src=x onerror=alert(1)>", "```", "[link](https://evil.example)", "a|b", "#quot;"];

    test.each(HOSTILE)("a Mermaid label of %j holds no character that ends it, a fence or the comment", (name) => {
        const label = mermaidLabel(name);
        expect(label.slice(1, -1)).toMatch(/^[A-Za-z0-9 _.\-:#;]*$/);
        expect(label.startsWith('"') && label.endsWith('"')).toBe(true);
    });

    test("hostile node names become task keys of safe characters, and the Markdown plan escapes them", async () => {
        const snapshot = JSON.parse(readFileSync(snapshotPath("spaceflights"), "utf8"));
        const processing = snapshot.pipelines.find((pipeline: any) => pipeline.name === "data_processing");
        processing.nodes[0].name = HOSTILE[0];
        processing.nodes[1].name = HOSTILE[1];
        processing.nodes[2].name = HOSTILE[3];
        const { stdout } = await plan(["--stack", "wheel", "--root", wheelProject(JSON.stringify(snapshot)), "--format", "markdown"]);
        // Outside code spans and the chart, nothing of the names is live Markdown or HTML.
        const live = stdout.replace(/`[^`\n]*`/g, "").replace(/```mermaid[^]*?```/g, "");
        expect(live).not.toContain("<img");
        expect(live).not.toMatch(/[^\\]\]\(https:\/\/evil/);
        expect(live).not.toContain('--> evil["');
        const chart = stdout.slice(stdout.indexOf("```mermaid"), stdout.indexOf("```", stdout.indexOf("```mermaid") + 3));
        expect(chart).toContain("flowchart LR");
        for (const line of chart.split("\n").slice(2, -1)) expect(line).toMatch(/^ {4}t\d+(?:\["[A-Za-z0-9 _.\-:#;]*"\]| --> t\d+)$/);
    });

    test("a node name with a comma, which --nodes would split, is refused by key", async () => {
        const snapshot = JSON.parse(readFileSync(snapshotPath("spaceflights"), "utf8"));
        snapshot.pipelines.find((pipeline: any) => pipeline.name === "data_processing").nodes[0].name = "a,b";
        const report = await planReport(wheelProject(JSON.stringify(snapshot)), "wheel");
        expect(report.error).toMatch(/databricks-kedro-stack:kedroSnapshot is "kedro-dist\/snapshot.json"; allowed: node names kedro run --nodes can take/);
    });
});

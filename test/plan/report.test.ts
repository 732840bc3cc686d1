import { renderPlan } from "../../plan/report";
import type { PlanReport } from "../../plan/report";

const report = (overrides: Partial<PlanReport>): PlanReport => ({ stack: "dev", resources: [], warnings: [], missingSecrets: [], verdicts: [], ...overrides });

test("values cannot forge table cells, lines or terminal colours in the markdown plan", () => {
    const markdown = renderPlan(
        report({
            resources: [{ type: "databricks:index/repo:Repo", name: "kedro-repo", urn: "u", provider: "default", custom: true, protect: false, inputs: { url: "https://x/a|b", branch: "main\n| forged | row |", path: "/Repos/\u001b[31mred" } }],
            warnings: ["a warning\nwith a second line"],
        }),
        "markdown",
    );
    const row = markdown.split("\n").find((line) => line.startsWith("| `databricks:index/repo:Repo`"))!;
    expect(row).toContain("url=https://x/a\\|b");
    expect(row).toContain("branch=main\\u000a\\| forged \\| row \\|");
    expect(row).toContain("path=/Repos/\\u001b\\[31mred");
    expect(markdown).not.toContain("\u001b");
    expect(markdown).not.toMatch(/^\| forged/m);
    expect(markdown).toContain("- a warning\\u000awith a second line");
});

test("an error cannot close its code fence", () => {
    const markdown = renderPlan(report({ error: "Invalid configuration:\n```\n## injected heading" }), "markdown");
    const fence = markdown.split("\n").find((line) => /^`{3,}text$/.test(line))!;
    expect(fence.length).toBeGreaterThan("```text".length);
    const closing = fence.replace(/text$/, "");
    expect(markdown.trimEnd().endsWith(closing)).toBe(true);
});

describe("diffPlans", () => {
    const { diffPlans } = require("../../plan/report") as typeof import("../../plan/report");
    const cluster = (inputs: Record<string, unknown>) => report({ resources: [{ type: "databricks:index/cluster:Cluster", name: "kedro-cluster", urn: "u", provider: "default", custom: true, protect: false, host: "https://h", inputs }] });

    test("compares full values, not the display's first 80 characters", () => {
        const long = "x".repeat(100);
        const diff = diffPlans(cluster({ clusterName: `${long}a` }), cluster({ clusterName: `${long}b` }));
        expect(diff.changed[0].changes.map((change) => change.property)).toEqual(["clusterName"]);
    });

    test("firstOnDemand is an update the Clusters API will not apply: the provider does not replace, the API refuses to mutate", () => {
        const diff = diffPlans(cluster({ awsAttributes: { firstOnDemand: 1 } }), cluster({ awsAttributes: { firstOnDemand: 2 } }));
        expect(diff.changed[0].changes).toEqual([expect.objectContaining({ property: "awsAttributes.firstOnDemand", kind: "immutable" })]);
    });

    describe("a component found under its former type, as the engine finds it by an alias", () => {
        const { renderDiff } = require("../../plan/report") as typeof import("../../plan/report");
        const component = (type: string, formerTypes?: string[]) =>
            report({ resources: [{ type, name: "kedro", urn: "u", provider: "-", custom: false, protect: false, inputs: {}, formerTypes }] });
        const OLD = "databricks-kedro-stack:aws:KedroEnvironment";
        const NEW = "databricks-kedro-stack:index:DatabricksKedroEnvironment";

        test("is renamed, neither removed nor added", () => {
            const diff = diffPlans(component(OLD), component(NEW, [OLD]));
            expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
            expect(diff.renamed.map(({ from, resource }) => [from.type, resource.type])).toEqual([[OLD, NEW]]);
            expect(renderDiff(diff, "dev", "main", "text")).toBe(`Plan difference for stack "dev": main -> working tree\n= ${OLD} → ${NEW} kedro (renamed by an alias: the same resource)\n`);
        });

        test("without the alias, the old one goes and a new one comes", () => {
            const diff = diffPlans(component(OLD), component(NEW));
            expect([diff.added.map((resource) => resource.type), diff.removed.map((resource) => resource.type), diff.renamed]).toEqual([[NEW], [OLD], []]);
        });
    });
});

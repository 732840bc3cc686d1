/** The plan's price: dev and prod on every cloud, in text, Markdown and JSON, and its change in a difference. */
import { planReport } from "../../plan/cli";
import { type PlanReport, diffPlans, renderDiff, renderPlan } from "../../plan/report";
import { HOSTS, STACK, projectWith } from "./planHarness";

const stack = (cloud: keyof typeof HOSTS, extra: string[] = []) =>
    STACK(extra.map((line) => `  databricks-kedro-stack:${line}\n`).join(""), cloud);
const PROD = ["spot: false", "numWorkers: 2", "autoterminationMinutes: 60", "protect: true"];

let reports: Record<string, PlanReport>;
beforeAll(async () => {
    const dir = projectWith({
        "aws-dev": stack("aws"),
        "aws-prod": stack("aws", PROD),
        "azure-dev": stack("azure"),
        "azure-prod": stack("azure", PROD),
        "gcp-dev": stack("gcp"),
        "gcp-prod": stack("gcp", PROD),
    });
    reports = {};
    for (const name of ["aws-dev", "aws-prod", "azure-dev", "azure-prod", "gcp-dev", "gcp-prod"])
        reports[name] = await planReport(dir, name);
}, 30_000);

// Per node at all-purpose rates (test/lib/cost.test.ts): AWS m4.large $0.32/h, Azure DS3_v2 $0.6425/h, GCP n1-standard-4 $0.781/h.
// dev: driver and 1 worker on spot (priced on-demand), 30 minutes idle; prod: driver and 2 workers on-demand, 60 minutes.
test.each([
    ["aws-dev", 0.64, 0.32, "workers on spot, priced on-demand (no published average): an upper bound"],
    ["aws-prod", 0.96, 0.96, "on-demand"],
    ["azure-dev", 1.29, 0.64, "workers on spot, priced on-demand (no published average): an upper bound"],
    ["azure-prod", 1.93, 1.93, "on-demand"],
    ["gcp-dev", 1.56, 0.78, "workers on spot, priced on-demand (no published average): an upper bound"],
    ["gcp-prod", 2.34, 2.34, "on-demand"],
])("%s: %s per hour, its idle tail, and the assumptions in JSON", (name, perHour, idle, spot) => {
    expect(reports[name].cost).toEqual({
        currency: "USD",
        clusterPerHour: perHour,
        idleTailPerStop: idle,
        unpriced: [],
        assumptions: { ratesVersion: "overwatch-2024-09+jobs-by-cloud", region: expect.any(String), tier: "premium", spot },
    });
    expect(JSON.parse(JSON.stringify(reports[name])).cost.clusterPerHour).toBe(perHour);
});

test("text and Markdown show the figure per hour, the Markdown with its dollars escaped for GitHub", () => {
    expect(renderPlan(reports["aws-dev"], "text")).toContain("\n== Price\n- interactive cluster: $0.64/h while it runs\n");
    expect(renderPlan(reports["aws-dev"], "markdown")).toContain("- interactive cluster: \\$0.64/h while it runs");
});

test("a difference shows the change in price", () => {
    const diff = diffPlans(reports["aws-dev"], reports["aws-prod"]);
    expect(diff.price).toBe("price: interactive cluster $0.64/h → $0.96/h");
    expect(renderDiff(diff, "dev", "main", "text")).toContain("\n$ price: interactive cluster $0.64/h → $0.96/h\n");
    expect(diffPlans(reports["aws-dev"], reports["aws-dev"]).price).toBeUndefined();
});

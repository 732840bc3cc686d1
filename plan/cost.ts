/**
 * The plan's price: what the declared clusters cost per hour at list prices
 * (lib/cost, lib/rates), the interactive cluster's idle tail before it stops,
 * and what a job's run costs per hour; and the change between two plans.
 */
import { type ClusterPrice, clusterPricePerHour, formatPerHour, round } from "../lib/cost";
import { DBU_PRICES, RATES_VERSION } from "../lib/rates";
import type { PlannedResource } from "./evaluate";

const CLUSTER = "databricks:index/cluster:Cluster";
const JOB = "databricks:index/job:Job";

export interface PlanCost {
    currency: "USD";
    /** The interactive clusters per running hour; null when the stack has none (serverless) or one is unpriced. */
    clusterPerHour: number | null;
    /** What each stop costs in idle time first: autotermination's minutes at the cluster's price. */
    idleTailPerStop?: number;
    /** A job run per hour on its job clusters, with job: true. */
    jobPerRunHour?: number;
    /** What is not priced, and why. */
    unpriced: string[];
    assumptions: { ratesVersion: string; region: string; tier: string; spot: string };
}

/** The clusters a job declares for its runs: its job clusters and any task's own. */
function jobClustersOf(props: Record<string, any>): Record<string, any>[] {
    const clusters = (props.jobClusters ?? []).map((cluster: any) => cluster?.newCluster).filter(Boolean);
    return [...clusters, ...(props.tasks ?? []).map((task: any) => task?.newCluster).filter(Boolean)];
}

function sum(prices: ClusterPrice[], unpriced: string[], what: string): number | undefined {
    let total = 0;
    for (const price of prices) {
        if ("unpriced" in price) unpriced.push(`${what}: ${price.unpriced}`);
        else total += price.perHour;
    }
    // Unrounded: the idle tail is a share of it, rounded once at the end.
    return prices.some((price) => "unpriced" in price) ? undefined : total;
}

export function planCost(resources: readonly PlannedResource[]): PlanCost {
    const unpriced: string[] = [];
    const clusters = resources.filter((resource) => resource.type === CLUSTER);
    const jobs = resources.filter((resource) => resource.type === JOB);
    const interactive = clusters.map((cluster) => clusterPricePerHour(cluster.inputs, "allPurpose"));
    const clusterPerHour = clusters.length === 0 ? undefined : sum(interactive, unpriced, "the interactive cluster");
    if (clusters.length === 0) unpriced.push("serverless compute: the rates table has no serverless DBU price");
    const runClusters = jobs.flatMap((job) => jobClustersOf(job.inputs));
    const jobPerRunHour =
        jobs.length === 0 || runClusters.length === 0
            ? undefined
            : sum(
                  runClusters.map((props) => clusterPricePerHour(props, "jobs")),
                  unpriced,
                  "the job",
              );
    const minutes = Number(clusters[0]?.inputs.autoterminationMinutes ?? 0);
    const spot = [...interactive].some((price) => "perHour" in price && price.spotPricedOnDemand);
    return {
        currency: "USD",
        clusterPerHour: clusterPerHour === undefined ? null : round(clusterPerHour),
        ...(clusterPerHour !== undefined && minutes > 0 ? { idleTailPerStop: round((clusterPerHour * minutes) / 60) } : {}),
        ...(jobPerRunHour !== undefined ? { jobPerRunHour: round(jobPerRunHour) } : {}),
        unpriced,
        assumptions: {
            ratesVersion: RATES_VERSION,
            region: "the list prices the rates' source gives, for no region it names",
            tier: DBU_PRICES.tier,
            spot: spot ? "workers on spot, priced on-demand (no published average): an upper bound" : "on-demand",
        },
    };
}

/** The price lines of a plan: per hour, idle tail, job run; then what is not priced. */
export function costLines(cost: PlanCost): string[] {
    const lines = [
        cost.clusterPerHour === null
            ? "interactive cluster: none priced"
            : `interactive cluster: ${formatPerHour(cost.clusterPerHour)} while it runs`,
    ];
    if (cost.idleTailPerStop !== undefined)
        lines.push(`idle tail before autotermination: $${cost.idleTailPerStop.toFixed(2)} each time it is left idle`);
    if (cost.jobPerRunHour !== undefined) lines.push(`job: ${formatPerHour(cost.jobPerRunHour)} of run time`);
    lines.push(...cost.unpriced.map((reason) => `not priced: ${reason}`));
    const { ratesVersion, tier, spot } = cost.assumptions;
    lines.push(`list prices (rates ${ratesVersion}, ${tier} tier, ${spot}), before discounts, storage and network`);
    return lines;
}

/** The change in price between two plans, or undefined when there is none. */
export function costChange(before: PlanCost | undefined, after: PlanCost | undefined): string | undefined {
    const figure = (cost: PlanCost | undefined, key: "clusterPerHour" | "jobPerRunHour") => {
        const value = cost?.[key];
        return value === undefined || value === null ? "unpriced" : formatPerHour(value);
    };
    const changes = (["clusterPerHour", "jobPerRunHour"] as const)
        .filter((key) => figure(before, key) !== figure(after, key))
        .map((key) => `${key === "clusterPerHour" ? "interactive cluster" : "job"} ${figure(before, key)} → ${figure(after, key)}`);
    return changes.length > 0 ? `price: ${changes.join(", ")}` : undefined;
}

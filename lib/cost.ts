/**
 * What a cluster costs per hour at list prices (lib/rates): each node's DBUs
 * at its SKU's price (all-purpose for an interactive cluster, jobs compute for
 * a job's), plus each VM's on-demand price. Read from a cluster's declared
 * arguments, so the plan and the policy pack price what is declared.
 */
import { CLOUD_PROFILES, type Cloud } from "./clouds";
import { clusterCloud, clustersOf } from "./declaredClusters";
import { DBU_PRICES, NODE_RATES, RATES_VERSION } from "./rates";

export type Sku = "allPurpose" | "jobs";

/** A cluster's price per hour (unrounded: sums and shares of it are rounded once, by who shows them), or why there is none. */
export type ClusterPrice = { perHour: number; spotPricedOnDemand: boolean } | { unpriced: string };

/** The price per hour of a node type on a SKU, or undefined when the rates table has no row for it. */
export function nodePricePerHour(cloud: Cloud, nodeType: string, sku: Sku): number | undefined {
    const rate = NODE_RATES[cloud][nodeType];
    return rate && rate.dbuPerHour * DBU_PRICES[sku][cloud] + rate.onDemandPerHour;
}

/** A running cluster's price per hour: its driver and its workers, from the Clusters API's arguments. */
export function clusterPricePerHour(props: Record<string, any>, sku: Sku): ClusterPrice {
    const cloud = clusterCloud(props);
    if (!cloud) return { unpriced: "no cloud attributes to tell its cloud by" };
    const workerType = props.nodeTypeId;
    const driverType = props.driverNodeTypeId ?? workerType;
    const [worker, driver] = [workerType, driverType].map((type) => nodePricePerHour(cloud, type, sku));
    const missing = [...new Set([worker === undefined && workerType, driver === undefined && driverType].filter(Boolean))];
    if (missing.length > 0 || worker === undefined || driver === undefined)
        return { unpriced: `no ${cloud} rate for ${missing.join(", ")} in the rates table (${RATES_VERSION})` };
    const workers = Number(props.numWorkers ?? 0);
    const availability = String(props[CLOUD_PROFILES[cloud].cloudAttributesArg]?.availability ?? "");
    return { perHour: driver + workers * worker, spotPricedOnDemand: workers > 0 && /SPOT|PREEMPTIBLE/.test(availability) };
}

/**
 * What a resource's clusters cost per hour together: a Cluster's own, or all
 * of a Job's for one run; unpriced when any of them is. Undefined when it
 * declares none (a serverless job).
 */
export function resourcePricePerHour(type: string, props: Record<string, any>, sku: Sku): ClusterPrice | undefined {
    const prices = clustersOf(type, props).map((cluster) => clusterPricePerHour(cluster.props, sku));
    if (prices.length === 0) return undefined;
    const unpriced = prices.flatMap((price) => ("unpriced" in price ? [price.unpriced] : []));
    if (unpriced.length > 0) return { unpriced: unpriced.join("; ") };
    const priced = prices as Array<{ perHour: number; spotPricedOnDemand: boolean }>;
    return {
        perHour: priced.reduce((total, price) => total + price.perHour, 0),
        spotPricedOnDemand: priced.some((price) => price.spotPricedOnDemand),
    };
}

/** Cents, as the plan shows them: a sum of list prices is no more exact. */
export const round = (usd: number) => Math.round((usd + Number.EPSILON) * 100) / 100;

export const formatUsd = (usd: number) => `$${round(usd).toFixed(2)}`;

export const formatPerHour = (usd: number) => `${formatUsd(usd)}/h`;

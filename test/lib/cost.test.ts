/** The price of a cluster at list prices, computed here by hand from the rates table's rows. */
import { CLOUDS, CLOUD_PROFILES } from "../../lib/clouds";
import { clusterPricePerHour, formatPerHour, nodePricePerHour } from "../../lib/cost";
import { DBU_PRICES, NODE_RATES, RATE_SOURCES } from "../../lib/rates";
import { DEFAULT_NODE_TYPES } from "../../policy/shared";

const cluster = (cloud: "aws" | "azure" | "gcp", nodeType: string, numWorkers: number, availability: string) => ({
    nodeTypeId: nodeType,
    driverNodeTypeId: nodeType,
    numWorkers,
    [CLOUD_PROFILES[cloud].cloudAttributesArg]: { availability },
});

test("every node type the policy pack allows, on every cloud, has a rate: no allowed cluster goes unpriced", () => {
    for (const cloud of CLOUDS) {
        const missing = DEFAULT_NODE_TYPES[cloud].filter((type) => NODE_RATES[cloud][type] === undefined);
        expect([cloud, missing]).toEqual([cloud, []]);
        expect(NODE_RATES[cloud][CLOUD_PROFILES[cloud].defaultNodeType]).toBeDefined();
        expect(RATE_SOURCES[cloud].url).toMatch(/^https:\/\/github\.com\/databrickslabs\/overwatch\/blob\/[0-9a-f]{8}\//);
    }
});

test("Premium rates: $0.55 per all-purpose DBU on every cloud; jobs $0.15 on AWS and GCP, $0.30 on Azure", () => {
    expect(DBU_PRICES).toEqual({ tier: "premium", allPurpose: { aws: 0.55, azure: 0.55, gcp: 0.55 }, jobs: { aws: 0.15, azure: 0.3, gcp: 0.15 } });
});

describe.each([
    // AWS m4.large: 0.4 DBU/h, $0.10/h on demand. All-purpose node: 0.4 × 0.55 + 0.10 = $0.32/h; driver and 1 worker: $0.64/h.
    // Jobs node: 0.4 × 0.15 + 0.10 = $0.16/h.
    ["aws", "m4.large", 1, "SPOT_WITH_FALLBACK", 0.64, "$0.64/h", 0.16],
    // Azure Standard_DS3_v2: 0.75 DBU/h, $0.23/h. All-purpose node: 0.4125 + 0.23 = $0.6425/h; two: $1.285/h, shown as $1.29.
    // Jobs node at Azure's $0.30 per jobs DBU: 0.225 + 0.23 = $0.455/h.
    ["azure", "Standard_DS3_v2", 1, "SPOT_WITH_FALLBACK_AZURE", 1.285, "$1.29/h", 0.455],
    // GCP n1-standard-4: 0.71 DBU/h, $0.3905/h. All-purpose node: 0.3905 + 0.3905 = $0.781/h; two: $1.562/h, shown as $1.56.
    // Jobs node: 0.1065 + 0.3905 = $0.497/h.
    ["gcp", "n1-standard-4", 1, "PREEMPTIBLE_WITH_FALLBACK_GCP", 1.562, "$1.56/h", 0.497],
] as const)("%s, %s, one worker", (cloud, nodeType, workers, availability, perHour, shown, jobNodePerHour) => {
    test("the interactive cluster: driver and workers at all-purpose DBUs plus the VMs", () => {
        const price = clusterPricePerHour(cluster(cloud, nodeType, workers, availability), "allPurpose") as {
            perHour: number;
            spotPricedOnDemand: boolean;
        };
        expect(price.perHour).toBeCloseTo(perHour, 10);
        expect(price.spotPricedOnDemand).toBe(true);
        expect(formatPerHour(price.perHour)).toBe(shown);
    });

    test("a job cluster's node at jobs DBUs", () => {
        expect(nodePricePerHour(cloud, nodeType, "jobs")).toBeCloseTo(jobNodePerHour, 10);
    });
});

test("single-node, on-demand: the driver alone, and nothing said of spot", () => {
    // i3.xlarge: 1 DBU/h × 0.55 + $0.312/h = $0.862/h.
    const price = clusterPricePerHour(cluster("aws", "i3.xlarge", 0, "ON_DEMAND"), "allPurpose") as {
        perHour: number;
        spotPricedOnDemand: boolean;
    };
    expect(price.perHour).toBeCloseTo(0.862, 10);
    expect(price.spotPricedOnDemand).toBe(false);
});

test("a node type without a rate, or a cluster of no known cloud, is unpriced with the reason", () => {
    expect(clusterPricePerHour(cluster("aws", "p4d.24xlarge", 1, "ON_DEMAND"), "allPurpose")).toEqual({
        unpriced: "no aws rate for p4d.24xlarge in the rates table (overwatch-2024-09+jobs-by-cloud)",
    });
    expect(clusterPricePerHour({ nodeTypeId: "m4.large", numWorkers: 1 }, "allPurpose")).toEqual({
        unpriced: "no cloud attributes to tell its cloud by",
    });
});

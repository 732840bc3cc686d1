/** The interactive cluster, which the job cluster copies. */
import { CLUSTER_DEFAULTS } from "../../lib/clouds";
import type { KeyDeclaration } from "../keyTable";

export const CLUSTER_KEYS = {
    sparkVersion: {
        type: "string",
        default: CLUSTER_DEFAULTS.sparkVersion,
        description: "Databricks runtime of the cluster. The tutorial's 11.3 LTS is past end of support; the program warns.",
    },
    nodeType: {
        type: "string",
        default: "",
        description: "Worker node type. Empty: m4.large on AWS, Standard_DS3_v2 on Azure, n1-standard-4 on GCP.",
    },
    driverNodeType: {
        type: "string",
        default: "",
        description: "Driver node type. Empty: the same as nodeType.",
    },
    numWorkers: {
        type: "integer",
        default: CLUSTER_DEFAULTS.numWorkers,
        // A typo's guard (10^20 workers), well above any workspace's quota; the policy pack holds the real limit.
        range: { min: 0, max: 10_000 },
        allowed: "a whole number from 0 to 10000 (0 declares a single-node cluster)",
        description: "Fixed number of workers, no autoscaling. 0 declares a single-node cluster.",
    },
    autoterminationMinutes: {
        type: "integer",
        default: CLUSTER_DEFAULTS.autoterminationMinutes,
        range: { min: 10, max: 10_000 },
        allowed: 'a whole number of minutes from 10 to 10000 (0, "never stop", is refused: an idle cluster would run up costs)',
        description: "Idle minutes before the cluster stops, 10 to 10000.",
    },
    spot: {
        type: "boolean",
        default: CLUSTER_DEFAULTS.spot,
        description: "Workers on spot (AWS, Azure) or preemptible (GCP) VMs, falling back to on-demand; the driver stays on-demand.",
    },
    accessMode: {
        type: "string",
        default: CLUSTER_DEFAULTS.accessMode,
        values: ["SINGLE_USER", "NONE"],
        match: "upper",
        allowed: 'SINGLE_USER or NONE ("No isolation shared")',
        description: 'Cluster access mode, SINGLE_USER or NONE ("No isolation shared").',
    },
    clusterNoWait: {
        type: "boolean",
        default: false,
        description:
            "true: pulumi up returns without waiting for the cluster to reach RUNNING (cluster libraries then " +
            "install while it starts). The credential, Repo and notebook never wait for the cluster either way.",
    },
    singleUserName: {
        type: "string",
        default: "",
        description:
            "Owner of a SINGLE_USER cluster. Empty: environmentUser, else the identity that runs pulumi up " +
            "(refused when that is a service principal).",
    },
} as const satisfies Record<string, KeyDeclaration>;

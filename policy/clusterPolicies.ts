/**
 * The guardrails of a cluster, whether a Cluster or a Job declares it: cost
 * (size, idle time, spot) and safety (access, disks, runtime).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { CLOUD_PROFILES, type Cloud, POLICY_DEFAULT_LIMITS, awsNeedsEbs } from "../lib/clouds";
import { endOfSupportWarning, findLtsRelease } from "../lib/runtime";
import { type ConfigSchema, DEFAULT_NODE_TYPES, SPOT_AVAILABILITY, TYPES, clusterCloud, onClusters, onType, stackOf } from "./shared";

const maxAutoterminationSchema: ConfigSchema = {
    properties: { maxMinutes: { type: "integer", default: POLICY_DEFAULT_LIMITS.maxAutoterminationMinutes, minimum: 10 } },
};
export const maxAutotermination: ResourceValidationPolicy = {
    name: "max-autotermination",
    description: "Clusters stop when idle: autotermination is set, and not above the maximum.",
    enforcementLevel: "mandatory",
    configSchema: maxAutoterminationSchema,
    validateResource: onType<{ maxMinutes: number }>(TYPES.cluster, maxAutoterminationSchema, (props, { maxMinutes }, _args, report) => {
        const minutes = props.autoterminationMinutes;
        if (!minutes) report(`autoterminationMinutes is ${minutes ?? "unset"}: the cluster would never stop. Set 10 to ${maxMinutes}.`);
        else if (minutes > maxMinutes) report(`autoterminationMinutes is ${minutes}, above the maximum of ${maxMinutes}.`);
    }),
};

const spotWorkersSchema: ConfigSchema = {
    properties: { allowOnDemandStacks: { type: "array", items: { type: "string" }, default: ["prod"] } },
};
export const spotWorkers: ResourceValidationPolicy = {
    name: "spot-workers",
    description: "Workers run on spot or preemptible VMs unless the stack is allow-listed.",
    enforcementLevel: "mandatory",
    configSchema: spotWorkersSchema,
    validateResource: onClusters<{ allowOnDemandStacks: string[] }>(spotWorkersSchema, (props, { allowOnDemandStacks }, args, report) => {
        const stack = stackOf(args.urn);
        // Single-node: only a driver, which is on-demand anyway. An autoscale range has workers whatever numWorkers says.
        if (allowOnDemandStacks.includes(stack) || (props.numWorkers === 0 && !props.autoscale)) return;
        const cloud = clusterCloud(props);
        const attributes = cloud ? props[CLOUD_PROFILES[cloud].cloudAttributesArg] : undefined;
        const availability = attributes?.availability;
        const notListed = `stack "${stack}" is not in allowOnDemandStacks (${allowOnDemandStacks.join(", ") || "none"})`;
        if (!SPOT_AVAILABILITY.includes(availability)) {
            report(`workers run ${availability ?? "with no availability set"}, not spot or preemptible; ${notListed}.`);
        } else if ((attributes?.firstOnDemand ?? 0) > 1) {
            // firstOnDemand counts the driver: above 1, workers run on-demand too, whatever the availability says.
            report(
                `firstOnDemand is ${attributes.firstOnDemand}: the first ${attributes.firstOnDemand - 1} worker(s) run on-demand, not ` +
                    `spot; at most 1 (the driver); ${notListed}.`,
            );
        }
    }),
};

const maxWorkersSchema: ConfigSchema = {
    properties: { maxWorkers: { type: "integer", default: POLICY_DEFAULT_LIMITS.maxWorkers, minimum: 0 } },
};
export const maxWorkers: ResourceValidationPolicy = {
    name: "max-workers",
    description: "A cluster has at most the maximum number of workers, and never autoscales without a maximum.",
    enforcementLevel: "mandatory",
    configSchema: maxWorkersSchema,
    validateResource: onClusters<{ maxWorkers: number }>(maxWorkersSchema, (props, { maxWorkers: max }, _args, report) => {
        if (props.autoscale) {
            if (props.autoscale.maxWorkers === undefined) report("autoscale has no maxWorkers: the cluster could grow without bound.");
            else if (props.autoscale.maxWorkers > max)
                report(`autoscale.maxWorkers is ${props.autoscale.maxWorkers}, above the maximum of ${max}.`);
        } else if ((props.numWorkers ?? 0) > max) {
            report(`numWorkers is ${props.numWorkers}, above the maximum of ${max}.`);
        }
    }),
};

export const accessMode: ResourceValidationPolicy = {
    name: "access-mode",
    description: "Clusters use access mode SINGLE_USER or NONE, as the tutorial does.",
    enforcementLevel: "mandatory",
    validateResource: onClusters(undefined, (props, _config, _args, report) => {
        if (!["SINGLE_USER", "NONE"].includes(props.dataSecurityMode)) {
            report(`dataSecurityMode is ${props.dataSecurityMode ?? "unset"}; allowed: SINGLE_USER or NONE.`);
        }
    }),
};

const nodeTypesSchema: ConfigSchema = {
    properties: {
        aws: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.aws },
        azure: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.azure },
        gcp: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.gcp },
    },
};
export const nodeTypes: ResourceValidationPolicy = {
    name: "node-types",
    description: "Worker and driver node types come from the cloud's allow-list.",
    enforcementLevel: "mandatory",
    configSchema: nodeTypesSchema,
    validateResource: onClusters<Record<Cloud, string[]>>(nodeTypesSchema, (props, config, _args, report) => {
        for (const key of ["instancePoolId", "driverInstancePoolId"]) {
            if (props[key] !== undefined)
                report(
                    `${key} is set: the pool decides the node type, which no allow-list can check here; ` +
                        "use nodeTypeId and driverNodeTypeId.",
                );
        }
        const cloud = clusterCloud(props);
        if (!cloud)
            return report(
                "the cluster has no awsAttributes, azureAttributes or gcpAttributes, so its cloud's allow-list cannot be applied.",
            );
        const allowed = config[cloud];
        for (const key of ["nodeTypeId", "driverNodeTypeId"]) {
            const nodeType = props[key];
            if (nodeType !== undefined && !allowed.includes(nodeType))
                report(`${key} ${nodeType} is not in the ${cloud} allow-list (${allowed.join(", ")}).`);
        }
    }),
};

export const awsClusterDisk: ResourceValidationPolicy = {
    name: "aws-cluster-disk",
    description: "An AWS cluster whose node type has no instance store gets EBS volumes; the Clusters API refuses it otherwise.",
    enforcementLevel: "mandatory",
    validateResource: onClusters(undefined, (props, _config, _args, report) => {
        const attributes = props.awsAttributes;
        if (!attributes) return;
        const nodeTypes = [props.nodeTypeId, props.driverNodeTypeId].filter((nodeType): nodeType is string => typeof nodeType === "string");
        const needing = nodeTypes.filter(awsNeedsEbs);
        if (needing.length > 0 && !((attributes.ebsVolumeCount ?? 0) >= 1) && props.enableElasticDisk !== true) {
            report(
                `${[...new Set(needing)].join(", ")} has no instance store, and awsAttributes.ebsVolumeCount is ` +
                    `${attributes.ebsVolumeCount ?? "unset"}: set at least one EBS volume.`,
            );
        }
    }),
};

/** The date runtime support is judged against; a function so tests can fix it. */
export let policyClock = () => new Date();
export function setPolicyClock(clock: () => Date): void {
    policyClock = clock;
}

export const supportedRuntime: ResourceValidationPolicy = {
    name: "supported-runtime",
    description: "The Databricks runtime is not past its end of support.",
    enforcementLevel: "advisory",
    validateResource: onClusters(undefined, (props, _config, _args, report) => {
        const sparkVersion = String(props.sparkVersion ?? "");
        if (!findLtsRelease(sparkVersion))
            return report(
                `sparkVersion ${sparkVersion || "(unset)"} is not a known LTS runtime, so its support cannot be confirmed; use an LTS ` +
                    `such as 15.4.x-scala2.12.`,
            );
        const warning = endOfSupportWarning(sparkVersion, policyClock());
        if (warning) report(warning);
    }),
};

export const jobClusters: ResourceValidationPolicy = {
    name: "job-clusters",
    description:
        "Every task of a job runs on a cluster made for the run, which the other policies check, or the whole job runs on serverless " +
        "compute (compute: serverless: no cluster anywhere; notebook tasks, or wheel tasks naming a declared environment): never on " +
        "an interactive cluster, and no task falls to serverless compute by a missing cluster.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.job, undefined, (props, _config, _args, report) => {
        const keys = new Set((props.jobClusters ?? []).map((cluster: any) => cluster?.jobClusterKey));
        const environments = new Set((props.environments ?? []).map((environment: any) => environment?.environmentKey));
        // On serverless a notebook task needs nothing more; a wheel task, an environment that installs the wheel.
        const runsServerless = (task: any) =>
            task?.notebookTask || (task?.environmentKey !== undefined && environments.has(task.environmentKey));
        // A job that declares no cluster at all is serverless by choice; a task with none beside declared ones is a slip.
        const serverless = keys.size === 0 && !props.newCluster && (props.tasks ?? []).every((task: any) => !task?.newCluster);
        if (props.existingClusterId !== undefined)
            report(
                `existingClusterId is set: the job would run on the interactive cluster ${props.existingClusterId}, which never stops ` +
                    `between runs of a schedule; use jobClusters.`,
            );
        for (const task of props.tasks ?? []) {
            if (task?.existingClusterId !== undefined)
                report(
                    `task ${task.taskKey} runs on the existing cluster ${task.existingClusterId}; give it a job cluster (jobClusterKey).`,
                );
            else if (task?.jobClusterKey !== undefined && !keys.has(task.jobClusterKey))
                report(`task ${task.taskKey} names the job cluster ${task.jobClusterKey}, which jobClusters does not declare.`);
            else if (task?.jobClusterKey === undefined && !task?.newCluster && !(serverless && runsServerless(task)))
                report(
                    `task ${task?.taskKey} has no cluster, so it would run on serverless compute while the job declares clusters; give ` +
                        `it a job cluster (jobClusterKey).`,
                );
        }
    }),
};

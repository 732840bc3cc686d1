/**
 * The guardrails as plain policy objects, importable without starting the
 * pack's server (index.ts does that). Each has an enforcement level and
 * config with defaults; the README documents them.
 */
import type { PolicyConfigSchema, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { CLOUDS, CLOUD_PROFILES, type Cloud, POLICY_DEFAULT_LIMITS, awsNeedsEbs } from "../lib/clouds";
import { endOfSupportWarning, findLtsRelease } from "../lib/runtime";

export const PACK_NAME = "databricks-kedro-guardrails";

export const TYPES = {
    cluster: "databricks:index/cluster:Cluster",
    job: "databricks:index/job:Job",
    githubRepository: "github:index/repository:Repository",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3EncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    azureWorkspace: "azure-native:databricks:Workspace",
    azureClassicWorkspace: "azure:databricks/workspace:Workspace",
} as const;

/** Each cloud's allow-list starts with the tutorial's worker type. */
export const DEFAULT_NODE_TYPES: Record<Cloud, string[]> = {
    aws: [CLOUD_PROFILES.aws.defaultNodeType, "m5.large", "m5.xlarge", "m5d.large", "m5d.xlarge", "i3.xlarge", "r5.large", "r5.xlarge"],
    azure: [CLOUD_PROFILES.azure.defaultNodeType, "Standard_DS4_v2", "Standard_D4ds_v5", "Standard_D8ds_v5", "Standard_E4ds_v5", "Standard_E8ds_v5"],
    gcp: [CLOUD_PROFILES.gcp.defaultNodeType, "n1-standard-8", "n2-standard-4", "n2-standard-8", "n2-highmem-4", "n2-highmem-8"],
};

const SPOT_AVAILABILITY = ["SPOT", "SPOT_WITH_FALLBACK", "SPOT_AZURE", "SPOT_WITH_FALLBACK_AZURE", "PREEMPTIBLE_GCP", "PREEMPTIBLE_WITH_FALLBACK_GCP"];

/** The stack a resource belongs to, from its URN (urn:pulumi:<stack>::<project>::…). */
export function stackOf(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/** The cloud of a cluster, from the availability attributes it carries. */
export function clusterCloud(props: Record<string, any>): Cloud | undefined {
    return CLOUDS.find((cloud) => props[CLOUD_PROFILES[cloud].attributesArg]);
}

type ConfigSchema = PolicyConfigSchema;

/** The defaults a policy's config schema declares. */
export function configDefaults(schema: ConfigSchema | undefined): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(schema?.properties ?? {})
            .filter(([, property]) => property.default !== undefined)
            .map(([key, property]) => [key, property.default]),
    );
}

/**
 * A resource validation that runs only on one type, with its props and its
 * config first. The config is the schema's defaults under whatever the
 * engine passed, so a policy never reads an unset limit as "no limit".
 */
function onType<C extends object = Record<string, never>>(
    type: string | readonly string[],
    schema: ConfigSchema | undefined,
    validate: (props: Record<string, any>, config: C, args: ResourceValidationArgs, report: ReportViolation) => void,
) {
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if ((typeof type === "string" ? [type] : type).includes(args.type)) validate(args.props, { ...configDefaults(schema), ...args.getConfig<object>() } as C, args, report);
    };
}

/** A cluster a resource declares: the interactive cluster itself, or one a job makes for its runs. */
export interface DeclaredCluster {
    /** "" for a Cluster; "job cluster <key>: " or "task <key>: " in a Job, to prefix its violations. */
    label: string;
    props: Record<string, any>;
}

/** The clusters a resource declares: a Cluster is one; a Job has its job clusters and any task or job-level new cluster. */
export function clustersOf(type: string, props: Record<string, any>): DeclaredCluster[] {
    if (type === TYPES.cluster) return [{ label: "", props }];
    if (type !== TYPES.job) return [];
    const clusters: DeclaredCluster[] = [];
    for (const jobCluster of props.jobClusters ?? []) {
        if (jobCluster?.newCluster) clusters.push({ label: `job cluster ${jobCluster.jobClusterKey}: `, props: jobCluster.newCluster });
    }
    for (const task of props.tasks ?? []) if (task?.newCluster) clusters.push({ label: `task ${task.taskKey}: `, props: task.newCluster });
    if (props.newCluster) clusters.push({ label: "job: ", props: props.newCluster });
    return clusters;
}

/** As onType, for every cluster a Cluster or a Job declares: the job's clusters are held to the same rules. */
function onClusters<C extends object = Record<string, never>>(
    schema: ConfigSchema | undefined,
    validate: (props: Record<string, any>, config: C, args: ResourceValidationArgs, report: ReportViolation) => void,
) {
    return onType<C>([TYPES.cluster, TYPES.job], schema, (props, config, args, report) => {
        for (const cluster of clustersOf(args.type, props)) validate(cluster.props, config, args, (message, urn) => report(`${cluster.label}${message}`, urn));
    });
}

const maxAutoterminationSchema: ConfigSchema = { properties: { maxMinutes: { type: "integer", default: POLICY_DEFAULT_LIMITS.maxAutoterminationMinutes, minimum: 10 } } };
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

const spotWorkersSchema: ConfigSchema = { properties: { allowOnDemandStacks: { type: "array", items: { type: "string" }, default: ["prod"] } } };
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
        const attributes = cloud ? props[CLOUD_PROFILES[cloud].attributesArg] : undefined;
        const availability = attributes?.availability;
        const notListed = `stack "${stack}" is not in allowOnDemandStacks (${allowOnDemandStacks.join(", ") || "none"})`;
        if (!SPOT_AVAILABILITY.includes(availability)) {
            report(`workers run ${availability ?? "with no availability set"}, not spot or preemptible; ${notListed}.`);
        } else if ((attributes?.firstOnDemand ?? 0) > 1) {
            // firstOnDemand counts the driver: above 1, workers run on-demand too, whatever the availability says.
            report(`firstOnDemand is ${attributes.firstOnDemand}: the first ${attributes.firstOnDemand - 1} worker(s) run on-demand, not spot; at most 1 (the driver); ${notListed}.`);
        }
    }),
};

const maxWorkersSchema: ConfigSchema = { properties: { maxWorkers: { type: "integer", default: POLICY_DEFAULT_LIMITS.maxWorkers, minimum: 0 } } };
export const maxWorkers: ResourceValidationPolicy = {
    name: "max-workers",
    description: "A cluster has at most the maximum number of workers, and never autoscales without a maximum.",
    enforcementLevel: "mandatory",
    configSchema: maxWorkersSchema,
    validateResource: onClusters<{ maxWorkers: number }>(maxWorkersSchema, (props, { maxWorkers: max }, _args, report) => {
        if (props.autoscale) {
            if (props.autoscale.maxWorkers === undefined) report("autoscale has no maxWorkers: the cluster could grow without bound.");
            else if (props.autoscale.maxWorkers > max) report(`autoscale.maxWorkers is ${props.autoscale.maxWorkers}, above the maximum of ${max}.`);
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
            if (props[key] !== undefined) report(`${key} is set: the pool decides the node type, which no allow-list can check here; use nodeTypeId and driverNodeTypeId.`);
        }
        const cloud = clusterCloud(props);
        if (!cloud) return report("the cluster has no awsAttributes, azureAttributes or gcpAttributes, so its cloud's allow-list cannot be applied.");
        const allowed = config[cloud];
        for (const key of ["nodeTypeId", "driverNodeTypeId"]) {
            const nodeType = props[key];
            if (nodeType !== undefined && !allowed.includes(nodeType)) report(`${key} ${nodeType} is not in the ${cloud} allow-list (${allowed.join(", ")}).`);
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
            report(`${[...new Set(needing)].join(", ")} has no instance store, and awsAttributes.ebsVolumeCount is ${attributes.ebsVolumeCount ?? "unset"}: set at least one EBS volume.`);
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
        if (!findLtsRelease(sparkVersion)) return report(`sparkVersion ${sparkVersion || "(unset)"} is not a known LTS runtime, so its support cannot be confirmed; use an LTS such as 15.4.x-scala2.12.`);
        const warning = endOfSupportWarning(sparkVersion, policyClock());
        if (warning) report(warning);
    }),
};

export const jobClusters: ResourceValidationPolicy = {
    name: "job-clusters",
    description: "Every task of a job runs on a cluster made for the run, which the other policies check: never on an interactive cluster or unchecked serverless compute.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.job, undefined, (props, _config, _args, report) => {
        const keys = new Set((props.jobClusters ?? []).map((cluster: any) => cluster?.jobClusterKey));
        if (props.existingClusterId !== undefined) report(`existingClusterId is set: the job would run on the interactive cluster ${props.existingClusterId}, which never stops between runs of a schedule; use jobClusters.`);
        for (const task of props.tasks ?? []) {
            if (task?.existingClusterId !== undefined) report(`task ${task.taskKey} runs on the existing cluster ${task.existingClusterId}; give it a job cluster (jobClusterKey).`);
            else if (task?.jobClusterKey !== undefined && !keys.has(task.jobClusterKey)) report(`task ${task.taskKey} names the job cluster ${task.jobClusterKey}, which jobClusters does not declare.`);
            else if (task?.jobClusterKey === undefined && !task?.newCluster) report(`task ${task?.taskKey} has no cluster, so it would run on serverless compute, which no guardrail checks; give it a job cluster (jobClusterKey).`);
        }
    }),
};

export const githubRepositorySafe: ResourceValidationPolicy = {
    name: "github-repository-safe",
    description: "The Kedro project's GitHub repository is private and is archived, not deleted, on destroy.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.githubRepository, undefined, (props, _config, _args, report) => {
        // visibility wins over the deprecated private flag when both are set, so each must say private.
        const visibility = props.visibility;
        if ((visibility !== undefined && visibility !== "private") || props.private === false || (visibility === undefined && props.private !== true)) {
            report(`visibility is ${visibility ?? "unset"} and private is ${props.private ?? "unset"}; the repository must be private.`);
        }
        if (props.archiveOnDestroy !== true) report("archiveOnDestroy is not true: pulumi destroy would delete the repository and its code.");
    }),
};

export const s3RootBucketSecure: StackValidationPolicy = {
    name: "s3-root-bucket-secure",
    description: "Every S3 bucket blocks all public access and is encrypted.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const ofType = (...types: string[]) => args.resources.filter((resource) => types.includes(resource.type));
        const blocks = ofType(TYPES.s3PublicAccessBlock);
        const encryptions = ofType(TYPES.s3Encryption, TYPES.s3EncryptionV2);
        const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
        for (const bucket of ofType(TYPES.s3Bucket, TYPES.s3BucketV2)) {
            const ids = [bucket.props.bucket, bucket.props.id].filter(Boolean);
            // Every block on the bucket counts: the last one applied wins, so one open block opens it.
            const own = blocks.filter((resource) => ids.includes(resource.props.bucket));
            if (own.length === 0) report(`bucket ${bucket.name} has no public access block.`, bucket.urn);
            for (const block of own) {
                const open = flags.filter((flag) => block.props[flag] !== true);
                if (open.length > 0) report(`bucket ${bucket.name}'s public access block ${block.name} leaves ${open.join(", ")} off.`, block.urn);
            }
            if (!encryptions.some((resource) => ids.includes(resource.props.bucket))) {
                report(`bucket ${bucket.name} has no server-side encryption configuration.`, bucket.urn);
            }
        }
    },
};

export const azureNoPublicIp: ResourceValidationPolicy = {
    name: "azure-no-public-ip",
    description: "An Azure Databricks workspace uses secure cluster connectivity (no public IP).",
    enforcementLevel: "mandatory",
    validateResource: onType([TYPES.azureWorkspace, TYPES.azureClassicWorkspace], undefined, (props, _config, args, report) => {
        if (args.type === TYPES.azureClassicWorkspace) {
            if (props.customParameters?.noPublicIp !== true) report("customParameters.noPublicIp is not true: cluster nodes would get public IPs.");
        } else if (props.parameters?.enableNoPublicIp?.value !== true) report("parameters.enableNoPublicIp is not true: cluster nodes would get public IPs.");
    }),
};

export const policies: Array<ResourceValidationPolicy | StackValidationPolicy> = [
    maxAutotermination,
    spotWorkers,
    maxWorkers,
    accessMode,
    nodeTypes,
    awsClusterDisk,
    supportedRuntime,
    jobClusters,
    githubRepositorySafe,
    s3RootBucketSecure,
    azureNoPublicIp,
];

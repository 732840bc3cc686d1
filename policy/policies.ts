/**
 * The guardrails as plain policy objects, importable without starting the
 * pack's server (index.ts does that). Each has an enforcement level and
 * config with defaults; the README documents them.
 */
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { Secret } from "@pulumi/policy";
import { CLOUDS, CLOUD_PROFILES, type Cloud } from "../config/clouds";
import { endOfSupportWarning } from "../lib/runtime";

// The SDK hands policies props through a proxy; this module (untyped) names the key of its raw target.
const { getSpecialProxyTarget } = require("@pulumi/policy/proxy") as { getSpecialProxyTarget?: symbol };

export const TYPES = {
    cluster: "databricks:index/cluster:Cluster",
    gitCredential: "databricks:index/gitCredential:GitCredential",
    githubRepository: "github:index/repository:Repository",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    azureWorkspace: "azure-native:databricks:Workspace",
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

/**
 * Whether a property was registered as a secret. Policies see secrets
 * unwrapped through a proxy; its raw target still holds the Secret markers.
 */
export function isSecretProperty(props: Record<string, any>, key: string): boolean {
    const target = getSpecialProxyTarget ? (props as Record<symbol, Record<string, unknown>>)[getSpecialProxyTarget] : undefined;
    return (target ?? props)[key] instanceof Secret;
}

/** A resource validation that runs only on one type, with its props first. */
function onType(type: string, validate: (props: Record<string, any>, args: ResourceValidationArgs, report: ReportViolation) => void) {
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if (args.type === type) validate(args.props, args, report);
    };
}

export const maxAutotermination: ResourceValidationPolicy = {
    name: "max-autotermination",
    description: "Clusters stop when idle: autotermination is set, and not above the maximum.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { maxMinutes: { type: "integer", default: 60, minimum: 10 } } },
    validateResource: onType(TYPES.cluster, (props, args, report) => {
        const { maxMinutes } = args.getConfig<{ maxMinutes: number }>();
        const minutes = props.autoterminationMinutes;
        if (!minutes) report(`autoterminationMinutes is ${minutes ?? "unset"}: the cluster would never stop. Set 10 to ${maxMinutes}.`);
        else if (minutes > maxMinutes) report(`autoterminationMinutes is ${minutes}, above the maximum of ${maxMinutes}.`);
    }),
};

export const spotWorkers: ResourceValidationPolicy = {
    name: "spot-workers",
    description: "Workers run on spot or preemptible VMs unless the stack is allow-listed.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { allowOnDemandStacks: { type: "array", items: { type: "string" }, default: ["prod"] } } },
    validateResource: onType(TYPES.cluster, (props, args, report) => {
        const { allowOnDemandStacks } = args.getConfig<{ allowOnDemandStacks: string[] }>();
        const stack = stackOf(args.urn);
        if (allowOnDemandStacks.includes(stack) || props.numWorkers === 0) return;
        const cloud = clusterCloud(props);
        const availability = cloud ? props[CLOUD_PROFILES[cloud].attributesArg].availability : undefined;
        if (!SPOT_AVAILABILITY.includes(availability)) {
            report(`workers run ${availability ?? "with no availability set"}, not spot or preemptible; stack "${stack}" is not in allowOnDemandStacks (${allowOnDemandStacks.join(", ") || "none"}).`);
        }
    }),
};

export const maxWorkers: ResourceValidationPolicy = {
    name: "max-workers",
    description: "A cluster has at most the maximum number of workers, and never autoscales without a maximum.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { maxWorkers: { type: "integer", default: 4, minimum: 0 } } },
    validateResource: onType(TYPES.cluster, (props, args, report) => {
        const { maxWorkers: max } = args.getConfig<{ maxWorkers: number }>();
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
    validateResource: onType(TYPES.cluster, (props, _args, report) => {
        if (!["SINGLE_USER", "NONE"].includes(props.dataSecurityMode)) {
            report(`dataSecurityMode is ${props.dataSecurityMode ?? "unset"}; allowed: SINGLE_USER or NONE.`);
        }
    }),
};

export const nodeTypes: ResourceValidationPolicy = {
    name: "node-types",
    description: "Worker and driver node types come from the cloud's allow-list.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            aws: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.aws },
            azure: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.azure },
            gcp: { type: "array", items: { type: "string" }, default: DEFAULT_NODE_TYPES.gcp },
        },
    },
    validateResource: onType(TYPES.cluster, (props, args, report) => {
        const cloud = clusterCloud(props);
        if (!cloud) return report("the cluster has no awsAttributes, azureAttributes or gcpAttributes, so its cloud's allow-list cannot be applied.");
        const allowed = args.getConfig<Record<string, string[]>>()[cloud];
        for (const key of ["nodeTypeId", "driverNodeTypeId"]) {
            const nodeType = props[key];
            if (nodeType !== undefined && !allowed.includes(nodeType)) report(`${key} ${nodeType} is not in the ${cloud} allow-list (${allowed.join(", ")}).`);
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
    validateResource: onType(TYPES.cluster, (props, _args, report) => {
        const warning = endOfSupportWarning(String(props.sparkVersion ?? ""), policyClock());
        if (warning) report(warning);
    }),
};

export const gitTokenSecret: ResourceValidationPolicy = {
    name: "git-token-secret",
    description: "A Git credential's personal access token is a secret.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.gitCredential, (props, _args, report) => {
        if (props.personalAccessToken !== undefined && !isSecretProperty(props, "personalAccessToken")) {
            report("personalAccessToken is not a secret: set it with pulumi config set --secret gitToken <token>.");
        }
    }),
};

export const githubRepositorySafe: ResourceValidationPolicy = {
    name: "github-repository-safe",
    description: "The Kedro project's GitHub repository is private and is archived, not deleted, on destroy.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.githubRepository, (props, _args, report) => {
        if (props.visibility !== "private" && props.private !== true) report(`visibility is ${props.visibility ?? "unset"}; the repository must be private.`);
        if (props.archiveOnDestroy !== true) report("archiveOnDestroy is not true: pulumi destroy would delete the repository and its code.");
    }),
};

export const s3RootBucketSecure: StackValidationPolicy = {
    name: "s3-root-bucket-secure",
    description: "Every S3 bucket blocks all public access and is encrypted.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const ofType = (type: string) => args.resources.filter((resource) => resource.type === type);
        const blocks = ofType(TYPES.s3PublicAccessBlock);
        const encryptions = ofType(TYPES.s3Encryption);
        const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
        for (const bucket of ofType(TYPES.s3Bucket)) {
            const ids = [bucket.props.bucket, bucket.props.id].filter(Boolean);
            const block = blocks.find((resource) => ids.includes(resource.props.bucket));
            if (!block) report(`bucket ${bucket.name} has no public access block.`, bucket.urn);
            else {
                const open = flags.filter((flag) => block.props[flag] !== true);
                if (open.length > 0) report(`bucket ${bucket.name}'s public access block leaves ${open.join(", ")} off.`, block.urn);
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
    validateResource: onType(TYPES.azureWorkspace, (props, _args, report) => {
        if (props.parameters?.enableNoPublicIp?.value !== true) report("parameters.enableNoPublicIp is not true: cluster nodes would get public IPs.");
    }),
};

export const policies: Array<ResourceValidationPolicy | StackValidationPolicy> = [
    maxAutotermination,
    spotWorkers,
    maxWorkers,
    accessMode,
    nodeTypes,
    supportedRuntime,
    gitTokenSecret,
    githubRepositorySafe,
    s3RootBucketSecure,
    azureNoPublicIp,
];

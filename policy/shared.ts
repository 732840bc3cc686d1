/** What the guardrails share: the resource types they judge, the allow-lists, and how a policy finds its resources' clusters. */
import type { PolicyConfigSchema, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { CLOUD_PROFILES, type Cloud } from "../lib/clouds";
import { CLUSTER_TYPE, JOB_TYPE, clustersOf } from "../lib/declaredClusters";

export { type DeclaredCluster, clusterCloud, clustersOf } from "../lib/declaredClusters";

export const PACK_NAME = "databricks-kedro-guardrails";

export const TYPES = {
    cluster: CLUSTER_TYPE,
    job: JOB_TYPE,
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
    azure: [
        CLOUD_PROFILES.azure.defaultNodeType,
        "Standard_DS4_v2",
        "Standard_D4ds_v5",
        "Standard_D8ds_v5",
        "Standard_E4ds_v5",
        "Standard_E8ds_v5",
    ],
    gcp: [CLOUD_PROFILES.gcp.defaultNodeType, "n1-standard-8", "n2-standard-4", "n2-standard-8", "n2-highmem-4", "n2-highmem-8"],
};

export const SPOT_AVAILABILITY = [
    "SPOT",
    "SPOT_WITH_FALLBACK",
    "SPOT_AZURE",
    "SPOT_WITH_FALLBACK_AZURE",
    "PREEMPTIBLE_GCP",
    "PREEMPTIBLE_WITH_FALLBACK_GCP",
];

/** The stack a resource belongs to, from its URN (urn:pulumi:<stack>::<project>::…). */
export function stackOf(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

export type ConfigSchema = PolicyConfigSchema;

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
export function onType<C extends object = Record<string, never>>(
    type: string | readonly string[],
    schema: ConfigSchema | undefined,
    validate: (props: Record<string, any>, config: C, args: ResourceValidationArgs, report: ReportViolation) => void,
) {
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if ((typeof type === "string" ? [type] : type).includes(args.type))
            validate(args.props, { ...configDefaults(schema), ...args.getConfig<object>() } as C, args, report);
    };
}

/** As onType, for every cluster a Cluster or a Job declares: the job's clusters are held to the same rules. */
export function onClusters<C extends object = Record<string, never>>(
    schema: ConfigSchema | undefined,
    validate: (props: Record<string, any>, config: C, args: ResourceValidationArgs, report: ReportViolation) => void,
) {
    return onType<C>([TYPES.cluster, TYPES.job], schema, (props, config, args, report) => {
        for (const cluster of clustersOf(args.type, props))
            validate(cluster.props, config, args, (message, urn) => report(`${cluster.label}${message}`, urn));
    });
}

/**
 * The per-cloud table. Every default that differs between AWS, Azure and GCP
 * is decided here and nowhere else.
 */

export const CLOUDS = ["aws", "azure", "gcp"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** Cluster availability settings as the Databricks provider takes them. */
export interface CloudAttributes {
    availability: string;
    firstOnDemand?: number;
    zoneId?: string;
    spotBidMaxPrice?: number;
    ebsVolumeType?: string;
    ebsVolumeCount?: number;
    ebsVolumeSize?: number;
}

export interface CloudProfile {
    /** Human name used in messages. */
    label: string;
    /** The tutorial's recommended worker type; the driver uses the same. */
    defaultNodeType: string;
    /** Which `databricks.Cluster` argument carries the availability settings. */
    cloudAttributesArg: "awsAttributes" | "azureAttributes" | "gcpAttributes";
    /** Driver on-demand, worker on spot/preemptible, falling back to on-demand. */
    spotAttributes: CloudAttributes;
    /** Explicit on-demand: on AWS an unset availability means spot. */
    onDemandAttributes: CloudAttributes;
    /** Workspace host suffixes that identify the cloud. */
    hostSuffixes: readonly string[];
    /** Recognises this cloud's node type names. */
    nodeTypePattern: RegExp;
    /** An example node type for messages. */
    nodeTypeExample: string;
    /** Node types with GPUs, which a GPU runtime needs; an example for messages. */
    gpuNodeTypePattern: RegExp;
    gpuNodeTypeExample: string;
    /** Disk attributes a node type needs to be accepted by the Clusters API; none when its local disk serves. */
    diskAttributes: (nodeType: string) => Partial<CloudAttributes>;
}

/**
 * One general-purpose SSD of 100 GB per node. The Clusters API refuses a node
 * type without an instance store (m4.large, m5.xlarge) unless at least one EBS
 * volume is attached; the UI adds one silently, the API does not.
 */
export const AWS_EBS_VOLUMES = { ebsVolumeType: "GENERAL_PURPOSE_SSD", ebsVolumeCount: 1, ebsVolumeSize: 100 } as const;

/**
 * EC2 families whose every size has an instance store, whatever their
 * options: the storage-optimised i, im, is, d and h families (i3, i3en, i4i,
 * im4gn, is4gen, d3, h1), and x1 and x1e. EC2's instance-store table lists them.
 */
const INSTANCE_STORE_FAMILIES = /^(?:i|im|is|d|h)\d|^x1e?\./;

/**
 * Whether an EC2 node type may lack an instance store: no "d" among the
 * options after the generation (m5d, r6gd, g4dn promise local NVMe disks) and
 * not a storage family (i3.xlarge has its NVMe store). Every such type gets
 * EBS volumes, which Databricks accepts on any type; the others need none.
 */
export function awsNeedsEbs(nodeType: string): boolean {
    if (INSTANCE_STORE_FAMILIES.test(nodeType)) return false;
    const options = /^[a-z]+\d+([a-z-]*)\./.exec(nodeType)?.[1];
    return options === undefined || !options.includes("d");
}

export const CLOUD_PROFILES: Readonly<Record<Cloud, CloudProfile>> = {
    aws: {
        label: "AWS",
        defaultNodeType: "m4.large",
        cloudAttributesArg: "awsAttributes",
        // firstOnDemand 1 keeps the driver on-demand; zoneId "auto" lets Databricks pick a zone with capacity.
        spotAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto" },
        onDemandAttributes: { availability: "ON_DEMAND", zoneId: "auto" },
        hostSuffixes: [".cloud.databricks.com", ".cloud.databricks.us", ".cloud.databricks.mil"],
        // EC2 names: family, generation and options, a dot, then the size (m4.large, r5d.2xlarge, g4dn.xlarge).
        nodeTypePattern: /^[a-z][a-z0-9-]*\.[0-9]*[a-z]+$/,
        nodeTypeExample: "m4.large",
        // The GPU families: g (g4dn, g5, g6) and p (p3, p4d, p5).
        gpuNodeTypePattern: /^[gp][0-9]/,
        gpuNodeTypeExample: "g4dn.xlarge",
        diskAttributes: (nodeType) => (awsNeedsEbs(nodeType) ? { ...AWS_EBS_VOLUMES } : {}),
    },
    azure: {
        label: "Azure",
        defaultNodeType: "Standard_DS3_v2",
        cloudAttributesArg: "azureAttributes",
        // spotBidMaxPrice -1 bids up to the on-demand price, so spot VMs are not evicted on price.
        spotAttributes: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 },
        onDemandAttributes: { availability: "ON_DEMAND_AZURE" },
        hostSuffixes: [".azuredatabricks.net", ".databricks.azure.cn", ".databricks.azure.us"],
        nodeTypePattern: /^Standard_[A-Za-z0-9_]+$/,
        nodeTypeExample: "Standard_DS3_v2",
        // The N series: NC, ND and NV sizes carry GPUs.
        gpuNodeTypePattern: /^Standard_N[CDV]/,
        gpuNodeTypeExample: "Standard_NC4as_T4_v3",
        // Azure VMs always have a managed OS disk and a local temp disk.
        diskAttributes: () => ({}),
    },
    gcp: {
        label: "GCP",
        defaultNodeType: "n1-standard-4",
        cloudAttributesArg: "gcpAttributes",
        // The GCP successor of the deprecated usePreemptibleExecutors flag.
        spotAttributes: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 },
        onDemandAttributes: { availability: "ON_DEMAND_GCP" },
        hostSuffixes: [".gcp.databricks.com"],
        // Compute Engine names: series, class, size (n1-standard-4, n2-highmem-8, a2-highgpu-1g).
        nodeTypePattern: /^[a-z][a-z0-9]*-[a-z]+-[0-9]+[a-z]*$/,
        nodeTypeExample: "n1-standard-4",
        // Accelerator-optimised series (a2, a3, g2), with their GPUs attached.
        gpuNodeTypePattern: /^(?:a2|a3|g2)-/,
        gpuNodeTypeExample: "g2-standard-4",
        // GCP nodes get a boot disk and local SSDs from Databricks' defaults.
        diskAttributes: () => ({}),
    },
};

/** The tutorial's cluster, cloud-neutral part. */
export const CLUSTER_DEFAULTS = {
    sparkVersion: "11.3.x-scala2.12",
    numWorkers: 1,
    autoterminationMinutes: 30,
    spot: true,
    accessMode: "SINGLE_USER",
} as const;

/** Databricks' documented settings for a single-node cluster (numWorkers 0). */
export const SINGLE_NODE = {
    sparkConf: { "spark.databricks.cluster.profile": "singleNode", "spark.master": "local[*, 4]" },
    customTags: { ResourceClass: "SingleNode" },
} as const;

/**
 * The policy pack's default limits. The program accepts more (a team may
 * raise the limits with --policy-pack-config), and warns when a value is
 * beyond them, so a plan never passes validation only to fail the policy.
 */
export const POLICY_DEFAULT_LIMITS = { maxAutoterminationMinutes: 60, maxWorkers: 4 } as const;

export function isCloud(value: string): value is Cloud {
    return (CLOUDS as readonly string[]).includes(value);
}

/** The cloud a node type name belongs to, or undefined when its shape is unknown. */
export function cloudOfNodeType(nodeType: string): Cloud | undefined {
    return CLOUDS.find((cloud) => CLOUD_PROFILES[cloud].nodeTypePattern.test(nodeType));
}

/** The cloud a workspace host belongs to, or undefined for an unknown domain (a private-link alias, say). */
export function cloudOfHost(hostname: string): Cloud | undefined {
    const host = hostname.toLowerCase();
    return CLOUDS.find((cloud) => CLOUD_PROFILES[cloud].hostSuffixes.some((suffix) => host.endsWith(suffix)));
}

/** A cluster's availability settings, under the provider argument of its cloud (`{ awsAttributes: … }`, …). */
export type ClusterCloudAttributes = Partial<Record<CloudProfile["cloudAttributesArg"], CloudAttributes>>;

/**
 * The cluster's cloud attributes, keyed by the provider argument that takes
 * them: availability, and the disks the worker and driver node types need.
 */
export function cloudAttributesFor(cloud: Cloud, spot: boolean, nodeTypes: readonly string[]): ClusterCloudAttributes {
    const profile = CLOUD_PROFILES[cloud];
    const attributes = spot ? profile.spotAttributes : profile.onDemandAttributes;
    const disks = Object.assign({}, ...nodeTypes.map((nodeType) => profile.diskAttributes(nodeType)));
    return { [profile.cloudAttributesArg]: { ...attributes, ...disks } };
}

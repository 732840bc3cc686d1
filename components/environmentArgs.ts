/**
 * The Kedro environment's inputs, as `pulumi package add` reads them: one
 * field per config key of the stack (config/keyTable.ts), in the shape the
 * component analyzer turns into a schema. The enumerations are `as const`
 * objects (schema enums); the values the validation reads at construction are
 * plain, and only the secrets may come from other resources. Each value is
 * checked by the same rules as the stack's config. The workspace of an
 * existing one is the Databricks provider's, given as a resource option
 * (`provider` or `providers`), as for any resource.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Cloud of the Databricks workspace. */
export const CloudName = { Aws: "aws", Azure: "azure", Gcp: "gcp" } as const;
export type CloudName = (typeof CloudName)[keyof typeof CloudName];

/** What the notebook and the job run on. */
export const ComputeMode = {
    /** The tutorial's interactive cluster, and a job cluster for the job. */
    Classic: "classic",
    /** Serverless notebook and job compute: no cluster (Databricks Free Edition has no other). */
    Serverless: "serverless",
} as const;
export type ComputeMode = (typeof ComputeMode)[keyof typeof ComputeMode];

/** Where the Databricks workspace comes from. */
export const WorkspaceMode = {
    /** The workspace the Databricks provider points at. */
    Existing: "existing",
    /** A workspace the component builds in the cloud first. */
    Create: "create",
} as const;
export type WorkspaceMode = (typeof WorkspaceMode)[keyof typeof WorkspaceMode];

/** Whose Git credential the Repo clones with. */
export const GitCredentialMode = {
    /** The environment's own, from gitUsername and gitToken. */
    Stack: "stack",
    /** The deploying identity's existing one. */
    Shared: "shared",
} as const;
export type GitCredentialMode = (typeof GitCredentialMode)[keyof typeof GitCredentialMode];

/** Databricks' name for the Git provider. */
export const GitProviderName = {
    GitHub: "gitHub",
    GitHubEnterprise: "gitHubEnterprise",
    GitLab: "gitLab",
    GitLabEnterpriseEdition: "gitLabEnterpriseEdition",
    AzureDevOpsServices: "azureDevOpsServices",
    BitbucketCloud: "bitbucketCloud",
    BitbucketServer: "bitbucketServer",
    AwsCodeCommit: "awsCodeCommit",
} as const;
export type GitProviderName = (typeof GitProviderName)[keyof typeof GitProviderName];

/** The cluster's access mode. */
export const ClusterAccessMode = {
    /** One user's cluster. */
    SingleUser: "SINGLE_USER",
    /** No isolation shared. */
    None: "NONE",
} as const;
export type ClusterAccessMode = (typeof ClusterAccessMode)[keyof typeof ClusterAccessMode];

/** How Kedro gets onto the cluster. */
export const KedroInstallMode = {
    /** A %pip cell of the notebook, as in the tutorial. */
    Notebook: "notebook",
    /** PyPI cluster libraries. */
    Cluster: "cluster",
} as const;
export type KedroInstallMode = (typeof KedroInstallMode)[keyof typeof KedroInstallMode];

export const JobSource = {
    /** The tutorial's notebook from the job's own Repo, one task. */
    Notebook: "notebook",
    /** The packaged project's wheel, a job per pipeline, tasks from its graph. */
    Wheel: "wheel",
} as const;
export type JobSource = (typeof JobSource)[keyof typeof JobSource];

export const JobTaskSize = {
    /** A task per node. */
    Node: "node",
    /** A task per top-level namespace. */
    Namespace: "namespace",
    /** One task per pipeline. */
    Pipeline: "pipeline",
} as const;
export type JobTaskSize = (typeof JobTaskSize)[keyof typeof JobTaskSize];

export interface DatabricksKedroEnvironmentArgs {
    /** Cloud of the Databricks workspace: decides the worker type and the spot settings. */
    cloud: CloudName;
    /** classic (default): an interactive cluster and a job cluster. serverless: none; the cluster inputs then do not apply. */
    compute?: ComputeMode;
    /** A Unity Catalog volume for the project's data, <catalog>.<schema>.<volume>, created in an existing schema. */
    dataVolume?: string;
    /** HTTPS URL of the Kedro project's Git repository, e.g. https://github.com/acme/iris-databricks.git. */
    gitUrl?: string;
    /** User name at the Git provider, for the Databricks Git credential. Required with gitCredential stack (the default). */
    gitUsername?: string;
    /** Personal access token with repo scope, for the Git credential; kept secret whatever is passed. Unused with gitCredential shared. */
    gitToken?: pulumi.Input<string>;
    /** stack (default): the environment's own Git credential. shared: the deploying identity's existing one, and no gitToken. */
    gitCredential?: GitCredentialMode;
    /** Databricks Git provider. Unset: inferred from the host of gitUrl. */
    gitProvider?: GitProviderName;
    /** Branch the Databricks Repo checks out. Default: main. */
    gitBranch?: string;
    /** Full SHA of the commit of gitBranch being deployed; a new value makes the Repo pull gitBranch. Needed by job. */
    gitCommit?: string;
    /** Databricks runtime of the cluster. Default: the tutorial's 11.3 LTS (past end of support: a warning says so). */
    sparkVersion?: string;
    /** Worker node type. Unset: m4.large on AWS, Standard_DS3_v2 on Azure, n1-standard-4 on GCP. */
    nodeType?: string;
    /** Driver node type. Unset: nodeType. */
    driverNodeType?: string;
    /** Fixed number of workers, 0 to 10000; 0 declares a single-node cluster. Default: 1. */
    numWorkers?: number;
    /** Idle minutes before the cluster stops, 10 to 10000. Default: 30. */
    autoterminationMinutes?: number;
    /** Workers on spot (AWS, Azure) or preemptible (GCP) VMs, falling back to on-demand. Default: true. */
    spot?: boolean;
    /** The cluster's access mode. Default: SINGLE_USER. */
    accessMode?: ClusterAccessMode;
    /** true: return without waiting for the cluster to reach RUNNING. */
    clusterNoWait?: boolean;
    /** Owner of a SINGLE_USER cluster. Unset: environmentUser, else the deploying identity (refused for a service principal). */
    singleUserName?: string;
    /** The workspace user who runs the notebook; owns the SINGLE_USER cluster unless singleUserName says otherwise. */
    environmentUser?: string;
    /** A workspace group whose members may restart the cluster and run the notebook and the Repo's code. */
    environmentGroup?: string;
    /** How Kedro gets onto the cluster. Default: notebook. */
    kedroInstall?: KedroInstallMode;
    /** pip requirement specifiers of the Kedro packages. Unset: the ones that install on sparkVersion's Python. */
    kedroPackages?: string[];
    /** Path of the Databricks Repo, /Repos/<folder>/<name>. Unset: /Repos/<user>/<repo>-<stack>. */
    repoPath?: string;
    /** Path of the notebook, outside /Repos. Unset: <user's home>/<repo>-<stack>-run. */
    notebookPath?: string;
    /** true: also a Databricks Job that runs the pipeline on a job cluster from its own Repo at gitCommit. */
    job?: boolean;
    /** Quartz cron expression of the job's schedule, e.g. '0 0 6 * * ?'. Unset: no schedule. */
    jobSchedule?: string;
    /** IANA time zone the schedule is read in, spelled exactly (Europe/Paris). Default: UTC. */
    jobTimezone?: string;
    /** Create the schedule paused. Unset: paused unless the component is protected. */
    jobSchedulePaused?: boolean;
    /** What the job runs: notebook (default), the tutorial's notebook; wheel, the packaged project, a job per pipeline. */
    jobSource?: JobSource;
    /** The Kedro pipelines the job runs: one with notebook, a job each with wheel. Default: [__default__]. */
    jobPipelines?: string[];
    /** With wheel, a task per node (default), per top-level namespace, or per pipeline; in-memory data always shares a task. */
    jobTasks?: JobTaskSize;
    /** With wheel: the project's snapshot JSON (Kedro's inspection API), relative to the program's folder or absolute. */
    kedroSnapshot?: string;
    /** With wheel: the wheel kedro package wrote, relative to the program's folder or absolute. */
    kedroWheel?: string;
    /** With wheel: the conf archive. Unset: conf-<package>.tar.gz beside the wheel. */
    kedroConf?: string;
    /** E-mail addresses told of a failed run. */
    jobNotifications?: string[];
    /** Minutes after which an attempt of the pipeline is stopped, 10 to 2880. Default: 120. */
    jobTimeoutMinutes?: number;
    /** existing (default): the workspace of the Databricks provider. create: build one in the cloud first. */
    workspace?: WorkspaceMode;
    /** Name of the workspace that workspace create builds. Unset: <project>-<stack>. */
    workspaceName?: string;
    /** Databricks account id (a UUID), for workspace create on AWS and GCP. Unset: DATABRICKS_ACCOUNT_ID. */
    databricksAccountId?: string;
    /** OAuth client id of an account-admin service principal, for workspace create on AWS. Unset: DATABRICKS_CLIENT_ID. */
    databricksClientId?: string;
    /** That service principal's OAuth secret; kept secret whatever is passed. Unset: DATABRICKS_CLIENT_SECRET. */
    databricksClientSecret?: pulumi.Input<string>;
    /** GCP, workspace create: an existing Google service account, a Databricks account admin, to impersonate. */
    databricksGoogleServiceAccount?: string;
}

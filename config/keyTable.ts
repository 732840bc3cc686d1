/**
 * Every project key, declared once: its type, its default, whether it is a
 * secret, the environment variable that stands in for it, and what it is for.
 * PROJECT_KEYS, the secret keys and the defaults derive from this table, a
 * test holds Pulumi.yaml's config block to it, and `ProjectKey` makes a
 * misspelt key a type error wherever the validation reads one.
 *
 * Hand-written rather than a schema library's: the validation reports every
 * problem of a run at once, with cross-key rules (zod skips its refinements
 * while any key fails), and needs no parser beyond a handful of types.
 */
import { CLUSTER_DEFAULTS } from "../lib/clouds";
import type { EnvironmentPurpose } from "./environment";

export type KeyType = "string" | "integer" | "boolean" | "array";

export interface KeyDeclaration {
    readonly type: KeyType;
    /** Pulumi.yaml's default; none: the CLI insists on a value. An empty one ("" or []) means derived: the program reads it as unset. */
    readonly default?: string | number | boolean | readonly string[];
    /** Read only as a secret. "optional": declared without secret: true in Pulumi.yaml, where a secret cannot default, so that it may stay unset. */
    readonly secret?: "declared" | "optional";
    /** The environment variable's purpose (config/environment) that stands in for the key when it is unset. */
    readonly environment?: EnvironmentPurpose;
    readonly description: string;
}

export const KEYS = {
    cloud: {
        type: "string",
        description:
            "Cloud of the Databricks workspace: aws, azure or gcp. Decides the worker type and the spot settings.",
    },
    gitUrl: {
        type: "string",
        default: "",
        description:
            "HTTPS URL of the Kedro project's Git repository, e.g. https://github.com/acme/iris-databricks.git. Required unless githubRepository is create, which uses the created repository's URL.",
    },
    gitUsername: {
        type: "string",
        default: "",
        description:
            "User name at the Git provider, for the Databricks Git credential. Required with gitCredential: stack (the default).",
    },
    gitToken: {
        type: "string",
        secret: "declared",
        description:
            "Personal access token with repo scope, for the Git credential. Set it with: pulumi config set --secret gitToken <token>. A secret key can have no default, so the CLI asks for it on every stack; gitCredential: shared does not use it.",
    },
    gitCredential: {
        type: "string",
        default: "stack",
        description:
            "stack: this stack declares its own Git credential from gitUsername and gitToken. shared: it declares none, and the Repo clones with the deploying identity's existing credential; no gitToken then. A service principal may hold one Git credential per Git provider, so of the stacks it deploys into one workspace, one uses stack and the others shared.",
    },
    gitProvider: {
        type: "string",
        default: "",
        description:
            "Databricks Git provider: gitHub, gitHubEnterprise, gitLab, gitLabEnterpriseEdition, azureDevOpsServices, bitbucketCloud, bitbucketServer or awsCodeCommit (case-insensitive). Empty: inferred from the host of gitUrl.",
    },
    gitBranch: {
        type: "string",
        default: "main",
        description:
            "Branch the Databricks Repo checks out.",
    },
    gitCommit: {
        type: "string",
        default: "",
        description:
            "Full SHA of the commit of gitBranch being deployed. A new value makes pulumi up update the Repo, which pulls gitBranch (the Repos API checks out branches, not commits); the repoCommit output says where it landed. Empty: the Repo is left where it is.",
    },
    sparkVersion: {
        type: "string",
        default: CLUSTER_DEFAULTS.sparkVersion,
        description:
            "Databricks runtime of the cluster. The tutorial's 11.3 LTS is past end of support; the program warns.",
    },
    nodeType: {
        type: "string",
        default: "",
        description:
            "Worker node type. Empty: m4.large on AWS, Standard_DS3_v2 on Azure, n1-standard-4 on GCP.",
    },
    driverNodeType: {
        type: "string",
        default: "",
        description:
            "Driver node type. Empty: the same as nodeType.",
    },
    numWorkers: {
        type: "integer",
        default: CLUSTER_DEFAULTS.numWorkers,
        description:
            "Fixed number of workers, no autoscaling. 0 declares a single-node cluster.",
    },
    autoterminationMinutes: {
        type: "integer",
        default: CLUSTER_DEFAULTS.autoterminationMinutes,
        description:
            "Idle minutes before the cluster stops, 10 to 10000.",
    },
    spot: {
        type: "boolean",
        default: CLUSTER_DEFAULTS.spot,
        description:
            "Workers on spot (AWS, Azure) or preemptible (GCP) VMs, falling back to on-demand; the driver stays on-demand.",
    },
    accessMode: {
        type: "string",
        default: CLUSTER_DEFAULTS.accessMode,
        description:
            "Cluster access mode, SINGLE_USER or NONE (\"No isolation shared\").",
    },
    environmentUser: {
        type: "string",
        default: "",
        description:
            "The workspace user who runs the notebook, e.g. alice@example.com. Owns the SINGLE_USER cluster unless singleUserName says otherwise, and may restart the cluster and run the notebook and the Repo's code. Needed when pulumi up runs as a service principal (as CI does, and workspace: create on AWS always does). Empty: the identity that runs pulumi up.",
    },
    environmentGroup: {
        type: "string",
        default: "",
        description:
            "A workspace group whose members may restart the cluster and run the notebook and the Repo's code (with accessMode NONE they can also share the cluster). Empty: no group.",
    },
    clusterNoWait: {
        type: "boolean",
        default: false,
        description:
            "true: pulumi up returns without waiting for the cluster to reach RUNNING (cluster libraries then install while it starts). The credential, Repo and notebook never wait for the cluster either way.",
    },
    singleUserName: {
        type: "string",
        default: "",
        description:
            "Owner of a SINGLE_USER cluster. Empty: environmentUser, else the identity that runs pulumi up (refused when that is a service principal).",
    },
    kedroInstall: {
        type: "string",
        default: "notebook",
        description:
            "notebook: a %pip cell installs Kedro, as in the tutorial. cluster: the packages become PyPI cluster libraries.",
    },
    kedroPackages: {
        type: "array",
        default: [],
        description:
            "pip requirement specifiers of the Kedro packages; must include a kedro that installs on the runtime's Python. Empty: follows sparkVersion, the tutorial's kedro==0.18.7, kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0 and kedro-viz before runtime 13, else kedro~=1.0, kedro-datasets[databricks-managedtabledataset]>=4.0 and kedro-viz. Set it item by item: pulumi config set --path 'kedroPackages[0]' 'kedro~=1.0'.",
    },
    repoPath: {
        type: "string",
        default: "",
        description:
            "Path of the Databricks Repo, of the form /Repos/<folder>/<name>. Empty: /Repos/<user>/<repo>-<stack>.",
    },
    notebookPath: {
        type: "string",
        default: "",
        description:
            "Path of the notebook, outside /Repos. Empty: <user's home>/<repo>-<stack>-run.",
    },
    workspace: {
        type: "string",
        default: "existing",
        description:
            "existing: use the workspace the Databricks provider config names (databricks:host). create: build a workspace in the stack's cloud first, and deploy into it.",
    },
    workspaceName: {
        type: "string",
        default: "",
        description:
            "Name of the workspace that workspace: create builds. Empty: <project>-<stack>.",
    },
    databricksAccountId: {
        type: "string",
        default: "",
        environment: "databricksAccountId",
        description:
            "Databricks account id (a UUID), needed by workspace: create on AWS and GCP. Empty: DATABRICKS_ACCOUNT_ID.",
    },
    databricksClientId: {
        type: "string",
        default: "",
        environment: "databricksClientId",
        description:
            "OAuth client id of an account-admin service principal, for workspace: create on AWS. Empty: DATABRICKS_CLIENT_ID.",
    },
    databricksClientSecret: {
        type: "string",
        default: "",
        secret: "optional",
        description:
            "That service principal's OAuth secret. Set it with: pulumi config set --secret databricksClientSecret <secret>; the program refuses a plaintext value. Empty: DATABRICKS_CLIENT_SECRET. (Declared without secret: true only because a secret key cannot have the empty default that keeps it optional.)",
    },
    databricksGoogleServiceAccount: {
        type: "string",
        default: "",
        description:
            "GCP, workspace: create: an existing Google service account, already a Databricks account admin, that the identity running pulumi up may impersonate; the stack then creates no service account, role or binding and skips the one-time console step. Empty: the stack creates a workspace-creator service account with Databricks' documented custom role.",
    },
    githubRepository: {
        type: "string",
        default: "existing",
        description:
            "existing: the Kedro project lives at gitUrl. create: this stack creates a private GitHub repository for it (archived, never deleted, on destroy) and uses its URL.",
    },
    githubOwner: {
        type: "string",
        default: "",
        description:
            "GitHub user or organisation for githubRepository: create. Empty: github:owner.",
    },
    githubRepositoryName: {
        type: "string",
        default: "",
        description:
            "Name of the Kedro project's GitHub repository that githubRepository: create makes, e.g. iris-databricks. Required then: the Pulumi project's own name would be this infrastructure repository's.",
    },
    protect: {
        type: "boolean",
        default: false,
        description:
            "true: protect every resource of the stack, so pulumi destroy refuses to remove them (for prod). Unprotect with pulumi state unprotect --all.",
    },
    job: {
        type: "boolean",
        default: false,
        description:
            "true: also declare a Databricks Job that runs the Kedro pipeline on a job cluster (the same runtime, node types, workers and spot settings, the packages as job libraries) from its own Repo at gitCommit, which it then needs. false: the tutorial's notebook only.",
    },
    jobSchedule: {
        type: "string",
        default: "",
        description:
            "Quartz cron expression of the job's schedule (seconds minutes hours day-of-month month day-of-week [year]), e.g. '0 0 6 * * ?' for 06:00 daily. Empty: no schedule; the job runs when started (databricks jobs run-now <jobId>).",
    },
    jobTimezone: {
        type: "string",
        default: "UTC",
        description:
            "IANA time zone ID the schedule is read in, spelled exactly (Europe/Paris, not europe/paris): the scheduler reads any other spelling as GMT.",
    },
    jobSchedulePaused: {
        type: "string",
        default: "",
        description:
            "true or false: create the schedule paused. Empty: paused unless protect is true, so only production runs on its schedule until asked.",
    },
    jobPipeline: {
        type: "string",
        default: "__default__",
        description:
            "Kedro pipeline the job runs, as kedro run --pipeline takes it. A run started with another pipeline parameter runs that one.",
    },
    jobNotifications: {
        type: "array",
        default: [],
        description:
            "E-mail addresses told of a failed run. Set them item by item: pulumi config set --path 'jobNotifications[0]' data-team@example.com.",
    },
    jobTimeoutMinutes: {
        type: "integer",
        default: 120,
        description:
            "Minutes after which an attempt of the pipeline is stopped, 10 to 2880. A failed attempt is retried once, 10 minutes later; a timed-out one is not. The run as a whole is stopped after twice this plus 10 minutes, so the retry has its full time.",
    },
} as const satisfies Record<string, KeyDeclaration>;

/** A key of this project, as the validation reads it. */
export type ProjectKey = keyof typeof KEYS;

export const PROJECT_KEYS = Object.keys(KEYS) as ProjectKey[];

/** Keys read only as secrets: their values never enter validation. */
export const SECRET_PROJECT_KEYS: readonly ProjectKey[] = PROJECT_KEYS.filter((key) => (KEYS[key] as KeyDeclaration).secret !== undefined);

/** Keys an environment variable stands in for when unset, with that variable's purpose. */
export const ENVIRONMENT_KEYS = PROJECT_KEYS.flatMap((key) => {
    const purpose = (KEYS[key] as KeyDeclaration).environment;
    return purpose === undefined ? [] : [{ key, purpose }];
});

/** A key's default as the CLI passes it to the program (text; a list as JSON); undefined for none, or "" (which reads as unset). */
export function cliDefault(key: ProjectKey): string | undefined {
    const value = (KEYS[key] as KeyDeclaration).default;
    if (value === undefined || value === "") return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
}

export function isProjectKey(name: string): name is ProjectKey {
    return name in KEYS;
}

/** The validation's input context and the settings it produces. */
import type { Cloud } from "../lib/clouds";
import type { VolumeName } from "../lib/volume";
import type { ComputeMode } from "./rules/compute";
import type { GitProvider } from "../lib/git";
import type { EnvironmentPeople } from "../lib/people";
import type { AccessMode, GitCredentialMode, KedroInstall } from "./defaults";
import type { JobSettings } from "./job";
import type { CloudProviderConfig, WorkspaceSettings } from "./workspace";

export interface ConfigContext {
    project: string;
    stack: string;
    /** `databricks:host`, or DATABRICKS_HOST, when either is set. */
    databricksHost?: string;
    /** Whether the secret `gitToken` is present; its value never enters validation. */
    hasGitToken: boolean;
    /** For the runtime end-of-support warning. */
    today: Date;
    /** `databricks:authType`, or DATABRICKS_AUTH_TYPE. */
    databricksAuthType?: string;
    /** `databricks:host` as set in the stack's config, as opposed to DATABRICKS_HOST. */
    databricksHostInConfig?: boolean;
    /** Whether databricksClientSecret (or DATABRICKS_CLIENT_SECRET) is present. */
    hasClientSecret?: boolean;
    /** Full keys among the project's secret keys and the providers' (PROVIDER_SECRET_KEYS) that the stack holds in plaintext. */
    plaintextSecrets?: readonly string[];
    /** The cloud providers' own region, location and project. */
    providerConfig?: CloudProviderConfig;
    /** `github:owner` (or GITHUB_OWNER), the GitHub provider's own owner. */
    githubOwner?: string;
    /** Every full key the stack sets, to find the ones nothing reads and carry their values into the fix. */
    stackConfig?: Readonly<Record<string, StackConfigEntry>>;
    /** The project's files, for the production job's artifacts; none: a wheel job cannot be checked (and is refused). */
    projectFiles?: ProjectFiles;
}

/** The project's files, for the keys that name one (kedroWheel): read relative to the folder of Pulumi.yaml. */
export interface ProjectFiles {
    /** The folder of Pulumi.yaml. */
    root: string;
    /** A file's bytes by absolute path, or undefined when there is no such file. */
    read(absolutePath: string): Uint8Array | undefined;
}

/** One key of the stack's config: its text (a list or map as JSON), or none for a secret, whose value never enters validation. */
export interface StackConfigEntry {
    value?: string;
    secret: boolean;
}

export interface KedroStackSettings {
    project: string;
    stack: string;
    cloud: Cloud;
    /** classic: the tutorial's clusters; serverless: none, the notebook and the job on serverless compute. */
    compute: ComputeMode;
    /** The Unity Catalog volume for the project's data, with dataVolume. */
    dataVolume?: VolumeName;
    git: {
        /** Undefined when the stack creates the GitHub repository: its URL is then an output. */
        url?: string;
        provider: GitProvider;
        branch: string;
        /** The commit being deployed; a change makes the Repo pull its branch. */
        commit?: string;
        /** The stack creates the repository and has no commit to deploy yet: no Repo and no notebook until it has. */
        awaitingFirstPush: boolean;
        /** stack: this stack's own Git credential; shared: the deploying identity's existing one. */
        credential: GitCredentialMode;
        username: string;
        repoName: string;
    };
    cluster: {
        sparkVersion: string;
        nodeType: string;
        driverNodeType: string;
        numWorkers: number;
        autoterminationMinutes: number;
        spot: boolean;
        accessMode: AccessMode;
        singleUserName?: string;
        /** Return from `pulumi up` without waiting for the cluster to run. */
        noWait: boolean;
    };
    kedro: {
        install: KedroInstall;
        packages: readonly string[];
    };
    repoPath?: string;
    notebookPath?: string;
    /** The people who use the environment, given permissions on the cluster, the notebook and the Repo. */
    people: EnvironmentPeople;
    workspace: WorkspaceSettings;
    /** The Kedro project's GitHub repository: created by this stack, or existing at gitUrl. */
    githubRepository:
        | { mode: "existing" }
        | {
              mode: "create";
              owner: string;
              name: string;
              /** The owner is github:owner, so the default GitHub provider serves; else the repository needs its own. */
              ownerIsProviderDefault: boolean;
          };
    /** Protect every resource from `pulumi destroy`. */
    protect: boolean;
    /** The Kedro pipeline as a scheduled job on a job cluster, with job: true. */
    job?: JobSettings;
}

export interface ValidationResult {
    settings: KedroStackSettings;
    warnings: string[];
}

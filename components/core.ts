import * as pulumi from "@pulumi/pulumi";
import * as databricks from "./databricks";
import type { ClusterCloudAttributes, KedroStackSettings } from "../config";
import { requirementName } from "../config";
import { clusterUrl, normalizeWorkspaceUrl, notebookUrl, stackNames, workspacePathOf } from "../lib/naming";
import { needsPythonRestartOn } from "../lib/kedro";
import { runtimeParamsFor, volumePath } from "../lib/volume";
import {
    type AccessControl,
    type DeployingIdentity,
    PEOPLE_PERMISSIONS,
    accessControlsFor,
    jobAccessControlsFor,
    singleUserOf,
} from "../lib/people";
import { renderKedroNotebook } from "../lib/notebook";
import { clusterSpec } from "./clusterSpec";
import { kedroRepo, notebookPathFor, repoPathFor, sourceNotebook } from "./checkout";
import { type ScheduledJob, declareScheduledJob, jobIdsOf } from "./jobs";
import { type DataVolume, declareDataVolume } from "./volume";

export interface KedroEnvironmentArgs {
    settings: KedroStackSettings;
    /** Personal access token for the Git credential; kept secret whatever is passed. Unused with gitCredential: shared. */
    gitToken?: pulumi.Input<string>;
    /** The cloud's part of the cluster (see cloudAttributesFor). */
    cloudAttributes: ClusterCloudAttributes;
    /** Workspace-level provider; the default provider (databricks:host, …) when omitted. */
    provider?: databricks.Provider;
    /** The repository URL when it is an output (a repository this stack creates); else settings.git.url. */
    gitUrl?: pulumi.Input<string>;
}

/** The stack outputs every cloud exposes, declared once, by name: the component's fields of those names. */
export const ENVIRONMENT_OUTPUTS = [
    "workspaceUrl",
    "dataVolumePath",
    "clusterId",
    "clusterUrl",
    "repoPath",
    "repoCommit",
    "projectRoot",
    "notebookPath",
    "notebookUrl",
    "jobId",
    "jobUrl",
] as const;

export type KedroEnvironmentOutputs = Pick<KedroEnvironment, (typeof ENVIRONMENT_OUTPUTS)[number]>;

/**
 * The cloud-neutral core: the tutorial's steps 3, 4, 6 and 7 in one workspace.
 * An interactive cluster, a Git credential, a Repo that clones the Kedro
 * project with it, and a notebook that installs Kedro and runs the pipeline.
 */
export class KedroEnvironment extends pulumi.ComponentResource {
    /** The interactive cluster; none with compute: serverless. */
    readonly cluster?: databricks.Cluster;
    /** This stack's Git credential; none with gitCredential: shared, where the deploying identity's own serves. */
    readonly gitCredential?: databricks.GitCredential;
    /** Undefined until a repository this stack created has a commit to deploy (gitCommit). */
    readonly repo?: databricks.Repo;
    readonly notebook?: databricks.Notebook;
    /** The pipeline as a scheduled job, with job: true: the notebook's, or the wheel's jobs. */
    readonly job?: ScheduledJob;
    /** PyPI cluster libraries, when kedroInstall is `cluster`. */
    readonly libraries: databricks.Library[] = [];
    /** The project's data volume, with dataVolume. */
    readonly dataVolume?: DataVolume;
    /** What environmentUser and environmentGroup may do on the cluster, the notebook and the Repo. */
    readonly permissions: databricks.Permissions[] = [];
    /** The identity that runs pulumi up, once it has passed the check for a single-user cluster's owner. */
    readonly deployer: pulumi.Output<DeployingIdentity>;

    readonly workspaceUrl: pulumi.Output<string>;
    /** Undefined with compute: serverless. */
    readonly clusterId: pulumi.Output<string | undefined>;
    readonly clusterUrl: pulumi.Output<string | undefined>;
    /** /Volumes/<catalog>/<schema>/<volume>, with dataVolume: the Kedro run's data_volume runtime parameter. */
    readonly dataVolumePath: pulumi.Output<string | undefined>;
    /** The Repo's and the notebook's outputs are undefined until a created repository has a commit to deploy. */
    readonly repoPath: pulumi.Output<string | undefined>;
    /** The commit the Repo has checked out after the update. */
    readonly repoCommit: pulumi.Output<string | undefined>;
    readonly projectRoot: pulumi.Output<string | undefined>;
    readonly notebookPath: pulumi.Output<string | undefined>;
    readonly notebookUrl: pulumi.Output<string | undefined>;
    /** Undefined unless job is true (and, for a created repository, until it has a commit to deploy). */
    readonly jobId: pulumi.Output<string | undefined>;
    readonly jobUrl: pulumi.Output<string | undefined>;

    constructor(name: string, args: KedroEnvironmentArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("databricks-kedro-stack:index:KedroEnvironment", name, {}, opts);
        const { settings } = args;
        const { cluster: clusterSettings, git } = settings;
        const gitUrl = args.gitUrl ?? git.url;
        if (gitUrl === undefined) throw new Error("KedroEnvironment needs a Git URL: settings.git.url or args.gitUrl.");
        const names = stackNames(git.repoName, settings.stack);
        const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };

        const currentUser = databricks.getCurrentUserOutput({}, { parent: this, provider: args.provider });
        this.workspaceUrl = currentUser.workspaceUrl.apply(normalizeWorkspaceUrl);
        // Who runs pulumi up, checked once: a service principal with no person named for the single-user cluster
        // fails here, and every workspace resource derives an input from it, so none is created half-way.
        const deployer = pulumi
            .all([currentUser.userName, currentUser.aclPrincipalId, currentUser.home])
            .apply(([userName, aclPrincipalId, home]) => {
                const identity: DeployingIdentity = { userName, aclPrincipalId };
                const singleUser =
                    clusterSettings.accessMode === "SINGLE_USER" && settings.compute === "classic"
                        ? singleUserOf(clusterSettings.singleUserName, settings.people, identity, settings.stack)
                        : undefined;
                return { identity, home, singleUser };
            });
        this.deployer = deployer.identity;

        // Classic compute: the cluster (and its libraries); serverless has none.
        if (settings.compute === "classic")
            ({ cluster: this.cluster, libraries: this.libraries } = this.declareCluster(name, args, deployer.singleUser, childOpts));
        const cluster = this.cluster;
        this.clusterId = pulumi.output(cluster?.id);
        this.clusterUrl = cluster
            ? pulumi.all([this.workspaceUrl, cluster.id]).apply(([url, id]) => clusterUrl(url, id))
            : pulumi.output(undefined);
        this.dataVolume = settings.dataVolume && declareDataVolume(name, settings.dataVolume, settings.people, childOpts);
        this.dataVolumePath = pulumi.output(settings.dataVolume && volumePath(settings.dataVolume));

        if (git.credential === "stack")
            this.gitCredential = this.declareGitCredential(name, args, deployer, names.gitCredentialName, childOpts);

        // A repository this stack just created is empty: its Repo and notebook wait for the first commit to deploy.
        const checkout = git.awaitingFirstPush ? undefined : this.declareCheckout(name, settings, gitUrl, deployer, childOpts);
        this.repo = checkout?.repo;
        this.notebook = checkout?.notebook;
        this.repoPath = pulumi.output(this.repo?.path);
        this.repoCommit = pulumi.output(this.repo?.commitHash);
        this.projectRoot = pulumi.output(this.repo?.path.apply(workspacePathOf));
        this.notebookPath = pulumi.output(this.notebook?.path);
        this.notebookUrl = this.notebook
            ? pulumi.all([this.workspaceUrl, this.notebook.path]).apply(([url, path]) => notebookUrl(url, path))
            : pulumi.output(undefined);

        if (settings.job && !git.awaitingFirstPush) {
            const gitCredentialId = this.gitCredential?.id.apply(Number);
            const jobArgs = { cloudAttributes: args.cloudAttributes, gitUrl, gitCredentialId, deployer, workspaceUrl: this.workspaceUrl };
            this.job = declareScheduledJob(name, settings, { ...jobArgs, provider: args.provider }, this);
        }
        this.jobId = pulumi.output(this.job?.jobId);
        this.jobUrl = pulumi.output(this.job?.jobUrl);

        // Permissions are authoritative: declared only when people are named, so other stacks' ACLs are left alone.
        if (settings.people.user !== undefined || settings.people.group !== undefined)
            this.declarePermissions(name, settings, deployer.identity, childOpts);

        this.registerOutputs(this.outputs());
    }

    /** This stack's own Git credential, named once the deploying identity has passed its check. */
    private declareGitCredential(
        name: string,
        args: KedroEnvironmentArgs,
        deployer: pulumi.Output<unknown>,
        credentialName: string,
        childOpts: pulumi.CustomResourceOptions,
    ): databricks.GitCredential {
        if (args.gitToken === undefined)
            throw new Error("KedroEnvironment needs gitToken for its own Git credential (gitCredential: stack).");
        const { git } = args.settings;
        return new databricks.GitCredential(
            `${name}-git-credential`,
            {
                name: deployer.apply(() => credentialName),
                gitProvider: git.provider,
                gitUsername: git.username,
                personalAccessToken: pulumi.secret(args.gitToken),
            },
            childOpts,
        );
    }

    /** The interactive cluster, and the Kedro packages as its libraries with kedroInstall: cluster. */
    private declareCluster(
        name: string,
        args: KedroEnvironmentArgs,
        singleUser: pulumi.Input<string | undefined>,
        childOpts: pulumi.CustomResourceOptions,
    ): { cluster: databricks.Cluster; libraries: databricks.Library[] } {
        const { settings } = args;
        const { cluster: clusterSettings, kedro } = settings;
        const cluster = new databricks.Cluster(
            `${name}-cluster`,
            {
                ...clusterSpec(settings, args.cloudAttributes, singleUser),
                clusterName: stackNames(settings.git.repoName, settings.stack).clusterName,
                autoterminationMinutes: clusterSettings.autoterminationMinutes,
                // Only set when asked, so existing stacks see no diff.
                noWait: clusterSettings.noWait ? true : undefined,
            },
            childOpts,
        );
        const libraries =
            kedro.install === "cluster"
                ? kedro.packages.map(
                      (spec) =>
                          new databricks.Library(
                              `${name}-lib-${requirementName(spec)}`,
                              { clusterId: cluster.id, pypi: { package: spec } },
                              childOpts,
                          ),
                  )
                : [];
        return { cluster, libraries };
    }

    /** The people's levels on the cluster, the notebook, the Repo and the job (which also names its one owner). */
    private declarePermissions(
        name: string,
        settings: KedroStackSettings,
        identity: pulumi.Output<DeployingIdentity>,
        childOpts: pulumi.CustomResourceOptions,
    ): void {
        const grant = (
            object: string,
            target: Partial<databricks.PermissionsArgs>,
            controls: (identity: DeployingIdentity) => AccessControl[],
        ) =>
            this.permissions.push(
                new databricks.Permissions(
                    `${name}-${object}-permissions`,
                    { ...target, accessControls: identity.apply(controls) },
                    childOpts,
                ),
            );
        const levelFor = (level: string) => (deployer: DeployingIdentity) => accessControlsFor(settings.people, deployer, level);
        if (this.cluster) grant("cluster", { clusterId: this.cluster.id }, levelFor(PEOPLE_PERMISSIONS.cluster));
        if (this.notebook) grant("notebook", { notebookPath: this.notebook.path }, levelFor(PEOPLE_PERMISSIONS.notebook));
        if (this.repo) grant("repo", { repoId: this.repo.id }, levelFor(PEOPLE_PERMISSIONS.repo));
        for (const { object, jobId } of this.job ? jobIdsOf(this.job, settings) : [])
            grant(object, { jobId }, (deployer) => jobAccessControlsFor(settings.people, deployer));
    }

    /** The Repo that clones the Kedro project, and the notebook that runs it from there. */
    private declareCheckout(
        name: string,
        settings: KedroStackSettings,
        gitUrl: pulumi.Input<string>,
        deployer: pulumi.Output<{ identity: DeployingIdentity; home: string }>,
        childOpts: pulumi.CustomResourceOptions,
    ): { repo: databricks.Repo; notebook: databricks.Notebook } {
        const { kedro, cluster, compute } = settings;
        const repo = kedroRepo(
            `${name}-repo`,
            {
                settings,
                gitUrl,
                path: deployer.apply(({ identity }) => repoPathFor(settings, identity.userName)),
                gitCredentialId: this.gitCredential?.id.apply(Number),
            },
            childOpts,
        );
        const notebookSource = repo.path.apply((path) =>
            renderKedroNotebook({
                packages: kedro.packages,
                installInNotebook: kedro.install === "notebook",
                restartPython: needsPythonRestartOn({ compute, sparkVersion: cluster.sparkVersion }),
                projectRoot: workspacePathOf(path),
                runtimeParams: runtimeParamsFor(settings.dataVolume),
            }),
        );
        const notebook = sourceNotebook(
            `${name}-notebook`,
            deployer.apply(({ home }) => notebookPathFor(settings, home)),
            notebookSource,
            childOpts,
        );
        return { repo, notebook };
    }

    /** The outputs as a plain record, for registerOutputs and the stack's exports. */
    outputs(): KedroEnvironmentOutputs {
        return Object.fromEntries(ENVIRONMENT_OUTPUTS.map((name) => [name, this[name]])) as KedroEnvironmentOutputs;
    }
}

/** The Kedro project's repository and how the workspace reaches it. */
import type { KeyDeclaration } from "../keyTable";

export const GIT_KEYS = {
    gitUrl: {
        type: "string",
        default: "",
        description:
            "HTTPS URL of the Kedro project's Git repository, e.g. https://github.com/acme/iris-databricks.git. " +
            "Required unless githubRepository is create, which uses the created repository's URL.",
    },
    gitUsername: {
        type: "string",
        default: "",
        description: "User name at the Git provider, for the Databricks Git credential. Required with gitCredential: stack (the default).",
    },
    gitToken: {
        type: "string",
        secret: "declared",
        description:
            "Personal access token with repo scope, for the Git credential. Set it with: pulumi config set " +
            "--secret gitToken <token>. A secret key can have no default, so the CLI asks for it on every stack; " +
            "gitCredential: shared does not use it.",
    },
    gitCredential: {
        type: "string",
        default: "stack",
        values: ["stack", "shared"],
        match: "lower",
        allowed:
            "stack (this stack's own credential, from gitUsername and gitToken) or shared (the deploying identity's existing credential)",
        description:
            "stack: this stack declares its own Git credential from gitUsername and gitToken. shared: it declares " +
            "none, and the Repo clones with the deploying identity's existing credential; no gitToken then. A " +
            "service principal may hold one Git credential per Git provider, so of the stacks it deploys into one " +
            "workspace, one uses stack and the others shared.",
    },
    gitProvider: {
        type: "string",
        default: "",
        description:
            "Databricks Git provider: gitHub, gitHubEnterprise, gitLab, gitLabEnterpriseEdition, " +
            "azureDevOpsServices, bitbucketCloud, bitbucketServer or awsCodeCommit (case-insensitive). Empty: " +
            "inferred from the host of gitUrl.",
    },
    gitBranch: {
        type: "string",
        default: "main",
        description: "Branch the Databricks Repo checks out.",
    },
    gitCommit: {
        type: "string",
        default: "",
        description:
            "Full SHA of the commit of gitBranch being deployed. A new value makes pulumi up update the Repo, " +
            "which pulls gitBranch (the Repos API checks out branches, not commits); the repoCommit output says " +
            "where it landed. Empty: the Repo is left where it is.",
    },
    githubRepository: {
        type: "string",
        default: "existing",
        description:
            "existing: the Kedro project lives at gitUrl. create: this stack creates a private GitHub repository " +
            "for it (archived, never deleted, on destroy) and uses its URL.",
    },
    githubOwner: {
        type: "string",
        default: "",
        description: "GitHub user or organisation for githubRepository: create. Empty: github:owner.",
    },
    githubRepositoryName: {
        type: "string",
        default: "",
        description:
            "Name of the Kedro project's GitHub repository that githubRepository: create makes, e.g. " +
            "iris-databricks. Required then: the Pulumi project's own name would be this infrastructure repository's.",
    },
} as const satisfies Record<string, KeyDeclaration>;

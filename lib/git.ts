/** Git provider names as Databricks spells them (its API compares them case-insensitively). */
export const GIT_PROVIDERS = [
    "gitHub",
    "gitHubEnterprise",
    "gitLab",
    "gitLabEnterpriseEdition",
    "azureDevOpsServices",
    "bitbucketCloud",
    "bitbucketServer",
    "awsCodeCommit",
] as const;
export type GitProvider = (typeof GIT_PROVIDERS)[number];

/** The canonical spelling of a provider name given in any case, or undefined if Databricks does not know it. */
export function canonicalGitProvider(name: string): GitProvider | undefined {
    const wanted = name.trim().toLowerCase();
    return GIT_PROVIDERS.find((provider) => provider.toLowerCase() === wanted);
}

/** The hosts inferGitProvider recognises, for messages. */
export const INFERRED_GIT_HOSTS = "github.com, gitlab.com, dev.azure.com, *.visualstudio.com, bitbucket.org and AWS CodeCommit";

/**
 * Infers the provider from the host of an HTTPS Git URL. Only public SaaS hosts
 * are inferred: a self-hosted server could be GitHub Enterprise, GitLab or
 * Bitbucket Server, so it needs an explicit `gitProvider`.
 */
export function inferGitProvider(gitUrl: URL): GitProvider | undefined {
    const host = gitUrl.hostname.toLowerCase();
    if (host === "github.com" || host === "www.github.com") return "gitHub";
    if (host === "gitlab.com" || host === "www.gitlab.com") return "gitLab";
    if (host === "dev.azure.com" || host.endsWith(".visualstudio.com")) return "azureDevOpsServices";
    if (host === "bitbucket.org") return "bitbucketCloud";
    if (/^git-codecommit\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return "awsCodeCommit";
    return undefined;
}

/**
 * Whether a URL on a known host names a repository, not just its owner:
 * github.com/<owner>/<repo>, gitlab.com/<group>[/<subgroup>…]/<repo>,
 * bitbucket.org/<workspace>/<repo>, Azure DevOps …/_git/<repo>, CodeCommit
 * /v1/repos/<repo>. Other hosts cannot be judged, and pass.
 */
export function namesRepository(gitUrl: URL): boolean {
    const segments = gitUrl.pathname.split("/").filter((segment) => segment.length > 0);
    switch (inferGitProvider(gitUrl)) {
        case "gitHub":
        case "bitbucketCloud":
            return segments.length === 2;
        case "gitLab":
            return segments.length >= 2;
        case "azureDevOpsServices":
            return segments.length >= 2 && segments[segments.length - 2] === "_git";
        case "awsCodeCommit":
            return segments.length === 3 && segments[0] === "v1" && segments[1] === "repos";
        default:
            return true;
    }
}

/** The repository's name from its URL: the last path segment without `.git`; undefined for a malformed percent escape. */
export function repositoryName(gitUrl: URL): string | undefined {
    const segments = gitUrl.pathname.split("/").filter((segment) => segment.length > 0);
    try {
        return decodeURIComponent(segments[segments.length - 1] ?? "").replace(/\.git$/i, "");
    } catch {
        return undefined;
    }
}

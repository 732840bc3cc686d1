import { GIT_PROVIDERS, canonicalGitProvider, inferGitProvider, repositoryName } from "../../lib/git";

describe("canonicalGitProvider", () => {
    test.each(GIT_PROVIDERS.map((provider) => [provider.toUpperCase(), provider]))("%s → %s", (given, expected) => {
        expect(canonicalGitProvider(given)).toBe(expected);
    });
    test("unknown names are undefined", () => {
        expect(canonicalGitProvider("gitea")).toBeUndefined();
        expect(canonicalGitProvider("")).toBeUndefined();
    });
});

describe("inferGitProvider", () => {
    test.each([
        ["https://github.com/a/b.git", "gitHub"],
        ["https://GitHub.com/a/b", "gitHub"],
        ["https://gitlab.com/a/b/c.git", "gitLab"],
        ["https://dev.azure.com/org/proj/_git/repo", "azureDevOpsServices"],
        ["https://org.visualstudio.com/proj/_git/repo", "azureDevOpsServices"],
        ["https://bitbucket.org/a/b.git", "bitbucketCloud"],
        ["https://git-codecommit.us-east-1.amazonaws.com/v1/repos/b", "awsCodeCommit"],
    ])("%s → %s", (url, expected) => expect(inferGitProvider(new URL(url))).toBe(expected));

    test.each(["https://github.acme.com/a/b", "https://gitlab.acme.com/a/b", "https://notgithub.com/a/b", "https://github.com.evil.io/a/b"])(
        "%s is not inferred",
        (url) => expect(inferGitProvider(new URL(url))).toBeUndefined(),
    );
});

describe("repositoryName", () => {
    test.each([
        ["https://github.com/acme/iris-databricks.git", "iris-databricks"],
        ["https://github.com/acme/iris-databricks", "iris-databricks"],
        ["https://github.com/acme/iris-databricks/", "iris-databricks"],
        ["https://dev.azure.com/org/proj/_git/iris%20repo", "iris repo"],
        ["https://github.com/", ""],
    ])("%s → %s", (url, expected) => expect(repositoryName(new URL(url))).toBe(expected));
});

import fc from "fast-check";
import {
    clusterTags,
    clusterUrl,
    defaultNotebookPath,
    defaultRepoPath,
    normalizeWorkspaceUrl,
    notebookUrl,
    sanitizeName,
    jobPathOf,
    jobUrl,
    stackNames,
    workspacePathOf,
} from "../../lib/naming";
import { isNotebookPath, isRepoPath } from "../../config";

const stackName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/);
const repoName = fc.string({ minLength: 1, maxLength: 60 });
// Databricks user names: emails, or a service principal's application id.
const userName = fc.oneof(fc.stringMatching(/^[a-z0-9._+-]{1,20}@[a-z0-9-]{1,12}\.[a-z]{2,6}$/), fc.uuid());

describe("stackNames (properties)", () => {
    test("different stacks never share a name or a path", () => {
        fc.assert(
            fc.property(repoName, stackName, stackName, userName, (repo, a, b, user) => {
                fc.pre(sanitizeName(`${repo}-${a}`) !== sanitizeName(`${repo}-${b}`));
                const first = stackNames(repo, a);
                const second = stackNames(repo, b);
                expect(first.clusterName).not.toBe(second.clusterName);
                expect(first.gitCredentialName).not.toBe(second.gitCredentialName);
                expect(defaultRepoPath(user, first.slug)).not.toBe(defaultRepoPath(user, second.slug));
                expect(defaultNotebookPath(`/Users/${user}`, first.notebookName)).not.toBe(defaultNotebookPath(`/Users/${user}`, second.notebookName));
            }),
        );
    });

    test("derived paths always pass the override validators", () => {
        fc.assert(
            fc.property(repoName, stackName, userName, (repo, stack, user) => {
                const names = stackNames(repo, stack);
                expect(isRepoPath(defaultRepoPath(user, names.slug))).toBe(true);
                expect(isNotebookPath(defaultNotebookPath(`/Users/${user}`, names.notebookName))).toBe(true);
            }),
        );
    });

    test("sanitized names only hold safe characters and are never empty", () => {
        fc.assert(
            fc.property(fc.string(), (value) => {
                expect(sanitizeName(value)).toMatch(/^[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$|^kedro$/);
            }),
        );
    });
});

test("the dev stack's names", () => {
    expect(stackNames("iris-databricks", "dev")).toEqual({
        slug: "iris-databricks-dev",
        clusterName: "kedro-iris-databricks-dev",
        gitCredentialName: "kedro-iris-databricks-dev",
        notebookName: "iris-databricks-dev-run",
        jobName: "kedro-iris-databricks-dev",
    });
    expect(jobPathOf("/Repos/alice@example.com/iris-databricks-dev")).toBe("/Repos/alice@example.com/iris-databricks-dev-job");
    expect(jobUrl("https://dbc-1.cloud.databricks.com/", "42")).toBe("https://dbc-1.cloud.databricks.com/#job/42");
    expect(stackNames("iris repo", "pr-12").slug).toBe("iris-repo-pr-12");
});

test("paths and URLs", () => {
    expect(workspacePathOf("/Repos/a/b")).toBe("/Workspace/Repos/a/b");
    expect(workspacePathOf("/Workspace/Repos/a/b")).toBe("/Workspace/Repos/a/b");
    expect(normalizeWorkspaceUrl("adb-1.2.azuredatabricks.net/")).toBe("https://adb-1.2.azuredatabricks.net");
    expect(clusterUrl("https://h.cloud.databricks.com/", "0101-abc")).toBe("https://h.cloud.databricks.com/#setting/clusters/0101-abc/configuration");
    expect(notebookUrl("https://h.cloud.databricks.com", "/Users/a/run")).toBe("https://h.cloud.databricks.com/#workspace/Users/a/run");
    expect(defaultNotebookPath("/Users/a/", "x")).toBe("/Users/a/x");
});

describe("clusterTags", () => {
    test("name the project and the stack and mark the cluster as managed by Pulumi", () => {
        expect(clusterTags("aws", "databricks-kedro-stack", "Dev", "Iris")).toEqual({
            project: "databricks-kedro-stack",
            stack: "Dev",
            "kedro-project": "Iris",
            "managed-by": "pulumi",
        });
    });
    test("are valid GCP labels on GCP", () => {
        fc.assert(
            fc.property(stackName, repoName, (stack, repo) => {
                for (const [key, value] of Object.entries(clusterTags("gcp", "databricks-kedro-stack", stack, repo))) {
                    expect(key).toMatch(/^[a-z][a-z0-9_-]*$/);
                    expect(value).toMatch(/^[a-z0-9_-]{0,63}$/);
                }
            }),
        );
    });
});

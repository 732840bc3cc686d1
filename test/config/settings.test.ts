import { readFileSync } from "node:fs";
import { join } from "node:path";
import { problemsOf as problemsFor } from "./problems";
import { CURRENT_KEDRO_PACKAGES, TUTORIAL_KEDRO_PACKAGES } from "../../lib/kedro";
import {
    CLOUD_PROFILES,
    ConfigError,
    type ConfigContext,
    type RawConfig,
    isBranchName,
    isNotebookPath,
    isRepoPath,
    isRequirementSpecifier,
    validateStackConfig,
} from "../../config";

const TODAY = new Date("2026-11-24T00:00:00Z");
const ctx = (overrides: Partial<ConfigContext> = {}): ConfigContext => ({
    project: "databricks-kedro-stack",
    stack: "dev",
    hasGitToken: true,
    today: TODAY,
    ...overrides,
});
const base = (overrides: RawConfig = {}): RawConfig => ({
    cloud: "aws",
    gitUrl: "https://github.com/acme/iris-databricks.git",
    gitUsername: "alice",
    ...overrides,
});

/** The ConfigError a config raises; fails the test if it raises none. */
function errorOf(raw: RawConfig, context: ConfigContext = ctx()): ConfigError {
    try {
        validateStackConfig(raw, context);
    } catch (error) {
        if (error instanceof ConfigError) return error;
        throw error;
    }
    throw new Error("expected a ConfigError");
}

const problemsOf = (raw: RawConfig, context: ConfigContext = ctx()) => problemsFor(raw, context);

describe("defaults", () => {
    test.each(["aws", "azure", "gcp"] as const)("%s gets the tutorial's cluster", (cloud) => {
        const { settings } = validateStackConfig(base({ cloud }), ctx());
        expect(settings.cloud).toBe(cloud);
        expect(settings.cluster).toEqual({
            sparkVersion: "11.3.x-scala2.12",
            nodeType: CLOUD_PROFILES[cloud].defaultNodeType,
            driverNodeType: CLOUD_PROFILES[cloud].defaultNodeType,
            numWorkers: 1,
            autoterminationMinutes: 30,
            spot: true,
            accessMode: "SINGLE_USER",
            singleUserName: undefined,
            noWait: false,
        });
        expect(settings.kedro).toEqual({ install: "notebook", packages: TUTORIAL_KEDRO_PACKAGES });
        expect(settings.git).toEqual({
            url: "https://github.com/acme/iris-databricks.git",
            provider: "gitHub",
            branch: "main",
            commit: undefined,
            awaitingFirstPush: false,
            credential: "stack",
            username: "alice",
            repoName: "iris-databricks",
        });
    });

    test("empty strings mean unset, as Pulumi.yaml declares them", () => {
        const { settings } = validateStackConfig(base({ nodeType: "", driverNodeType: " ", gitProvider: "", repoPath: "" }), ctx());
        expect(settings.cluster.nodeType).toBe("m4.large");
        expect(settings.cluster.driverNodeType).toBe("m4.large");
        expect(settings.git.provider).toBe("gitHub");
        expect(settings.repoPath).toBeUndefined();
    });

    test("the driver follows a configured worker type", () => {
        const { settings } = validateStackConfig(base({ nodeType: "i3.xlarge" }), ctx());
        expect(settings.cluster.driverNodeType).toBe("i3.xlarge");
    });

    test("values are normalised: cloud and modes in any case, provider to Databricks' spelling", () => {
        const { settings } = validateStackConfig(
            base({ cloud: "AWS", accessMode: "none", kedroInstall: "Cluster", gitProvider: "GITHUB", spot: "False" }),
            ctx(),
        );
        expect(settings.cloud).toBe("aws");
        expect(settings.cluster.accessMode).toBe("NONE");
        expect(settings.kedro.install).toBe("cluster");
        expect(settings.git.provider).toBe("gitHub");
        expect(settings.cluster.spot).toBe(false);
    });

    test("kedroPackages is read as the JSON the CLI passes for a list", () => {
        const packages = ["kedro~=0.19.0", "kedro-datasets[spark.SparkDataset]>=2.0,<3"];
        const { settings } = validateStackConfig(base({ kedroPackages: JSON.stringify(packages) }), ctx());
        expect(settings.kedro.packages).toEqual(packages);
    });

    test("unset or empty, kedroPackages follows the runtime: the tutorial's pins on 11.3, the current set on 15.4", () => {
        for (const unset of [undefined, "[]"]) {
            expect(validateStackConfig(base({ kedroPackages: unset }), ctx()).settings.kedro.packages).toEqual(TUTORIAL_KEDRO_PACKAGES);
            expect(validateStackConfig(base({ kedroPackages: unset, sparkVersion: "15.4.x-scala2.12" }), ctx()).settings.kedro.packages).toEqual(CURRENT_KEDRO_PACKAGES);
        }
    });

    test("the tutorial's kedro==0.18.7 on 15.4 LTS is refused: pip cannot install it on Python 3.11", () => {
        const problems = problemsOf(base({ sparkVersion: "15.4.x-scala2.12", kedroPackages: JSON.stringify(TUTORIAL_KEDRO_PACKAGES) }));
        expect(problems).toHaveLength(1);
        expect(problems[0].key).toBe("databricks-kedro-stack:kedroPackages");
        expect(problems[0].value).toBe(JSON.stringify(TUTORIAL_KEDRO_PACKAGES));
        expect(problems[0].allowed).toMatch(/^a Kedro that installs on Python 3\.11, which Databricks Runtime 15\.4 LTS ships: 0\.18\.13 to 0\.18\.14 or 0\.19\.x or 1\.0\.x or 1\.1\.x; kedro==0\.18\.7 allows only 0\.18\.x \(Requires-Python >=3\.7, <3\.11\)/);
        expect(problems[0].fix).toBe("pulumi config rm kedroPackages --stack dev");
    });

    test("a Kedro pin that fits the runtime passes, and an unknown future release is left to pip", () => {
        expect(problemsOf(base({ sparkVersion: "15.4.x-scala2.12", kedroPackages: '["kedro~=0.19.9"]' }))).toEqual([]);
        expect(problemsOf(base({ sparkVersion: "16.4.x-scala2.12", kedroPackages: '["kedro>=9.0"]' }))).toEqual([]);
        expect(problemsOf(base({ sparkVersion: "11.3.x-scala2.12", kedroPackages: '["kedro>=1.1"]' }))[0].allowed).toMatch(/Python 3\.9/);
    });

    test("numWorkers 0 is a single-node cluster, with a warning that spot does nothing", () => {
        const { settings, warnings } = validateStackConfig(base({ numWorkers: "0" }), ctx());
        expect(settings.cluster.numWorkers).toBe(0);
        expect(warnings.join("\n")).toMatch(/single-node.*spot has no effect/);
    });
});

describe("git provider inference", () => {
    test.each([
        ["https://github.com/acme/iris.git", "gitHub"],
        ["https://gitlab.com/acme/group/iris.git", "gitLab"],
        ["https://dev.azure.com/acme/data/_git/iris", "azureDevOpsServices"],
        ["https://acme@dev.azure.com/acme/data/_git/iris", "azureDevOpsServices"],
        ["https://acme.visualstudio.com/data/_git/iris", "azureDevOpsServices"],
        ["https://bitbucket.org/acme/iris.git", "bitbucketCloud"],
        ["https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/iris", "awsCodeCommit"],
    ])("%s → %s", (gitUrl, provider) => {
        expect(validateStackConfig(base({ gitUrl }), ctx()).settings.git.provider).toBe(provider);
    });

    test("an explicit gitProvider that contradicts a public host is refused; one that agrees is kept", () => {
        const [problem] = problemsOf(base({ gitUrl: "https://github.com/acme/iris.git", gitProvider: "gitLab" }));
        expect(problem).toMatchObject({ key: "databricks-kedro-stack:gitProvider", value: "gitLab", allowed: expect.stringContaining("gitHub for github.com"), fix: "pulumi config rm gitProvider --stack dev" });
        expect(validateStackConfig(base({ gitUrl: "https://github.com/acme/iris.git", gitProvider: "GITHUB" }), ctx()).settings.git.provider).toBe("gitHub");
    });

    test("a self-hosted server with gitProvider set is accepted", () => {
        const { settings } = validateStackConfig(base({ gitUrl: "https://git.acme.internal/data/iris.git", gitProvider: "gitLabEnterpriseEdition" }), ctx());
        expect(settings.git.provider).toBe("gitLabEnterpriseEdition");
        expect(settings.git.repoName).toBe("iris");
    });
});

describe("bad input names the key, the value, the allowed values and the fix", () => {
    const cases: Array<[string, RawConfig, Partial<ConfigContext>, { key: string; value?: string; allowed: RegExp; fix: RegExp }]> = [
        ["cloud missing", base({ cloud: undefined }), {}, { key: "databricks-kedro-stack:cloud", allowed: /aws, azure, gcp/, fix: /pulumi config set cloud '<aws\|azure\|gcp>' --stack dev/ }],
        ["cloud unknown", base({ cloud: "oracle" }), {}, { key: "databricks-kedro-stack:cloud", value: "oracle", allowed: /aws, azure, gcp/, fix: /pulumi config set cloud/ }],
        ["gitUrl missing", base({ gitUrl: undefined }), {}, { key: "databricks-kedro-stack:gitUrl", allowed: /https:\/\//, fix: /pulumi config set gitUrl 'https:\/\/github.com\/<owner>\/<repo>.git'/ }],
        ["gitUrl not a URL", base({ gitUrl: "acme/iris" }), {}, { key: "databricks-kedro-stack:gitUrl", value: "acme/iris", allowed: /https:\/\//, fix: /pulumi config set gitUrl/ }],
        ["gitUrl over ssh", base({ gitUrl: "ssh://git@github.com/acme/iris.git" }), {}, { key: "databricks-kedro-stack:gitUrl", value: "ssh://***@github.com/acme/iris.git", allowed: /https:\/\/ URLs only/, fix: /pulumi config set gitUrl https:\/\/github.com\/acme\/iris.git/ }],
        ["gitUrl over http", base({ gitUrl: "http://github.com/acme/iris.git" }), {}, { key: "databricks-kedro-stack:gitUrl", value: "http://github.com/acme/iris.git", allowed: /https:\/\/ URLs only/, fix: /gitUrl https:\/\/github.com\/acme\/iris.git/ }],
        ["gitUrl without a repository", base({ gitUrl: "https://github.com/" }), {}, { key: "databricks-kedro-stack:gitUrl", value: "https://github.com/", allowed: /names a repository/, fix: /gitUrl/ }],
        ["host that cannot be inferred", base({ gitUrl: "https://git.acme.internal/data/iris.git" }), {}, { key: "databricks-kedro-stack:gitProvider", allowed: /cannot be inferred from the host git.acme.internal/, fix: /pulumi config set gitProvider/ }],
        ["gitProvider unknown", base({ gitProvider: "gitea" }), {}, { key: "databricks-kedro-stack:gitProvider", value: "gitea", allowed: /gitHub, gitHubEnterprise, gitLab, gitLabEnterpriseEdition, azureDevOpsServices, bitbucketCloud, bitbucketServer, awsCodeCommit/, fix: /pulumi config set gitProvider/ }],
        ["Azure node type on AWS", base({ nodeType: "Standard_DS3_v2" }), {}, { key: "databricks-kedro-stack:nodeType", value: "Standard_DS3_v2", allowed: /an AWS node type such as m4.large; Standard_DS3_v2 is an Azure node type/, fix: /pulumi config set nodeType m4.large --stack dev/ }],
        ["GCP node type on AWS", base({ nodeType: "n1-standard-4" }), {}, { key: "databricks-kedro-stack:nodeType", value: "n1-standard-4", allowed: /AWS node type/, fix: /nodeType m4.large/ }],
        ["AWS node type on Azure", base({ cloud: "azure", nodeType: "m4.large" }), {}, { key: "databricks-kedro-stack:nodeType", value: "m4.large", allowed: /an Azure node type such as Standard_DS3_v2; m4.large is an AWS node type/, fix: /nodeType Standard_DS3_v2/ }],
        ["GCP node type on Azure", base({ cloud: "azure", nodeType: "n1-standard-4" }), {}, { key: "databricks-kedro-stack:nodeType", value: "n1-standard-4", allowed: /Azure node type/, fix: /nodeType Standard_DS3_v2/ }],
        ["Azure node type on GCP", base({ cloud: "gcp", nodeType: "Standard_DS3_v2" }), {}, { key: "databricks-kedro-stack:nodeType", value: "Standard_DS3_v2", allowed: /a GCP node type such as n1-standard-4/, fix: /nodeType n1-standard-4/ }],
        ["AWS driver on GCP", base({ cloud: "gcp", driverNodeType: "m4.large" }), {}, { key: "databricks-kedro-stack:driverNodeType", value: "m4.large", allowed: /GCP node type/, fix: /pulumi config set driverNodeType n1-standard-4/ }],
        ["autotermination 0", base({ autoterminationMinutes: "0" }), {}, { key: "databricks-kedro-stack:autoterminationMinutes", value: "0", allowed: /from 10 to 10000 \(0, "never stop", is refused/, fix: /pulumi config set autoterminationMinutes 10 --stack dev/ }],
        ["autotermination 9", base({ autoterminationMinutes: "9" }), {}, { key: "databricks-kedro-stack:autoterminationMinutes", value: "9", allowed: /10 to 10000/, fix: /autoterminationMinutes 10 / }],
        ["autotermination 10001", base({ autoterminationMinutes: "10001" }), {}, { key: "databricks-kedro-stack:autoterminationMinutes", value: "10001", allowed: /10 to 10000/, fix: /autoterminationMinutes 10000 / }],
        ["autotermination not a number", base({ autoterminationMinutes: "half an hour" }), {}, { key: "databricks-kedro-stack:autoterminationMinutes", value: "half an hour", allowed: /whole number/, fix: /autoterminationMinutes 30/ }],
        ["autotermination fractional", base({ autoterminationMinutes: "30.5" }), {}, { key: "databricks-kedro-stack:autoterminationMinutes", value: "30.5", allowed: /whole number/, fix: /autoterminationMinutes 31 / }],
        ["numWorkers negative", base({ numWorkers: "-1" }), {}, { key: "databricks-kedro-stack:numWorkers", value: "-1", allowed: /from 0 to 10000/, fix: /pulumi config set numWorkers 0 --stack dev/ }],
        ["numWorkers fractional", base({ numWorkers: "1.5" }), {}, { key: "databricks-kedro-stack:numWorkers", value: "1.5", allowed: /whole number/, fix: /numWorkers 2 / }],
        ["numWorkers not a number", base({ numWorkers: "two" }), {}, { key: "databricks-kedro-stack:numWorkers", value: "two", allowed: /whole number/, fix: /numWorkers 1/ }],
        ["accessMode unknown", base({ accessMode: "SINGLE" }), {}, { key: "databricks-kedro-stack:accessMode", value: "SINGLE", allowed: /SINGLE_USER or NONE/, fix: /pulumi config set accessMode SINGLE_USER/ }],
        // USER_ISOLATION isolates users: SINGLE_USER keeps isolation; NONE would drop it.
        ["accessMode shared", base({ accessMode: "USER_ISOLATION" }), {}, { key: "databricks-kedro-stack:accessMode", value: "USER_ISOLATION", allowed: /SINGLE_USER or NONE/, fix: /pulumi config set accessMode SINGLE_USER / }],
        ["numWorkers beyond any quota", base({ numWorkers: "100000000000000000000" }), {}, { key: "databricks-kedro-stack:numWorkers", value: "100000000000000000000", allowed: /from 0 to 10000/, fix: /pulumi config set numWorkers 1/ }],
        ["gitBranch as a ref", base({ gitBranch: "refs/heads/main" }), {}, { key: "databricks-kedro-stack:gitBranch", value: "refs/heads/main", allowed: /a branch name, not a ref/, fix: /pulumi config set gitBranch main --stack dev/ }],
        ["sparkVersion as the UI names it", base({ sparkVersion: "15.4 LTS" }), {}, { key: "databricks-kedro-stack:sparkVersion", value: "15.4 LTS", allowed: /runtime key/, fix: /pulumi config set sparkVersion 15\.4\.x-scala2\.12 --stack dev/ }],
        ["sparkVersion with no LTS in it", base({ sparkVersion: "latest" }), {}, { key: "databricks-kedro-stack:sparkVersion", value: "latest", allowed: /runtime key/, fix: /pulumi config set sparkVersion 15\.4\.x-scala2\.12 --stack dev/ }],
        ["a GPU runtime on a CPU node type", base({ sparkVersion: "15.4.x-gpu-ml-scala2.12" }), {}, { key: "databricks-kedro-stack:nodeType", value: "m4.large", allowed: /a GPU node type with the GPU runtime/, fix: /pulumi config set nodeType g4dn\.xlarge --stack dev/ }],
        ["kedroInstall unknown", base({ kedroInstall: "conda" }), {}, { key: "databricks-kedro-stack:kedroInstall", value: "conda", allowed: /notebook or cluster/, fix: /pulumi config set kedroInstall notebook/ }],
        ["spot not a boolean", base({ spot: "maybe" }), {}, { key: "databricks-kedro-stack:spot", value: "maybe", allowed: /true or false/, fix: /pulumi config set spot true/ }],
        ["host over http", base(), { databricksHost: "http://dbc-1.cloud.databricks.com" }, { key: "databricks:host", value: "http://dbc-1.cloud.databricks.com", allowed: /over https/, fix: /pulumi config set databricks:host https:\/\/dbc-1.cloud.databricks.com --stack dev/ }],
        ["host not a URL", base(), { databricksHost: "dbc-1.cloud.databricks.com" }, { key: "databricks:host", value: "dbc-1.cloud.databricks.com", allowed: /over https/, fix: /databricks:host/ }],
        ["Azure host for AWS", base(), { databricksHost: "https://adb-1.2.azuredatabricks.net" }, { key: "databricks:host", value: "https://adb-1.2.azuredatabricks.net", allowed: /an AWS workspace .*is an Azure workspace.*set cloud to azure/, fix: /^pulumi config set cloud azure --stack dev$/ }],
        ["GCP host for Azure", base({ cloud: "azure" }), { databricksHost: "https://1.2.gcp.databricks.com" }, { key: "databricks:host", value: "https://1.2.gcp.databricks.com", allowed: /Azure workspace/, fix: /cloud gcp/ }],
        ["AWS host for GCP", base({ cloud: "gcp" }), { databricksHost: "https://dbc-1.cloud.databricks.com" }, { key: "databricks:host", value: "https://dbc-1.cloud.databricks.com", allowed: /GCP workspace/, fix: /cloud aws/ }],
        ["gitToken missing", base(), { hasGitToken: false }, { key: "databricks-kedro-stack:gitToken", allowed: /personal access token/, fix: /^pulumi config set --secret gitToken --stack dev$/ }],
        ["gitUsername missing", base({ gitUsername: undefined }), {}, { key: "databricks-kedro-stack:gitUsername", allowed: /user name/, fix: /pulumi config set gitUsername/ }],
        ["repoPath outside /Repos", base({ repoPath: "/Users/alice/iris" }), {}, { key: "databricks-kedro-stack:repoPath", value: "/Users/alice/iris", allowed: /\/Repos\/<folder>\/<name>/, fix: /pulumi config set repoPath/ }],
        ["repoPath too deep", base({ repoPath: "/Repos/alice/team/iris" }), {}, { key: "databricks-kedro-stack:repoPath", value: "/Repos/alice/team/iris", allowed: /\/Repos\/<folder>\/<name>/, fix: /repoPath/ }],
        ["notebookPath inside a Repo", base({ notebookPath: "/Repos/alice/iris/run" }), {}, { key: "databricks-kedro-stack:notebookPath", value: "/Repos/alice/iris/run", allowed: /outside \/Repos/, fix: /notebookPath/ }],
        ["notebookPath relative", base({ notebookPath: "run" }), {}, { key: "databricks-kedro-stack:notebookPath", value: "run", allowed: /absolute/, fix: /notebookPath/ }],
        ["kedroPackages not an array", base({ kedroPackages: "kedro" }), {}, { key: "databricks-kedro-stack:kedroPackages", value: "kedro", allowed: /non-empty list/, fix: /^pulumi config rm kedroPackages --stack dev && pulumi config set --path 'kedroPackages\[0\]' 'kedro==0\.18\.7' --stack dev && / }],
        ["kedroPackages with a shell injection", base({ kedroPackages: '["kedro", "x; rm -rf /"]' }), {}, { key: "databricks-kedro-stack:kedroPackages", value: '["x; rm -rf /"]', allowed: /requirement specifiers/, fix: /kedroPackages/ }],
        ["kedroPackages without kedro", base({ kedroPackages: '["kedro-viz"]' }), {}, { key: "databricks-kedro-stack:kedroPackages", value: '["kedro-viz"]', allowed: /includes kedro itself/, fix: /kedroPackages/ }],
        ["gitCommit a short SHA", base({ gitCommit: "c0ffee1" }), {}, { key: "databricks-kedro-stack:gitCommit", value: "c0ffee1", allowed: /full 40-character commit SHA/, fix: /pulumi config set gitCommit "\$\(git ls-remote https:\/\/github.com\/acme\/iris-databricks.git refs\/heads\/main \| cut -f1\)" --stack dev/ }],
        ["jobSchedule on a day of month and a weekday", base({ job: "true", gitCommit: "c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ffe", jobSchedule: "0 0 6 1 * MON" }), {}, { key: "databricks-kedro-stack:jobSchedule", value: "0 0 6 1 * MON", allowed: /drops day of month 1\. For the days of the month instead, set '0 0 6 1 \* \?'/, fix: /^pulumi config set jobSchedule '0 0 6 \? \* MON' --stack dev$/ }],
        ["gitBranch invalid", base({ gitBranch: "feature branch" }), {}, { key: "databricks-kedro-stack:gitBranch", value: "feature branch", allowed: /branch name/, fix: /pulumi config set gitBranch main/ }],
    ];

    test.each(cases)("%s", (_label, raw, context, expected) => {
        const error = errorOf(raw, ctx(context));
        const problem = error.problems.find((candidate) => candidate.key === expected.key);
        expect(problem).toBeDefined();
        expect(problem!.value).toBe(expected.value);
        expect(problem!.allowed).toMatch(expected.allowed);
        expect(problem!.fix).toMatch(expected.fix);
        // The message a user sees carries all four parts.
        expect(error.message).toContain(expected.key);
        if (expected.value !== undefined) expect(error.message).toContain(JSON.stringify(expected.value));
        expect(error.message).toContain(problem!.fix);
        expect(error.message).toMatch(/Invalid configuration for stack "dev"/);
    });

    test("every problem is reported at once", () => {
        const error = errorOf({ cloud: "azure", gitUrl: "http://github.com/a/b", autoterminationMinutes: "0", numWorkers: "-2" }, ctx({ hasGitToken: false }));
        expect(error.problems.map((problem) => problem.key.split(":")[1]).sort()).toEqual(
            ["autoterminationMinutes", "gitToken", "gitUrl", "gitUsername", "numWorkers"].sort(),
        );
        expect(error.message).toMatch(/\(5 problems\)/);
    });

    test("a token inside gitUrl is refused and masked in the message", () => {
        const error = errorOf(base({ gitUrl: "https://alice:ghp_secret123@github.com/acme/iris.git" }));
        expect(error.problems[0].key).toBe("databricks-kedro-stack:gitUrl");
        expect(error.message).not.toContain("ghp_secret123");
        expect(error.problems[0].fix).toContain("https://github.com/acme/iris.git");
    });

    test("the secret token's value never appears: only its presence is validated", () => {
        const error = errorOf(base({ cloud: "nope" }));
        expect(error.problems.map((problem) => problem.key)).toEqual(["databricks-kedro-stack:cloud"]);
    });
});

describe("warnings", () => {
    test("an unknown workspace domain only warns", () => {
        const { warnings } = validateStackConfig(base(), ctx({ databricksHost: "https://databricks.acme.internal" }));
        expect(warnings.join("\n")).toMatch(/databricks.acme.internal is not a known AWS Databricks domain/);
    });

    test("a node type of no known shape only warns", () => {
        const { settings, warnings } = validateStackConfig(base({ cloud: "gcp", nodeType: "c3-standard-4-lssd" }), ctx());
        expect(settings.cluster.nodeType).toBe("c3-standard-4-lssd");
        expect(warnings.join("\n")).toMatch(/does not look like a GCP node type/);
    });

    test("the runtime past end of support warns, naming Python 3.9 and the Kedro line", () => {
        const { warnings } = validateStackConfig(base(), ctx());
        const warning = warnings.find((text) => text.includes("end of support"));
        expect(warning).toMatch(/11\.3 LTS .*2025-10-19.*Python 3\.9.*Kedro 0\.18/);
    });

    test("a supported runtime does not warn", () => {
        const { warnings } = validateStackConfig(base({ sparkVersion: "15.4.x-scala2.12" }), ctx());
        expect(warnings.some((text) => text.includes("end of support"))).toBe(false);
    });

    test("singleUserName with accessMode NONE is ignored with a warning", () => {
        const { settings, warnings } = validateStackConfig(base({ accessMode: "NONE", singleUserName: "bob@example.com" }), ctx());
        expect(settings.cluster.singleUserName).toBeUndefined();
        expect(warnings.join("\n")).toMatch(/singleUserName is ignored/);
    });

    test("a matching host does not warn", () => {
        const { warnings } = validateStackConfig(base({ cloud: "azure" }), ctx({ databricksHost: "https://adb-1.2.azuredatabricks.net/" }));
        expect(warnings.filter((text) => text.includes("databricks:host"))).toEqual([]);
    });
});

describe("small validators", () => {
    test.each([
        ["/Repos/alice@example.com/iris-dev", true],
        ["/Repos/team/iris", true],
        ["/Workspace/Repos/alice/iris", false],
        ["/Repos/alice", false],
        ["/Repos/alice/", false],
        ["/Repos//iris", false],
        ["/Repos/alice/../iris", false],
        ["Repos/alice/iris", false],
    ])("isRepoPath(%s) is %s", (path, expected) => expect(isRepoPath(path)).toBe(expected));

    test.each([
        ["/Users/alice@example.com/kedro-run", true],
        ["/Shared/kedro/run", true],
        ["/Workspace/Repos/alice/iris/run", false],
        ["/Users/alice/", false],
        ["/Users//run", false],
        ["/Users/alice/../bob/run", false],
    ])("isNotebookPath(%s) is %s", (path, expected) => expect(isNotebookPath(path)).toBe(expected));

    test.each([
        ["kedro==0.18.7", true],
        ["kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0", true],
        ["kedro-viz", true],
        ["pandas>=1.5,<3", true],
        ["kedro-datasets[spark, pandas]>=2", true],
        ["-e git+https://x", false],
        ['kedro" && curl evil', false],
        ["kedro ==", false],
        ["https://example.com/pkg.whl", false],
    ])("isRequirementSpecifier(%s) is %s", (spec, expected) => expect(isRequirementSpecifier(spec)).toBe(expected));

    test.each([
        ["main", true],
        ["feature/kedro-0.19", true],
        ["a b", false],
        ["a..b", false],
        ["-x", false],
        ["x.lock", false],
        ["refs~1", false],
    ])("isBranchName(%s) is %s", (branch, expected) => expect(isBranchName(branch)).toBe(expected));
});

test("the README's bad-config example is what the program says for that config", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const shown = /```text\nerror: (Invalid configuration[\s\S]*?)\n```/.exec(readme);
    expect(shown).not.toBeNull();
    const error = errorOf(base({ autoterminationMinutes: "0", nodeType: "Standard_DS3_v2" }));
    expect(error.message).toBe(shown![1]);
});

/** Pulumi.yaml is the config contract users read; it must say what the code does. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULTS, JOB_DEFAULTS, KEYS, type KeyDeclaration, PROJECT, PROJECT_KEYS, validateStackConfig } from "../../config";

const root = join(__dirname, "..", "..");
const project = parse(readFileSync(join(root, "Pulumi.yaml"), "utf8"));
const declared: Record<string, { type: string; default?: unknown; secret?: boolean; description?: string; items?: { type: string } }> = project.config;

const REQUIRED = ["cloud", "gitToken"];
const DERIVED = [
    "gitUsername",
    "environmentUser",
    "environmentGroup",
    "gitCommit",
    "gitProvider",
    "nodeType",
    "driverNodeType",
    "singleUserName",
    "repoPath",
    "notebookPath",
    "workspaceName",
    "databricksAccountId",
    "databricksClientId",
    "databricksClientSecret",
    "gitUrl",
    "githubOwner",
    "githubRepositoryName",
    "jobSchedule",
    "jobSchedulePaused",
    "dataVolume",
];

test("the project is databricks-kedro-stack on the nodejs runtime", () => {
    expect(project.name).toBe(PROJECT);
    expect(project.runtime.name ?? project.runtime).toBe("nodejs");
});

test("declares exactly the keys the program reads", () => {
    expect(Object.keys(declared).sort()).toEqual([...PROJECT_KEYS].sort());
});

test("the config block is the key table: every key's type, default, secret and description", () => {
    for (const key of PROJECT_KEYS) {
        const table: KeyDeclaration = KEYS[key];
        const expected = {
            type: table.type,
            ...(table.type === "array" ? { items: { type: "string" } } : {}),
            ...("default" in table ? { default: Array.isArray(table.default) ? [...table.default] : table.default } : {}),
            // A secret that may stay unset is declared without secret: true, which forbids a default.
            ...(table.secret === "declared" ? { secret: true } : {}),
            description: table.description,
        };
        expect([key, declared[key]]).toEqual([key, expected]);
    }
});

test("every key has a type and a description", () => {
    for (const [key, declaration] of Object.entries(declared)) {
        expect([key, ["string", "integer", "boolean", "array"].includes(declaration.type)]).toEqual([key, true]);
        expect([key, (declaration.description ?? "").length > 10]).toEqual([key, true]);
    }
});

test("required keys have no default, so the CLI insists on them", () => {
    for (const key of REQUIRED) expect([key, "default" in declared[key]]).toEqual([key, false]);
});

test("the token is declared secret", () => {
    expect(declared.gitToken.secret).toBe(true);
    expect(Object.entries(declared).filter(([, declaration]) => declaration.secret).map(([key]) => key)).toEqual(["gitToken"]);
});

test("derived keys default to empty, which the program reads as unset", () => {
    for (const key of DERIVED) expect([key, declared[key].default]).toEqual([key, ""]);
});

test("static defaults equal the program's defaults", () => {
    expect(declared.gitBranch.default).toBe(DEFAULTS.gitBranch);
    expect(declared.sparkVersion.default).toBe(DEFAULTS.sparkVersion);
    expect(declared.numWorkers).toMatchObject({ type: "integer", default: DEFAULTS.numWorkers });
    expect(declared.autoterminationMinutes).toMatchObject({ type: "integer", default: DEFAULTS.autoterminationMinutes });
    expect(declared.spot).toMatchObject({ type: "boolean", default: DEFAULTS.spot });
    expect(declared.accessMode.default).toBe(DEFAULTS.accessMode);
    expect(declared.kedroInstall.default).toBe(DEFAULTS.kedroInstall);
    expect(declared.gitCredential.default).toBe(DEFAULTS.gitCredential);
    expect(declared.workspace.default).toBe("existing");
    expect(declared.githubRepository.default).toBe("existing");
    expect(declared.protect).toMatchObject({ type: "boolean", default: false });
    expect(declared.clusterNoWait).toMatchObject({ type: "boolean", default: DEFAULTS.clusterNoWait });
    expect(declared.kedroPackages).toMatchObject({ type: "array", items: { type: "string" }, default: [...DEFAULTS.kedroPackages] });
    expect(declared.job).toMatchObject({ type: "boolean", default: JOB_DEFAULTS.job });
    expect(declared.jobTimezone.default).toBe(JOB_DEFAULTS.jobTimezone);
    // Empty in Pulumi.yaml: the program reads it as the default pipeline.
    expect(declared.jobPipelines.default).toEqual([]);
    expect(JOB_DEFAULTS.jobPipelines).toEqual(["__default__"]);
    expect(declared.jobTimeoutMinutes).toMatchObject({ type: "integer", default: JOB_DEFAULTS.jobTimeoutMinutes });
    expect(declared.jobNotifications).toMatchObject({ type: "array", items: { type: "string" }, default: [...JOB_DEFAULTS.jobNotifications] });
});

function stackSettings(stack: string) {
    const stackConfig: Record<string, unknown> = parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8")).config;
    const raw = Object.fromEntries(
        Object.entries(stackConfig)
            .filter(([key]) => key.startsWith(`${PROJECT}:`))
            .map(([key, value]) => [key.slice(PROJECT.length + 1), String(value)]),
    );
    return validateStackConfig(raw, {
        project: PROJECT,
        stack,
        hasGitToken: true,
        databricksHost: stackConfig["databricks:host"] as string,
        databricksHostInConfig: true,
        today: new Date("2026-11-24"),
    }).settings;
}

test("prod differs from dev where an environment should: on-demand, longer idle time, protected", () => {
    const dev = stackSettings("dev");
    const prod = stackSettings("prod");
    expect(dev.cluster).toMatchObject({ spot: true, autoterminationMinutes: 30 });
    expect(dev.protect).toBe(false);
    expect(prod.cluster).toMatchObject({ spot: false, autoterminationMinutes: 60, numWorkers: 2 });
    expect(prod.kedro.install).toBe("cluster");
    expect(prod.protect).toBe(true);
});

describe.each(["dev", "prod"])("Pulumi.%s.yaml", (stack) => {
    const stackConfig: Record<string, unknown> = parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8")).config;

    test("uses only project keys and the providers' own keys", () => {
        for (const key of Object.keys(stackConfig)) {
            const [namespace, name] = key.split(":");
            if (namespace === PROJECT) expect(PROJECT_KEYS).toContain(name);
            else expect(["databricks", "aws", "azure-native", "gcp", "github"]).toContain(namespace);
        }
    });

    test("holds no plaintext secret", () => {
        for (const key of [`${PROJECT}:gitToken`, "databricks:token"]) {
            if (key in stackConfig) expect(stackConfig[key]).toHaveProperty("secure");
        }
    });

    test("is a valid stack once the token is set", () => {
        expect(stackSettings(stack).stack).toBe(stack);
    });
});

test("the README and docs/ set array keys only in forms the CLI accepts: item by item with --path, never as a JSON string", () => {
    const docs = readdirSync(join(root, "docs")).filter((file) => file.endsWith(".md"));
    const readme = [join(root, "README.md"), ...docs.map((file) => join(root, "docs", file))].map((file) => readFileSync(file, "utf8")).join("\n");
    const arrayKeys = Object.entries(declared).filter(([, declaration]) => declaration.type === "array").map(([key]) => key);
    expect(arrayKeys).toContain("kedroPackages");
    for (const key of arrayKeys) {
        // `pulumi config set kedroPackages '["…"]'` stores a string, which the CLI refuses for an array key.
        expect(readme).not.toMatch(new RegExp(`pulumi config set (--\\S+ )*${key} ['"]?\\[`));
        expect(readme).toContain(`pulumi config set --path '${key}[0]'`);
    }
});

/** compute: serverless and dataVolume, as the validation reads them. */
import { SERVERLESS_KEDRO_PACKAGES, TUTORIAL_KEDRO_PACKAGES } from "../../lib/kedro";
import { CLASSIC_ONLY_KEYS } from "../../lib/serverless";
import { type ConfigContext, ConfigError, KEYS, type RawConfig, validateStackConfig } from "../../config";
import { cliDefault } from "../../config/keyTable";

const TODAY = new Date("2026-11-24T00:00:00Z");
const ctx: ConfigContext = { project: "databricks-kedro-stack", stack: "dev", hasGitToken: true, today: TODAY };
// As the CLI passes them: every key with Pulumi.yaml's default, then the stack's own values.
const withDefaults = (raw: RawConfig): RawConfig => ({
    ...Object.fromEntries(Object.keys(KEYS).map((key) => [key, cliDefault(key as keyof typeof KEYS)])),
    cloud: "aws",
    gitUrl: "https://github.com/acme/iris-databricks.git",
    gitUsername: "alice",
    ...raw,
});

function problemsOf(raw: RawConfig) {
    try {
        validateStackConfig(withDefaults(raw), ctx);
    } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
    }
    return [];
}

describe("compute: serverless", () => {
    test.each(["aws", "azure", "gcp"])("on %s: no cluster settings needed, the current Kedro, no runtime warning", (cloud) => {
        const { settings, warnings } = validateStackConfig(withDefaults({ cloud, compute: "serverless" }), ctx);
        expect(settings.compute).toBe("serverless");
        // Without the managed-table extra, which would install pyspark and delta-spark beside databricks-connect.
        expect(settings.kedro).toEqual({ install: "notebook", packages: SERVERLESS_KEDRO_PACKAGES });
        expect(warnings.filter((warning) => /end of support/.test(warning))).toEqual([]);
    });

    test("the classic default stays the tutorial's: its runtime, its packages", () => {
        const { settings } = validateStackConfig(withDefaults({}), ctx);
        expect([settings.compute, settings.kedro.packages]).toEqual(["classic", TUTORIAL_KEDRO_PACKAGES]);
    });

    test.each(Object.keys(CLASSIC_ONLY_KEYS).map((key) => [key]))(
        "a changed %s is refused, naming the key, with its removal as the fix",
        (key) => {
            const value =
                {
                    sparkVersion: "15.4.x-scala2.12",
                    numWorkers: "4",
                    autoterminationMinutes: "60",
                    spot: "false",
                    accessMode: "NONE",
                    clusterNoWait: "true",
                }[key] ?? "m5.large";
            expect(problemsOf({ compute: "serverless", [key]: value })).toEqual([
                {
                    key: `databricks-kedro-stack:${key}`,
                    value,
                    allowed: `no value with compute: serverless, which has ${CLASSIC_ONLY_KEYS[key as keyof typeof CLASSIC_ONLY_KEYS]}`,
                    fix: `pulumi config rm ${key} --stack dev`,
                },
            ]);
        },
    );

    test("cluster libraries do not exist there: kedroInstall cluster is refused", () => {
        expect(problemsOf({ compute: "serverless", kedroInstall: "cluster" })).toEqual([
            expect.objectContaining({
                key: "databricks-kedro-stack:kedroInstall",
                value: "cluster",
                fix: "pulumi config set kedroInstall notebook --stack dev",
            }),
        ]);
    });

    test("packages must install on the serverless environment's Python", () => {
        expect(problemsOf({ compute: "serverless", kedroPackages: '["kedro==0.18.7"]' })).toEqual([
            expect.objectContaining({
                key: "databricks-kedro-stack:kedroPackages",
                allowed: expect.stringContaining("Python 3.12, which serverless environment 5 ships"),
            }),
        ]);
    });

    test("an unknown compute is refused with what is allowed", () => {
        expect(problemsOf({ compute: "photon" })).toEqual([
            expect.objectContaining({
                key: "databricks-kedro-stack:compute",
                value: "photon",
                allowed: expect.stringMatching(/^classic .* or serverless/),
            }),
        ]);
    });
});

describe("dataVolume", () => {
    const classic = { sparkVersion: "15.4.x-scala2.12" };

    test.each([
        ["serverless", { compute: "serverless" }],
        ["classic on 15.4", classic],
    ])("%s: the volume's name and path", (_name, raw) => {
        const { settings } = validateStackConfig(withDefaults({ ...raw, dataVolume: "main.kedro.iris_data" }), ctx);
        expect(settings.dataVolume).toEqual({ catalog: "main", schema: "kedro", volume: "iris_data" });
    });

    test.each(["main.kedro", "main.kedro.iris.data", "Main.kedro.iris", "main.kedro.iris-data", "main..iris", "/Volumes/main/kedro/iris"])(
        "%s is refused, naming dataVolume",
        (dataVolume) => {
            expect(problemsOf({ ...classic, dataVolume })).toEqual([
                expect.objectContaining({
                    key: "databricks-kedro-stack:dataVolume",
                    value: dataVolume,
                    allowed: expect.stringMatching(/^<catalog>\.<schema>\.<volume>/),
                }),
            ]);
        },
    );

    test("needs Unity Catalog compute: runtime 13.3 or later, and not a no-isolation shared cluster", () => {
        expect(problemsOf({ dataVolume: "main.kedro.iris" }).map((problem) => [problem.key, problem.fix])).toEqual([
            ["databricks-kedro-stack:sparkVersion", "pulumi config set sparkVersion 15.4.x-scala2.12 --stack dev"],
        ]);
        expect(problemsOf({ ...classic, accessMode: "NONE", dataVolume: "main.kedro.iris" }).map((problem) => problem.key)).toEqual([
            "databricks-kedro-stack:accessMode",
        ]);
        expect(problemsOf({ sparkVersion: "13.3.x-scala2.12", dataVolume: "main.kedro.iris" })).toEqual([]);
    });

    test("needs a Kedro whose catalog reads runtime parameters (0.19 on)", () => {
        expect(problemsOf({ ...classic, dataVolume: "main.kedro.iris", kedroPackages: '["kedro~=0.18.14"]' })).toEqual([
            expect.objectContaining({
                key: "databricks-kedro-stack:kedroPackages",
                allowed: expect.stringContaining("a kedro of 0.19 or later with dataVolume"),
            }),
        ]);
        expect(problemsOf({ ...classic, dataVolume: "main.kedro.iris", kedroPackages: '["kedro>=0.18"]' })).toEqual([]);
    });

    test("says what destroy does to it unless the stack is protected", () => {
        const warnings = (raw: RawConfig) =>
            validateStackConfig(withDefaults({ ...classic, dataVolume: "main.kedro.iris", ...raw }), ctx).warnings;
        expect(warnings({}).filter((warning) => warning.startsWith("dataVolume"))).toEqual([
            "dataVolume main.kedro.iris: pulumi destroy drops the volume, and Databricks deletes every file in it. To keep the data through a destroy: pulumi config set protect true --stack dev.",
        ]);
        expect(warnings({ protect: "true" }).filter((warning) => warning.startsWith("dataVolume"))).toEqual([]);
    });
});

test("serverless on a workspace AWS creates needs no owner for a single-user cluster: there is none", () => {
    const create = {
        cloud: "aws",
        workspace: "create",
        databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc",
        databricksClientId: "sp",
    };
    const context = { ...ctx, hasClientSecret: true, providerConfig: { awsRegion: "eu-west-1" } };
    expect(() => validateStackConfig(withDefaults({ ...create, compute: "serverless" }), context)).not.toThrow();
    expect(() => validateStackConfig(withDefaults(create), context)).toThrow(/environmentUser is not set/);
});

test("a set package that installs PySpark beside serverless' databricks-connect is warned about; the same on a cluster is not", () => {
    const packages = JSON.stringify(["kedro~=1.0", "kedro-datasets[databricks-managedtabledataset]>=4.0"]);
    const serverless = validateStackConfig(withDefaults({ cloud: "aws", compute: "serverless", kedroPackages: packages }), ctx).warnings.join("\n");
    expect(serverless).toContain("kedro-datasets[databricks-managedtabledataset]>=4.0 installs PySpark or delta-spark");
    const classic = validateStackConfig(withDefaults({ cloud: "aws", sparkVersion: "15.4.x-scala2.12", kedroPackages: packages }), ctx).warnings.join("\n");
    expect(classic).not.toContain("installs PySpark");
});

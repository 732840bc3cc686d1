import fc from "fast-check";
import {
    type ConfigContext,
    INPUT_KEYS,
    PROJECT_KEYS,
    type RawConfig,
    inputFix,
    inputWarning,
    inputsFromSettings,
    rawFromInputs,
    validateStackConfig,
} from "../../config";

const TODAY = new Date("2026-11-24T00:00:00Z");
const SHA = "c0ffee0000000000000000000000000000000001";
const ctx: ConfigContext = {
    project: "databricks-kedro-stack",
    stack: "dev",
    hasGitToken: true,
    hasClientSecret: true,
    today: TODAY,
    providerConfig: { awsRegion: "eu-west-1", azureLocation: "westeurope", gcpProject: "acme-data", gcpRegion: "europe-west1" },
};
const base = (raw: RawConfig): RawConfig => ({ gitUrl: "https://github.com/acme/iris-databricks.git", gitUsername: "alice", ...raw });

/** The settings a program gets from the inputs a stack's settings stand for: the same, or the two roads disagree. */
function roundTrip(raw: RawConfig) {
    const { settings } = validateStackConfig(raw, ctx);
    const inputs = inputsFromSettings(settings);
    const again = validateStackConfig(rawFromInputs(inputs, settings.protect).raw, ctx);
    return { settings, again: again.settings, inputs };
}

describe("inputs and config are one set of keys", () => {
    test("every project key but the stack's own (GitHub repository, protect) is an input", () => {
        expect(PROJECT_KEYS.filter((key) => !INPUT_KEYS.includes(key)).sort()).toEqual([
            "githubOwner",
            "githubRepository",
            "githubRepositoryName",
            "protect",
        ]);
    });

    test.each([
        ["the tutorial's defaults", base({ cloud: "aws" })],
        ["serverless with a data volume and a job", base({ cloud: "gcp", compute: "serverless", dataVolume: "main.kedro.iris", job: "true", gitCommit: SHA })],
        [
            "a job on a schedule, people, libraries",
            base({
                cloud: "azure",
                job: "true",
                gitCommit: SHA,
                jobSchedule: "0 0 6 * * ?",
                jobTimezone: "Europe/Paris",
                jobNotifications: '["data@example.com"]',
                environmentUser: "alice@example.com",
                environmentGroup: "data-team",
                kedroInstall: "cluster",
                numWorkers: "2",
                spot: "false",
            }),
        ],
        [
            "a created workspace on GCP",
            base({
                cloud: "gcp",
                workspace: "create",
                databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc",
                accessMode: "none",
                sparkVersion: "15.4.x-scala2.12",
            }),
        ],
        [
            "a created workspace on AWS, shared credential, protected",
            base({
                cloud: "aws",
                workspace: "create",
                databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc",
                databricksClientId: "sp",
                environmentUser: "alice@example.com",
                gitCredential: "shared",
                gitUsername: undefined,
                protect: "true",
            }),
        ],
    ])("%s: the inputs of a stack's settings validate to the same settings", (_name, raw) => {
        const { settings, again } = roundTrip(raw);
        expect(again).toEqual(settings);
    });

    test("any cluster shape round-trips", () => {
        fc.assert(
            fc.property(
                fc.constantFrom("aws", "azure", "gcp"),
                fc.integer({ min: 0, max: 10_000 }),
                fc.integer({ min: 10, max: 10_000 }),
                fc.boolean(),
                fc.constantFrom("SINGLE_USER", "NONE", "single_user"),
                fc.constantFrom("notebook", "cluster"),
                (cloud, numWorkers, minutes, spot, accessMode, kedroInstall) => {
                    const raw = base({
                        cloud,
                        numWorkers: String(numWorkers),
                        autoterminationMinutes: String(minutes),
                        spot: String(spot),
                        accessMode,
                        kedroInstall,
                    });
                    const { settings, again } = roundTrip(raw);
                    expect(again).toEqual(settings);
                },
            ),
            { numRuns: 30 },
        );
    });

    test("plain values become the config's text; a list its JSON; an Output cannot be read", () => {
        const { raw, unreadable } = rawFromInputs(
            { numWorkers: 3, spot: false, kedroPackages: ["kedro~=1.0"], gitToken: "ghp_x", nodeType: { apply: () => undefined } },
            false,
        );
        expect(raw).toMatchObject({ numWorkers: "3", spot: "false", kedroPackages: '["kedro~=1.0"]', protect: "false" });
        expect(raw.gitToken).toBeUndefined();
        expect(unreadable).toEqual([{ key: "nodeType", kind: "object" }]);
    });
});

describe("a fix reads as the input's", () => {
    test.each([
        ["pulumi config set nodeType m4.large --stack dev", "set nodeType to m4.large"],
        ["pulumi config set --secret databricksClientSecret <client-secret> --stack dev", "set databricksClientSecret to <client-secret>"],
        ["pulumi config set jobSchedule '0 0 6 * * ?' --stack dev", "set jobSchedule to '0 0 6 * * ?'"],
        ["pulumi config rm gitProvider --stack dev", "leave gitProvider unset"],
        [
            "pulumi config rm kedroPackages --stack dev && pulumi config set --path 'kedroPackages[0]' 'kedro~=1.0' --stack dev && pulumi config set --path 'kedroPackages[1]' 'kedro-viz' --stack dev",
            'set kedroPackages to ["kedro~=1.0","kedro-viz"]',
        ],
        // The caller's own stack config stays config: the providers read it there.
        ["pulumi config set databricks:authType oauth-m2m --stack dev", "pulumi config set databricks:authType oauth-m2m --stack dev"],
        ["pulumi config set gcp:region europe-west1 --stack dev", "pulumi config set gcp:region europe-west1 --stack dev"],
    ])("%s", (fix, expected) => {
        expect(inputFix(fix)).toBe(expected);
    });

    test("a warning's advice names the input", () => {
        expect(inputWarning("Quartz reads seconds first (pulumi config set jobSchedule '0 0 6 * * ?' --stack dev).")).toBe(
            "Quartz reads seconds first (set jobSchedule to '0 0 6 * * ?').",
        );
        expect(
            inputWarning(
                "Protect the stack (pulumi config set protect true --stack prod) or unpause it (pulumi config set jobSchedulePaused false --stack prod).",
            ),
        ).toBe("Protect the stack (pulumi config set protect true --stack prod) or unpause it (set jobSchedulePaused to false).");
    });
});

/** The plan speaks the CLI's language: the policy config pulumi preview takes, the plan on stdout, every problem and warning on stderr. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { STACK, plan, projectWith } from "./planHarness";
import { tempDir } from "../tempDirs";

const configFile = (config: unknown) => {
    const file = join(tempDir("policy-config-"), "policy-config.json");
    writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
    return file;
};

describe("--policy-pack-config, as pulumi preview reads it", () => {
    test("a mandatory $0.10/h cap fails the README's dev stack, naming max-cost-per-hour, with exit 1", async () => {
        const file = configFile({ "max-cost-per-hour": { enforcementLevel: "mandatory", maxCostPerHour: 0.1 } });
        const { code, stdout } = await plan(["--stack", "dev", "--policy-pack-config", file]);
        expect(code).toBe(1);
        expect(stdout).toMatch(/FAIL max-cost-per-hour \(mandatory\): the cluster costs \$0\.64\/h at list prices, above the cap of \$0\.10\/h\./);
        expect(stdout).toContain("1 mandatory policy violated: max-cost-per-hour.");
    });

    test("a level alone, or disabled, changes only the level; the default config passes", async () => {
        const advisory = await plan(["--stack", "dev", "--policy-pack-config", configFile({ "max-cost-per-hour": { maxCostPerHour: 0.1 } })]);
        expect(advisory.code).toBe(0);
        expect(advisory.stdout).toMatch(/FAIL max-cost-per-hour \(advisory\)/);
        const disabled = await plan(["--stack", "dev", "--policy-pack-config", configFile({ "max-cost-per-hour": "disabled" })]);
        expect(disabled.stdout).toContain("pass max-cost-per-hour (disabled)");
        expect((await plan(["--stack", "dev", "--policy-pack-config", configFile("")])).code).toBe(0);
    });

    test.each([
        ["an unknown policy", { "no-such-policy": "mandatory" }, /no-such-policy is no policy of the pack; its policies: .*max-cost-per-hour/],
        ["a level that is none", { "max-cost-per-hour": "strict" }, /parsing enforcement level for "max-cost-per-hour": "strict" is not a valid enforcement level/],
        ["a value that is neither", { "max-cost-per-hour": 3 }, /parsing "max-cost-per-hour": 3 is not a valid value; must be a string or object/],
        ["text that is no JSON", "{", /is not JSON/],
    ])("%s is a usage error in one line, exit 2", async (_label, config, message) => {
        const { code, stderr, stdout } = await plan(["--stack", "dev", "--policy-pack-config", configFile(config)]);
        expect([code, stdout]).toEqual([2, ""]);
        expect(stderr).toMatch(message);
        expect(stderr.trim().split("\n")).toHaveLength(1);
    });
});

describe("stdout and stderr", () => {
    const invalid = () => projectWith({ bad: STACK("  databricks-kedro-stack:numWorkers: \"9999\"\n  databricks-kedro-stack:nodeType: m4.Large\n") });

    test.each(["text", "markdown", "json"])("%s: an invalid stack's problems are on stderr, with the warnings said before them", async (format) => {
        const { code, stdout, stderr } = await plan(["--stack", "bad", "--root", invalid(), "--format", format]);
        expect(code).toBe(1);
        expect(stderr).toMatch(/databricks-kedro-stack:nodeType is "m4\.Large"; allowed: the node type spelled exactly/);
        // numWorkers 9999 is valid, and above the policy's limit: a warning, still said though the config is refused.
        expect(stderr).toMatch(/^warning: databricks-kedro-stack:numWorkers is 9999, above the policy pack's default limit/m);
        if (format === "json") expect(JSON.parse(stdout).error).toContain("nodeType");
    });

    test("a valid stack's warnings are on stderr too, and its plan is stdout's alone", async () => {
        const { code, stdout, stderr } = await plan(["--stack", "dev", "--format", "json"]);
        expect(code).toBe(0);
        expect(() => JSON.parse(stdout)).not.toThrow();
        expect(stderr).toMatch(/^warning: .*end of support/m);
    });
});

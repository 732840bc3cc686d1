/** The key table: one declaration per key, from which the key lists, the defaults and the typed reads derive. */
import { KEYS, type KeyDeclaration, PROJECT_KEYS, SECRET_PROJECT_KEYS } from "../../config";
import { ENVIRONMENT_KEYS, cliDefault } from "../../config/keyTable";
import { createReporter } from "../../config/reporter";

test("a declared key reads its value; a misspelt one is a type error", () => {
    const r = createReporter({ gitUrl: " https://github.com/acme/iris.git " }, "dev");
    expect(r.get("gitUrl")).toBe("https://github.com/acme/iris.git");
    // @ts-expect-error gitUrll is no project key: the type-check in npm test fails if this line ever compiles.
    expect(r.get("gitUrll")).toBeUndefined();
});

test("the secret keys and the environment stand-ins derive from the table", () => {
    expect([...SECRET_PROJECT_KEYS].sort()).toEqual(["databricksClientSecret", "gitToken"]);
    expect(ENVIRONMENT_KEYS).toEqual([
        { key: "databricksAccountId", purpose: "databricksAccountId" },
        { key: "databricksClientId", purpose: "databricksClientId" },
    ]);
});

test("a default as the CLI passes it: text, a list as JSON, nothing for an empty one", () => {
    expect(cliDefault("jobTimeoutMinutes")).toBe("120");
    expect(cliDefault("job")).toBe("false");
    expect(cliDefault("jobNotifications")).toBe("[]");
    expect(cliDefault("jobSchedule")).toBeUndefined();
    expect(cliDefault("cloud")).toBeUndefined();
});

test("a simple key's table entry is complete: bounds with their text, values with their case and text, a default among them", () => {
    for (const key of PROJECT_KEYS) {
        const declaration: KeyDeclaration = KEYS[key];
        if (declaration.range) {
            expect([key, declaration.type, typeof declaration.allowed]).toEqual([key, "integer", "string"]);
            expect(declaration.default as number).toBeGreaterThanOrEqual(declaration.range.min);
        }
        if (declaration.values) {
            expect([key, declaration.match !== undefined, typeof declaration.allowed]).toEqual([key, true, "string"]);
            expect(declaration.values).toContain(declaration.default);
        }
    }
});

test("the reporter reads a simple key by its table entry: bounds, values in their case, the default when unset", () => {
    const r = createReporter({ numWorkers: "20000", accessMode: "none", kedroInstall: "CLUSTER" }, "dev");
    expect(r.integer("numWorkers")).toBe(KEYS.numWorkers.default);
    expect(r.choice("accessMode")).toBe("NONE");
    expect(r.choice("kedroInstall")).toBe("cluster");
    expect(r.boolean("spot")).toBe(true);
    expect(r.problems).toEqual([
        expect.objectContaining({ key: "databricks-kedro-stack:numWorkers", value: "20000", allowed: KEYS.numWorkers.allowed, fix: "pulumi config set numWorkers 10000 --stack dev" }),
    ]);
});

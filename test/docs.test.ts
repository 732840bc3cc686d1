/** docs/configuration.md is generated from the key table and the package schema, and never stale. */
import { readFileSync } from "node:fs";
import { KEYS } from "../config/keyTable";
import { PROGRAM_ENVIRONMENT } from "../config/environment";

const { FILE, SCHEMA, render } = require("../docs/reference.js") as {
    FILE: string;
    SCHEMA: string;
    render: (keys: unknown, environment: unknown, schema: unknown) => string;
};
const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
const written = readFileSync(FILE, "utf8");

test("the configuration reference is what npm run docs writes from the key table and the schema today", () => {
    expect(written).toBe(render(KEYS, PROGRAM_ENVIRONMENT, schema));
});

test("it documents every key Pulumi.yaml declares, each once, and every stack output", () => {
    // repoPath and notebookPath are keys and outputs: each counted in its own table.
    const [keyTable, outputTable] = written.split("## Stack outputs");
    for (const key of Object.keys(KEYS)) expect([key, keyTable.split(`| \`${key}\` |`).length - 1]).toEqual([key, 1]);
    expect(outputTable).toContain("| `repoPath` |");
    expect(written).toContain("| `gitRemoteCommands` |");
    expect(written).toContain("| `jobUrl` |");
});

test("a changed key makes it stale", () => {
    const changed = { ...KEYS, numWorkers: { ...KEYS.numWorkers, description: "Something else." } };
    expect(render(changed, PROGRAM_ENVIRONMENT, schema)).not.toBe(written);
});

/** The README's and the guides' pulumi commands are ones the real CLI accepts, and set only declared keys. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { KEYS } from "../../config/keyTable";
import { parseCommand, pulumiCommandsIn, refusals } from "./cliCommands";

const root = join(__dirname, "..", "..");

/** A provider's own config key, as the installed provider SDK declares it (config/vars.d.ts): `databricks:host`, not `databrick:host` or `databricks:hots`. */
function isProviderKey(key: string): boolean {
    const [namespace, name] = key.split(":");
    if (!name || !["databricks", "aws", "azure-native", "gcp", "github"].includes(namespace)) return false;
    const vars = readFileSync(join(root, "node_modules", "@pulumi", namespace, "config", "vars.d.ts"), "utf8");
    return vars.includes(`export declare const ${name}:`);
}
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const commandsOf = (page: string) => pulumiCommandsIn(readFileSync(join(root, page), "utf8"));

test.each(pages)("every pulumi command in %s is a real command with its real flags", (page) => {
    expect(commandsOf(page).flatMap(refusals)).toEqual([]);
});

test("the pages hold the commands a user runs, so the check above has something to check", () => {
    const all = pages.flatMap(commandsOf).map((words) => parseCommand(words).command);
    for (const command of ["login", "stack select", "config set", "preview", "up", "stack output", "destroy", "stack rm"]) expect(all).toContain(command);
});

test.each(pages)("every pulumi config set in %s names a key Pulumi.yaml declares, or a provider's namespaced key", (page) => {
    const keys = commandsOf(page)
        .map(parseCommand)
        .filter(({ command, args }) => command === "config set" && args.length > 0)
        .map(({ args }) => args[0].replace(/^'|'$/g, "").replace(/\[.*$/, "").replace(/^databricks-kedro-stack:/, ""));
    const undeclared = keys.filter((key) => !(key in KEYS) && !isProviderKey(key) && !/^<.*>$/.test(key));
    expect(undeclared).toEqual([]);
});

describe("the checker", () => {
    test("knows a provider's key from the installed SDK, and refuses a misspelt namespace or key", () => {
        expect(["databricks:host", "azure-native:location", "github:owner"].filter(isProviderKey)).toHaveLength(3);
        expect(["databrick:host", "databricks:hots", "kubernetes:context"].filter(isProviderKey)).toEqual([]);
    });

    test("refuses an unknown command and a flag its command lacks", () => {
        expect(refusals(["deploy"])).toEqual(["pulumi deploy: no such command"]);
        expect(refusals(["config", "set", "--secrets", "gitToken"])).toEqual(["pulumi config set: unknown flag --secrets"]);
        expect(refusals(["preview", "--plan", "p.json"])).toEqual(["pulumi preview: unknown flag --plan"]);
        expect(refusals(["stack", "select", "--create", "dev"])).toEqual([]);
    });

    test("reads commands in shell blocks and inline code, after && and inside $( ), not in prose or comments", () => {
        const page = "Run `pulumi up --stack dev`, then pulumi destroy.\n```bash\npulumi destroy --stack dev && pulumi stack rm dev  # pulumi nope\nX=\"$(pulumi stack output url)\"\n```\n";
        expect(pulumiCommandsIn(page)).toEqual([["destroy", "--stack", "dev"], ["stack", "rm", "dev"], ["stack", "output", "url)\""], ["up", "--stack", "dev"]]);
    });

    test("a value-taking flag's value is not an argument", () => {
        expect(parseCommand(["config", "set", "--stack", "dev", "cloud", "aws"])).toEqual({ command: "config set", flags: ["--stack"], args: ["cloud", "aws"] });
        expect(parseCommand(["stack", "rm", "-f", "dev"])).toEqual({ command: "stack rm", flags: ["-f"], args: ["dev"] });
    });
});

/**
 * The schema `pulumi package add` generates SDKs from, built offline the way
 * the plugin host builds it, checked for what callers rely on, and held to the
 * reviewed copy in plugin/schema.json (npm run schema rewrites it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ENVIRONMENT_OUTPUTS } from "../../components";
import { INPUT_KEYS, KEYS, PROJECT, SECRET_INPUTS } from "../../config";
import { WORKSPACE_MODES } from "../../config/workspace";
import { GIT_PROVIDERS } from "../../lib/git";
import { CLOUDS } from "../../lib/clouds";
import { PACKAGE_DIR, buildSchema, providerNameOf } from "../../plugin/schema";

const ENVIRONMENT = "databricks-kedro-stack:index:DatabricksKedroEnvironment";
const REPOSITORY = "databricks-kedro-stack:index:KedroGitHubRepository";
const read = (path: string) => readFileSync(join(PACKAGE_DIR, path), "utf8");
const installedVersion = (pkg: string) => JSON.parse(readFileSync(require.resolve(`@pulumi/${pkg}/package.json`), "utf8")).version;

const SCHEMA_TYPES = { string: "string", integer: "number", boolean: "boolean", array: "array" } as const;
// Text in config only so that unset ("") can mean "derived"; an optional boolean input says the same.
const TYPED_AS: Partial<Record<string, string>> = { jobSchedulePaused: "boolean" };

let schema: Record<string, any>;
beforeAll(async () => {
    schema = await buildSchema();
}, 30_000);

const environment = () => schema.resources[ENVIRONMENT];
const enumValues = (name: string) =>
    schema.types[`databricks-kedro-stack:index:${name}`].enum.map((member: { value: string }) => member.value);

test("is the reviewed copy: a change to the components' args or outputs is reviewed with npm run schema", () => {
    expect(schema).toEqual(JSON.parse(read("schema.json")));
});

test("the package's name is the components' token prefix, as run-plugin derives it from package.json", () => {
    // The components register under PROJECT: a package of another name would serve tokens that construct none of them.
    expect(schema.name).toBe(PROJECT);
    expect(providerNameOf(JSON.parse(read("package.json")).name)).toBe(PROJECT);
    expect(providerNameOf("@acme/kedro.stack")).toBe("kedro-stack");
    expect(Object.keys(schema.resources).sort()).toEqual([ENVIRONMENT, REPOSITORY]);
    for (const resource of Object.values<any>(schema.resources)) expect(resource.isComponent).toBe(true);
});

test("the environment's inputs are the stack's config keys, by the same names; only the secrets may be outputs of other resources", () => {
    const inputs = environment().inputProperties;
    expect(Object.keys(inputs).sort()).toEqual([...INPUT_KEYS].sort());
    expect(environment().requiredInputs).toEqual(["cloud"]);
    for (const key of INPUT_KEYS) {
        expect([key, inputs[key].plain === true]).toEqual([key, !SECRET_INPUTS.includes(key)]);
        const type = inputs[key].$ref ? "enum" : inputs[key].type;
        const expected = TYPED_AS[key] ?? SCHEMA_TYPES[KEYS[key].type];
        expect([key, type]).toEqual([key, type === "enum" && expected === "string" ? "enum" : expected]);
        expect(inputs[key].description?.length).toBeGreaterThan(20);
    }
});

test("the enumerations are the validation's own values", () => {
    expect(enumValues("CloudName")).toEqual([...CLOUDS]);
    expect(enumValues("GitProviderName")).toEqual([...GIT_PROVIDERS]);
    expect(enumValues("ClusterAccessMode")).toEqual([...KEYS.accessMode.values]);
    expect(enumValues("KedroInstallMode")).toEqual([...KEYS.kedroInstall.values]);
    expect(enumValues("GitCredentialMode")).toEqual([...KEYS.gitCredential.values]);
    expect(enumValues("WorkspaceMode")).toEqual([...WORKSPACE_MODES]);
    expect(enumValues("ComputeMode")).toEqual([...KEYS.compute.values]);
    expect(enumValues("JobSource")).toEqual([...KEYS.jobSource.values]);
    expect(enumValues("JobTaskSize")).toEqual([...KEYS.jobTasks.values]);
});

test("the outputs are the stack's, plus the cluster, which ties the package to the installed Databricks provider", () => {
    const outputs = environment().properties;
    expect(Object.keys(outputs).sort()).toEqual([...ENVIRONMENT_OUTPUTS, "cluster"].sort());
    for (const output of Object.values<any>(outputs)) expect(output.description?.length).toBeGreaterThan(10);
    const databricks = installedVersion("databricks");
    expect(outputs.cluster.$ref).toBe(`/databricks/v${databricks}/schema.json#/resources/databricks:index%2Fcluster:Cluster`);
    expect(schema.dependencies).toEqual([
        { name: "databricks", version: databricks },
        { name: "github", version: installedVersion("github") },
    ]);
});

test("the GitHub repository takes its token as a possible secret output", () => {
    const repository = schema.resources[REPOSITORY];
    expect(repository.requiredInputs).toEqual(["branch", "name", "owner", "ownerIsProviderDefault"]);
    expect(repository.inputProperties.token.plain).toBeUndefined();
    expect(Object.keys(repository.properties).sort()).toEqual(["httpsUrl", "remoteCommands", "repository"]);
});

describe("the README's examples use only what the schema has", () => {
    const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

    test("Python: every keyword is an input, every attribute an output, every required input given", () => {
        const source = read("examples/python/__main__.py");
        const call = /kedro\.DatabricksKedroEnvironment\(\s*"[^"]+",([\s\S]*?)\n\)/.exec(source)![1];
        const keywords = [...call.matchAll(/^\s+(\w+)=/gm)].map((match) => match[1]);
        const inputs = Object.keys(environment().inputProperties).map(snake);
        expect(keywords.filter((keyword) => !inputs.includes(keyword))).toEqual([]);
        expect(
            environment()
                .requiredInputs.map(snake)
                .filter((name: string) => !keywords.includes(name)),
        ).toEqual([]);
        const attributes = [...source.matchAll(/environment\.(\w+)/g)].map((match) => match[1]);
        const outputs = Object.keys(environment().properties).map(snake);
        expect(attributes.length).toBeGreaterThan(0);
        expect(attributes.filter((attribute) => !outputs.includes(attribute))).toEqual([]);
    });

    test("YAML: the type token, every property an input of its type, every output reference an output", () => {
        const project = parse(read("examples/yaml/Pulumi.yaml"));
        const { type, properties } = project.resources.kedro;
        expect(type).toBe(ENVIRONMENT);
        const inputs = environment().inputProperties;
        for (const [name, value] of Object.entries(properties)) {
            expect([name, name in inputs]).toEqual([name, true]);
            const expected = inputs[name].type === "number" ? "number" : inputs[name].type === "boolean" ? "boolean" : "string";
            expect([name, typeof value]).toEqual([name, expected]);
            if (inputs[name].$ref) expect(enumValues(inputs[name].$ref.split(":").pop())).toContain(value);
        }
        for (const required of environment().requiredInputs) expect(properties).toHaveProperty(required);
        const references = Object.values<string>(project.outputs).map((value) => /^\$\{kedro\.(\w+)\}$/.exec(value)![1]);
        expect(references.filter((name) => !(name in environment().properties))).toEqual([]);
    });
});

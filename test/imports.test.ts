import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

// Every Pulumi SDK module a file imports is parsed by each type-check and loaded at each start-up.
// A package root, or a cloud service's index, pulls in hundreds of resources this project never uses.
const RESOURCE_DEPTH: Record<string, number> = { aws: 2, "azure-native": 2, gcp: 2, databricks: 1, github: 1 };

/** The SDK imports in `source` that reach a package root or a service index instead of one resource's module. */
function broadSdkImports(source: string): string[] {
    const specifiers = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["'](@pulumi\/[^"']+)["']/g)].map((match) => match[1]);
    return specifiers.filter((specifier) => {
        const [, pkg, ...path] = specifier.split("/");
        return pkg in RESOURCE_DEPTH && path.length < RESOURCE_DEPTH[pkg];
    });
}

const root = join(__dirname, "..");
const PROGRAM_DIRS = ["config", "lib", "components", "policy", "plan"];

function typeScriptFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? typeScriptFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
    );
}

test("the check flags package roots and service indexes, and allows one resource's module", () => {
    const source = [
        'import * as aws from "@pulumi/aws";',
        'import * as s3 from "@pulumi/aws/s3";',
        'import { Bucket } from "@pulumi/aws/s3/bucket";',
        'const gcp = require("@pulumi/gcp/projects");',
        'import { Workspace } from "@pulumi/azure-native/databricks/workspace";',
        'import * as databricks from "@pulumi/databricks";',
        'export { Cluster } from "@pulumi/databricks/cluster";',
        'import * as pulumi from "@pulumi/pulumi";',
    ].join("\n");
    expect(broadSdkImports(source)).toEqual(["@pulumi/aws", "@pulumi/aws/s3", "@pulumi/gcp/projects", "@pulumi/databricks"]);
});

test("the program imports each cloud, Databricks and GitHub resource from its own module", () => {
    const files = [join(root, "index.ts"), ...PROGRAM_DIRS.flatMap((dir) => typeScriptFiles(join(root, dir)))];
    const broad = files.flatMap((file) => broadSdkImports(readFileSync(file, "utf8")).map((specifier) => `${relative(root, file)}: ${specifier}`));
    expect(files.length).toBeGreaterThan(20);
    expect(broad).toEqual([]);
});

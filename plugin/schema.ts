/**
 * The package's schema, built as the plugin host builds it for `pulumi
 * package add` (@pulumi/pulumi's cmd/run-plugin): the components the entry
 * exports, the provider name from package.json, and the component analyzer
 * reading the TypeScript declarations. Offline: no CLI, no engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";

/** Not named package: Node resolves require("<root>/package") to the root's package.json before the folder. */
export const PACKAGE_DIR = __dirname;

/** The provider name run-plugin derives from package.json's name: scope dropped, other characters made hyphens. */
export function providerNameOf(packageName: string): string {
    return packageName.replace(/^@[^/]+\//, "").replace(/[^-a-zA-Z0-9_]/g, "-");
}

export async function buildSchema(): Promise<Record<string, any>> {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8"));
    const components = getPulumiComponents(require(PACKAGE_DIR));
    const provider = new ComponentProvider({ name: providerNameOf(manifest.name), dirname: PACKAGE_DIR, components });
    return JSON.parse(await provider.getSchema());
}

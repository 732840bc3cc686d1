/**
 * The providers' own keys this stack reads (a region, a host, an owner) hold
 * text. A YAML map or list there (`aws:region: {name: eu-west-1}`) reaches
 * the program as JSON, and the provider would fail on it later: refused, with
 * the text the map holds where it holds exactly one.
 */
import type { StackConfigEntry } from "../types";
import type { Reporter } from "../reporter";

/** The provider keys read as text, with an example for a fix that nothing in the value suggests. */
const TEXT_PROVIDER_KEYS: Readonly<Record<string, string>> = {
    "databricks:host": "https://dbc-1234.cloud.databricks.com",
    "databricks:authType": "pat",
    "aws:region": "eu-west-1",
    "azure-native:location": "westeurope",
    "gcp:project": "<gcp-project-id>",
    "gcp:region": "europe-west1",
    "github:owner": "<github-owner>",
};

/** Every string inside a parsed JSON value, depth first. */
function textsIn(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(textsIn);
    if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsIn);
    return [];
}

/** A map or list as a value, or undefined for text (the CLI hands a structured value over as JSON). */
function structured(text: string): unknown {
    if (!/^\s*[[{]/.test(text)) return undefined;
    try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === "object" && parsed !== null ? parsed : undefined;
    } catch {
        return undefined;
    }
}

export function checkProviderKeyShapes(r: Reporter, stackConfig: Readonly<Record<string, StackConfigEntry>>): void {
    for (const [key, example] of Object.entries(TEXT_PROVIDER_KEYS)) {
        const text = stackConfig[key]?.value;
        const parsed = text === undefined ? undefined : structured(text);
        if (parsed === undefined) continue;
        const texts = textsIn(parsed);
        const kind = Array.isArray(parsed) ? "a list" : "a map";
        r.problem(
            key as `${string}:${string}`,
            text,
            `text, such as ${example}, not ${kind}: the provider reads one value`,
            texts.length === 1 ? texts[0] : example,
        );
    }
}

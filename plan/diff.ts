/** The difference between two plans: resources added, removed, renamed and changed, and the policies newly violated. */
import { diffLines } from "diff";
import { FORCE_NEW_INPUTS } from "../lib/replacement";
import { oneLine } from "../lib/text";
import { type PlannedResource, displayValue } from "./evaluate";
import { isSecretMarker } from "./mocks";
import { renamesOf, resourceKey } from "./renames";
import { costChange } from "./cost";
import { codeSpan, mdText } from "./markdown";
import { jobGraphsOf, taskChanges } from "./jobGraph";
import type { PlanReport } from "./report";

/** Flattens inputs to dotted paths with their full values (JSON), for comparison; secrets compare as one placeholder. */
function flatten(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
    if (value && typeof value === "object" && !Array.isArray(value) && !isSecretMarker(value)) {
        for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    } else if (value !== undefined) out[prefix] = isSecretMarker(value) ? "[secret]" : JSON.stringify(value);
    return out;
}

/** What the plan compares of a resource: every input, and where it goes and whether it is protected. */
function comparable(resource: PlannedResource): Record<string, string> {
    const where = { "(protect)": resource.protect, "(provider)": resource.provider, ...(resource.host ? { "(host)": resource.host } : {}) };
    return {
        ...flatten(resource.inputs),
        ...Object.fromEntries(Object.entries(where).map(([key, value]) => [key, JSON.stringify(value)])),
    };
}

/** Inputs the provider cannot change in place, though it does not replace the resource either (the API says so). */
const IMMUTABLE_INPUTS: Readonly<Record<string, readonly string[]>> = {
    // "first_on_demand … cannot currently be mutated over the lifetime of a cluster" (Clusters API).
    "databricks:index/cluster:Cluster": ["awsAttributes.firstOnDemand", "azureAttributes.firstOnDemand", "gcpAttributes.firstOnDemand"],
};

export interface PropertyChange {
    property: string;
    before?: string;
    after?: string;
    /** replace: a force-new input; immutable: an update the API will not apply; update otherwise. */
    kind: "update" | "replace" | "immutable";
    /** For a notebook's source: the decoded lines removed and added. */
    lines?: Array<{ sign: "+" | "-"; text: string }>;
}

export interface PlanDiff {
    added: PlannedResource[];
    removed: PlannedResource[];
    /** Resources the head finds under a former type (an alias): the same resources. */
    renamed: Array<{ from: PlannedResource; resource: PlannedResource }>;
    changed: Array<{ resource: PlannedResource; changes: PropertyChange[] }>;
    newViolations: Array<{ policy: string; message: string; urn?: string }>;
    /** The change in price, e.g. "price: interactive cluster $0.40/h → $0.78/h". */
    price?: string;
    /** Tasks a production job gained or lost: a change in the project's snapshot. */
    tasks: Array<{ job: string; task: string; sign: "+" | "-" }>;
}

function changeOf(type: string, property: string, before: string | undefined, after: string | undefined): PropertyChange {
    const top = property.split(".")[0];
    const kind = (FORCE_NEW_INPUTS[type] ?? []).includes(top)
        ? "replace"
        : (IMMUTABLE_INPUTS[type] ?? []).includes(property)
          ? "immutable"
          : "update";
    const shown = (json: string | undefined) =>
        json === undefined ? undefined : json === "[secret]" ? json : displayValue(JSON.parse(json));
    const change: PropertyChange = { property, before: shown(before), after: shown(after), kind };
    if (type === "databricks:index/notebook:Notebook" && property === "contentBase64") {
        const decode = (json: string | undefined) => (json === undefined ? "" : Buffer.from(JSON.parse(json), "base64").toString("utf8"));
        change.lines = diffLines(decode(before), decode(after))
            .filter((part) => part.added || part.removed)
            .flatMap((part) =>
                part.value
                    .replace(/\n$/, "")
                    .split("\n")
                    .map((text) => ({ sign: part.added ? ("+" as const) : ("-" as const), text })),
            );
    }
    return change;
}

export function diffPlans(base: PlanReport, head: PlanReport): PlanDiff {
    const before = new Map(base.resources.map((resource) => [resourceKey(resource), resource]));
    const after = new Map(head.resources.map((resource) => [resourceKey(resource), resource]));
    const renamed = renamesOf(before, after);
    const changed: PlanDiff["changed"] = [];
    for (const [id, resource] of after) {
        const old = before.get(id) ?? renamed.get(id);
        if (!old) continue;
        const a = comparable(old);
        const b = comparable(resource);
        const changes = [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .filter((property) => a[property] !== b[property])
            .sort()
            .map((property) => changeOf(resource.type, property, a[property], b[property]));
        if (changes.length) changed.push({ resource, changes });
    }
    const violationKey = (policy: string, message: string) => `${policy}::${message}`;
    const oldViolations = new Set(
        base.verdicts.flatMap((verdict) => verdict.violations.map((violation) => violationKey(verdict.policy, violation.message))),
    );
    const newViolations = head.verdicts.flatMap((verdict) =>
        verdict.violations
            .filter((violation) => !oldViolations.has(violationKey(verdict.policy, violation.message)))
            .map((violation) => ({ policy: verdict.policy, ...violation })),
    );
    return {
        added: [...after].filter(([id]) => !before.has(id) && !renamed.has(id)).map(([, resource]) => resource),
        removed: [...before]
            .filter(([id, resource]) => !after.has(id) && ![...renamed.values()].includes(resource))
            .map(([, resource]) => resource),
        renamed: [...renamed].map(([id, from]) => ({ from, resource: after.get(id)! })),
        price: costChange(base.cost, head.cost),
        tasks: taskChanges(jobGraphsOf(base.resources), jobGraphsOf(head.resources)),
        changed,
        newViolations,
    };
}

export function renderDiff(diff: PlanDiff, stack: string, baseRef: string, format: "text" | "markdown"): string {
    const md = format === "markdown";
    // In Markdown, names are escaped text and values code spans; a notebook's lines go in a fenced block.
    const name = (text: string) => (md ? mdText(text) : text);
    const value = (text: string) => (md ? codeSpan(text) : text);
    const lines = [
        md
            ? `## Plan difference for stack \`${stack}\`: ${codeSpan(baseRef)} → working tree`
            : `Plan difference for stack "${stack}": ${baseRef} -> working tree`,
    ];
    for (const resource of diff.added) lines.push(`${md ? "- ➕" : "+"} ${resource.type} ${name(resource.name)}`);
    for (const resource of diff.removed) lines.push(`${md ? "- ➖" : "-"} ${resource.type} ${name(resource.name)}`);
    for (const { from, resource } of diff.renamed)
        lines.push(`${md ? "- 🏷️" : "="} ${from.type} → ${resource.type} ${name(resource.name)} (renamed by an alias: the same resource)`);
    const KIND = { update: "", replace: " (replace: force-new)", immutable: " (the API cannot change this on an existing resource)" };
    for (const { resource, changes } of diff.changed) {
        const replaced = changes.some((change) => change.kind === "replace");
        for (const change of changes) {
            const violated = diff.newViolations
                .filter((violation) => violation.urn === resource.urn)
                .map((violation) => `, policy ${violation.policy} violated`);
            const marker = md ? (replaced ? "- ♻️" : "- ✏️") : replaced ? "+-" : "~";
            if (change.lines) {
                lines.push(
                    `${marker} ${stack} ${name(resource.name)} ${change.property} (notebook source):${[...new Set(violated)].join("")}`,
                );
                const source = change.lines.map((line) => `${md ? "" : "    "}${line.sign} ${oneLine(line.text)}`);
                lines.push(...(md ? fencedDiff(source) : source));
                continue;
            }
            const [before, after] = [change.before ?? "(unset)", change.after ?? "(unset)"];
            lines.push(
                `${marker} ${stack} ${name(resource.name)} ${change.property} ${value(before)} → ` +
                    `${value(after)}${KIND[change.kind]}${[...new Set(violated)].join("")}`,
            );
        }
    }
    for (const { job, task, sign } of diff.tasks)
        lines.push(`${md ? (sign === "+" ? "- ➕" : "- ➖") : sign} task ${name(task)} ${sign === "+" ? "in" : "from"} job ${name(job)}`);
    if (diff.price) lines.push(md ? `- 💲 ${mdText(diff.price)}` : `$ ${diff.price}`);
    if (diff.added.length + diff.removed.length + diff.changed.length + diff.renamed.length === 0 && !diff.price)
        lines.push(md ? "- no change" : "no change");
    const unattached = diff.newViolations.filter((violation) => !diff.changed.some(({ resource }) => resource.urn === violation.urn));
    for (const violation of unattached)
        lines.push(`${md ? "- ❌" : "!"} policy ${violation.policy} violated: ${md ? mdText(violation.message) : violation.message}`);
    return lines.join("\n") + "\n";
}

/** Diff lines in a fenced block, indented under their list item, with a fence no line can close. */
function fencedDiff(source: string[]): string[] {
    const fence = "`".repeat(Math.max(2, ...source.flatMap((line) => [...line.matchAll(/`+/g)].map((run) => run[0].length))) + 1);
    return [`  ${fence}diff`, ...source.map((line) => `  ${line}`), `  ${fence}`];
}

/** Renders a plan, and the difference between two plans, as text or Markdown. */
import type { Plan, PlannedResource } from "./evaluate";
import { displayValue } from "./evaluate";
import { oneLine } from "../lib/text";
import { diffLines } from "diff";
import { renamesOf, resourceKey } from "./renames";
import { FORCE_NEW_INPUTS } from "../lib/replacement";
import { isSecretMarker } from "./mocks";
import type { PolicyVerdict } from "./policies";

export interface PlanReport extends Plan {
    verdicts: PolicyVerdict[];
}

/** The properties worth a reviewer's eye, per type; other types show every input. */
const KEY_PROPERTIES: Record<string, string[]> = {
    "databricks:index/cluster:Cluster": [
        "clusterName",
        "sparkVersion",
        "nodeTypeId",
        "driverNodeTypeId",
        "numWorkers",
        "autoterminationMinutes",
        "dataSecurityMode",
        "awsAttributes",
        "azureAttributes",
        "gcpAttributes",
        "noWait",
    ],
    "databricks:index/gitCredential:GitCredential": ["name", "gitProvider", "gitUsername", "personalAccessToken"],
    "databricks:index/repo:Repo": ["url", "branch", "commitHash", "path", "gitProvider"],
    "databricks:index/permissions:Permissions": ["clusterId", "notebookPath", "repoId", "jobId", "accessControls"],
    // The job's schedule and its cluster first: what runs when, on what.
    "databricks:index/job:Job": ["name", "schedule", "jobClusters", "tasks", "maxConcurrentRuns", "timeoutSeconds", "emailNotifications"],
    // A PropagationDelay: its serialized provider code is no reviewer's business.
    "pulumi-nodejs:dynamic:Resource": ["seconds", "triggers"],
    "databricks:index/notebook:Notebook": ["path", "language", "format"],
    "databricks:index/library:Library": ["pypi"],
    "pulumi:providers:databricks": [
        "host",
        "authType",
        "accountId",
        "clientId",
        "clientSecret",
        "googleServiceAccount",
        "azureWorkspaceResourceId",
    ],
};

export function keyProperties(resource: PlannedResource): Record<string, unknown> {
    const keys = KEY_PROPERTIES[resource.type] ?? Object.keys(resource.inputs).sort();
    return Object.fromEntries(keys.filter((key) => resource.inputs[key] !== undefined).map((key) => [key, resource.inputs[key]]));
}

export function mandatoryViolations(report: PlanReport): PolicyVerdict[] {
    return report.verdicts.filter((verdict) => verdict.enforcementLevel === "mandatory" && verdict.violations.length > 0);
}

/** Text for Markdown: one line, HTML shown as typed (a value holding markup never renders as it). */
const mdText = (text: string) => oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Markdown table cell: Markdown text, with the pipe that would end the cell escaped. */
const cell = (text: string) => mdText(text).replace(/\|/g, "\\|");

/** A value as a Markdown code span, which shows it literally: the fence is longer than any backtick run in it. */
function codeSpan(text: string): string {
    const line = oneLine(text);
    const fence = "`".repeat(Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
    const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
    return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string): string {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = "`".repeat(longest + 1);
    return `${fence}text\n${text}\n${fence}`;
}

export function renderPlan(report: PlanReport, format: "text" | "markdown"): string {
    const md = format === "markdown";
    const lines: string[] = [];
    const heading = (text: string) => lines.push(md ? `\n### ${text}\n` : `\n== ${text}`);
    lines.push(
        md
            ? `## Offline plan for stack \`${report.stack}\``
            : `Offline plan for stack "${report.stack}" (Pulumi mocks; no cloud was asked)`,
    );
    if (report.error) {
        heading("Invalid configuration");
        const error = report.error.split("\n").map(oneLine).join("\n");
        lines.push(md ? fenced(error) : error);
        return lines.join("\n") + "\n";
    }
    heading(`Resources (${report.resources.length})`);
    if (md) lines.push("| type | name | parent | provider | host | protect | key properties |", "|---|---|---|---|---|---|---|");
    for (const resource of report.resources) {
        const props = Object.entries(keyProperties(resource)).map(([key, value]) => `${key}=${displayValue(value)}`);
        if (md)
            lines.push(
                `| \`${cell(resource.type)}\` | ${cell(resource.name)} | ${cell(resource.parent ?? "")} | ${cell(resource.provider)} | ` +
                    `${cell(resource.host ?? "")} | ${resource.protect ? "yes" : ""} | ${props.map(cell).join("<br>")} |`,
            );
        else {
            const where = `${resource.host ? `  host=${resource.host}` : ""}${resource.protect ? "  protected" : ""}`;
            lines.push(`+ ${resource.type} ${resource.name}  parent=${resource.parent ?? "-"}  provider=${resource.provider}${where}`);
            props.forEach((prop) => lines.push(`    ${prop}`));
        }
    }
    heading("Warnings");
    const warnings = [
        ...report.warnings,
        ...report.missingSecrets.map(
            (key) =>
                `${key} is not set in Pulumi.${report.stack}.yaml; planned with a placeholder. pulumi up needs it: pulumi config set ` +
                `--secret ${key.split(":")[1]} <value> --stack ${report.stack}`,
        ),
    ];
    lines.push(...(warnings.length ? warnings.map((warning) => `- ${md ? mdText(warning) : oneLine(warning)}`) : ["- none"]));
    heading("Policies");
    if (md) lines.push("| policy | level | verdict |", "|---|---|---|");
    for (const verdict of report.verdicts) {
        const result =
            verdict.violations.length === 0
                ? "pass"
                : verdict.violations.map((violation) => (md ? cell : oneLine)(violation.message)).join(md ? "<br>" : "; ");
        lines.push(
            md
                ? `| ${verdict.policy} | ${verdict.enforcementLevel} | ${verdict.violations.length ? "❌ " : "✅ "}${result} |`
                : `${verdict.violations.length ? "FAIL" : "pass"} ${verdict.policy} (${verdict.enforcementLevel})` +
                      `${verdict.violations.length ? `: ${result}` : ""}`,
        );
    }
    const failing = mandatoryViolations(report);
    lines.push(
        "",
        failing.length
            ? `${failing.length} mandatory polic${failing.length === 1 ? "y" : "ies"} violated: ` +
                  `${failing.map((verdict) => verdict.policy).join(", ")}.`
            : "No mandatory policy violated.",
    );
    return lines.join("\n") + "\n";
}

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
    if (diff.added.length + diff.removed.length + diff.changed.length + diff.renamed.length === 0)
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

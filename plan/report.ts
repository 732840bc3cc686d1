/** Renders a plan, and the difference between two plans, as text or Markdown. */
import type { Plan, PlannedResource } from "./evaluate";
import { displayValue } from "./evaluate";
import { oneLine } from "../lib/text";
import { type PlanCost, costLines } from "./cost";
import { cell, fenced, mdText } from "./markdown";
import { jobGraphLines, jobGraphsOf } from "./jobGraph";
import type { PolicyVerdict } from "./policies";

export interface PlanReport extends Plan {
    verdicts: PolicyVerdict[];
    /** The price at list prices; none when the config was refused. */
    cost?: PlanCost;
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
        // What the validation warned of before it stopped is said with the problems.
        if (report.warnings.length > 0) {
            heading("Warnings");
            lines.push(...report.warnings.map((warning) => `- ${md ? mdText(warning) : oneLine(warning)}`));
        }
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
    const graphs = jobGraphsOf(report.resources);
    if (graphs.length > 0) {
        heading(`Jobs (${graphs.length})`);
        lines.push(...jobGraphLines(graphs, format));
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
    if (report.cost) {
        heading("Price");
        lines.push(...costLines(report.cost).map((line) => `- ${md ? mdText(line) : line}`));
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

export { type PlanDiff, type PropertyChange, diffPlans, renderDiff } from "./diff";

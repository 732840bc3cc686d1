/**
 * npm run plan -- --stack <[org/[project/]]name> [--format text|markdown|json] [--base <git-ref>]
 *
 * Prints every resource `pulumi up` would declare for the stack, the
 * program's warnings and every policy's verdict, from the stack's config
 * files alone. Exits 1 on an invalid config or a mandatory policy violation,
 * 2 on a usage error. With --base, also the difference between the plan at
 * that git ref and the working tree (in JSON, as `base`). With --root
 * (internal), plans the program in another folder.
 */
import { redact } from "../lib/redact";
import { oneLine } from "../lib/text";
import { type PlanOptions, UsageError, parseArgs } from "./args";
import { type BasePlan, planAtRef } from "./base";
import { jobGraphsOf } from "./jobGraph";
import type { PlanDiff, PlanReport } from "./report";
import { StackFileError, readStackConfig } from "./stackConfig";

/** The SDK, the program and the policies load only once the stack's files have been read: a refused file fails at once. */
const evaluation = () => ({
    ...(require("./evaluate") as typeof import("./evaluate")),
    ...(require("./policies") as typeof import("./policies")),
    ...(require("./report") as typeof import("./report")),
    policies: (require("../policy/policies") as typeof import("../policy/policies")).policies,
});

/** The plan of the program in `root` with its stack's files; `project`, from an org-qualified --stack, must be Pulumi.yaml's. */
export async function planReport(root: string, stack: string, project?: string, policyPackConfig?: string): Promise<PlanReport> {
    const files = readStackConfig(root, stack);
    if (project !== undefined && project !== files.project) {
        throw new UsageError(`--stack names the project ${project}, but Pulumi.yaml in ${root} is the project ${files.project}.`);
    }
    const { evaluatePlan, evaluatePolicies, policies } = evaluation();
    const { configuredPolicies, readPolicyPackConfig } = require("./policyConfig") as typeof import("./policyConfig");
    // Read before the program runs: a bad file is a usage error, not a plan.
    const pack = policyPackConfig ? configuredPolicies(policies, readPolicyPackConfig(policyPackConfig, policies)) : policies;
    const plan = await evaluatePlan(root, stack, files);
    const verdicts = plan.error
        ? []
        : await evaluatePolicies(
              plan.resources.map((resource) => ({
                  type: resource.type,
                  name: resource.name,
                  urn: resource.urn,
                  props: resource.inputs,
                  outputs: resource.outputs,
              })),
              pack,
          );
    return { ...plan, verdicts, ...(plan.error ? {} : { cost: (require("./cost") as typeof import("./cost")).planCost(plan.resources) }) };
}

/** Where the plan writes: the process's streams, or a test's buffers. */
export interface PlanOutput {
    stdout(text: string): void;
    stderr(text: string): void;
}

const PROCESS_OUTPUT: PlanOutput = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
};

/** The plan as written: the head's, after the difference from the base's when there is one. */
function render(options: PlanOptions, head: PlanReport, base: BasePlan | undefined): string {
    const { diffPlans, renderDiff, renderPlan } = evaluation();
    const diff: PlanDiff | undefined = base && "report" in base ? diffPlans(base.report, head) : undefined;
    const unreadable = base && "unreadable" in base ? base.unreadable : undefined;
    if (options.format === "json") {
        const baseJson = options.base && base ? { ref: options.base, ...(diff ? { diff } : { unreadable }) } : undefined;
        const withJobs = { ...head, jobs: jobGraphsOf(head.resources) };
        return `${JSON.stringify(baseJson ? { ...withJobs, base: baseJson } : withJobs)}\n`;
    }
    const plan = renderPlan(head, options.format);
    if (diff && options.base) return `${renderDiff(diff, options.stack, options.base, options.format)}\n${plan}`;
    if (unreadable === undefined) return plan;
    const note = `The plan at ${options.base} could not be read, so there is no difference to show: ${oneLine(unreadable)}`;
    return `${options.format === "markdown" ? `> ${note.replace(/</g, "&lt;")}` : note}\n\n${plan}`;
}

/** The plan's problems and warnings, one a line, as stderr says them; empty when there is none. */
function saidOf(report: PlanReport): string {
    const problems = report.error ? report.error.split("\n").map(oneLine) : [];
    const warnings = report.warnings.map((warning) => `warning: ${oneLine(warning)}`);
    return [...problems, ...warnings].map((line) => `${line}\n`).join("");
}

export async function main(argv: string[], out: PlanOutput = PROCESS_OUTPUT): Promise<number> {
    try {
        const options = parseArgs(argv);
        let head: PlanReport;
        try {
            head = await planReport(options.root, options.stack, options.project, options.policyPackConfig);
        } catch (error) {
            if (!(error instanceof StackFileError)) throw error;
            out.stderr(`${redact(oneLine(error.message))}\n`);
            return 1;
        }
        const base = options.base
            ? await planAtRef(options.root, options.base, options.stack, (root: string, stack: string) =>
                  planReport(root, stack, undefined, options.policyPackConfig),
              )
            : undefined;
        const failed = Boolean(head.error) || evaluation().mandatoryViolations(head).length > 0;
        // Every format reaches a terminal, a job summary or a PR comment: no credential leaves unmasked.
        out.stdout(redact(render(options, head, base)));
        // The problems and the warnings on stderr too, in every format: the plan is stdout's alone.
        out.stderr(redact(saidOf(head)));
        return failed ? 1 : 0;
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        out.stderr(`${redact(oneLine(error.message))}\n`);
        return 2;
    }
}

/** How Kedro reaches the cluster: kedroInstall, and kedroPackages, which must install on the runtime's Python. */
import {
    type KedroTarget,
    SERVERLESS_KEDRO_PACKAGES,
    defaultKedroPackagesFor,
    kedroFitsPython,
    kedroLinesFor,
    sparkInstallingRequirements,
} from "../../lib/kedro";
import { findLtsRelease, pythonOfRuntime, runtimeVersionOf } from "../../lib/runtime";
import { DEFAULT_SERVERLESS_ENVIRONMENT } from "../../lib/serverless";
import { configSetListCommand, projectKey } from "../errors";
import { CONTROL_CHARACTERS, isRequirementSpecifier, requirementName } from "../patterns";
import type { Reporter } from "../reporter";
import type { KedroStackSettings } from "../types";
import { parseStringList } from "../values";

/** The Python the packages must install on, and what ships it, as a problem names it. */
function pythonOf(target: KedroTarget): { python: string; shippedBy: string } | undefined {
    if (target.compute === "serverless")
        return {
            python: DEFAULT_SERVERLESS_ENVIRONMENT.python,
            shippedBy: `serverless environment ${DEFAULT_SERVERLESS_ENVIRONMENT.version}`,
        };
    const python = pythonOfRuntime(target.sparkVersion);
    const release = findLtsRelease(target.sparkVersion);
    const name = `Databricks Runtime ${runtimeVersionOf(target.sparkVersion)}${release ? " LTS" : ""}`;
    return python === undefined ? undefined : { python, shippedBy: name };
}

/** The first problem of a set kedroPackages list, or undefined when it installs. */
function packagesProblem(
    parsed: string[],
    raw: string,
    target: KedroTarget,
    stack: string,
): { value: string; allowed: string; fix?: string } | undefined {
    const bad = parsed.filter((spec) => CONTROL_CHARACTERS.test(spec) || !isRequirementSpecifier(spec.trim()));
    if (bad.length > 0)
        return {
            value: JSON.stringify(bad),
            allowed:
                'pip requirement specifiers such as "kedro==0.18.7" or "kedro-datasets[spark]~=1.3.0" ' +
                "(no URLs, options or spaces in names)",
        };
    const names = parsed.map((spec) => requirementName(spec));
    const duplicates = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
    if (duplicates.length > 0)
        return {
            value: raw,
            allowed: `each package once; ${duplicates.join(", ")} appears more than once (one cluster library per package name)`,
        };
    const kedro = parsed.map((spec) => spec.trim()).find((spec) => requirementName(spec) === "kedro");
    if (!kedro) return { value: raw, allowed: 'a list that includes kedro itself, e.g. "kedro~=1.0": the notebook loads kedro.ipython' };
    const release = pythonOf(target);
    const fit = release ? kedroFitsPython(kedro, release.python) : { fits: undefined };
    if (fit.fits !== false || !release) return undefined;
    const allowedLines = [...new Set(fit.matching.map((releases) => `${releases.line}.x`))].join(", ");
    return {
        value: raw,
        allowed:
            `a Kedro that installs on Python ${release.python}, which ${release.shippedBy} ships: ` +
            `${kedroLinesFor(release.python).join(" or ")}; ` +
            `${kedro} allows only ${allowedLines} (Requires-Python ` +
            `${[...new Set(fit.matching.map((releases) => releases.requiresPython))].join(" / ")}). ` +
            `Unset, kedroPackages follows the runtime (or serverless compute)`,
        fix: `pulumi config rm kedroPackages --stack ${stack}`,
    };
}

export function readKedro(r: Reporter, target: KedroTarget, stack: string): KedroStackSettings["kedro"] {
    const install = r.choice("kedroInstall");
    const defaults = defaultKedroPackagesFor(target);
    // An unset (or empty) list follows the runtime; a set one must install on the runtime's Python.
    const packagesRaw = r.get("kedroPackages");
    if (packagesRaw === undefined || packagesRaw === "[]") return { install, packages: defaults };
    const packagesFix = configSetListCommand(projectKey("kedroPackages"), defaults, stack);
    const parsed = parseStringList(packagesRaw);
    if (parsed === undefined || parsed.length === 0) {
        r.problem("kedroPackages", packagesRaw, "a non-empty list of pip requirement specifiers", "", { fix: packagesFix });
        return { install, packages: defaults };
    }
    const problem = packagesProblem(parsed, packagesRaw, target, stack);
    if (!problem && target.compute === "classic" && pythonOfRuntime(target.sparkVersion) === undefined)
        r.warn(
            `${projectKey("kedroPackages")} cannot be checked against ${target.sparkVersion}: its Python is not known here ` +
                "(a runtime newer than this stack's table, or of no known version), so pip decides at install time.",
        );
    if (problem) {
        r.problem("kedroPackages", problem.value, problem.allowed, "", { fix: problem.fix ?? packagesFix });
        return { install, packages: defaults };
    }
    const packages = parsed.map((spec) => spec.trim());
    const spark = target.compute === "serverless" ? sparkInstallingRequirements(packages) : [];
    if (spark.length > 0)
        r.warn(
            `${projectKey("kedroPackages")}: ${spark.join(", ")} installs PySpark or delta-spark, which Databricks says must not be ` +
                "installed beside serverless compute's databricks-connect (its pyspark is the one to use). " +
                "Drop the package or the extra: " +
                `${SERVERLESS_KEDRO_PACKAGES.join(", ")} is the serverless default.`,
        );
    return { install, packages };
}

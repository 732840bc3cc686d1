/** How Kedro reaches the cluster: kedroInstall, and kedroPackages, which must install on the runtime's Python. */
import { defaultKedroPackages, kedroFitsPython, kedroLinesFor } from "../../lib/kedro";
import { findLtsRelease } from "../../lib/runtime";
import { configSetListCommand, projectKey } from "../errors";
import { CONTROL_CHARACTERS, isRequirementSpecifier, requirementName } from "../patterns";
import type { Reporter } from "../reporter";
import type { KedroStackSettings } from "../types";
import { parseStringList } from "../values";

/** The first problem of a set kedroPackages list, or undefined when it installs. */
function packagesProblem(
    parsed: string[],
    raw: string,
    sparkVersion: string,
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
    const release = findLtsRelease(sparkVersion);
    const fit = release ? kedroFitsPython(kedro, release.python) : { fits: undefined };
    if (fit.fits !== false || !release) return undefined;
    const allowedLines = [...new Set(fit.matching.map((releases) => `${releases.line}.x`))].join(", ");
    return {
        value: raw,
        allowed:
            `a Kedro that installs on Python ${release.python}, which Databricks Runtime ${release.version} LTS ships: ` +
            `${kedroLinesFor(release.python).join(" or ")}; ` +
            `${kedro} allows only ${allowedLines} (Requires-Python ` +
            `${[...new Set(fit.matching.map((releases) => releases.requiresPython))].join(" / ")}). ` +
            `Unset, kedroPackages follows the runtime`,
        fix: `pulumi config rm kedroPackages --stack ${stack}`,
    };
}

export function readKedro(r: Reporter, sparkVersion: string, stack: string): KedroStackSettings["kedro"] {
    const install = r.choice("kedroInstall");
    // An unset (or empty) list follows the runtime; a set one must install on the runtime's Python.
    const packagesRaw = r.get("kedroPackages");
    if (packagesRaw === undefined || packagesRaw === "[]") return { install, packages: defaultKedroPackages(sparkVersion) };
    const packagesFix = configSetListCommand(projectKey("kedroPackages"), defaultKedroPackages(sparkVersion), stack);
    const parsed = parseStringList(packagesRaw);
    if (parsed === undefined || parsed.length === 0) {
        r.problem("kedroPackages", packagesRaw, "a non-empty list of pip requirement specifiers", "", { fix: packagesFix });
        return { install, packages: defaultKedroPackages(sparkVersion) };
    }
    const problem = packagesProblem(parsed, packagesRaw, sparkVersion, stack);
    if (problem) {
        r.problem("kedroPackages", problem.value, problem.allowed, "", { fix: problem.fix ?? packagesFix });
        return { install, packages: defaultKedroPackages(sparkVersion) };
    }
    return { install, packages: parsed.map((spec) => spec.trim()) };
}

import { strToU8, zipSync } from "fflate";
import { buildWheel } from "../kedroFixtures";
import { fitsPython, kedroEntryPoint, kedroRequirement, kedroVersionFits, normalizedName, readWheel } from "../../lib/wheel";

test("a Kedro project's wheel: its name, version, Requires-Python, kedro requirement and entry point", () => {
    const reading = readWheel(buildWheel({ requires: ["kedro~=1.5.0", "kedro-datasets[pandas-csvdataset]>=4.0", "pytest; extra == 'test'"] }));
    if (!("wheel" in reading)) throw new Error(reading.problem);
    expect(reading.wheel).toMatchObject({ name: "spaceflights", version: "0.1", requiresPython: ">=3.10" });
    expect(kedroEntryPoint(reading.wheel, "spaceflights")).toBe("spaceflights");
    expect(kedroRequirement(reading.wheel)).toBe("kedro~=1.5.0");
    expect(fitsPython(reading.wheel, "3.11")).toBe(true);
    expect(fitsPython(reading.wheel, "3.9")).toBe(false);
});

test("kedro's version against the requirement, as pip reads it", () => {
    expect(kedroVersionFits("kedro~=1.5.0", "1.5.2")).toBe(true);
    expect(kedroVersionFits("kedro~=1.5.0", "1.4.0")).toBe(false);
    expect(kedroVersionFits("kedro[jupyter]>=1.4,<2", "1.5.0")).toBe(true);
    expect(kedroVersionFits("kedro", "1.5.0")).toBe(true);
});

test("names compare as PEP 503 normalises them", () => {
    expect(normalizedName("Iris_Databricks")).toBe(normalizedName("iris-databricks"));
    expect(normalizedName("iris.databricks")).toBe("iris-databricks");
});

test("a file that is no wheel is a problem, never a crash", () => {
    expect(readWheel(strToU8("not a zip"))).toEqual({ problem: expect.stringContaining("not a zip archive") });
    expect(readWheel(zipSync({ "x.txt": strToU8("x") }))).toEqual({ problem: expect.stringContaining("no *.dist-info/METADATA") });
});

test("no console script runs <package>.__main__:main: no entry point", () => {
    const reading = readWheel(buildWheel({ scripts: { other: "spaceflights.cli:run" } }));
    expect("wheel" in reading && kedroEntryPoint(reading.wheel, "spaceflights")).toBeUndefined();
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LTS_RELEASES, RECOMMENDED_LTS_VERSION, endOfSupportWarning, findLtsRelease, oldestSupportedLts, recommendedLts, runtimeVersionOf } from "../../lib/runtime";

test.each([
    ["11.3.x-scala2.12", "11.3"],
    ["15.4.x-cpu-ml-scala2.12", "15.4"],
    ["13.3.x-photon-scala2.12", "13.3"],
    ["custom:my-image", undefined],
])("runtimeVersionOf(%s) is %s", (key, expected) => expect(runtimeVersionOf(key)).toBe(expected));

test("the table is ordered by version, so the first supported entry is the oldest", () => {
    const versions = LTS_RELEASES.map((release) => Number(release.version));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
});

test("11.3 LTS ships Python 3.9 and ended in October 2025", () => {
    expect(findLtsRelease("11.3.x-scala2.12")).toMatchObject({ python: "3.9", endOfSupport: "2025-10-19" });
});

test("the warning appears only after end of support", () => {
    expect(endOfSupportWarning("11.3.x-scala2.12", new Date("2025-10-18T00:00:00Z"))).toBeUndefined();
    const warning = endOfSupportWarning("11.3.x-scala2.12", new Date("2026-11-24T00:00:00Z"));
    expect(warning).toContain("Python 3.9");
    expect(warning).toContain("Kedro 0.18.x");
    // The recommended LTS, 15.4, still supported then.
    expect(warning).toContain("15.4.x-scala2.12");
});

test("unknown or supported runtimes do not warn", () => {
    const today = new Date("2026-11-24T00:00:00Z");
    expect(endOfSupportWarning("15.4.x-scala2.12", today)).toBeUndefined();
    expect(endOfSupportWarning("custom:image", today)).toBeUndefined();
    expect(oldestSupportedLts(today)?.version).toBe("14.3");
    expect(oldestSupportedLts(new Date("2030-01-01"))).toBeUndefined();
});

test("the runtime every message recommends is the README's, from one constant, until its own end of support", () => {
    expect(recommendedLts(new Date("2026-11-24"))?.version).toBe(RECOMMENDED_LTS_VERSION);
    expect(endOfSupportWarning("11.3.x-scala2.12", new Date("2026-11-24"))).toContain(`for example ${RECOMMENDED_LTS_VERSION}.x-scala2.12`);
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    expect(readme).toContain(`(for example \`${RECOMMENDED_LTS_VERSION}.x-scala2.12\``);
    // Past its end of support, the oldest supported LTS takes its place.
    const end = LTS_RELEASES.find((release) => release.version === RECOMMENDED_LTS_VERSION)!.endOfSupport;
    expect(recommendedLts(new Date(new Date(end).getTime() + 86_400_000))?.version).toBe(oldestSupportedLts(new Date(new Date(end).getTime() + 86_400_000))?.version);
});

import { IANA_NAMES_CLDR_RENAMES, checkTimeZone } from "../../lib/timeZone";

test("every current IANA name in the table is a zone Intl resolves to another (CLDR's older) name", () => {
    for (const name of IANA_NAMES_CLDR_RENAMES) {
        const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
        expect([name, resolved === name]).toEqual([name, false]);
        expect(checkTimeZone(resolved)).toEqual({ valid: true });
    }
});

test("every zone Intl lists is accepted as spelled, and refused in upper case with that spelling suggested", () => {
    for (const name of Intl.supportedValuesOf("timeZone")) {
        expect([name, checkTimeZone(name)]).toEqual([name, { valid: true }]);
        expect([name, checkTimeZone(name.toUpperCase())]).toEqual([name, { valid: false, suggestion: name }]);
    }
});

test("offsets, abbreviations and unknown names are refused with nothing to suggest", () => {
    for (const name of ["+01:00", "CET-1", "PST", "Mars/Olympus", "Europe/Paris; rm"]) expect(checkTimeZone(name)).toEqual({ valid: false });
});

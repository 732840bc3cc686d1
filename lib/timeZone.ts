/**
 * Time zone IDs as the Jobs API's scheduler (Java) reads `timezone_id`: any
 * name of the IANA database, links included (CET, US/Pacific), spelled
 * exactly. Java maps an ID it does not know, a wrongly cased one included, to
 * GMT without a word, so `EUROPE/PARIS` or `+01:00` would run the job at the
 * wrong hour: those are refused with the name they meant.
 */
import { nearest } from "./editDistance";
import { TZDB_LINKS, TZDB_VERSION, TZDB_ZONES } from "./tzdb";

const ALL_NAMES: readonly string[] = [...TZDB_ZONES, ...Object.keys(TZDB_LINKS)];
const BY_LOWER_CASE = new Map(ALL_NAMES.map((name) => [name.toLowerCase(), name]));

/** Links that are only other spellings of UTC: no warning for them. */
const UTC_SPELLINGS = new Set(["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "UCT", "Etc/UCT"]);

/**
 * Names IANA gave a zone recently, with the older name every Java time zone
 * database knows: a runtime whose database predates the rename reads the new
 * name as GMT. Zones added as new (America/Ciudad_Juarez) have no older name.
 */
export const RECENT_ZONE_NAMES: Readonly<Record<string, { since: string; olderName?: string }>> = {
    "Europe/Kyiv": { since: "2022b", olderName: "Europe/Kiev" },
    "America/Nuuk": { since: "2020a", olderName: "America/Godthab" },
    "Pacific/Kanton": { since: "2021b", olderName: "Pacific/Enderbury" },
    "America/Ciudad_Juarez": { since: "2022g" },
};

/** Abbreviations people write for a zone: none is a zone ID Java reads as meant (PST is an alias it may drop), so each names the zone. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
    PST: "America/Los_Angeles",
    PDT: "America/Los_Angeles",
    PT: "America/Los_Angeles",
    EDT: "America/New_York",
    ET: "America/New_York",
    CST: "America/Chicago",
    CDT: "America/Chicago",
    CT: "America/Chicago",
    MDT: "America/Denver",
    MT: "America/Denver",
    BST: "Europe/London",
    IST: "Asia/Kolkata",
    JST: "Asia/Tokyo",
    AEST: "Australia/Sydney",
    AEDT: "Australia/Sydney",
    CEST: "Europe/Paris",
};

export type TimeZoneCheck = { valid: true; warning?: string } | { valid: false; suggestion?: string; reason: string };

/** A fixed offset (+01:00, UTC+1, GMT-05) as the Etc zone of that offset, whose sign POSIX inverts; undefined for a partial hour. */
function offsetZone(name: string): { zone?: string; reason: string } | undefined {
    const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(name);
    if (!offset) return undefined;
    const [hours, minutes] = [Number(offset[2]), Number(offset[3] ?? "0")];
    const reason = "an offset, which Java reads as GMT here; a fixed offset is the Etc zone of it, whose sign is inverted";
    if (minutes !== 0 || hours > 14) return { reason: `${reason}, and exists for whole hours only: name the place's zone` };
    if (hours === 0) return { zone: "UTC", reason };
    const zone = `Etc/GMT${offset[1] === "+" ? "-" : "+"}${hours}`;
    return { zone: ALL_NAMES.includes(zone) ? zone : undefined, reason };
}

/** The warning for a valid name: a link, or a recent name that older Java does not know. */
function warningFor(name: string): string | undefined {
    const recent = RECENT_ZONE_NAMES[name];
    if (recent)
        return (
            `${name} is IANA's name since tzdata ${recent.since}; a scheduler whose Java time zone data is older reads it as GMT` +
            (recent.olderName ? `. ${recent.olderName}, its older name, is known to every version` : ", and it has no older name")
        );
    const target = TZDB_LINKS[name];
    if (target === undefined || UTC_SPELLINGS.has(name)) return undefined;
    return `${name} is an IANA link to ${target}, which the scheduler reads it as; ${target} is the zone's own name`;
}

/**
 * Whether the scheduler reads `name` as the zone it names: valid for every
 * IANA name (a link or a recent name with a warning); a wrong case, an
 * abbreviation, an offset or a near miss is refused with the name it meant.
 */
export function checkTimeZone(name: string): TimeZoneCheck {
    if (ALL_NAMES.includes(name)) return { valid: true, warning: warningFor(name) };
    const exact = BY_LOWER_CASE.get(name.toLowerCase());
    if (exact) return { valid: false, suggestion: exact, reason: "a name in another case than IANA's, which Java reads as GMT" };
    const abbreviation = ABBREVIATIONS[name.toUpperCase()];
    if (abbreviation) return { valid: false, suggestion: abbreviation, reason: "an abbreviation, not a zone ID" };
    const offset = offsetZone(name.replace(/\s+/g, ""));
    if (offset) return { valid: false, suggestion: offset.zone, reason: offset.reason };
    const near = nearest(name, ALL_NAMES);
    return { valid: false, suggestion: near, reason: `no name in the IANA time zone database (tzdata ${TZDB_VERSION})` };
}

/**
 * Time zone IDs as the Jobs API's scheduler (Java) reads `timezone_id`:
 * IANA names, spelled exactly. Java maps an ID it does not know, a wrongly
 * cased one included, to GMT without a word, so `EUROPE/PARIS` would run the
 * job at the wrong hour. JavaScript's Intl accepts any case and answers with
 * CLDR's canonical name, which for a few renamed zones is the older one
 * (Asia/Kolkata resolves to Asia/Calcutta); Java knows both names.
 */

/** Current IANA names that CLDR (so Intl) still resolves to their older names. */
export const IANA_NAMES_CLDR_RENAMES: readonly string[] = [
    "Africa/Asmara",
    "America/Argentina/Buenos_Aires",
    "America/Argentina/Catamarca",
    "America/Argentina/Cordoba",
    "America/Argentina/Jujuy",
    "America/Argentina/Mendoza",
    "America/Atikokan",
    "America/Indiana/Indianapolis",
    "America/Kentucky/Louisville",
    "America/Nuuk",
    "Asia/Ho_Chi_Minh",
    "Asia/Kathmandu",
    "Asia/Kolkata",
    "Asia/Yangon",
    "Atlantic/Faroe",
    "Europe/Kyiv",
    "Pacific/Chuuk",
    "Pacific/Kanton",
    "Pacific/Pohnpei",
];

/** Spellings of UTC the scheduler knows besides UTC itself. */
const UTC_NAMES = ["GMT", "Etc/UTC", "Etc/GMT"];

/** The zone Intl resolves a name to (any case), or undefined for a name no zone has. */
function resolvedZone(name: string): string | undefined {
    try {
        return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
        return undefined;
    }
}

/** Names spelled exactly as the IANA database does (and so as Java knows them); `resolved` is Intl's spelling. */
function isExactName(name: string, resolved: string): boolean {
    return (
        name === resolved ||
        Intl.supportedValuesOf("timeZone").includes(name) ||
        IANA_NAMES_CLDR_RENAMES.includes(name) ||
        UTC_NAMES.includes(name)
    );
}

export type TimeZoneCheck = { valid: true } | { valid: false; suggestion?: string };

/**
 * Whether the scheduler reads `name` as the zone it names. Offsets and
 * abbreviations are refused; a zone spelled in the wrong case, or by a
 * deprecated alias (US/Eastern), is refused with its exact spelling suggested.
 */
export function checkTimeZone(name: string): TimeZoneCheck {
    if (!/^(?:UTC|GMT|[A-Za-z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/.test(name)) return { valid: false };
    const resolved = resolvedZone(name);
    if (resolved === undefined) return { valid: false };
    if (isExactName(name, resolved)) return { valid: true };
    const sameLetters = [...IANA_NAMES_CLDR_RENAMES, ...UTC_NAMES].find((known) => known.toLowerCase() === name.toLowerCase());
    return { valid: false, suggestion: sameLetters ?? resolved };
}

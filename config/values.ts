/** Config values as Pulumi stores them, strings, read as the types Pulumi.yaml declares. Undefined: not of that type. */

export function parseInteger(raw: string): number | undefined {
    return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

export function parseBoolean(raw: string): boolean | undefined {
    const value = raw.trim().toLowerCase();
    return value === "true" ? true : value === "false" ? false : undefined;
}

/** An `array` of `string` key: the CLI hands it over as JSON. */
export function parseStringList(raw: string): string[] | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return undefined;
    }
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : undefined;
}

/** The boolean a word means (yes, on, 1, enabled; no, off, 0, disabled), for the fix of a key that takes only true or false. */
export function booleanMeant(raw: string): boolean | undefined {
    const value = raw.trim().toLowerCase();
    if (/^(?:true|t|yes|y|on|1|enabled?)$/.test(value)) return true;
    if (/^(?:false|f|no|n|off|0|disabled?|none)$/.test(value)) return false;
    return undefined;
}

/** The whole number nearest to a number within bounds (2.5 → 3, 100 → the maximum), for the fix of an integer key. */
export function nearestInteger(raw: string, min: number, max: number | undefined): number | undefined {
    const value = Number(raw.trim());
    if (raw.trim() === "" || !Number.isFinite(value)) return undefined;
    return Math.min(Math.max(Math.round(value), min), max ?? Number.MAX_SAFE_INTEGER);
}

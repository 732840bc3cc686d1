/**
 * Names that must fit a length limit and still tell stacks apart. A cut alone
 * makes `…-gprod-eu` and `…-gproduction` the same name, and then one stack's
 * create fails or its destroy deletes the other's resource; so a cut name ends
 * in a short digest of the whole name.
 */
import { createHash } from "node:crypto";

const DIGEST_LENGTH = 6;

/** A short, stable digest of a name (hexadecimal: valid in every name this project makes). */
export function nameDigest(name: string): string {
    return createHash("sha256").update(name).digest("hex").slice(0, DIGEST_LENGTH);
}

export interface BoundedNameOptions {
    /** Kept whole at the end, after the digest: `-dbx`. */
    suffix?: string;
    /** Joins the cut name and the digest, and is trimmed from the cut's end. */
    separator?: string;
}

/**
 * `base` + `suffix` when it fits in `maxLength` characters; otherwise `base`
 * cut, the separator, the digest of the whole of `base`, and `suffix`.
 */
export function boundedName(base: string, maxLength: number, options: BoundedNameOptions = {}): string {
    const { suffix = "", separator = "-" } = options;
    if (base.length + suffix.length <= maxLength) return `${base}${suffix}`;
    const tail = `${separator}${nameDigest(base)}${suffix}`;
    if (tail.length >= maxLength)
        throw new Error(`No room for a name within ${maxLength} characters with the suffix ${JSON.stringify(suffix)}.`);
    let cut = base.slice(0, maxLength - tail.length);
    while (separator && cut.endsWith(separator)) cut = cut.slice(0, -separator.length);
    return `${cut}${tail}`;
}

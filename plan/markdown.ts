/** Plan text as Markdown shows it literally: escaped text, table cells, code spans and fences no value can close. */
import { oneLine } from "../lib/text";

/**
 * Text for Markdown: one line, HTML shown as typed (a value holding markup never renders as it), brackets escaped (so
 * no value makes a link or an image), and dollars escaped: GitHub reads a pair of them ($0.64/h … $0.32) as math.
 */
export const mdText = (text: string) =>
    oneLine(text)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/([$[\]])/g, "\\$1");

/** A Markdown table cell: Markdown text, with the pipe that would end the cell escaped. */
export const cell = (text: string) => mdText(text).replace(/\|/g, "\\|");

/** A value as a Markdown code span, which shows it literally: the fence is longer than any backtick run in it. */
export function codeSpan(text: string): string {
    const line = oneLine(text);
    const fence = "`".repeat(Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
    const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
    return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenced(text: string): string {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = "`".repeat(longest + 1);
    return `${fence}text\n${text}\n${fence}`;
}

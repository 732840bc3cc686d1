/** A string as one visible line: control characters (line breaks, ANSI escapes) shown as \uXXXX escapes. */
export function oneLine(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

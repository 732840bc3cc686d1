/**
 * The shape the project keeps as it grows: it grows by adding modules, not by
 * lengthening them. No source file over 300 lines, no function over 80, no
 * line over 140 characters (bench/baseline is the naive program by design).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

const root = join(__dirname, "..");
const SOURCE_DIRS = ["config", "lib", "components", "plugin", "policy", "plan", "bench"];
const LIMITS = { fileLines: 300, functionLines: 80, lineLength: 140 };

function sources(dir: string): string[] {
    if (dir === join("bench", "baseline")) return [];
    return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [join(dir, entry.name)] : [],
    );
}

/** Every function, method, constructor and arrow function longer than `limit` lines, as `file:line (n lines)`. */
function longFunctions(file: string, text: string, limit: number): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
            const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
            const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
            if (lines > limit) found.push(`${file}:${start + 1} (${lines} lines)`);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

const files = ["index.ts", ...SOURCE_DIRS.flatMap(sources)].map((file) => ({ file, text: readFileSync(join(root, file), "utf8") }));

test("the checks see the sources, and can fail", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(longFunctions("x.ts", `function f() {\n${"    call();\n".repeat(90)}}\n`, LIMITS.functionLines)).toEqual(["x.ts:1 (92 lines)"]);
});

test(`no source file is over ${LIMITS.fileLines} lines`, () => {
    expect(files.filter(({ text }) => text.split("\n").length - 1 > LIMITS.fileLines).map(({ file }) => file)).toEqual([]);
});

test(`no function is over ${LIMITS.functionLines} lines`, () => {
    expect(files.flatMap(({ file, text }) => longFunctions(file, text, LIMITS.functionLines))).toEqual([]);
});

test(`no line is over ${LIMITS.lineLength} characters`, () => {
    const long = files.flatMap(({ file, text }) => text.split("\n").flatMap((line, index) => (line.length > LIMITS.lineLength ? [`${file}:${index + 1}`] : [])));
    expect(long).toEqual([]);
});

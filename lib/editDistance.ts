/** How far apart two words are, to suggest the key or namespace a typo meant. */

/** Edit distance, case-insensitive: how many letters to change, add or drop. */
export function editDistance(a: string, b: string): number {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++)
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[y.length];
}

/** The nearest candidate within a third of the word's length (at least 2 edits), or undefined. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
    const scored = candidates
        .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
        .sort((a, b) => a.distance - b.distance);
    const best = scored[0];
    return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

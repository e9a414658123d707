import { distance } from 'fastest-levenshtein';
/** Up to `limit` candidates close enough to `name` to be what was meant, closest first. */
export function closestNames(name, candidates, limit = 3) {
    const lower = name.toLowerCase();
    return candidates
        .map((candidate) => {
        const other = candidate.toLowerCase();
        // A containment counts only for names long enough that it is not a coincidence.
        const contains = Math.min(lower.length, other.length) >= 3 &&
            (other.includes(lower) || lower.includes(other));
        return { candidate, score: contains ? 0 : distance(lower, other) };
    })
        .filter(({ score }) => score <= Math.max(2, Math.floor(name.length / 3)))
        .sort((left, right) => left.score - right.score || left.candidate.localeCompare(right.candidate))
        .slice(0, limit)
        .map(({ candidate }) => candidate);
}
/** ` Did you mean `a` or `b`?` or the empty string. */
export function didYouMean(names) {
    if (names.length === 0)
        return '';
    const quoted = names.map((name) => `\`${name}\``);
    const last = quoted.pop();
    return ` Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}

/**
 * Words that say nothing about which tool a request needs: English function words, and the verbs
 * and courtesies with which nearly every request and nearly every tool description begins ("find",
 * "get", "please", "I want to know"). Left in, they match hundreds of tools a little each, and a
 * request of many clauses reaches past its real tools on them (measured on BFCL's 628 functions:
 * 16 cases of 400 more missed a needed tool with them than without).
 */
const STOP_WORDS = new Set(
  (
    'a an the of for and or to in on at by with from is are be as it its this that these those ' +
    'what which who whom how i me my we our you your he she they them their his her please can ' +
    'could would will shall should do does did also then than into over using use given want ' +
    'need like know find get some any each all both about if there here was were been has have ' +
    'had just let us up out'
  ).split(' '),
);

/**
 * The words of a tool's name, description or parameters, or of a request, as the tool index
 * matches them: names split at `_`, `.`, `-` and camel case (`getWeather`, `HTTPServer`),
 * lower-cased, stop words dropped, and plurals reduced to their singular (`cities` → `city`,
 * `shots` → `shot`) so that "triangles" finds `triangle_area`. Numbers are kept as written.
 */
export function toolWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map(singular);
}

/**
 * A plural's singular, by the two regular English endings (`-ies`, `-s`); words that end in `ss`,
 * `us` or `is` (`class`, `status`, `analysis`) are not plurals of that kind and stay as they are.
 */
function singular(word: string): string {
  if (/^[0-9]/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

import { parsePlanText, PlanParseError } from '../plan/index.js';
import { locateJsonSyntaxError } from '../plan/locate-json-syntax-error.js';
import { InputFileError } from './input-file-error.js';

/**
 * The JSON value of a plan file, read as `parsePlanText` reads a model's reply (a ```json fence or
 * prose around it are fine). Its errors are for the person who wrote the file, not for a model:
 * a syntax error says where (`plan.json:3:14: …`).
 */
export function parsePlanFile(path: string, text: string): unknown {
  try {
    return parsePlanText(text);
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    if (!(error.cause instanceof SyntaxError)) {
      throw new InputFileError({
        path,
        message: `${path}: no JSON object in it; a plan is one JSON object, {"steps": [...]}`,
        cause: error,
      });
    }
    // A plain JSON file fails `JSON.parse` of its whole text where it failed as a plan.
    if (text.trimStart().startsWith('{')) {
      try {
        JSON.parse(text);
      } catch (syntaxError) {
        throw InputFileError.fromJsonSyntax({ path, text, error: syntaxError as Error });
      }
    }
    // The JSON of a fence or inside prose: the plan parser knows where in the file it failed.
    const { reason } = locateJsonSyntaxError('', error.cause);
    if (error.position !== undefined) {
      throw InputFileError.atOffset({ path, text, offset: error.position, reason, cause: error });
    }
    throw new InputFileError({ path, message: `${path}: ${reason}`, cause: error });
  }
}

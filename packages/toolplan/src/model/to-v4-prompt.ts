import type {
  LanguageModelV3FilePart,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
  LanguageModelV3ToolResultPart,
} from '@ai-sdk/provider';
import type {
  LanguageModelV4FilePart,
  LanguageModelV4Message,
  LanguageModelV4Prompt,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
  SharedV4ProviderReference,
} from '@ai-sdk/provider-v4';

/**
 * A V3 prompt in V4's terms, for a V4 model called through toolplan's V3 interface. Text,
 * reasoning, tool calls and approval responses are the same in both; what differs is how files
 * are held, which follows the AI SDK's own adapters (ai@7 reads V3-era tool outputs this way):
 * - a file part's data becomes tagged: a `URL` is `{ type: 'url', url }` (with the part's
 *   `originalUrl`, which V4 keeps there), bytes or base64 text are `{ type: 'data', data }`;
 * - in a tool result's `content`, V3's file and image kinds become V4's one `file` kind: data as
 *   data; URLs as URLs (a `file-url` without a media type is `application/octet-stream`, an
 *   `image-url` is `image`); file ids as provider references (a bare id is the model's provider's,
 *   named as ai@7 names it: `openai.chat` → `{ openai: id }`), with the media type `application`
 *   or `image`.
 *
 * toolplan's own prompts are text only; the rest is for other callers of a normalised model.
 */
export function toV4Prompt(
  prompt: LanguageModelV3Prompt,
  context: { provider: string },
): LanguageModelV4Prompt {
  return prompt.map((message): LanguageModelV4Message => {
    switch (message.role) {
      case 'system':
        return message;
      case 'user':
        return {
          ...message,
          content: message.content.map((part) =>
            part.type === 'file' ? toV4FilePart(part) : part,
          ),
        };
      case 'assistant':
        return {
          ...message,
          content: message.content.map((part) => {
            if (part.type === 'file') return toV4FilePart(part);
            if (part.type === 'tool-result') return toV4ToolResultPart(part, context);
            return part;
          }),
        };
      case 'tool':
        return {
          ...message,
          content: message.content.map((part) =>
            part.type === 'tool-result' ? toV4ToolResultPart(part, context) : part,
          ),
        };
    }
  });
}

function toV4FilePart(part: LanguageModelV3FilePart): LanguageModelV4FilePart {
  // `originalUrl` is on the part in `@ai-sdk/provider` 3 and not in 4's copy of V3 (V4 keeps it
  // in the URL's data): typed here as what it is in either.
  const { data, originalUrl, ...rest } = part as LanguageModelV3FilePart & { originalUrl?: string };
  return {
    ...rest,
    data:
      data instanceof URL
        ? { type: 'url', url: data, ...(originalUrl === undefined ? {} : { originalUrl }) }
        : { type: 'data', data },
  };
}

function toV4ToolResultPart(
  part: LanguageModelV3ToolResultPart,
  context: { provider: string },
): LanguageModelV4ToolResultPart {
  return { ...part, output: toV4ToolResultOutput(part.output, context) };
}

type V3ContentItem = Extract<LanguageModelV3ToolResultOutput, { type: 'content' }>['value'][number];
type V4ContentItem = Extract<LanguageModelV4ToolResultOutput, { type: 'content' }>['value'][number];

function toV4ToolResultOutput(
  output: LanguageModelV3ToolResultOutput,
  context: { provider: string },
): LanguageModelV4ToolResultOutput {
  if (output.type !== 'content') return output;
  return { ...output, value: output.value.map((item) => toV4ContentItem(item, context)) };
}

function toV4ContentItem(item: V3ContentItem, context: { provider: string }): V4ContentItem {
  const options =
    item.providerOptions === undefined ? {} : { providerOptions: item.providerOptions };
  switch (item.type) {
    case 'text':
    case 'custom':
      return item;
    case 'file-data':
      return {
        type: 'file',
        data: { type: 'data', data: item.data },
        mediaType: item.mediaType,
        ...(item.filename === undefined ? {} : { filename: item.filename }),
        ...options,
      };
    case 'image-data':
      return {
        type: 'file',
        data: { type: 'data', data: item.data },
        mediaType: item.mediaType,
        ...options,
      };
    case 'file-url':
      return {
        type: 'file',
        data: { type: 'url', url: new URL(item.url) },
        mediaType: mediaTypeOf(item) ?? 'application/octet-stream',
        ...options,
      };
    case 'image-url':
      return {
        type: 'file',
        data: { type: 'url', url: new URL(item.url) },
        mediaType: 'image',
        ...options,
      };
    case 'file-id':
      return {
        type: 'file',
        data: { type: 'reference', reference: toReference(item.fileId, context) },
        mediaType: 'application',
        ...options,
      };
    case 'image-file-id':
      return {
        type: 'file',
        data: { type: 'reference', reference: toReference(item.fileId, context) },
        mediaType: 'image',
        ...options,
      };
  }
}

/** `file-url`'s media type: optional in `@ai-sdk/provider` 3, absent from 4's copy of V3. */
function mediaTypeOf(item: object): string | undefined {
  return 'mediaType' in item && typeof item.mediaType === 'string' ? item.mediaType : undefined;
}

function toReference(
  fileId: string | Record<string, string>,
  context: { provider: string },
): SharedV4ProviderReference {
  const owner = context.provider.split('.')[0] ?? context.provider;
  const reference: Record<string, string> =
    typeof fileId === 'string' ? { [owner]: fileId } : { ...fileId };
  return reference as SharedV4ProviderReference;
}

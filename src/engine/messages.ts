/**
 * Message ids (ESLint's `messageId` + `data`): a rule declares its wordings once in `meta.messages`,
 * with `{{placeholders}}`, and reports an id and the values. Tests then assert the id and the data,
 * so a change of wording is one edit, not one per test; tools can group findings by message.
 */
/** The values a message's placeholders take. */
export type MessageData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

export interface RenderedMessage {
  message: string;
  messageId?: string;
  data?: MessageData;
}

/** The text of a report's message: its own, or its messageId's template filled with data; or why it cannot be made. */
// The parameters are the parts of RuleMeta and ReportDescriptor this reads, written out so that
// rule.ts, which imports checkMessages from here, is not imported back.
export function renderMessage(
  meta: { readonly messages?: Record<string, string> },
  descriptor: { readonly message?: string; readonly messageId?: string; readonly data?: MessageData },
): RenderedMessage | string {
  const { message, messageId, data } = descriptor;
  if (messageId === undefined) {
    if (typeof message !== 'string' || message.trim() === '') return 'report() needs a non-empty message string';
    return { message };
  }
  if (message !== undefined)
    return 'report() gives both a message and a messageId: give one (the messageId names a wording of meta.messages)';
  const declared = meta.messages ?? {};
  if (typeof messageId !== 'string' || !Object.hasOwn(declared, messageId)) {
    const known = Object.keys(declared);
    return `report() names messageId ${JSON.stringify(messageId)}, which meta.messages does not declare${known.length ? ` (it declares ${known.join(', ')})` : ''}`;
  }
  if (
    data !== undefined &&
    (typeof data !== 'object' ||
      data === null ||
      Object.values(data).some((value) => typeof value !== 'string' && typeof value !== 'number'))
  ) {
    return `report() data of messageId ${messageId} must map placeholders to strings or numbers`;
  }
  const missing = [...declared[messageId]!.matchAll(PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((name) => !data || !Object.hasOwn(data, name));
  if (missing.length > 0) return `report() gives no data.${missing[0]} for the {{${missing[0]}}} of messageId ${messageId}`;
  const text = declared[messageId]!.replace(PLACEHOLDER, (_, name: string) => String(data![name]));
  return { message: text, messageId, ...(data ? { data: { ...data } } : {}) };
}

/** Throws a TypeError when meta.messages is not a map of message ids to texts (defineRule's check). */
export function checkMessages(id: string, messages: unknown): void {
  if (messages === undefined) return;
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages))
    throw new TypeError(`rule ${id}: meta.messages maps message ids to texts, such as { tooHigh: 'Plan {{plan}} pays {{rate}}' }`);
  for (const [key, text] of Object.entries(messages)) {
    if (typeof text !== 'string' || text.trim() === '') throw new TypeError(`rule ${id}: meta.messages.${key} must be a non-empty text`);
  }
}

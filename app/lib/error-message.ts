/**
 * The server prefixes validation messages with the field they concern ("email: A user with…",
 * "plannedEnd: The planned end is before…") so that API clients and logs can tell them apart. People
 * read the message next to the field or in a toast, where the code name is noise: drop every such
 * prefix. A prefix is a lower-camel-case identifier path (never a capitalised word) followed by ": " at
 * the start of the message or of a sentence.
 */
export function withoutFieldPrefixes(message: string): string {
  return message.replace(/(^|[.!?]\s+)[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*: /g, '$1')
}

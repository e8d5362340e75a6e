/**
 * How much the importer takes in. Shared by the form (which refuses a large file before sending it) and the server
 * (which stops reading past the limit whatever the browser said).
 */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const PAGE_MAX_BYTES = 5 * 1024 * 1024;
export const PASTE_MAX_CHARS = 1_000_000;
export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 3;
// A book-length PDF is not an essay a seminar reads in one sitting; these keep a stored essay to what a room can hold.
export const MAX_PARAGRAPHS = 3000;
// A .docx unpacked: a long essay's XML is a few megabytes; more is padding, pictures or a zip bomb.
export const DOCX_UNPACKED_MAX_BYTES = 100 * 1024 * 1024;
export const DOCX_MAX_ENTRIES = 2000;
export const MAX_PARAGRAPH_CHARS = 20_000;

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

// Parsing an uploaded PDF or .docx (parse-in-worker.ts): a 300-page text PDF takes a few seconds and well under 100 MB.
export const PARSE_TIMEOUT_MS = 20_000;
export const PARSE_MEMORY_MB = 256;
export const MAX_PARSE_WORKERS = 2;

/** What kind of file an attachment is, by extension: how to embed it and how to serve it. */
import { extname } from './paths.ts';

export type MediaKind = 'image' | 'audio' | 'video' | 'pdf' | 'page' | 'other';

const KINDS: Record<string, MediaKind> = {
  '.png': 'image', '.jpg': 'image', '.jpeg': 'image', '.gif': 'image', '.bmp': 'image', '.svg': 'image', '.webp': 'image', '.avif': 'image',
  '.mp3': 'audio', '.wav': 'audio', '.m4a': 'audio', '.ogg': 'audio', '.3gp': 'audio', '.flac': 'audio', '.webm': 'video',
  '.mp4': 'video', '.ogv': 'video', '.mov': 'video', '.mkv': 'video',
  '.pdf': 'pdf',
  // Shown in a sandboxed frame (no script, an origin of its own); rewritten inert on publish.
  '.html': 'page', '.htm': 'page',
};

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml', '.webp': 'image/webp', '.avif': 'image/avif', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
  '.m4a': 'audio/mp4', '.ogg': 'audio/ogg', '.flac': 'audio/flac', '.webm': 'video/webm', '.mp4': 'video/mp4',
  '.ogv': 'video/ogg', '.mov': 'video/quicktime', '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
};

export function mediaKindOf(path: string): MediaKind {
  return KINDS[extname(path)] ?? 'other';
}

export function contentTypeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

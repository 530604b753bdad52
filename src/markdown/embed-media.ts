/**
 * What `![[file]]` shows for a vault file that is not a note: images, audio and video as the
 * browser's own elements, PDFs and HTML pages in a frame; any other file type is linked, with a
 * visible "cannot be embedded" note and a warning (`embed-unsupported`).
 */
import type { PhrasingContent } from 'mdast';
import { mediaKindOf } from '../lib/media.ts';
import { attachmentHref, basename } from '../lib/paths.ts';
import type { Attachment } from '../lib/vault-model.ts';
import type { Wikilink } from '../lib/wikilink-syntax.ts';
import { parseEmbedLabel } from './embed-label.ts';
import { element, text } from './mdast-helpers.ts';
import type { Reporter } from './messages.ts';

export function embedFile(attachment: Attachment, link: Wikilink, base: string, problem: Reporter): PhrasingContent {
  const src = attachmentHref(base, attachment.path);
  const name = basename(attachment.path);
  const { alt, width, height } = parseEmbedLabel(link.label);
  switch (mediaKindOf(attachment.path)) {
    case 'image':
      return element('img', { src, alt: alt ?? name.replace(/\.[^.]+$/, ''), width, height, loading: 'lazy', decoding: 'async', className: ['atlas-embed-image'] });
    case 'audio':
      return element('audio', { src, controls: true, preload: 'metadata', className: ['atlas-embed-audio'], ariaLabel: alt ?? name }, [
        { type: 'link', url: src, children: [text(`Download ${name}`)] },
      ]);
    case 'video':
      return element('video', { src, controls: true, preload: 'metadata', width, height, className: ['atlas-embed-video'], ariaLabel: alt ?? name }, [
        { type: 'link', url: src, children: [text(`Download ${name}`)] },
      ]);
    case 'pdf':
      // Not sandboxed: Chromium refuses to run its PDF viewer in a sandboxed frame, and PDF
      // scripts run in the viewer's own sandbox, not in the page's origin.
      return element('iframe', { src, title: alt ?? name, loading: 'lazy', className: ['atlas-embed-pdf'], width, height });
    case 'page':
      // An HTML attachment (rewritten inert at publish time, inert-attachments.ts) in a frame
      // with every sandbox flag off: no script, no forms, no popups, an origin of its own.
      return element('iframe', { src, title: alt ?? name, loading: 'lazy', sandbox: '', className: ['atlas-embed-pdf'], width, height });
    default:
      problem({
        severity: 'warning',
        ruleId: 'embed-unsupported',
        message: `\`${link.raw}\`: a \`${name.split('.').pop()}\` file cannot be shown in a page; it is linked instead.`,
        suggestion: 'Use a link (`[[…]]`) for files that browsers cannot display.',
      });
      return element('span', { className: ['atlas-embed-unsupported'] }, [
        { type: 'link', url: src, children: [text(name)] },
        element('span', { className: ['atlas-embed-note'] }, [text(' (cannot be embedded; download it)')]),
      ]);
  }
}

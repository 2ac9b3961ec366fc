import { Marked, Token } from 'marked';
import { GUIDE_DOCUMENTS, GuideDocument, guideHref, isGuideDocument } from './guide-documents';

/** Where a document's own relative paths start from (`docs/` for the reference pages). */
function folderOf(document: GuideDocument): string {
  const file = GUIDE_DOCUMENTS[document].file;
  return file.slice('guide/'.length, file.lastIndexOf('/') + 1);
}

/**
 * A link of `document` as the guide serves it: a section (`#performance`) or another document
 * (`docs/contract.md#tasks`, `../README.md`) becomes an in-app address; pictures are fetched from
 * the guide's copy of `docs/`; other addresses are left alone.
 */
export function guideLink(href: string, document: GuideDocument, kind: 'link' | 'image'): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return href;
  if (href.startsWith('#')) return guideHref(document, href.slice(1));
  const [path, section = ''] = href.split('#');
  const resolved = new URL(path, `https://guide/${folderOf(document)}`).pathname.slice(1);
  if (kind === 'image') return `guide/${resolved}`;
  const name = resolved === 'README.md' ? 'readme' : (/^docs\/([\w-]+)\.md$/.exec(resolved)?.[1] ?? '');
  return isGuideDocument(name) ? guideHref(name, section) : `guide/${resolved}`;
}

/** Markdown to HTML for the guide, links rewritten by {@link guideLink}. The page sanitizes what it shows. */
export function renderGuide(markdown: string, document: GuideDocument): string {
  const marked = new Marked({
    gfm: true,
    walkTokens: (token: Token) => {
      if (token.type === 'link' || token.type === 'image') {
        token.href = guideLink(token.href, document, token.type);
      }
    },
  });
  return marked.parse(markdown, { async: false });
}

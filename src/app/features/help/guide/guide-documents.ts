/**
 * The documents the in-app guide shows: the README and the reference pages it links to, shipped
 * with the build (see `angular.json`'s assets) so the guide always describes the version served.
 */
export const GUIDE_DOCUMENTS = {
  readme: { file: 'guide/README.md', title: 'Guide' },
  architecture: { file: 'guide/docs/architecture.md', title: 'Architecture' },
  contract: { file: 'guide/docs/contract.md', title: "The master's contract" },
} as const;

export type GuideDocument = keyof typeof GUIDE_DOCUMENTS;

export function isGuideDocument(name: string): name is GuideDocument {
  return Object.hasOwn(GUIDE_DOCUMENTS, name);
}

/** The in-app address of a document, and of a section in it: `help/guide/contract#tasks`. */
export function guideHref(document: GuideDocument, section = ''): string {
  const path = document === 'readme' ? 'help/guide' : `help/guide/${document}`;
  return section ? `${path}#${section}` : path;
}

/** A heading's anchor as GitHub makes it, so the README's own `#section` links work here too. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GUIDE_DOCUMENTS, headingSlug } from '../../src/app/features/help/guide/guide-documents';
import { GUIDE_SECTIONS } from '../../src/app/features/help/guide/guide-sections';

/** The anchors of a Markdown document's headings, outside code blocks. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading) anchors.add(headingSlug(heading[1].replace(/[`*]/g, '')));
  }
  return anchors;
}

describe("the help page's guide sections", () => {
  it('each lands on a heading of the document it names', () => {
    for (const section of GUIDE_SECTIONS) {
      const file = GUIDE_DOCUMENTS[section.document].file.replace(/^guide\//, '');
      const anchors = anchorsOf(readFileSync(file, 'utf8'));
      assert.ok(section.anchor === '' || anchors.has(section.anchor), `${file} has no heading #${section.anchor}`);
    }
  });

  it("each of the README's own section links lands on a heading", () => {
    const readme = readFileSync('README.md', 'utf8');
    const anchors = anchorsOf(readme);
    for (const [, anchor] of readme.matchAll(/\]\(#([^)]+)\)/g)) {
      assert.ok(anchors.has(anchor), `README.md links to #${anchor}, which no heading has`);
    }
  });
});
